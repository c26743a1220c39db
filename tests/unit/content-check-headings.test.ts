import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exactHeadingIds, fastHeadingIds } from '../../content-tools/check/headings';
import { parseGuideSource } from '../../content-tools/frontmatter';
import { listGuideFiles } from '../../content-tools/guide-files';
import { parseMarkdown } from '~/lib/markdown-text';
import { guideRecord, guideText } from './support/guide-record';

const ids = (list: { slug: string }[] | undefined): string[] | undefined => list?.map((h) => h.slug);
const slugs = (list: { slug: string }[]): string[] => list.map((h) => h.slug);

describe('heading ids', () => {
  it('match the build pipeline (Astro’s rehypeHeadingIds after SmartyPants) on every guide in content/', async () => {
    const dir = 'content/guides/';
    // Recursive: translations live in language folders (content/guides/<code>/).
    for (const file of await listGuideFiles(dir)) {
      const parsed = parseGuideSource(readFileSync(dir + file, 'utf8'));
      const mdx = file.endsWith('.mdx');
      const exact = exactHeadingIds(parsed.body, parsed.data, mdx, true).filter((h) => h.slug !== 'footnote-label');
      expect(ids(guideRecord(file, readFileSync(dir + file, 'utf8')).analysis.headings), file).toEqual(ids(exact));
    }
  }, 60_000);

  it('take the fast path for plain headings, and agree with the exact one', () => {
    const body = [
      '## Why it’s “green”',
      '## Use `npm ci` and **bold** _text_',
      '## Repeat',
      '## Repeat',
      '## Café & Ünïcode 😊',
      '## [Linked](/guides/x/) heading',
      '## C++ / Rust {braces}',
    ].join('\n\n');
    const fast = fastHeadingIds(parseMarkdown(body));
    expect(ids(fast)).toEqual([
      'why-its-green',
      'use-npm-ci-and-bold-text',
      'repeat',
      'repeat-1',
      'café--ünïcode-',
      'linked-heading',
      'c--rust-braces',
    ]);
    expect(ids(fast)).toEqual(ids(exactHeadingIds(body, {}, false, true)));
    expect(ids(exactHeadingIds(body, {}, true))).toEqual(ids(exactHeadingIds(body, {}, true, true)));
  });

  it('hand SmartyPants-sensitive headings to the exact pipeline', () => {
    const body = '## Before -- after\n\n## A line\\\nbreak\n\n## Note[^1]\n\n[^1]: A note.\n';
    expect(fastHeadingIds(parseMarkdown(body))).toBeUndefined();
    // SmartyPants turns -- into an em dash, which the slugger drops: "before--after", not "before----after".
    expect(ids(guideRecord('x.md', guideText('', body)).analysis.headings)).toEqual(
      slugs(exactHeadingIds(body, {}, false)).filter((s) => s !== 'footnote-label'),
    );
    expect(slugs(exactHeadingIds(body, {}, false))[0]).toBe('before--after');
  });

  it('does not count a first H1 equal to the title as a link target', () => {
    const record = guideRecord('x.md', guideText('', '# A guide\n\n## Part\n'));
    expect(record.analysis.headings.map((h) => [h.slug, h.droppedAsTitle])).toEqual([
      ['a-guide', true],
      ['part', false],
    ]);
    expect([...record.analysis.anchors]).toEqual(['part']);
  });

  it('reports an MDX guide that does not parse, with its line', () => {
    const record = guideRecord('x.mdx', guideText('', 'Fine.\n\n<div>\n\nText </span>\n'));
    expect(record.analysis.parseError).toEqual({
      message: 'Unexpected closing tag `</span>`, expected corresponding closing tag for `<div>`',
      line: 13,
      column: 6,
    });
  });
});
