/**
 * Lets Astro's render take the syntax tree the content check already parsed, so a cold build
 * parses each Markdown guide once instead of twice (the parse is most of the check's time and a
 * large part of the content sync's).
 *
 * The check (content-tools/check/analyse.ts) parses the exact text Astro renders, with the same
 * micromark and mdast extensions remark-parse and remark-gfm use, and keeps the tree here, by the
 * guide's absolute path, when the build asks for it. This plugin, first among the remark plugins,
 * replaces unified's parser with one that hands over that tree when the path and the whole text
 * are the same, and parses as before otherwise (a tree is taken once: the render's plugins change
 * it). The check leaves out one pass of the parse, the search for bare `www.` and e-mail
 * addresses in text (src/lib/markdown-text.ts); it runs here, on the kept tree, so the render
 * gets the tree remark-parse would have given it. tests/unit/reuse-parse.test.ts holds both to
 * the same trees and HTML and counts the parser's calls.
 */
import type { Root } from 'mdast';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import type { Processor } from 'unified';
import type { VFile } from 'vfile';

interface KeptTree {
  text: string;
  tree: Root;
}

/** Trees the check parsed and the render has not taken yet, by absolute file path. */
const kept = new Map<string, KeptTree>();

/** The passes fromMarkdown runs after building the tree, in its order; the check skips them. */
const deferredTransforms = gfmFromMarkdown().flatMap((extension) => extension.transforms ?? []);

/** Keeps `tree`, parsed from `text` without the deferred passes, for the render of `filePath`. */
export function keepTreeForRender(filePath: string, text: string, tree: Root): void {
  kept.set(filePath, { text, tree });
}

/** The kept tree of `filePath` when it was parsed from `text`, completed; it is kept no longer. */
export function takeKeptTree(filePath: string | undefined, text: string): Root | undefined {
  if (filePath === undefined) return undefined;
  const entry = kept.get(filePath);
  if (!entry) return undefined;
  kept.delete(filePath);
  if (entry.text !== text) return undefined;
  let tree = entry.tree;
  for (const transform of deferredTransforms) tree = (transform(tree) as Root | undefined) ?? tree;
  return tree;
}

/** Forgets every kept tree: the build calls it once the content sync is over. */
export function releaseKeptTrees(): number {
  const count = kept.size;
  kept.clear();
  return count;
}

export default function remarkReuseParse(this: Processor) {
  const parse = this.parser;
  if (!parse) return;
  // unified 11 calls the parser with the document's text and its file.
  this.parser = (text: string, file: VFile) => takeKeptTree(file.path, text) ?? parse(text, file);
}
