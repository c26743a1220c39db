import { describe, expect, it } from 'vitest';
import { analyseBody } from '../../content-tools/check/analyse';
import { LineIndex } from '../../content-tools/check/positions';

describe('LineIndex', () => {
  const text = 'ab\ncd\n\nxyz';
  const lines = new LineIndex(text);

  it('turns an offset into a 1-based line and column', () => {
    expect(lines.at(0)).toEqual({ line: 1, column: 1 });
    expect(lines.at(2)).toEqual({ line: 1, column: 3 });
    expect(lines.at(3)).toEqual({ line: 2, column: 1 });
    expect(lines.at(6)).toEqual({ line: 3, column: 1 });
    expect(lines.at(text.length)).toEqual({ line: 4, column: 4 });
  });

  it('finds where a line starts, clamped to the text', () => {
    expect(lines.lineStart(2)).toBe(3);
    expect(lines.lineStart(4)).toBe(7);
    expect(lines.lineStart(99)).toBe(7);
    expect(lines.lineStart(0)).toBe(0);
  });
});

describe('positions of raw HTML links', () => {
  it('are the file line and column of the tag', () => {
    const body = 'Intro.\n\n<p>See <a href="/guides/x/">x</a> and\n<img src="/images/a.png" alt=""></p>\n';
    const { links } = analyseBody(body, { bodyLine: 5, mdx: false, frontmatter: {} });
    const html = links.filter((link) => link.kind === 'html-link' || link.kind === 'html-image');
    expect(html.map(({ kind, line, column }) => ({ kind, line, column }))).toEqual([
      { kind: 'html-link', line: 7, column: 8 },
      { kind: 'html-image', line: 8, column: 1 },
    ]);
  });
});
