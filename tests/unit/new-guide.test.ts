/**
 * `npm run new` and `npm run new-site` engines (scripts/lib/new-guide.ts, new-site.ts): the text
 * of a new guide passes the build's own guide check, slugs collide as the site publishes them,
 * and every refusal names what it refuses, leaving the folder as it was.
 */
import { mkdtemp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkGuideSource } from '../../content-tools/guide-files';
import { loadTagVocabulary } from '~/data/tag-vocabulary';
import {
  createGuide,
  guideWithSlug,
  isIsoDate,
  localDate,
  newGuideText,
  nextSeriesPart,
  readExistingGuides,
  resolveNewTags,
  type ExistingGuide,
} from '../../scripts/lib/new-guide';
import { newSite, STARTER_TAG, STARTER_TAGS } from '../../scripts/lib/new-site';

const VOCABULARY = {
  'carbon-aware': { label: 'Carbon-aware computing', description: 'd' },
  cloud: { label: 'Cloud', description: 'd' },
};

describe('the text of a new guide', () => {
  const fields = {
    title: 'Why: a #1 "guide" — yes',
    date: '2026-03-01',
    difficulty: 'beginner' as const,
    tags: ['carbon-aware', 'cloud'],
    mdx: false,
  };

  it('passes the guide check with no error, and only the missing description to warn about', () => {
    const { guide, diagnostics } = checkGuideSource('2026-03-01-why.md', 'x.md', newGuideText(fields));
    expect(diagnostics.map((d) => `${d.severity} ${d.rule}`)).toEqual(['warning missing-description']);
    expect(guide.frontmatter).toMatchObject({ title: fields.title, difficulty: 'beginner', tags: fields.tags });
    expect(guide.frontmatter?.date.toISOString()).toBe('2026-03-01T00:00:00.000Z');
  });

  it('reads back titles YAML would misread unquoted', () => {
    for (const title of ['Yes', 'No: really', '1e3', "It's #2", 'a\\b', '- list?', '{x}']) {
      const { guide } = checkGuideSource('g.md', 'g.md', newGuideText({ ...fields, title }));
      expect(guide.frontmatter?.title).toBe(title);
    }
  });

  it('adds the series as name and part, and an .mdx guide has no layout field', () => {
    const text = newGuideText({ ...fields, mdx: true, series: { name: 'Greener web', part: 4 } });
    const { guide, diagnostics } = checkGuideSource('2026-03-01-why.mdx', 'x.mdx', text);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(guide.frontmatter?.series).toEqual({ name: 'Greener web', part: 4 });
    expect(text).not.toMatch(/^layout:/m);
  });

  it('has a body with an intro paragraph and a ## heading', () => {
    const body = newGuideText(fields).split('---\n')[2] ?? '';
    expect(body).toMatch(/^\n\S.+\n\n## \S/);
  });
});

describe('dates', () => {
  it('takes today from the local calendar', () => {
    expect(localDate(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
  it('accepts only real dates written YYYY-MM-DD', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(['2023-02-29', '2024-2-1', '2024-13-01', 'today']).toSatisfy((xs: string[]) =>
      xs.every((x) => !isIsoDate(x)),
    );
  });
});

describe('tags', () => {
  it('takes slugs or labels, writes slugs, and names the nearest known tag for an unknown one', () => {
    expect(resolveNewTags(['Cloud', 'carbon-awre', 'cloud', 'knitting'], VOCABULARY, 'content/tags.yaml')).toEqual({
      slugs: ['cloud'],
      problems: [
        '--tags: expected a tag of content/tags.yaml, found "carbon-awre"; did you mean "carbon-aware"?',
        '--tags: expected a tag of content/tags.yaml, found "knitting"; add it there first, or choose a listed tag',
      ],
    });
  });
  it('says so when the vocabulary is empty', () => {
    expect(resolveNewTags(['Cloud'], {}, 'content/tags.yaml').problems).toEqual([
      '--tags: expected a tag of content/tags.yaml, found "Cloud", which lists no tags yet: add "cloud" there first',
    ]);
  });
  it('starts a new site with a vocabulary the schema accepts, holding the starter tag', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'gp-tags-'));
    await writeFile(path.join(dir, 'tags.yaml'), STARTER_TAGS);
    expect(Object.keys(loadTagVocabulary('tags.yaml', dir))).toEqual([STARTER_TAG]);
    await rm(dir, { recursive: true });
  });
});

describe('series', () => {
  const guides: ExistingGuide[] = [
    { file: 'a.md', slug: 'a', series: { name: 'Greener Web', part: 1, total: 2 } },
    { file: 'b.md', slug: 'b', series: { name: 'greener web', part: 3 } },
    { file: 'c.md', slug: 'c', series: { name: 'Other', part: 7 } },
    { file: 'd.md', slug: 'd', series: 'not a series' },
  ];
  it('is joined as the next part after the highest, spelled as the library spells it', () => {
    expect(nextSeriesPart(guides, 'GREENER-web')).toEqual({
      name: 'Greener Web',
      part: 4,
      declaredTotals: [{ file: 'a.md', total: 2 }],
    });
  });
  it('starts at part 1 when new', () => {
    expect(nextSeriesPart(guides, 'New path')).toEqual({ name: 'New path', part: 1, declaredTotals: [] });
  });
});

describe('with a guides folder', () => {
  let root: string;
  const options = (over: Partial<Parameters<typeof createGuide>[0]> = {}) => ({
    root,
    guidesDir: 'content/guides',
    tagsFile: 'content/tags.yaml',
    title: 'Choosing a region',
    date: '2026-03-01',
    difficulty: 'beginner' as const,
    tags: ['cloud'],
    mdx: false,
    cwd: root,
    ...over,
  });
  const listing = async () => (await readdir(path.join(root, 'content/guides'))).sort();

  beforeEach(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'gp-new-'));
    await mkdir(path.join(root, 'content/guides/nested'), { recursive: true });
    await writeFile(
      path.join(root, 'content/tags.yaml'),
      'cloud:\n  label: Cloud\n  description: d\ncarbon-aware:\n  label: Carbon-aware\n  description: d\n',
    );
    const guide = (extra: string) =>
      `---\ntitle: T\ndate: 2025-01-01\ndifficulty: beginner\ntags: [cloud]\n${extra}---\n\nBody.\n`;
    await writeFile(path.join(root, 'content/guides/2025-01-01-jekyll-named.md'), guide(''));
    await writeFile(path.join(root, 'content/guides/nested/other-name.md'), guide('slug: Overridden Slug\n'));
    await writeFile(path.join(root, 'content/guides/draft.mdx'), guide('draft: true\n'));
    await writeFile(path.join(root, 'content/guides/_notes.md'), 'not a guide');
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('reads every guide with the slug the site publishes: Jekyll prefix dropped, slug: overrides, drafts included', async () => {
    const guides = await readExistingGuides(path.join(root, 'content/guides'), (f) => path.basename(f));
    expect(guides.map((g) => g.slug).sort()).toEqual(['draft', 'jekyll-named', 'overridden-slug']);
    expect(guideWithSlug(guides, 'overridden-slug')?.file).toBe('other-name.md');
  });

  it('writes the guide and returns its path', async () => {
    const result = await createGuide(options({ series: 'Regions' }));
    expect(result).toEqual({ ok: true, file: 'content/guides/2026-03-01-choosing-a-region.md', notes: [] });
    const text = await readFile(path.join(root, 'content/guides/2026-03-01-choosing-a-region.md'), 'utf8');
    expect(text).toContain('series:\n  name: "Regions"\n  part: 1\n');
  });

  it.each([
    ['a Jekyll-named guide', 'Jekyll named', 'content/guides/2025-01-01-jekyll-named.md'],
    ['a slug: override', 'Overridden slug!', 'content/guides/nested/other-name.md'],
    ['a draft', 'Draft', 'content/guides/draft.mdx'],
  ])('refuses a slug that %s has, naming its file', async (_, title, file) => {
    const before = await listing();
    const result = await createGuide(options({ title }));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems).toEqual([
      expect.stringMatching(
        new RegExp(`^slug: expected a slug no other guide has, found "[a-z-]+", the slug of ${file};`),
      ),
    ]);
    expect(await listing()).toEqual(before);
  });

  it('never overwrites: the same title on the same day is refused and the file kept', async () => {
    const first = await createGuide(options());
    expect(first.ok).toBe(true);
    const target = path.join(root, 'content/guides/2026-03-01-choosing-a-region.md');
    await writeFile(target, 'edited by the author');
    const second = await createGuide(options({ tags: ['carbon-aware'] }));
    expect(second).toEqual({
      ok: false,
      problems: ['content/guides/2026-03-01-choosing-a-region.md: exists already; a guide is never overwritten'],
    });
    expect(await readFile(target, 'utf8')).toBe('edited by the author');
  });

  it('reports every refusal at once: unknown tags, a taken slug, too many tags', async () => {
    const result = await createGuide(options({ title: 'Draft', tags: ['clowd'] }));
    expect(!result.ok && result.problems).toEqual([
      '--tags: expected a tag of content/tags.yaml, found "clowd"; did you mean "cloud"?',
      expect.stringContaining(
        'slug: expected a slug no other guide has, found "draft", the slug of content/guides/draft.mdx',
      ),
    ]);
    const many = Array.from({ length: 11 }, (_, i) => `t${i}`);
    await writeFile(
      path.join(root, 'content/tags.yaml'),
      many.map((t) => `${t}:\n  label: ${t}\n  description: d\n`).join(''),
    );
    const tooMany = await createGuide(options({ tags: many }));
    expect(!tooMany.ok && tooMany.problems).toEqual(['tags: expected at most 10 tags, found a list of 11']);
    expect(await listing()).toEqual(['2025-01-01-jekyll-named.md', '_notes.md', 'draft.mdx', 'nested']);
  });
});

