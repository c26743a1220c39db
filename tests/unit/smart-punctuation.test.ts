import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkSmartypants from 'remark-smartypants';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import remarkSmartPunctuation from '~/markdown/remark-smart-punctuation';
import { generateGuides } from '../../scripts/lib/generate-guides';

/** The tree after each plugin: ours must leave exactly what Astro's remark-smartypants leaves. */
function both(markdown: string, mdx = false) {
  const run = (ours: boolean) => {
    const processor = unified().use(remarkParse).use(remarkGfm);
    if (mdx) processor.use(remarkMdx);
    if (ours) processor.use(remarkSmartPunctuation);
    else processor.use(remarkSmartypants);
    return processor.runSync(processor.parse(markdown));
  };
  return { ours: run(true), theirs: run(false) };
}

const EDGE_CASES = [
  "\"Quoted\" words and 'single' ones, don't and it's, the '80s and rock 'n' roll.",
  'He said, "\'Quoted\' words in a larger quote." Then -- a dash --- and a wait... and . . . more.',
  '``Backtick quotes\'\' and "a *quote across* emphasis" and "a [linked quote](https://example.org)".',
  '"`code` inside quotes" and \'**bold**\' and "`a`"',
  '# "A heading" -- with a dash\n\n> "A quote in a blockquote..."\n\n| "a" | \'b\' |\n| --- | --- |\n| -- | ... |',
  '- "item one"\n- \'item two\'...\n\n1. Ordered -- list',
  'Dots: a. b. c... d.. e . . . f ... g.... h. . i',
  'Numbers: 3--4 pages, 10...20, 5\'10" tall, "1990s", \'90s.',
  'Footnote "quote"[^1].\n\n[^1]: "Source" -- page 3...',
  'Line one "open\nline two close" end.',
  'Unicode: «guillemets» „low" ‘already’ “already” and \u00a0"nbsp quote"\u00a0. \u2026',
  '',
  '```\n"code block" -- untouched ...\n```',
];

describe('remarkSmartPunctuation', () => {
  it('gives the same text as remark-smartypants on edge cases', () => {
    for (const markdown of EDGE_CASES) {
      const { ours, theirs } = both(markdown);
      expect(ours, markdown).toEqual(theirs);
    }
  });

  it('gives the same text in MDX, leaving script and style elements alone', () => {
    const markdown = 'A "quote" <span>in "JSX" -- text</span> <script>{"x -- y..."}</script> <>"fragment"</>';
    const { ours, theirs } = both(markdown, true);
    expect(ours).toEqual(theirs);
  });

  it('gives the same text as remark-smartypants on every guide of the library', () => {
    const dir = path.resolve('content/guides');
    const files = readdirSync(dir).filter((f) => /\.mdx?$/.test(f));
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const body = readFileSync(path.join(dir, file), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');
      const { ours, theirs } = both(body, file.endsWith('.mdx'));
      expect(ours, file).toEqual(theirs);
    }
    // Parsing every guide twice takes seconds on a busy two-core machine: past Vitest's 5 s default.
  }, 30_000);

  it('gives the same text as remark-smartypants on 60 synthetic guides', () => {
    for (const guide of generateGuides({ count: 60, seed: 11 })) {
      const body = guide.source.replace(/^---\n[\s\S]*?\n---\n/, '');
      const { ours, theirs } = both(body, guide.fileName.endsWith('.mdx'));
      expect(ours, guide.fileName).toEqual(theirs);
    }
  }, 30_000);

  it('turns quotes, dashes and dots into typographic punctuation', () => {
    const { ours } = both('"Yes" -- it\'s done...');
    expect(JSON.stringify(ours)).toContain('“Yes” — it’s done…');
  });
});
