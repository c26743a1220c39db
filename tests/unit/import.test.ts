import { createHash } from 'node:crypto';
import { cp, mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseGuideSource } from '../../content-tools/frontmatter';
import { runImport, type ImportResult } from '../../content-tools/import/run';
import { DAMAGES } from '../fixtures/damage-sources/manifest';

const JEKYLL = 'tests/fixtures/import-jekyll/_guides';
const OUT = `.greenpath/test-guides/unit-import-${process.pid}`;
afterAll(() => rm(OUT, { recursive: true, force: true }));

async function hashTree(dir: string): Promise<string> {
  const hash = createHash('sha256');
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  for (const entry of entries.filter((e) => e.isFile()).sort((a, b) => a.name.localeCompare(b.name))) {
    const file = path.join(entry.parentPath, entry.name);
    hash.update(file).update(await readFile(file));
  }
  return hash.digest('hex');
}

const byName = (result: ImportResult) =>
  Object.fromEntries(result.files.map((f) => [path.basename(f.source), f] as const));

describe('importing the Jekyll collection', async () => {
  const out = `${OUT}/jekyll`;
  const sourceHash = await hashTree(JEKYLL);
  const result = await runImport({ sources: [JEKYLL], out });
  const files = byName(result);

  it('imports every file it can and skips the others with file, line and reason', () => {
    expect(result.files.filter((f) => f.status === 'skipped').map((f) => [f.source, f.problems])).toEqual([
      [
        `${JEKYLL}/2024-03-15-cdn-caching.md`,
        [{ line: 9, column: 9, message: 'YAML syntax: Nested mappings are not allowed in compact mappings' }],
      ],
      [
        `${JEKYLL}/2024-06-20-no-difficulty.md`,
        [{ line: 1, column: 1, message: 'missing required field difficulty (pass --difficulty to set one)' }],
      ],
    ]);
    expect(result.files.filter((f) => f.status === 'imported')).toHaveLength(13);
  });

  it('normalises the front matter to the schema and keeps the body byte for byte', async () => {
    const source = await readFile(`${JEKYLL}/2024-03-01-green-hosting-basics.md`, 'utf8');
    const written = await readFile(`${out}/2024-03-01-green-hosting-basics.md`, 'utf8');
    expect(written.slice(0, written.indexOf('\n---\n') + 5)).toBe(
      [
        '---',
        'title: Green hosting basics',
        'date: 2024-03-01',
        'difficulty: beginner',
        'tags: [hosting, renewable-energy]',
        'description: What a green host actually promises, and the three questions to ask before you move a site.',
        'estimated_time: 2 min read',
        'image: /assets/images/guides/solar-roof.svg',
        'image_credit: Low Carbon Web Notes',
        'image_credit_url: https://example.org/credits',
        'series:',
        '  name: Greener hosting',
        '  part: 1',
        '  total: 2',
        '  next: measuring-page-weight',
        'related: [measuring-page-weight]',
        '---',
        '',
      ].join('\n'),
    );
    expect(parseGuideSource(written).body).toBe(parseGuideSource(source).body);
  });

  it('turns published: false into a draft and a tag string into a list', async () => {
    const draft = parseGuideSource(await readFile(`${out}/2024-04-02-draft-idea.md`, 'utf8')).data;
    expect(draft).toMatchObject({ draft: true, tags: ['design', 'energy'] });
    expect(draft).not.toHaveProperty('published');
    expect(files['2024-04-02-draft-idea.md']?.notes).toEqual([
      'tags: the string "design energy" became the list [design, energy]',
      'published: false became draft: true',
    ]);
  });

  it('rewrites a link only where the slug changed', async () => {
    expect(files['2024-04-10-Lazy_Loading_Images.md']?.target).toBe(`${out}/2024-04-10-lazy-loading-images.md`);
    expect(files['2024-03-08-measuring-page-weight.md']?.rewrites).toEqual([
      { line: 29, column: 1, from: '/guides/Lazy_Loading_Images/', to: '/guides/lazy-loading-images/' },
    ]);
    const before = parseGuideSource(await readFile(`${JEKYLL}/2024-03-08-measuring-page-weight.md`, 'utf8')).body;
    const after = parseGuideSource(await readFile(`${out}/2024-03-08-measuring-page-weight.md`, 'utf8')).body;
    expect(after).toBe(before.replace('/guides/Lazy_Loading_Images/', '/guides/lazy-loading-images/'));
  });

  it.each(DAMAGES.filter((d) => d.reversible).map((d) => [d.target, d] as const))(
    'repairs %s on the way in: its body is the clean original’s',
    async (_, damage) => {
      const clean = parseGuideSource(await readFile(`tests/fixtures/damage-sources/${damage.source}`, 'utf8'));
      const written = parseGuideSource(await readFile(`${out}/${damage.target}`, 'utf8'));
      expect(written.body).toBe(clean.body);
      expect(written.data['title']).toBe(clean.data['title']);
      expect(files[damage.target]?.repairs.length).toBeGreaterThan(0);
    },
  );

  it('decodes entities and lists what is left to fix by hand', () => {
    expect(files['2024-06-10-tools-and-tips.md']?.repairs.map((r) => `${r.rule} ${r.from} → ${r.to}`)).toEqual([
      'entity &amp;amp; → &amp;',
      'entity Tools &amp; tips for lighter pages → Tools & tips for lighter pages',
    ]);
    const left = result.report.diagnostics
      .filter((d) => d.severity === 'error')
      .map((d) => `${path.basename(d.file)}:${d.line} ${d.rule}`);
    expect(left).toEqual([
      '2024-05-01-energy-dashboards.md:7 broken-link',
      '2024-05-01-energy-dashboards.md:19 broken-link',
      '2024-06-01-image-formats.md:13 broken-image',
      '2024-07-04-thumbs-up.md:9 mojibake',
      '2024-07-04-thumbs-up.md:10 mojibake',
      '2024-07-05-reactions-tr.md:9 mojibake',
      '2024-07-05-reactions-tr.md:10 mojibake',
    ]);
  });

  it('never touches the source folder', async () => {
    expect(await hashTree(JEKYLL)).toBe(sourceHash);
  });

  it('refuses to overwrite a guide without --force, and overwrites with it', async () => {
    const again = await runImport({ sources: [`${JEKYLL}/2024-03-01-green-hosting-basics.md`], out });
    expect(again.files[0]?.problems).toEqual([
      { message: `${out}/2024-03-01-green-hosting-basics.md exists; pass --force to overwrite it` },
    ]);
    const forced = await runImport({ sources: [`${JEKYLL}/2024-03-01-green-hosting-basics.md`], out, force: true });
    expect(forced.files[0]?.status).toBe('imported');
  }, 30_000);
});

