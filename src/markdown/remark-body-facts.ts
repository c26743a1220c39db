/**
 * Computes a Markdown guide's body facts (words, reading time, first paragraph) from the syntax
 * tree Astro renders, and writes them to `file.data.astro.frontmatter`, which Astro stores with
 * the collection entry (see src/data/body-facts.ts). First among the remark plugins, so the facts
 * are those of the text as written (before typographic punctuation), as the content check counts
 * them. MDX is compiled later, outside the content sync; its facts come from the loader.
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { BODY_FACTS_KEY } from '../data/body-facts';
import { treeFacts } from '../lib/markdown-text';

export default function remarkBodyFacts() {
  return (tree: Root, file: VFile) => {
    if (/\.mdx$/i.test(file.path)) return;
    const astro = (file.data.astro ??= {});
    // A new object: Astro hands the plugins the entry's raw front matter, which is not ours to change.
    astro.frontmatter = { ...astro.frontmatter, [BODY_FACTS_KEY]: treeFacts(tree) };
  };
}
