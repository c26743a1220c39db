/**
 * A site made from another team's content/site.yaml (tests/fixtures/branded/): none of
 * Greenpath's name or copy is left in any page, the feed, the JSON-LD or the search index; its
 * guides link to their files in its repository; axe and Lighthouse find nothing. And a bad
 * site.yaml refuses the build with each problem on its line.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runLighthouse, type LighthouseSummary } from '../../scripts/lib/lighthouse';
import { describeViolations, launchBrowser, newPage, runAxe } from './support/browser';
import { buildSite, buildSiteOrThrow, outputLines, ROOT } from './support/build';
import { sitemapPaths } from './support/site';
import { serveStatic, type StaticServer } from './support/static-server';

const BRANDED = { SITE_CONFIG: 'tests/fixtures/branded/site.yaml' };
const GUIDES = 'tests/fixtures/branded/guides';

/** Greenpath's name and the copy of its content/site.yaml and of the schema's stock levels. */
const GREENPATH_COPY = [
  'Greenpath',
  'greener software, AI, web and cloud work',
  'Greener software, AI, web and cloud work',
  'energy use and emissions',
  'No background needed',
  'ready to measure, change and compare',
  'people who own the numbers',
];

let dir: string;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  dir = await buildSiteOrThrow({ name: 'branded', guidesDir: GUIDES, env: BRANDED });
  server = await serveStatic(dir);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Every file of the build as text; Pagefind's index files are gzip-compressed, so they are read unpacked. */
async function builtTexts(): Promise<Map<string, string>> {
  const entries = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
  const out = new Map<string, string>();
  for (const entry of entries) {
    const file = path.join(entry.parentPath, entry.name);
    if (/\.(wasm|png|jpe?g|webp|avif|gif|ico|woff2?)$/.test(entry.name)) continue;
    let bytes = await readFile(file);
    if (/\.pf_(fragment|index|meta|filter)$/.test(entry.name)) bytes = gunzipSync(bytes);
    out.set(path.relative(dir, file).split(path.sep).join('/'), bytes.toString('utf8'));
  }
  return out;
}

/** A built page without Astro's scoping attributes, so assertions read like the markup written. */
const page = async (p: string) =>
  (await readFile(path.join(dir, p, 'index.html'), 'utf8')).replace(/ data-astro-cid-\w+(?:="true")?/g, '');
const hrefOf = (html: string, text: string) =>
  new RegExp(`<a href="([^"]*)"[^>]*>${text}</a>`).exec(html)?.[1]?.replaceAll('&amp;', '&');