describe('a dry run', () => {
  it('writes nothing, and reports what it would do', async () => {
    const out = `${OUT}/dry`;
    const result = await runImport({ sources: [JEKYLL], out, dryRun: true });
    expect(result.files.filter((f) => f.status === 'imported')).toHaveLength(13);
    expect(result.report.errors).toBe(7);
    expect(await readdir(out).catch(() => 'absent')).toBe('absent');
  }, 30_000);
});

describe('an interrupted import', () => {
  it('leaves whole guides or none, and no temporary files', async () => {
    const out = `${OUT}/interrupted`;
    let writes = 0;
    const run = runImport({
      sources: [JEKYLL],
      out,
      hooks: {
        beforeRename: () => {
          writes += 1;
          if (writes === 3) throw new Error('the machine lost power');
        },
      },
    });
    await expect(run).rejects.toThrow('the machine lost power');
    expect(await readdir(out)).toEqual(['2024-03-01-green-hosting-basics.md', '2024-03-08-measuring-page-weight.md']);
    // Each guide that is there is complete: the next run over the same sources finds it identical.
    const complete = await runImport({ sources: [JEKYLL], out: `${OUT}/complete` });
    expect(complete.files.some((f) => f.status === 'imported')).toBe(true);
    for (const name of await readdir(out)) {
      expect(await readFile(`${out}/${name}`, 'utf8')).toBe(await readFile(`${OUT}/complete/${name}`, 'utf8'));
    }
  }, 30_000);
});

