import { parseFrontmatter } from '@astrojs/markdown-remark';
// The module Astro's glob loader (its .md entry type) and @astrojs/mdx import the function from.
import { parseFrontmatter as loadersParseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import { describe, expect, it } from 'vitest';
import { parseGuideSource } from '../../content-tools/frontmatter';

/** How Astro reads a guide's front matter for the collection: its data, or the error it throws. */
function astroRead(source: string): { frontmatter: unknown; rawFrontmatter: string; content: string } | Error {
  try {
    // `empty-with-spaces` is the mode the loaders use: the front matter blanked, every offset kept.
    return parseFrontmatter(source, { frontmatter: 'empty-with-spaces' });
  } catch (error) {
    return error as Error;
  }
}

interface EdgeCase {
  name: string;
  source: string;
  /** Where we refuse the file (Astro's parser throws, or reads no front matter or no mapping, so its schema fails). */
  refused?: { line: number; message?: RegExp };
}

const CASES: EdgeCase[] = [
  { name: 'plain', source: '---\ntitle: T\ntags: [a, b]\n---\n\nBody.\n' },
  { name: 'CRLF line ends', source: '---\r\ntitle: T\r\n---\r\n\r\nBody.\r\n' },
  { name: 'a byte-order mark', source: '\uFEFF---\ntitle: T\n---\nBody.\n' },
  { name: 'a blank line before ---', source: '\n---\ntitle: T\n---\n\nBody.\n' },
  { name: 'blank and white-space lines before ---', source: '\n  \n\t\n---\ntitle: T\n---\nBody.\n' },
  { name: 'a byte-order mark and a blank line', source: '\uFEFF\n---\ntitle: T\n---\nBody.\n' },
  {
    name: 'a YAML ... end marker and no later ---',
    source: '---\ntitle: T\n...\n\nBody.\n',
    refused: { line: 1, message: /never closed.*`\.\.\.` on line 3/ },
  },
  {
    name: 'a YAML ... end marker and a thematic break later',
    source: '---\ntitle: T\n...\n\nBody.\n\n---\n\nMore.\n',
    refused: { line: 3, message: /`\.\.\.`.*line 7/ },
  },
  { name: '--- lines with trailing spaces', source: '---  \ntitle: T\n--- \t\nBody.\n' },
  { name: 'empty front matter', source: '---\n---\n\nBody.\n' },
  { name: 'empty front matter, CRLF', source: '---\r\n---\r\nBody.\r\n' },
  { name: 'front matter of comments only', source: '---\n# nothing yet\n---\nBody.\n' },
  { name: 'no front matter', source: '# Title\n\nBody.\n' },
  { name: 'no front matter, a byte-order mark', source: '\uFEFFBody.\n' },
  { name: 'a thematic break that is no front matter', source: 'Intro.\n\n---\n\nMore.\n' },
  { name: 'front matter only, no final line break', source: '---\ntitle: T\n---' },
  { name: 'text straight after the closing ---', source: '---\ntitle: T\n---Body.\n' },
  { name: 'a closing line of four dashes', source: '---\ntitle: T\n----\nBody.\n' },
  { name: '--- inside a block scalar', source: '---\ntitle: T\nnote: |\n  ---\n  kept\n---\nBody.\n' },
  {
    name: '--- at the start of a line inside a quoted scalar',
    source: '---\ntitle: "one\n---two"\n---\nBody.\n',
    refused: { line: 3 },
  },
  { name: 'a tab in indentation', source: '---\ntitle: T\ntags:\n\t- a\n---\nBody.\n', refused: { line: 4 } },
  { name: 'a duplicate key', source: '---\ntitle: T\ntitle: U\n---\nBody.\n', refused: { line: 3 } },
  {
    name: 'dates and timestamps',
    source: '---\ndate: 2025-01-31\nupdated: 2025-02-01T10:30:00Z\nversion: 1.10\nzip: 012\n---\nBody.\n',
  },
  {
    name: 'anchors, aliases and a merge key',
    source:
      '---\nbase: &b\n  name: Path\n  part: 1\nseries:\n  <<: *b\n  part: 2\ntags: &t [a]\nalso: *t\n---\nBody.\n',
  },
  {
    name: 'a YAML error after blank lines',
    source: '\n\n---\ntitle: T\ntags: [a\ndate: 2025-01-01\n---\nBody.\n',
    refused: { line: 6 },
  },
  { name: 'a list, not a mapping', source: '---\n- a\n- b\n---\nBody.\n', refused: { line: 2, message: /mapping/ } },
  {
    name: 'a string, not a mapping',
    source: '---\njust words\n---\nBody.\n',
    refused: { line: 2, message: /mapping/ },
  },
  { name: 'never closed', source: '---\ntitle: T\n\nBody.\n', refused: { line: 1, message: /never closed/ } },
  { name: 'TOML between +++ lines', source: '+++\ntitle = "T"\ntags = ["a"]\n+++\nBody.\n' },
  { name: 'bad TOML', source: '+++\ntitle = "T"\ntags = \n+++\nBody.\n', refused: { line: 3 } },
];

describe('reading front matter as Astro does', () => {
  it('uses the very parser the glob loader and @astrojs/mdx use', () => {
    // If a future Astro parses front matter elsewhere, this fails and the table below must follow it.
    expect(parseFrontmatter).toBe(loadersParseFrontmatter);
  });

  it.each(CASES)('$name', ({ source, refused }) => {
    const ours = parseGuideSource(source);
    const astro = astroRead(source);
    const bodyStart = source.length - ours.body.length;
    expect(source.slice(bodyStart), 'the body is the end of the file').toBe(ours.body);

    if (refused) {
      expect(ours.yamlErrors.length, 'refused with a message').toBeGreaterThan(0);
      expect(ours.yamlErrors[0]?.line).toBe(refused.line);
      if (refused.message) expect(ours.yamlErrors[0]?.message).toMatch(refused.message);
    } else {
      expect(astro, 'Astro accepts it').not.toBeInstanceOf(Error);
      expect(ours.yamlErrors).toEqual([]);
    }
    if (astro instanceof Error) {
      expect(refused, `Astro throws "${astro.message.split('\n')[0]}": the check must refuse it`).toBeDefined();
      return;
    }

    // Agreement on whether there is front matter, on its data, and on where the body starts.
    expect(ours.hasFrontmatter).toBe(astro.rawFrontmatter !== '');
    const mapping = astro.frontmatter !== null && !Array.isArray(astro.frontmatter);
    expect(ours.data).toEqual(mapping ? astro.frontmatter : {});
    expect(astro.content.slice(bodyStart), 'Astro’s body from our offset on').toBe(ours.body);
    expect(astro.content.slice(0, bodyStart).trim(), 'nothing of Astro’s body before our offset').toBe('');
    // The glob loader renders `content.trim()`.
    expect(ours.body.trim()).toBe(astro.content.trim());
  });

  it('names the body’s first line in the file, after blank lines and a BOM', () => {
    expect(parseGuideSource('\n\n---\ntitle: T\n---\nBody.\n').bodyLine).toBe(6);
    expect(parseGuideSource('\uFEFF---\r\ntitle: T\r\n---\r\n\r\nBody.\r\n').bodyLine).toBe(4);
    expect(parseGuideSource('No front matter.\n').bodyLine).toBe(1);
  });

  it('locates fields on their lines in the file', () => {
    const parsed = parseGuideSource('\n\n---\ntitle: T\nseries:\n  name: P\n  part: 2\ntags: [a, b]\n---\nBody.\n');
    expect(parsed.locate(['title'])).toEqual({ line: 4, column: 1 });
    expect(parsed.locate(['series', 'part'])).toEqual({ line: 7, column: 3 });
    expect(parsed.locate(['tags', 1])).toEqual({ line: 8, column: 11 });
    // A missing field: its nearest present parent.
    expect(parsed.locate(['series', 'missing'])).toEqual({ line: 5, column: 1 });
  });

  it('puts a YAML error on the first line of the front matter at its column in the file', () => {
    expect(parseGuideSource('---title: T: U\n---\nBody.\n').yamlErrors).toEqual([
      { line: 1, column: 11, message: 'Nested mappings are not allowed in compact mappings' },
    ]);
  });
});