describe('a site with its own site.yaml', () => {
  it('shows none of Greenpath’s name or copy in any page, the feed, the JSON-LD or the search index', async () => {
    const texts = await builtTexts();
    // The check reads what it should: pages, the feed and the unpacked search fragments.
    expect([...texts.keys()].filter((f) => f.endsWith('.pf_fragment')).length).toBe(3);
    expect(texts.get('rss.xml')).toContain('Tidewater Handbook');
    const found = [...texts].flatMap(([file, text]) =>
      GREENPATH_COPY.filter((copy) => text.includes(copy)).map((copy) => `${file}: ${copy}`),
    );
    expect(found).toEqual([]);
  });

  it('uses its name, logo, colours, navigation, footer, levels and home copy', async () => {
    const home = await page('');
    expect(home).toContain('<html lang="en-GB"');
    expect(home).toContain('<title>Tidewater Handbook</title>');
    expect(home).toContain('<link rel="icon" href="/images/fixtures/branded-logo.svg" type="image/svg+xml">');
    expect(home).toMatch(/<img src="\/images\/fixtures\/branded-logo.svg" alt(?:="")? width="48" height="24"/);
    expect(home).toContain('<h1 id="home-title">Everything the harbour crew needs to know</h1>');
    expect(home).toContain('The Tidewater Handbook holds 3 guides on tides, moorings');
    for (const label of ['Deckhand', 'Mate', 'Captain', 'First days on the quay.']) expect(home).toContain(label);
    expect(hrefOf(home, 'Handbook')).toBe('/guides/');
    expect(hrefOf(home, 'Port website')).toBe('https://tidewater.example/');
    expect(hrefOf(home, 'Contact the harbour master')).toBe('mailto:harbour@tidewater.example');
    expect(home).toContain('<a href="https://mastodon.example/@tidewater" rel="me"');
    expect(home).toContain('© 2025 Tidewater Port Authority');
    expect(home).toMatch(
      /<a href="https:\/\/creativecommons.org\/licenses\/by-sa\/4.0\/" rel="license"[^>]*>CC BY-SA 4.0<\/a>/,
    );
    // Featured: the guide and the learning path named by slug.
    const featured = home.slice(home.indexOf('id="featured-heading"'), home.indexOf('id="levels-heading"'));
    expect(featured).toContain('Reading tide tables');
    expect(featured).toContain('href="/series/harbour-basics/"');
    const css = await readFile(path.join(dir, /href="\/(_astro\/[^"]+\.css)"/.exec(home)?.[1] ?? ''), 'utf8');
    expect(css).toContain('--gp-accent:light-dark(#1d4f91,#9cc3ff)');
  });

  it('puts its licence and language in the feed and the JSON-LD', async () => {
    const rss = await readFile(path.join(dir, 'rss.xml'), 'utf8');
    expect(rss).toContain('<language>en-GB</language>');
    expect(rss).toContain(
      '<copyright>© 2025 Tidewater Port Authority. Guides licensed under CC BY-SA 4.0: https://creativecommons.org/licenses/by-sa/4.0/</copyright>',
    );
    const guide = await page('guides/mooring-lines');
    const jsonLd = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(guide)?.[1] ?? '{}');
    expect(jsonLd).toMatchObject({
      license: 'https://creativecommons.org/licenses/by-sa/4.0/',
      inLanguage: 'en-GB',
      educationalLevel: 'Mate',
      isPartOf: { name: 'Tidewater Handbook' },
      url: 'https://handbook.tidewater.example/guides/mooring-lines/',
    });
  });

  it('links every guide to its file, its history and a new issue in the repository', async () => {
    const guide = await page('guides/mooring-lines');
    const file = 'handbook/guides/harbour/mooring-lines.md';
    expect(hrefOf(guide, 'Edit this page')).toBe(`https://gitlab.com/tidewater/handbook/-/edit/live/${file}`);
    expect(hrefOf(guide, 'History')).toBe(`https://gitlab.com/tidewater/handbook/-/commits/live/${file}`);
    const report = new URL(hrefOf(guide, 'Report a problem with this guide') ?? '');
    expect(report.origin + report.pathname).toBe('https://gitlab.com/tidewater/handbook/-/issues/new');
    expect(report.searchParams.get('issue[title]')).toContain('Mooring lines');
    expect(report.searchParams.get('issue[description]')).toContain(
      'https://handbook.tidewater.example/guides/mooring-lines/',
    );
    const other = await page('guides/reading-tide-tables');
    expect(hrefOf(other, 'Edit this page')).toBe(
      'https://gitlab.com/tidewater/handbook/-/edit/live/handbook/guides/2025-02-01-reading-tide-tables.md',
    );
  });

  it('shows no source links when site.yaml names no repository (Greenpath’s own)', async () => {
    const plain = await buildSiteOrThrow({ name: 'branded-plain', guidesDir: GUIDES });
    const guide = await readFile(path.join(plain, 'guides/mooring-lines/index.html'), 'utf8');
    expect(guide).not.toContain('Edit this page');
    expect(guide).toContain('<title>Mooring lines · Greenpath</title>');
  });

  it('builds Greenpath’s own guides with the file removed: the defaults, and its translations still translations', async () => {
    const bare = await buildSiteOrThrow({ name: 'no-site-file', env: { SITE_CONFIG: 'content/no-such-site.yaml' } });
    const home = await readFile(path.join(bare, 'index.html'), 'utf8');
    expect(home).toContain('<title>Guides</title>');
    expect(home).toContain('A library of practical guides.');
    const french = await readFile(path.join(bare, 'fr/guides/choosing-cloud-regions/index.html'), 'utf8');
    expect(french).toMatch(/<html lang="fr"/);
  });

  it('is served under its base and at its url when no BASE_PATH or SITE_URL says otherwise', async () => {
    const file = path.join(ROOT, '.greenpath/test-sites/base-site.yaml');
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, 'name: Tidewater Handbook\nurl: https://tidewater.example\nbase: /handbook\n');
    const under = await buildSiteOrThrow({ name: 'branded-base', guidesDir: GUIDES, env: { SITE_CONFIG: file } });
    const home = await readFile(path.join(under, 'index.html'), 'utf8');
    expect(home).toContain('<link rel="canonical" href="https://tidewater.example/handbook/">');
    expect(hrefOf(home.replace(/ data-astro-cid-\w+/g, ''), 'Guides')).toBe('/handbook/guides/');
    expect(await readFile(path.join(under, 'rss.xml'), 'utf8')).toContain(
      '<link>https://tidewater.example/handbook/guides/mooring-lines/</link>',
    );
  });

  describe('accessibility', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      it(`axe finds no WCAG 2.2 A/AA violation on any page (${scheme})`, async () => {
        const all: string[] = [];
        for (const pagePath of [...(await sitemapPaths(dir)), '/404.html']) {
          const { page: tab, context } = await newPage(browser, { colorScheme: scheme });
          await tab.goto(server.url + pagePath.replace(/^\//, ''));
          const violations = await runAxe(tab);
          if (violations.length) all.push(`${pagePath}: ${describeViolations(violations)}`);
          await context.close();
        }
        expect(all).toEqual([]);
      });
    }

    it('Lighthouse scores 100 for Accessibility, Best Practices and SEO on the home page and a guide', async () => {
      const categories = ['accessibility', 'best-practices', 'seo'] as const;
      const summary: LighthouseSummary = await runLighthouse({
        siteDir: dir,
        pages: [
          { name: 'home', path: '/' },
          { name: 'guide', path: '/guides/mooring-lines/' },
        ],
        categories,
        reportDir: path.join(ROOT, 'lighthouse-reports', 'test-branded'),
      });
      const lost = Object.entries(summary.pages).flatMap(([name, result]) =>
        categories.flatMap((c) => (result.scores[c] === 100 ? [] : [`${name} ${c}: ${result.scores[c]}`])),
      );
      expect(lost).toEqual([]);
    }, 300_000);
  });
});