describe('importing the Docusaurus docs', async () => {
  const root = await mkdtemp(path.join(tmpdir(), 'greenpath-import-'));
  afterAll(() => rm(root, { recursive: true, force: true }));
  await cp('tests/fixtures/import-docusaurus', path.join(root, 'site'), { recursive: true });
  // The intro has no date of any kind: the file's modification date stands in.
  await utimes(
    path.join(root, 'site/docs/intro.md'),
    new Date('2024-04-01T12:00:00Z'),
    new Date('2024-04-01T12:00:00Z'),
  );
  await writeFile(path.join(root, 'package.json'), '{}');
  const result = await runImport({
    root,
    sources: ['site/docs'],
    out: 'guides',
    difficulty: 'beginner',
    tags: ['handbook'],
    map: { skill: 'difficulty' },
    assets: 'public/images/imported',
  });
  const files = byName(result);
  const read = (name: string) => readFile(path.join(root, 'guides', name), 'utf8');

  it('flattens nested folders, ignores _category_.json, and gives colliding slugs their folder', async () => {
    expect(result.files.map((f) => [f.source, f.status, f.target ?? null])).toEqual([
      ['site/docs/getting-started/installation.md', 'imported', 'guides/install.md'],
      ['site/docs/getting-started/measuring-energy.md', 'imported', 'guides/measuring-energy.md'],
      ['site/docs/guides/broken-jsx.mdx', 'skipped', 'guides/broken-jsx.mdx'],
      ['site/docs/guides/carbon-aware-jobs.md', 'imported', 'guides/carbon-aware-jobs.md'],
      ['site/docs/guides/hugo-style-note.md', 'imported', 'guides/hugo-style-note.md'],
      ['site/docs/guides/intro.md', 'imported', 'guides/guides-intro.md'],
      ['site/docs/guides/tabs-example.mdx', 'skipped', 'guides/tabs-example.mdx'],
      ['site/docs/intro.md', 'imported', 'guides/intro.md'],
    ]);
  });

  it('skips MDX that does not compile or imports what Greenpath does not have, with the line', () => {
    expect(files['broken-jsx.mdx']?.problems).toEqual([
      {
        line: 13,
        column: 1,
        message:
          'MDX does not compile: Unexpected closing tag `</span>`, expected corresponding closing tag for `<div>`',
      },
    ]);
    expect(files['tabs-example.mdx']?.problems.map((p) => `${p.line}: ${p.message}`)).toEqual([
      '9: imports "@theme/Tabs", which Greenpath does not have (guides may import from src/components/mdx/)',
      '10: imports "@theme/TabItem", which Greenpath does not have (guides may import from src/components/mdx/)',
    ]);
  });

  it('fills the front matter from the H1, the file date, defaults, --map and the usual aliases', async () => {
    expect(parseGuideSource(await read('intro.md')).data).toEqual({
      title: 'Welcome to the Green Software Handbook',
      date: new Date('2024-04-01'),
      difficulty: 'beginner',
      tags: ['handbook'],
    });
    expect(parseGuideSource(await read('measuring-energy.md')).data).toMatchObject({
      date: new Date('2024-05-10'),
      difficulty: 'advanced',
      tags: ['persona:sre', 'measurement'],
    });
    expect(parseGuideSource(await read('install.md')).data).toMatchObject({
      date: new Date('2024-05-02'),
      tags: ['persona:developer', 'setup'],
    });
    expect(parseGuideSource(await read('hugo-style-note.md')).data).toMatchObject({
      description: 'Cache dependencies and skip work nobody reads, in every pipeline.',
      updated: new Date('2024-03-15'),
      draft: true,
    });
    expect(files['hugo-style-note.md']?.notes).toContain('dropped fields Greenpath does not have: categories');
  });

  it('rewrites links to source files and doc routes to guide URLs, and copies images with --assets', async () => {
    expect(files['carbon-aware-jobs.md']?.rewrites.map((r) => `${r.from} → ${r.to}`)).toEqual([
      '../getting-started/installation.md → /guides/install/',
      '../getting-started/measuring-energy.md#read-the-meter → /guides/measuring-energy/#read-the-meter',
      './intro.md → /guides/guides-intro/',
    ]);
    expect(files['intro.md']?.rewrites.map((r) => `${r.from} → ${r.to}`)).toEqual([
      './getting-started/installation.md → /guides/install/',
      './guides/carbon-aware-jobs.md → /guides/carbon-aware-jobs/',
    ]);
    expect(files['carbon-aware-jobs.md']?.images).toEqual([
      { from: '/img/carbon-diagram.svg', to: '/images/imported/carbon-aware-jobs/carbon-diagram.svg' },
    ]);
    expect(await readFile(path.join(root, 'public/images/imported/carbon-aware-jobs/carbon-diagram.svg'))).toEqual(
      await readFile('tests/fixtures/import-docusaurus/static/img/carbon-diagram.svg'),
    );
    expect(await read('carbon-aware-jobs.md')).toContain(
      '![Forecast of grid intensity over a day](/images/imported/carbon-aware-jobs/carbon-diagram.svg)',
    );
  });

  it('leaves no broken link or image behind: only warnings remain', () => {
    expect(result.report.errors).toBe(0);
    expect([...new Set(result.report.diagnostics.map((d) => d.rule))].sort()).toEqual([
      'missing-description',
      'unknown-tag',
    ]);
  });
});
