/**
 * Byte budgets on production builds of the fixture library and of the real content, gzip -9 of
 * the built files: a guide page loads at most 25 KB before any interaction (HTML, CSS, fonts,
 * JavaScript, icon and images), of which at most 3 KB JavaScript; /guides/ at most 8 KB JavaScript. What a page
 * loads is read from its HTML (src/lib/page-resources.ts, through scripts/lib/page-weight.ts) and checked against Chromium's network
 * log, and no page ever makes a request to another origin, before or after interaction.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { measurePage, type PageWeight, type Resource } from '../../scripts/lib/page-weight';
import { launchBrowser } from './support/browser';
import { realSite } from './support/real-site';
import { sitemapPaths } from './support/site';
import { serveStatic, type StaticServer } from './support/static-server';

const KB = 1024;
const BUDGETS = { guideTotal: 25 * KB, guideJs: 3 * KB, guidesIndexJs: 8 * KB } as const;

const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;

/** "dist/guides/x/index.html 12.0 KB, /_astro/site.css 6.1 KB, …": the files behind a figure. */
function itemise(weight: PageWeight, test: (r: Resource) => boolean): string {
  return weight.resources
    .filter(test)
    .map((r) => `${r.file ? path.relative(process.cwd(), r.file) : r.url} ${kb(r.gzipBytes)}`)
    .join(', ');
}

async function guidePaths(dir: string): Promise<string[]> {
  const entries = await readdir(path.join(dir, 'guides'), { withFileTypes: true });
  return entries.filter((e) => e.isDirectory()).map((e) => `/guides/${e.name}/`);
}

/** Every budget the site breaks, one line each, naming the files and their sizes. */
async function budgetViolations(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const page of await guidePaths(dir)) {
    const weight = measurePage(dir, page);
    if (weight.total.gzipBytes > BUDGETS.guideTotal) {
      out.push(
        `${page}: ${kb(weight.total.gzipBytes)} before interaction, over the ${kb(BUDGETS.guideTotal)} budget: ${itemise(weight, (r) => !r.inline)}`,
      );
    }
    if (weight.js.gzipBytes > BUDGETS.guideJs) {
      out.push(
        `${page}: ${kb(weight.js.gzipBytes)} of JavaScript, over the ${kb(BUDGETS.guideJs)} budget: ${itemise(weight, (r) => r.kind === 'js')}`,
      );
    }
  }
  const index = measurePage(dir, '/guides/');
  if (index.js.gzipBytes > BUDGETS.guidesIndexJs) {
    out.push(
      `/guides/: ${kb(index.js.gzipBytes)} of JavaScript, over the ${kb(BUDGETS.guidesIndexJs)} budget: ${itemise(index, (r) => r.kind === 'js')}`,
    );
  }
  return out;
}

/** Other origins named by anything a browser fetches on its own: scripts, styles, icons, images, frames, CSS url(). */
async function externalReferences(dir: string): Promise<string[]> {
  const files = (await readdir(dir, { recursive: true, withFileTypes: true })).filter(
    (e) => e.isFile() && /\.(html|css|js|mjs)$/.test(e.name),
  );
  const FETCHED =
    /<(?:script|img|iframe|source|video|audio|embed)\b[^>]*\bsrcset?=["']?(?:https?:)?\/\/[^"'\s>]+|<link\b(?=[^>]*\brel=["']?(?:stylesheet|preload|modulepreload|icon|apple-touch-icon|manifest|prefetch|preconnect|dns-prefetch))[^>]*\bhref=["']?(?:https?:)?\/\/[^"'\s>]+|url\(\s*["']?(?:https?:)?\/\/[^)'"]+|@import\s+["'](?:https?:)?\/\/[^"']+/gi;
  const found: string[] = [];
  for (const file of files) {
    const abs = path.join(file.parentPath, file.name);
    const text = await readFile(abs, 'utf8');
    // Pagefind's own bundle is loaded from the site itself; inside it, "//" can be a comment or a regex.
    if (/[\\/]pagefind[\\/]/.test(abs) && !abs.endsWith('.html')) continue;
    for (const m of text.matchAll(FETCHED)) found.push(`${path.relative(dir, abs)}: ${m[0].slice(0, 160)}`);
  }
  return found;
}

