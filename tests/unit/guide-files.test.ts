import { describe, expect, it } from 'vitest';
import { checkGuideFolder, checkGuideSource, listGuideFiles } from '../../content-tools/guide-files';
import { formatShort, sortDiagnostics } from '~/schemas/errors';
import { BROKEN_ERRORS, BROKEN_WARNING } from '../fixtures/broken-expected';

describe('checking the broken fixture folder', async () => {
  const { diagnostics, guides } = await checkGuideFolder('tests/fixtures/broken');
  const lines = sortDiagnostics(diagnostics).map(formatShort);

  it('reports every error of every file in one run, each with file, line, field, expected and found', () => {
    // Sorted by file and line, the warning falls between the nested file's slug error and tags-string.
    expect(lines).toEqual([...BROKEN_ERRORS.slice(0, 7), BROKEN_WARNING, ...BROKEN_ERRORS.slice(7)]);
  });
  it('marks the unknown key as a warning and everything else as an error', () => {
    expect(diagnostics.filter((d) => d.severity === 'warning').map((d) => d.rule)).toEqual(['unknown-key']);
  });
  it('reads nested folders and skips files starting with _', async () => {
    expect(guides.map((g) => g.relativePath)).toContain('nested/same-slug.md');
    expect(await listGuideFiles('tests/fixtures/site')).not.toContain('_draft-notes.md');
  });
});

describe('hero images', () => {
  it('warn, naming the file and line, when the image file is not in public/', async () => {
    const { diagnostics } = await checkGuideFolder('tests/fixtures/site');
    expect(diagnostics.filter((d) => d.rule === 'missing-image').map(formatShort)).toEqual([
      'tests/fixtures/site/2025-03-05-beta-middle.md:8 image: expected a file at public/images/fixtures/missing.svg, found none; the guide is published without its hero image',
    ]);
    expect(diagnostics.find((d) => d.rule === 'missing-image')?.severity).toBe('warning');
  });
});

describe('checkGuideSource', () => {
  const good = '---\ntitle: T\ndate: 2025-01-01\ndifficulty: beginner\ntags: [a]\ndescription: D\n---\n\nBody.\n';
  it('passes a valid guide with no diagnostics', () => {
    const { diagnostics, guide } = checkGuideSource('2025-01-01-t.md', 'x/2025-01-01-t.md', good);
    expect(diagnostics).toEqual([]);
    expect(guide.slug).toBe('t');
    expect(guide.frontmatter?.title).toBe('T');
  });
  it('warns, naming the file, when the description is missing and the first paragraph stands in', () => {
    const { diagnostics } = checkGuideSource('t.md', 'x/t.md', good.replace('description: D\n', ''));
    expect(diagnostics.map(formatShort)).toEqual([
      'x/t.md:1 description: missing; the first paragraph stands in ("Body.")',
    ]);
    expect(diagnostics[0]?.severity).toBe('warning');
  });
  it('points at the line of a nested field', () => {
    const source =
      '---\ntitle: T\ndate: 2025-01-01\ndifficulty: beginner\ntags: [a]\ndescription: D\nseries:\n  name: P\n  part: zero\n---\n';
    const { diagnostics } = checkGuideSource('t.md', 't.md', source);
    expect(diagnostics.map(formatShort)).toEqual([
      't.md:9 series.part: expected a whole number from 1, found the string "zero"',
    ]);
  });
  it('rejects a layout field in an .mdx guide, which MDX would import as a component', () => {
    const source = good.replace('tags: [a]\n', 'tags: [a]\nlayout: guide\n');
    expect(checkGuideSource('t.md', 't.md', source).diagnostics).toEqual([]);
    expect(checkGuideSource('t.mdx', 'x/t.mdx', source).diagnostics.map(formatShort)).toEqual([
      'x/t.mdx:6 layout: expected no layout field in an .mdx guide (MDX would import it as a layout component), found one',
    ]);
  });
  it('reports a file with no front matter at all', () => {
    const { diagnostics } = checkGuideSource('t.md', 't.md', 'Just text.\n');
    expect(diagnostics.map((d) => d.message)).toEqual([
      'front matter: expected a --- block with title, date, difficulty and tags at the top of the file, found none',
    ]);
  });
  it('reports an unclosed front matter block', () => {
    const { diagnostics } = checkGuideSource('t.md', 't.md', '---\ntitle: T\n');
    expect(diagnostics.map((d) => d.message)).toEqual([
      'YAML syntax: the front matter opened with --- is never closed by a --- line',
    ]);
  });
});
