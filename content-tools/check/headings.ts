/**
 * The ids a guide's headings get on the page, computed as Astro computes them: its
 * `rehypeHeadingIds` reads each heading's text from the HTML tree (after SmartyPants) and runs it
 * through one github-slugger per document, so repeats become `-1`, `-2`. Rendering every guide to
 * find out is too slow for a check that runs on every build, so headings are read from the
 * Markdown tree; when a heading holds something whose text SmartyPants or the HTML conversion
 * would change (`--`, a line break, a footnote reference, MDX), the guide goes through the real
 * pipeline instead. `tests/unit/content-check-headings.test.ts` holds both ways to the same result.
 * Node only (the exact path loads the Markdown pipeline).
 */
import { rehypeHeadingIds } from '@astrojs/markdown-remark';
import Slugger from 'github-slugger';
import type { Heading, PhrasingContent, Root } from 'mdast';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkRehype, { type Options as RemarkRehypeOptions } from 'remark-rehype';
import { unified, type PluggableList } from 'unified';
import { VFile } from 'vfile';
import { contentRemarkPlugins, remarkRehypeOptions } from '../../src/markdown/options';
import remarkSmartPunctuation from '../../src/markdown/remark-smart-punctuation';
import { SKIP, walkTree, type TreeNode } from '../../src/lib/tree-walk';

export interface HeadingId {
  depth: number;
  text: string;
  slug: string;
}

/** Heading content whose HTML text is its Markdown text; anything else takes the exact path. */
const PLAIN = new Set(['text', 'inlineCode', 'emphasis', 'strong', 'delete', 'link', 'linkReference', 'image', 'html']);
/** What SmartyPants rewrites into characters the slugger keeps apart: dashes, backtick quotes, spaced dots. */
const SMARTYPANTS_SENSITIVE = /--|``|''|\.\s+\./;
/** Astro skips raw HTML that is a lone tag when it collects heading text. */
const LONE_TAG = /^\n?<.*>\n?$/;

function plainText(heading: Heading): string | undefined {
  let text = '';
  let plain = true;
  walkTree<Heading | PhrasingContent>(heading, (node) => {
    if (node === heading) return undefined;
    if (!plain || !PLAIN.has(node.type)) {
      plain = false;
      return SKIP;
    }
    if (node.type === 'text') text += node.value.replace(/\{/g, '${');
    else if (node.type === 'inlineCode') text += node.value;
    else if (node.type === 'html' && !LONE_TAG.test(node.value)) plain = false;
    else if (node.type === 'image') return SKIP;
    return undefined;
  });
  return plain ? text : undefined;
}

function allHeadings(tree: Root): Heading[] {
  const out: Heading[] = [];
  walkTree<TreeNode>(tree, (node) => {
    if (node.type !== 'heading') return undefined;
    out.push(node as Heading);
    // Headings nest in blockquotes, lists and footnote definitions, never in other headings.
    return SKIP;
  });
  return out;
}

/** The ids from the Markdown tree, or `undefined` when one heading needs the exact path. */
export function fastHeadingIds(tree: Root): HeadingId[] | undefined {
  const slugger = new Slugger();
  const out: HeadingId[] = [];
  for (const heading of allHeadings(tree)) {
    const text = plainText(heading);
    if (text === undefined || SMARTYPANTS_SENSITIVE.test(text)) return undefined;
    out.push({ depth: heading.depth, text, slug: slugger.slug(text) });
  }
  return out;
}

const mdxNodeTypes: NonNullable<RemarkRehypeOptions['passThrough']> = [
  'mdxFlowExpression',
  'mdxJsxFlowElement',
  'mdxJsxTextElement',
  'mdxTextExpression',
  'mdxjsEsm',
];

function exactProcessor(mdx: boolean, smartypants: boolean) {
  const processor = unified().use(remarkParse);
  if (mdx) processor.use(remarkMdx);
  if (smartypants) processor.use(remarkSmartPunctuation);
  processor.use(contentRemarkPlugins as PluggableList);
  const rehypeOptions: RemarkRehypeOptions = {
    passThrough: mdx ? mdxNodeTypes : [],
    ...remarkRehypeOptions,
  };
  processor.use(remarkRehype, rehypeOptions);
  processor.use(rehypeHeadingIds);
  return processor;
}

const processors = {
  md: exactProcessor(false, true),
  mdx: exactProcessor(true, true),
  // SmartyPants is most of the exact path's cost. It only changes an id through the sequences
  // SMARTYPANTS_SENSITIVE lists (its quotes and ellipses are dropped by the slugger anyway),
  // so a body without them is processed without it, to the same ids.
  mdxPlain: exactProcessor(true, false),
  mdPlain: exactProcessor(false, false),
};

/**
 * The ids exactly as a build gives them, from the same remark plugins and Astro's own
 * `rehypeHeadingIds`. Throws when an MDX guide does not parse.
 */
export function exactHeadingIds(
  body: string,
  frontmatter: Record<string, unknown>,
  mdx: boolean,
  /** Always run SmartyPants, as a build does (the tests compare against this). */
  asBuilt = false,
): HeadingId[] {
  const plain = !asBuilt && !SMARTYPANTS_SENSITIVE.test(body);
  const processor = mdx ? (plain ? processors.mdxPlain : processors.mdx) : plain ? processors.mdPlain : processors.md;
  const file = new VFile({ value: body, path: mdx ? 'guide.mdx' : 'guide.md', data: { astro: { frontmatter } } });
  const tree = processor.parse(file);
  processor.runSync(tree, file);
  const headings = (file.data as { astro?: { headings?: { depth: number; slug: string; text: string }[] } }).astro
    ?.headings;
  return (headings ?? []).map(({ depth, slug, text }) => ({ depth, slug, text }));
}