interface Seen {
  url: string;
  type: string;
}

/** Loads `url` and returns what the browser requested, once the network is quiet. */
async function load(page: Page, url: string, seen: Seen[]): Promise<void> {
  seen.length = 0;
  await page.goto(url, { waitUntil: 'networkidle' });
}

const LOADED_KINDS: Record<string, string> = { document: 'html', stylesheet: 'css', script: 'js', font: 'fonts' };

for (const [name, getDir] of [
  ['fixture library', async () => inject('fixtureSite')],
  ['real content', realSite],
] as const) {
  describe(`byte budgets: ${name}`, () => {
    let dir = '';
    let server: StaticServer;
    let browser: Browser;
    let page: Page;
    const seen: Seen[] = [];
    const everything: string[] = [];

    beforeAll(async () => {
      dir = await getDir();
      server = await serveStatic(dir);
      browser = await launchBrowser();
      page = await (await browser.newContext()).newPage();
      page.on('request', (request: Request) => {
        seen.push({ url: request.url(), type: request.resourceType() });
        everything.push(request.url());
      });
    }, 240_000);
    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    it('keeps every guide page and /guides/ within budget (the message names each file and its size)', async () => {
      expect(await budgetViolations(dir)).toEqual([]);
    });

    it('loads exactly what the build output says, as Chromium’s network log shows', async () => {
      const [guide = ''] = await guidePaths(dir);
      for (const pagePath of ['/', '/guides/', guide, '/search/', '/tags/']) {
        await load(page, new URL(pagePath.slice(1), server.url).href, seen);
        const requested = seen
          .filter((r) => r.type in LOADED_KINDS)
          // Pagefind's script and worker, imported by <search-page> as it warms search up at idle
          // (src/client/search-engine.ts): search code, which the carbon figure leaves out as it
          // does on every page ("the search index and its script arrive when you search").
          .filter((r) => !(pagePath === '/search/' && new URL(r.url).pathname.includes('/pagefind/')))
          .map((r) => `${LOADED_KINDS[r.type]} ${new URL(r.url).pathname}`)
          .sort();
        const weight = measurePage(dir, pagePath);
        const computed = weight.resources
          .filter((r) => !r.inline && Object.values(LOADED_KINDS).includes(r.kind))
          .map((r) => `${r.kind} ${r.url}`)
          .sort();
        expect(requested, pagePath).toEqual(computed);
      }
    });

    it('never requests another origin: no page names one, and none asks for one while loading or in use', async () => {
      expect(await externalReferences(dir)).toEqual([]);
      for (const pagePath of await sitemapPaths(dir))
        await load(page, new URL(pagePath.slice(1), server.url).href, seen);

      // Interaction: filter the list, search, switch theme, copy code.
      await load(page, `${server.url}guides/`, seen);
      const box = page.locator('guide-filter input[type="checkbox"]').first();
      if ((await box.count()) > 0) {
        await page.waitForFunction(() => customElements.get('guide-filter') !== undefined);
        await box.check();
      }
      await load(page, `${server.url}search/`, seen);
      const search = page.locator('search-page input[type="search"]');
      // A word both libraries use; Pagefind and its index load for the first search.
      await search.fill('measurement');
      await page.waitForFunction(
        () => {
          const root = document.querySelector('search-page [data-search-results]');
          const zero = root?.querySelector<HTMLElement>('[data-zero]');
          const results = root?.querySelectorAll('[data-list] > *').length ?? 0;
          return root && !root.hasAttribute('aria-busy') && (results > 0 || zero?.hidden === false);
        },
        undefined,
        { timeout: 20_000 },
      );
      const [guide = ''] = await guidePaths(dir);
      await load(page, new URL(guide.slice(1), server.url).href, seen);
      // The search dialog: its code and Pagefind load on use.
      await page.locator('body').press('/');
      await page.keyboard.type('measurement');
      await page.waitForTimeout(1000);
      await page.waitForLoadState('networkidle');

      const origin = new URL(server.url).origin;
      const foreign = everything.filter((url) => !url.startsWith(origin) && !url.startsWith('data:'));
      expect(foreign).toEqual([]);
    }, 180_000);
  });
}
