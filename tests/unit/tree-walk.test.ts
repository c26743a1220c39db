/**
 * Every walk over a guide's tree holds a tree far deeper than the call stack allows (100,000
 * levels, built here directly: no parser would get that far in reasonable time).
 */
import type { Element, Root as HastRoot } from 'hast';
import type { Blockquote, Heading, Paragraph, PhrasingContent, Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import { fastHeadingIds } from '../../content-tools/check/headings';
import { stringValues } from '../../content-tools/check/text';
import { countWords, firstParagraph } from '~/lib/markdown-text';
import { SKIP, textOf, walkTree } from '~/lib/tree-walk';
import rehypeSafeHtml from '~/markdown/rehype-safe-html';

const DEPTH = 100_000;

/** `inner` wrapped in `depth` levels of `wrap`. */
function nest<T>(depth: number, inner: T, wrap: (child: T) => T): T {
  let node = inner;
  for (let i = 0; i < depth; i++) node = wrap(node);
  return node;
}

const emphasisAround = (text: string): PhrasingContent =>
  nest<PhrasingContent>(DEPTH, { type: 'text', value: text }, (child) => ({ type: 'emphasis', children: [child] }));

describe('walkTree and textOf', () => {
  it('visit every node in document order and skip what the visitor says', () => {
    const tree: Root = {
      type: 'root',
      children: [
        {
          type: 'paragraph',
          children: [
            { type: 'text', value: 'a' },
            { type: 'inlineCode', value: 'b' },
          ],
        },
        { type: 'code', value: 'c' },
        { type: 'paragraph', children: [{ type: 'image', url: 'x.png', alt: 'd' }] },
      ],
    };
    const seen: string[] = [];
    walkTree<{ type: string; children?: never[] }>(tree as never, (node) => {
      seen.push(node.type);
      return node.type === 'paragraph' && seen.length > 3 ? SKIP : undefined;
    });
    expect(seen).toEqual(['root', 'paragraph', 'text', 'inlineCode', 'code', 'paragraph']);
    expect(textOf(tree)).toBe('abcd');
  });

  it(`hold ${DEPTH.toLocaleString('en-GB')} levels`, () => {
    const tree: Root = { type: 'root', children: [{ type: 'paragraph', children: [emphasisAround('deep')] }] };
    let count = 0;
    walkTree<{ type: string }>(tree, () => void count++);
    expect(count).toBe(DEPTH + 3);
    expect(textOf(tree)).toBe('deep');
  });
});

describe('the walks over a guide hold a tree nested 100,000 levels deep', () => {
  it('word count and first paragraph (src/lib/markdown-text.ts)', () => {
    const paragraph: Paragraph = { type: 'paragraph', children: [emphasisAround('three deep words')] };
    const tree: Root = { type: 'root', children: [paragraph] };
    expect(countWords(tree)).toBe(3);
    expect(firstParagraph(tree)).toBe('three deep words');
  });

  it('heading collection (content-tools/check/headings.ts)', () => {
    const heading: Heading = { type: 'heading', depth: 2, children: [emphasisAround('Deep heading')] };
    const tree: Root = {
      type: 'root',
      children: [nest<Blockquote | Heading>(DEPTH, heading, (child) => ({ type: 'blockquote', children: [child] }))],
    };
    expect(fastHeadingIds(tree)).toEqual([{ depth: 2, text: 'Deep heading', slug: 'deep-heading' }]);
  });

  it('front matter strings (content-tools/check/text.ts)', () => {
    const data = { tags: nest<unknown>(DEPTH, 'deep', (child) => [child]) };
    const found = stringValues(data);
    expect(found).toHaveLength(1);
    expect(found[0]?.value).toBe('deep');
    expect(found[0]?.path).toHaveLength(DEPTH + 1);
  });

  it('the HTML sanitiser (src/markdown/rehype-safe-html.ts)', () => {
    const raw = { type: 'raw', value: '<script>alert(1)</script>' } as unknown as Element;
    const text = { type: 'text' as const, value: 'kept' };
    // Spans with handlers, each kept without them; links to javascript: URLs, each unwrapped.
    const spans = nest<Element>(
      DEPTH,
      { type: 'element', tagName: 'b', properties: {}, children: [text, raw] },
      (child) => ({
        type: 'element',
        tagName: 'span',
        properties: { onClick: 'alert(1)' },
        children: [child],
      }),
    );
    const links = nest<Element>(DEPTH, spans, (child) => ({
      type: 'element',
      tagName: 'a',
      properties: { href: 'javascript:alert(1)' },
      children: [child],
    }));
    const tree: HastRoot = { type: 'root', children: [links] };
    rehypeSafeHtml()(tree);
    let node = tree.children[0] as Element;
    let spansLeft = 0;
    let handlersLeft = 0;
    while (node.tagName === 'span') {
      spansLeft++;
      handlersLeft += Object.keys(node.properties).length;
      node = node.children[0] as Element;
    }
    expect(spansLeft).toBe(DEPTH);
    expect(handlersLeft).toBe(0);
    expect(node.tagName).toBe('b');
    expect(node.children).toEqual([text]);
  });
});
