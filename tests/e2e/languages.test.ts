/**
 * A second language in headless Chromium, against the fixture site (tests/fixtures/site), whose
 * `fr/` folder translates two of its guides (its site.yaml names fr, es and ar; Arabic, right to
 * left, has pages of its own in tests/e2e/rtl.test.ts): the language
 * switcher, hreflang and `<html lang dir>` on every page type, the French listings, filter,
 * search and feed holding only French guides, and the no-JavaScript browse pages in French.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { describeViolations, launchBrowser, newPage, runAxe } from './support/browser';
import { serveStatic, type StaticServer } from './support/static-server';
import { PAGE_TYPES } from './support/site';

const dir = inject('fixtureSite');
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  server = await serveStatic(dir);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The same page types in French: the translated series has a French name, so its own slug. */
const FRENCH_PAGE_TYPES = {
  ...Object.fromEntries(Object.entries(PAGE_TYPES).map(([name, pagePath]) => [name, `fr/${pagePath}`])),
  series: 'fr/series/parcours-de-test/',
  search: 'fr/search/',
  guidesPage: 'fr/guides/',
};

const FRENCH_TITLES = ['Gamma avancé', 'Les bases d’Alpha'];

async function htmlLanguage(page: Page): Promise<{ lang: string | null; dir: string | null }> {
  return page.evaluate(() => ({
    lang: document.documentElement.getAttribute('lang'),
    dir: document.documentElement.getAttribute('dir'),
  }));
}

describe('the language of every page', () => {
  it.each(Object.entries({ ...PAGE_TYPES, search: 'search/' }))(
    'the English %s page (/%s) says lang="en" dir="ltr"',
    async (_name, pagePath) => {
      const { page, context } = await newPage(browser);
      expect((await page.goto(server.url + pagePath))?.status()).toBe(200);
      expect(await htmlLanguage(page)).toEqual({ lang: 'en', dir: 'ltr' });
      await context.close();
    },
  );

  it.each(Object.entries(FRENCH_PAGE_TYPES))(
    'the French %s page (/%s) says lang="fr" dir="ltr" and links its French feed',
    async (_name, pagePath) => {
      const { page, consoleErrors, context } = await newPage(browser);
      expect((await page.goto(server.url + pagePath))?.status()).toBe(200);
      expect(await htmlLanguage(page)).toEqual({ lang: 'fr', dir: 'ltr' });
      const feed = await page.locator('link[rel=alternate][type="application/rss+xml"]').getAttribute('href');
      expect(new URL(feed ?? '').pathname).toBe('/fr/rss.xml');
      // The header's links stay in the language: the site's nav names /guides/ and /tags/.
      expect(
        await page
          .getByRole('navigation', { name: 'Navigation principale' })
          .getByRole('link')
          .first()
          .getAttribute('href'),
      ).toBe('/fr/guides/');
      expect(consoleErrors).toEqual([]);
      await context.close();
    },
  );

  it('names every version of a translated guide with hreflang, and the original as x-default', async () => {
    for (const pagePath of ['guides/alpha-basics/', 'fr/guides/alpha-basics/']) {
      const { page, context } = await newPage(browser);
      await page.goto(server.url + pagePath);
      const alternates = await page
        .locator('link[rel=alternate][hreflang]')
        .evaluateAll((links) =>
          links.map((l) => [l.getAttribute('hreflang'), new URL(l.getAttribute('href')!).pathname]),
        );
      expect(alternates).toEqual([
        ['en', '/guides/alpha-basics/'],
        ['fr', '/fr/guides/alpha-basics/'],
        ['ar', '/ar/guides/alpha-basics/'],
        ['x-default', '/guides/alpha-basics/'],
      ]);
      const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}');
      expect(jsonLd.inLanguage).toBe(pagePath.startsWith('fr/') ? 'fr' : 'en');
      await context.close();
    }
  });

  it.each([
    ['', ['en', 'fr', 'es', 'ar']],
    ['guides/', ['en', 'fr', 'es', 'ar']],
    ['tags/', ['en', 'fr', 'es', 'ar']],
    ['search/', ['en', 'fr', 'es', 'ar']],
    ['difficulty/advanced/', ['en', 'fr', 'es', 'ar']],
    // Spanish has no guide with this tag; the French series has a name of its own.
    ['tags/cloud/', ['en', 'fr', 'ar']],
    ['series/parcours-de-test/', []],
  ])('names the versions of the listing /fr/%s in every language that has it', async (pagePath, languages) => {
    const { page, context } = await newPage(browser);
    await page.goto(`${server.url}fr/${pagePath}`);
    const alternates = await page
      .locator('link[rel=alternate][hreflang]')
      .evaluateAll((links) =>
        links.map((l) => [l.getAttribute('hreflang'), new URL(l.getAttribute('href')!).pathname]),
      );
    const expected = languages.map((code) => [code, code === 'en' ? `/${pagePath}` : `/${code}/${pagePath}`]);
    expect(alternates).toEqual(expected.length ? [...expected, ['x-default', `/${pagePath}`]] : []);
    await context.close();
  });

  it('gives an untranslated guide neither a switcher nor hreflang alternates', async () => {
    const { page, context } = await newPage(browser);
    await page.goto(`${server.url}guides/beta-middle/`);
    expect(await page.getByRole('navigation', { name: 'Languages' }).count()).toBe(0);
    expect(await page.locator('link[rel=alternate][hreflang]').count()).toBe(0);
    await context.close();
  });
});

