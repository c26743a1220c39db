/**
 * The carbon figure of each guide and carbon-report.json, on real builds of the fixture library:
 * the report lists every page with bytes that match the published files, each guide's footer
 * shows its own figure and links to the explanation, and a guide made heavier gets a higher one.
 */
import { cp, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { figureTextFromFiles } from '~/integrations/finish-pages/carbon-figure';
import { carbonPerView, figureText, type PageCarbon } from '~/lib/carbon';
import { pageReferences } from '~/lib/page-resources';
import { describeViolations, launchBrowser, newPage, runAxe } from './support/browser';
import { buildSiteOrThrow, ROOT, TEST_SITES } from './support/build';
import { parsedReferences } from './support/html';
import { serveStatic, type StaticServer } from './support/static-server';

/** How the English pages word the figure (src/i18n/en.yaml). */
const ENGLISH = figureTextFromFiles()('en');

interface Report {
  model: string;
  guides: { count: number; lightest: { path: string; grams: number }; heaviest: { path: string; grams: number } };
  pages: PageCarbon[];
}

const dir = inject('fixtureSite');
const subpathDir = inject('subpathSite');
let report: Report;
let server: StaticServer;
let browser: Browser;

const readReport = async (root: string) =>
  JSON.parse(await readFile(path.join(root, 'carbon-report.json'), 'utf8')) as Report;
const entry = (r: Report, pagePath: string) => r.pages.find((p) => p.path === pagePath);
const footerFigure = (html: string) => /<span data-carbon-figure[^>]*>([^<]*)<\/span>/.exec(html)?.[1];

beforeAll(async () => {
  report = await readReport(dir);
  server = await serveStatic(dir);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('carbon-report.json', () => {
  it('lists every page of the site, in path order', async () => {
    const html = (await readdir(dir, { recursive: true })).map(String).filter((f) => f.endsWith('.html'));
    const expected = html
      .map(
        (f) =>
          `/${f
            .split(path.sep)
            .join('/')
            .replace(/(^|\/)index\.html$/, '$1')}`,
      )
      .sort();
    expect(report.pages.map((p) => p.path)).toEqual(expected);
    expect(report.model).toBe('Sustainable Web Design v4 (@tgwf/co2)');
  });

  it('counts the bytes of the files as published, gzipped, and turns them into grams with the model', async () => {
    for (const page of report.pages) {
      const file = page.path.endsWith('/') ? `${page.path}index.html` : page.path;
      const html = await readFile(path.join(dir, file));
      expect(page.bytes.html, page.path).toBe(gzipSync(html, { level: 9 }).length);
      // The fast tag scan reads what a full HTML parser reads.
      expect(pageReferences(html.toString()), page.path).toEqual(parsedReferences(html.toString()));
      let resources = 0;
      for (const resource of page.resources)
        resources += gzipSync(await readFile(path.join(dir, resource)), { level: 9 }).length;
      expect(page.bytes.total, page.path).toBe(page.bytes.html + resources);
      expect(page.requests).toBe(1 + page.resources.length);
      expect(page.unresolved, page.path).toEqual([]);
      expect({ grams: page.grams, rating: page.rating }, page.path).toEqual(carbonPerView(page.bytes.total));
    }
    const guide = entry(report, '/guides/alpha-basics/');
    expect(guide?.resources).toEqual(
      expect.arrayContaining([
        '/favicon.svg',
        '/images/fixtures/diagram.svg',
        expect.stringMatching(/^\/_astro\/.+\.css$/),
      ]),
    );
  });

  it('names the lightest and the heaviest guide', () => {
    // Every language's guide pages: the fixture's three and their two French and two Arabic translations.
    const guides = report.pages.filter((p) => /^\/(?:fr\/|ar\/)?guides\/[a-z-]+\/$/.test(p.path));
    const sorted = [...guides].sort((a, b) => a.grams - b.grams);
    expect(guides).toHaveLength(7);
    expect(report.guides.count).toBe(7);
    expect(report.guides.lightest.path).toBe(sorted[0]?.path);
    expect(report.guides.heaviest.path).toBe(sorted[sorted.length - 1]?.path);
  });
});

describe('the figure on the page', () => {
  it('each guide shows its own figure in the footer, linking to how it is estimated', async () => {
    const { page, context } = await newPage(browser);
    for (const slug of ['alpha-basics', 'beta-middle', 'gamma-advanced']) {
      const carbon = entry(report, `/guides/${slug}/`);
      expect(carbon).toBeDefined();
      await page.goto(`${server.url}guides/${slug}/`);
      const footer = page.getByRole('contentinfo');
      await expect(footer.locator('[data-carbon-figure]').textContent()).resolves.toBe(
        figureText(carbon as PageCarbon, ENGLISH),
      );
      expect(await footer.getByRole('link', { name: 'How this is estimated' }).getAttribute('href')).toBe(
        '/about/carbon/',
      );
    }
    await context.close();
  });

  it('pages other than guides show no figure', async () => {
    expect(footerFigure(await readFile(path.join(dir, 'index.html'), 'utf8'))).toBeUndefined();
    expect(footerFigure(await readFile(path.join(dir, 'guides/index.html'), 'utf8'))).toBeUndefined();
  });

  it('the explanation page quotes the range, the rating scale and the report', async () => {
    const { page, context } = await newPage(browser);
    const response = await page.goto(`${server.url}about/carbon/`);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'How the carbon figures are estimated',
    );
    const range = await page.locator('[data-carbon-range]').textContent();
    expect(range).toMatch(
      /^from \d+\.\d\d mg \(rating A\+\) to \d+\.\d\d mg \(rating A\+\) per view, across 7 guides$/,
    );
    expect(await page.getByRole('row').count()).toBe(8);
    expect(await page.getByRole('row', { name: /^A\+ up to 0\.040 g/ }).count()).toBe(1);
    const reportLink = page.getByRole('link', { name: 'The carbon report' });
    expect(await reportLink.getAttribute('href')).toBe('/carbon-report.json');
    await context.close();
  });

  it('each language has the explanation page in its own words, range filled, linked from its guides', async () => {
    const { page, context } = await newPage(browser);
    const response = await page.goto(`${server.url}fr/about/carbon/`);
    expect(response?.status()).toBe(200);
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Comment l’empreinte carbone est estimée',
    );
    // Filled by the finishing pass in French, numbers written the French way (0,04 g), over every
    // guide page of the site, whatever its language (3 English, 2 French, 2 Arabic).
    expect(await page.locator('[data-carbon-range]').textContent()).toMatch(
      /^de \d+,\d\d mg \(note A\+\) à \d+,\d\d mg \(note A\+\) par vue, sur 7 guides$/,
    );
    expect(await page.getByRole('row', { name: /^A\+ jusqu’à 0,040 g/ }).count()).toBe(1);
    // Page weights in kilooctets, as French writes them.
    expect(await page.getByRole('row', { name: / ko$/ }).count()).toBe(7);
    expect(await page.getByRole('link', { name: 'Le rapport carbone' }).getAttribute('href')).toBe(
      '/carbon-report.json',
    );
    // Search engines are told of the English page, and the English page of this one.
    const alternate = async (hreflang: string) =>
      new URL((await page.locator(`link[rel="alternate"][hreflang="${hreflang}"]`).getAttribute('href')) ?? '')
        .pathname;
    expect(await alternate('en')).toBe('/about/carbon/');
    await page.goto(`${server.url}about/carbon/`);
    expect(await alternate('fr')).toBe('/fr/about/carbon/');

    await page.goto(`${server.url}fr/guides/alpha-basics/`);
    const footer = page.getByRole('contentinfo');
    expect(await footer.getByRole('link', { name: 'Comment ce chiffre est estimé' }).getAttribute('href')).toBe(
      '/fr/about/carbon/',
    );
    await context.close();
  });

  it.each(['light', 'dark'] as const)(
    'the explanation page and a guide footer are accessible in the %s theme',
    async (scheme) => {
      const { page, context } = await newPage(browser, { colorScheme: scheme });
      for (const pagePath of ['about/carbon/', 'fr/about/carbon/', 'guides/alpha-basics/']) {
        await page.goto(server.url + pagePath);
        const violations = await runAxe(page);
        expect(violations, describeViolations(violations)).toEqual([]);
      }
      await context.close();
    },
  );
});

describe('a heavier page', () => {
  it('gets a higher figure when a guide gains text and an image', async () => {
    const guides = path.join(TEST_SITES, 'heavier-guides');
    await cp(path.join(ROOT, 'tests/fixtures/site'), guides, { recursive: true });
    const beta = path.join(guides, '2025-03-05-beta-middle.md');
    const more = Array.from(
      { length: 60 },
      (_, i) => `Paragraph ${i} about shifting work to cleaner hours, with its own words ${i * 7}.`,
    );
    await writeFile(
      beta,
      `${await readFile(beta, 'utf8')}\n\n## More\n\n![A diagram](/images/fixtures/diagram.svg)\n\n${more.join('\n\n')}\n`,
    );
    const heavier = await buildSiteOrThrow({ name: 'heavier', guidesDir: path.relative(ROOT, guides) });
    const before = entry(report, '/guides/beta-middle/') as PageCarbon;
    const after = entry(await readReport(heavier), '/guides/beta-middle/') as PageCarbon;
    expect(after.bytes.html).toBeGreaterThan(before.bytes.html);
    expect(after.bytes.images).toBeGreaterThan(before.bytes.images);
    expect(after.grams).toBeGreaterThan(before.grams);
    const shown = footerFigure(await readFile(path.join(heavier, 'guides/beta-middle/index.html'), 'utf8'));
    expect(shown).toBe(figureText(after, ENGLISH));
    expect(shown).not.toBe(figureText(before, ENGLISH));
  });
});

describe('under a base path', () => {
  it('reports paths and links under the base', async () => {
    const sub = await readReport(subpathDir);
    expect(sub.pages.every((p) => p.path.startsWith('/docs/'))).toBe(true);
    expect(sub.pages.find((p) => p.path === '/docs/guides/alpha-basics/')?.resources).toContain('/docs/favicon.svg');
    const html = await readFile(path.join(subpathDir, 'guides/alpha-basics/index.html'), 'utf8');
    expect(html).toContain('<a href="/docs/about/carbon/"');
    expect(footerFigure(html)).toMatch(/^About \d+\.\d\d mg CO₂e per view/);
  });
});