describe('starting a new site', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'gp-site-'));
    await mkdir(path.join(root, 'content/guides/img'), { recursive: true });
    await writeFile(path.join(root, 'content/guides/2025-01-01-a.md'), 'a');
    await writeFile(path.join(root, 'content/guides/img/x.svg'), 'x');
    await writeFile(path.join(root, 'content/tags.yaml'), 'cloud:\n  label: Cloud\n  description: d\n');
  });
  afterEach(() => rm(root, { recursive: true, force: true }));
  const run = (dryRun = false) =>
    newSite({
      root,
      guidesDir: 'content/guides',
      tagsFile: 'content/tags.yaml',
      examplesDir: 'examples',
      dryRun,
      cwd: root,
    });

  it('moves everything in the guides folder and the vocabulary into examples/, and leaves an empty library', async () => {
    const dry = await run(true);
    expect(dry.ok && dry.plan.moves.map((m) => path.relative(root, m.to))).toEqual([
      'examples/guides/2025-01-01-a.md',
      'examples/guides/img',
      'examples/tags.yaml',
    ]);
    expect(await readdir(root)).toEqual(['content']);
    expect((await run()).ok).toBe(true);
    expect(await readdir(path.join(root, 'content/guides'))).toEqual(['.gitkeep']);
    expect(await readFile(path.join(root, 'content/tags.yaml'), 'utf8')).toBe(STARTER_TAGS);
    expect(await readFile(path.join(root, 'examples/tags.yaml'), 'utf8')).toContain('cloud:');
    expect((await readdir(path.join(root, 'examples'))).sort()).toEqual(['README.md', 'guides', 'tags.yaml']);
  });

  it('refuses, moving nothing, when examples/ holds guides already or there is nothing to move', async () => {
    await mkdir(path.join(root, 'examples/guides'), { recursive: true });
    await writeFile(path.join(root, 'examples/guides/old.md'), 'old');
    await writeFile(path.join(root, 'examples/tags.yaml'), 'old');
    expect(await run()).toEqual({
      ok: false,
      problems: [
        'examples/guides: expected no folder or an empty one, found files; nothing there is replaced',
        'examples/tags.yaml: exists already; it is never replaced',
      ],
    });
    expect((await readdir(path.join(root, 'content/guides'))).sort()).toEqual(['2025-01-01-a.md', 'img']);
    await rm(path.join(root, 'examples'), { recursive: true });
    expect((await run()).ok).toBe(true);
    expect(await run()).toEqual({
      ok: false,
      problems: [
        'content/guides: expected the sample guides to move, found no guides (is this a new site already?)',
        'examples/guides: expected no folder or an empty one, found files; nothing there is replaced',
        'examples/tags.yaml: exists already; it is never replaced',
      ],
    });
  });
});