describe('the language switcher', () => {
  it('goes from a guide to its translation and back, each link named in its own language', async () => {
    const { page, context } = await newPage(browser);
    await page.goto(`${server.url}guides/alpha-basics/`);
    const switcher = page.getByRole('navigation', { name: 'Languages' });
    const links = switcher.getByRole('link');
    expect(await links.allTextContents()).toEqual(['English', 'Français', 'العربية']);
    expect(
      await links.evaluateAll((as) => as.map((a) => [a.getAttribute('hreflang'), a.getAttribute('lang')])),
    ).toEqual([
      ['en', 'en'],
      ['fr', 'fr'],
      ['ar', 'ar'],
    ]);
    expect(await switcher.getByRole('link', { name: 'English' }).getAttribute('aria-current')).toBe('page');

    await switcher.getByRole('link', { name: 'Français' }).click();
    await page.waitForURL('**/fr/guides/alpha-basics/');
    expect(await page.locator('h1').textContent()).toBe('Les bases d’Alpha');
    expect(await htmlLanguage(page)).toEqual({ lang: 'fr', dir: 'ltr' });

    // The switcher is named in the page's language.
    await page.getByRole('navigation', { name: 'Langues' }).getByRole('link', { name: 'English' }).click();
    await page.waitForURL(/\/guides\/alpha-basics\/$/);
    expect(new URL(page.url()).pathname).toBe('/guides/alpha-basics/');
    expect(await page.locator('h1').textContent()).toBe('Alpha basics');
    await context.close();
  });
});

