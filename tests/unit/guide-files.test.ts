import { describe, expect, it } from 'vitest';
import { checkGuideFolder, checkGuideSource, listGuideFiles } from '~/lib/guide-files';
import { formatShort, sortDiagnostics } from '~/schemas/errors';

describe('checking the broken fixture folder', async () => {
  const { diagnostics, guides } = await checkGuideFolder('tests/fixtures/broken');
  const lines = sortDiagnostics(diagnostics).map(formatShort);

  it('reports every error of every file in one run, each with file, line, field, expected and found', () => {
    expect(lines).toEqual([
      'tests/fixtures/broken/2025-02-02-same-slug.md:1 slug: expected a slug no other guide has, found "same-slug", also the slug of tests/fixtures/broken/nested/same-slug.md',
      'tests/fixtures/broken/bad-date.md:3 date: expected a date such as 2024-05-01 (YAML date or ISO 8601), found the string "last tuesday"',
      'tests/fixtures/broken/bad-yaml.md:6:1 YAML syntax: Flow sequence in block collection must be sufficiently indented and end with a ]',
      'tests/fixtures/broken/bad-yaml.md:8:9 YAML syntax: Nested mappings are not allowed in compact mappings',
      'tests/fixtures/broken/expert.md:4 difficulty: expected one of beginner, intermediate, advanced, found the string "expert"',
      'tests/fixtures/broken/missing-title.md:1 title: expected a non-empty title, found nothing (the field is missing)',
      'tests/fixtures/broken/nested/same-slug.md:1 slug: expected a slug no other guide has, found "same-slug", also the slug of tests/fixtures/broken/2025-02-02-same-slug.md',
      'tests/fixtures/broken/nested/same-slug.md:7 dificulty: unknown field; did you mean `difficulty`?',
      'tests/fixtures/broken/tags-string.md:5 tags: expected a list of 1 to 10 tags, such as [cloud, carbon-aware], found the string "cloud, carbon"',
    ]);
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
