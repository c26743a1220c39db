/**
 * Facts computed from a guide's Markdown body: its words, reading time and first paragraph. Pure; parsed with mdast so code
 * blocks, link targets and HTML are never counted as prose.
 */
import type { Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { SKIP, textOf, walkTree } from './tree-walk';

export const WORDS_PER_MINUTE = 220;
export const DESCRIPTION_MAX = 160;

/**
 * GFM without the pass that finds bare `www.` and e-mail addresses in text: it costs a tenth of
 * the parse, and no word count or link check needs it (bare addresses stay text, same words).
 */
const gfmWithoutLiteralScan = gfmFromMarkdown().map((extension) => ({ ...extension, transforms: [] }));

/**
 * `esmLines: 'keep'` parses a `.md` body as Astro renders it. By default MDX import/export lines
 * are blanked first: they are not prose (the lines stay, so lines and columns do too).
 */
export function parseMarkdown(
  body: string,
  options: { literalAutolinks?: boolean; esmLines?: 'blank' | 'keep' } = {},
): Root {
  const text = options.esmLines === 'keep' ? body : body.replace(/^(?:import|export)\s[^\n]*$/gm, '');
  const mdastExtensions = options.literalAutolinks === false ? gfmWithoutLiteralScan : [gfmFromMarkdown()];
  return fromMarkdown(text, { extensions: [gfm()], mdastExtensions });
}

/** The words of text and inline code, each node's apart from the next. */
function proseOf(tree: Root): string {
  const parts: string[] = [];
  walkTree<Root | Root['children'][number]>(tree, (node) => {
    if (node.type === 'code' || node.type === 'html' || node.type === 'yaml') return SKIP;
    if (node.type === 'inlineCode' || node.type === 'text') parts.push(node.value);
    return undefined;
  });
  return parts.join(' ');
}

export function countWords(tree: Root): number {
  const words = proseOf(tree).match(/[\p{Letter}\p{Number}][\p{Letter}\p{Number}'’.-]*/gu);
  return words ? words.length : 0;
}

/** Whole minutes at about 220 words a minute, never less than one. */
export function readingMinutes(words: number): number {
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}

/** Cuts plain text to at most `max` characters at a word boundary, with an ellipsis when cut. */
export function truncateAtWord(text: string, max = DESCRIPTION_MAX): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s,;:.–—-]+$/, '')}…`;
}

/** The plain text of the first paragraph, the stand-in for a missing description. */
export function firstParagraph(tree: Root): string | undefined {
  for (const node of tree.children) {
    if (node.type === 'paragraph') {
      const text = textOf(node).replace(/\s+/g, ' ').trim();
      if (text && !/^<[A-Za-z]/.test(text)) return truncateAtWord(text);
    }
  }
  return undefined;
}

export interface BodyFacts {
  words: number;
  readingMinutes: number;
  firstParagraph: string | undefined;
}

/** The facts of a parsed body (src/markdown/remark-body-facts.ts hands it the tree Astro renders). */
export function treeFacts(tree: Root): BodyFacts {
  const words = countWords(tree);
  return { words, readingMinutes: readingMinutes(words), firstParagraph: firstParagraph(tree) };
}

export function bodyFacts(body: string): BodyFacts {
  return treeFacts(parseMarkdown(body));
}
