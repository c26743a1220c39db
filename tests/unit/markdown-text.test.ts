import { describe, expect, it } from 'vitest';
import {
  bodyFacts,
  countWords,
  firstParagraph,
  parseMarkdown,
  readingMinutes,
  truncateAtWord,
} from '~/lib/markdown-text';

describe('reading time', () => {
  it('counts prose words and leaves code blocks out', () => {
    const body = [
      'One two three four.',
      '',
      '```js',
      'const not = counted + at + all;',
      '```',
      '',
      'Five `six` seven.',
    ].join('\n');
    expect(countWords(parseMarkdown(body))).toBe(7);
  });
  it('counts link text but not link targets, and ignores MDX import lines', () => {
    expect(
      countWords(parseMarkdown('import X from "./x.astro";\n\nRead [the guide](https://example.org/a/b/c) now.')),
    ).toBe(4);
  });
  it('is words / 220 rounded, at least one minute', () => {
    expect(readingMinutes(0)).toBe(1);
    expect(readingMinutes(219)).toBe(1);
    expect(readingMinutes(330)).toBe(2);
    expect(readingMinutes(2200)).toBe(10);
  });
  it('comes out of bodyFacts for a real body', () => {
    const words = Array.from({ length: 660 }, (_, i) => `word${i}`).join(' ');
    expect(bodyFacts(words)).toMatchObject({ words: 660, readingMinutes: 3 });
  });
});

describe('description fallback', () => {
  it('is the first paragraph as plain text', () => {
    expect(firstParagraph(parseMarkdown('# Title\n\nThe **first** [paragraph](/x/).\n\nSecond.'))).toBe(
      'The first paragraph.',
    );
  });
  it('is cut at a word within 160 characters', () => {
    const long = Array.from({ length: 60 }, () => 'carbon').join(' ');
    const cut = truncateAtWord(long);
    expect(cut.length).toBeLessThanOrEqual(160);
    expect(cut.endsWith('carbon…')).toBe(true);
  });
  it('is undefined when there is no paragraph', () => {
    expect(firstParagraph(parseMarkdown('## Only a heading'))).toBeUndefined();
  });
});