describe('French listings hold French guides only', () => {
  it('/fr/guides/ lists the translations and links to the guides not translated yet', async () => {
    const { page, context } = await newPage(browser, { javaScriptEnabled: false });
    await page.goto(`${server.url}fr/guides/`);
    expect(await page.locator('[data-guide-card] h2').allTextContents()).toEqual(FRENCH_TITLES);
    const hrefs = await page
      .locator('[data-guide-card] h2 a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs).toEqual(['/fr/guides/gamma-advanced/', '/fr/guides/alpha-basics/']);
    const elsewhere = page.locator('[data-other-languages]');
    await expect(elsewhere.textContent()).resolves.toMatch(
      /^\s*1 autre guide, pas encore traduit, en\s+English\s*\.\s*$/,
    );
    expect(await elsewhere.getByRole('link').getAttribute('href')).toBe('/guides/');
    await context.close();
  });

  it('a language with no translation yet lists none and points to all of the originals', async () => {
    const { page, context } = await newPage(browser, { javaScriptEnabled: false });
    expect((await page.goto(`${server.url}es/guides/`))?.status()).toBe(200);
    expect(await page.locator('[data-guide-card]').count()).toBe(0);
    await expect(page.locator('[data-other-languages]').textContent()).resolves.toMatch(
      /3 guías más, aún sin traducir, en\s+English/,
    );
    await context.close();
  });

  it('the home page of a language with no translation leads to the original guides, not to writing one', async () => {
    const { page, context } = await newPage(browser, { javaScriptEnabled: false });
    await page.goto(`${server.url}es/`);
    expect(await page.getByRole('link', { name: 'Read the guides in English' }).getAttribute('href')).toBe('/guides/');
    expect(await page.getByRole('heading', { name: 'Write the first guide' }).count()).toBe(0);
    await context.close();
  });

  it('the tag, level and series pages work without JavaScript and link French pages', async () => {
    const { page, context } = await newPage(browser, { javaScriptEnabled: false });
    await page.goto(`${server.url}fr/tags/cloud/`);
    expect(await page.locator('[data-guide-card] h3').allTextContents()).toEqual(['Les bases d’Alpha']);
    await page.locator('[data-guide-card] h3 a').click();
    await page.waitForURL('**/fr/guides/alpha-basics/');

    await page.goto(`${server.url}fr/difficulty/advanced/`);
    expect(await page.locator('[data-guide-card] h2').allTextContents()).toEqual(['Gamma avancé']);
    // The tag "hardware" is on the English Gamma only: the French tag pages do not have it.
    expect((await page.goto(`${server.url}fr/tags/hardware/`))?.status()).toBe(404);

    await page.goto(`${server.url}fr/series/parcours-de-test/`);
    expect(await page.locator('.parts h2').allTextContents()).toEqual(['Les bases d’Alpha', 'Gamma avancé']);
    await context.close();
  });

  it('the filter reads the French guides index and draws French cards', async () => {
    const { page, context } = await newPage(browser, { viewport: { width: 1280, height: 900 } });
    await page.goto(`${server.url}fr/guides/?difficulty=advanced`);
    await page.waitForFunction(
      () => document.querySelector<HTMLInputElement>('guide-filter input[name=q]')?.disabled === false,
    );
    await expect.poll(() => page.locator('[data-guide-card]:visible h2').allTextContents()).toEqual(['Gamma avancé']);
    await page.goto(`${server.url}fr/guides/?tag=measurement`);
    await page.waitForFunction(
      () => document.querySelector<HTMLInputElement>('guide-filter input[name=q]')?.disabled === false,
    );
    await expect.poll(() => page.locator('[data-guide-card]:visible h2').allTextContents()).toEqual(FRENCH_TITLES);
    const hrefs = await page
      .locator('[data-guide-card]:visible h2 a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs.every((href) => href?.startsWith('/fr/guides/'))).toBe(true);
    await context.close();
  });

  it('the French feed lists the French guides, in French', async () => {
    const xml = await readFile(path.join(dir, 'fr/rss.xml'), 'utf8');
    expect(xml).toContain('<language>fr</language>');
    expect([...xml.matchAll(/<item><title>([^<]+)<\/title>/g)].map((m) => m[1])).toEqual(FRENCH_TITLES);
    expect([...xml.matchAll(/<link>([^<]+)<\/link>/g)].slice(1).map((m) => new URL(m[1]!).pathname)).toEqual([
      '/fr/guides/gamma-advanced/',
      '/fr/guides/alpha-basics/',
    ]);
  });

  it('the sitemap pairs each page with its versions in the other languages', async () => {
    const xml = await readFile(path.join(dir, 'sitemap-0.xml'), 'utf8');
    const entry = /<url><loc>[^<]*\/guides\/alpha-basics\/<\/loc>(.*?)<\/url>/.exec(xml)?.[1] ?? '';
    expect(
      [...entry.matchAll(/hreflang="([^"]+)" href="([^"]+)"/g)].map((m) => [m[1], new URL(m[2]!).pathname]).sort(),
    ).toEqual([
      ['ar', '/ar/guides/alpha-basics/'],
      ['en', '/guides/alpha-basics/'],
      ['fr', '/fr/guides/alpha-basics/'],
    ]);
  });
});

describe('search in French', () => {
  it('Pagefind writes one index per language', async () => {
    const files = await readdir(path.join(dir, 'pagefind'));
    expect(files.some((file) => /^pagefind\.fr_[0-9a-f]+\.pf_meta$/.test(file))).toBe(true);
    expect(files.some((file) => /^pagefind\.en_[0-9a-f]+\.pf_meta$/.test(file))).toBe(true);
    const entry = JSON.parse(await readFile(path.join(dir, 'pagefind/pagefind-entry.json'), 'utf8'));
    expect(
      Object.fromEntries(
        Object.entries(entry.languages).map(([k, v]) => [k, (v as { page_count: number }).page_count]),
      ),
    ).toEqual({
      ar: 2,
      en: 3,
      fr: 2,
    });
  });

  it('the French search page finds French guides only', async () => {
    const { page, context } = await newPage(browser);
    await page.goto(`${server.url}fr/search/?q=alpha`);
    const status = page.locator('search-page [data-status]');
    await expect.poll(async () => (await status.textContent()) ?? '', { timeout: 15_000 }).toMatch(/^1 résultat/);
    const links = await page
      .locator('search-page [data-list] [data-title]')
      .evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(links).toEqual(['/fr/guides/alpha-basics/']);
    // An English word of the English guide only is not found in French.
    await page.goto(`${server.url}fr/search/?q=zebra`);
    await expect.poll(async () => (await status.textContent()) ?? '', { timeout: 15_000 }).toMatch(/^Aucun résultat/);
    expect(await page.locator('search-page [data-list] [data-title]').count()).toBe(0);
    await context.close();
  });
});

describe('search in a language with no guide yet', () => {
  it('finds nothing, rather than the English guides Pagefind would fall back to', async () => {
    const { page, consoleErrors, context } = await newPage(browser);
    await page.goto(`${server.url}es/search/?q=alpha`);
    const status = page.locator('search-page [data-status]');
    await expect.poll(async () => (await status.textContent()) ?? '', { timeout: 15_000 }).toMatch(/^Sin resultados/);
    expect(await page.locator('search-page [data-list] [data-title]').count()).toBe(0);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });
});

describe('accessibility in French', () => {
  it.each(['fr/guides/alpha-basics/', 'fr/guides/', 'guides/alpha-basics/'])(
    'axe finds no WCAG 2.2 A/AA violation on /%s',
    async (pagePath) => {
      const { page, context } = await newPage(browser);
      await page.goto(server.url + pagePath);
      const violations = await runAxe(page);
      expect(violations, describeViolations(violations)).toEqual([]);
      await context.close();
    },
  );
});