describe('a bad site.yaml', () => {
  it('refuses the build, naming each problem with its line, all in one run', async () => {
    const result = await buildSite({
      name: 'branded-bad',
      guidesDir: GUIDES,
      env: { SITE_CONFIG: 'tests/fixtures/branded/bad-site.yaml' },
    });
    expect(result.code).toBe(1);
    const errors = outputLines(result.output).filter((line) => line.startsWith('[ERROR]'));
    const file = 'tests/fixtures/branded/bad-site.yaml';
    expect(errors).toEqual(
      [
        `${file}:3 tagling: unknown setting; did you mean \`tagline\`?`,
        `${file}:5 logo.src: expected a file at public/images/fixtures/no-such-logo.svg, found none`,
        `${file}:8 colours.light.accent: expected a contrast of at least 4.5:1 (WCAG 2.2 AA), found 2.15:1 for accent (links) on the background in the light theme (#8fbc8f on #ffffff)`,
        `${file}:8 colours.light.accent: expected a contrast of at least 4.5:1 (WCAG 2.2 AA), found 1.97:1 for accent (header links) on the surface in the light theme (#8fbc8f on #f3f6f4)`,
        `${file}:8 colours.light.accent: expected a contrast of at least 4.5:1 (WCAG 2.2 AA), found 1.80:1 for accent (links around inline code) on the code background in the light theme (#8fbc8f on #e6ede9)`,
        `${file}:12 home.featured.guides[0]: expected the slug of a published guide, found "reading-tide-table", which no guide has; did you mean "reading-tide-tables"?`,
        'Build refused: 6 content errors in 1 file. Nothing was published: the previous output is as it was.',
      ].map((line) => `[ERROR] [greenpath:content-guard] ${line}`),
    );
  });
});
