/**
 * The real library published as a GitHub Pages project site: built with the base path and site
 * URL that .github/workflows/deploy.yml would give the repository `example/greenpath`
 * (scripts/lib/pages-base.ts), served under /greenpath/, and browsed in Chromium: every page and
 * every asset it references, the 404 page, search and the /guides/ filter. subpath.test.ts covers
 * links and feeds under /docs/ on the fixture library; this file is the deployment as people get it.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { metaPolicy, parseHeadersFile } from '~/integrations/finish-pages/security-policy';
import { pagesSite } from '../../scripts/lib/pages-base';
import { launchBrowser, newPage } from './support/browser';
import { ROOT } from './support/build';
import { nginxSnippetHeaders } from './support/nginx-snippet';
import { realSite } from './support/real-site';
import { sitemapPaths } from './support/site';
import { serveStatic, type StaticServer } from './support/static-server';

const site = pagesSite({ repository: 'example/greenpath' });
const BASE = '/greenpath/';
let dir: string;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  // What the workflow computes for a project repository, used for the build under test.
  expect(site).toMatchObject({ basePath: BASE, siteUrl: 'https://example.github.io' });
  dir = await realSite({ basePath: site.basePath, siteUrl: site.siteUrl });
  server = await serveStatic(dir, { base: BASE });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A page that records every response of 400 or more, and every request outside the base. */
async function watchedPage(): Promise<{
  page: Page;
  context: BrowserContext;
  failed: string[];
  outside: string[];
  consoleErrors: string[];
}> {
  const { page, context, consoleErrors } = await newPage(browser, {
    viewport: { width: 1280, height: 900 },
  });
  const failed: string[] = [];
  page.on('response', (response) => {
    if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
  });
  const origin = new URL(server.url).origin;
  const outside: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin !== origin || !url.pathname.startsWith(BASE)) outside.push(request.url());
  });
  return { page, context, failed, outside, consoleErrors };
}

/** A policy's directives, as browsers read them: split at `;`, spaces collapsed. */
const directives = (policy: string | undefined) =>
  (policy ?? '')
    .split(';')
    .map((d) => d.trim().replace(/\s+/g, ' '))
    .filter(Boolean);

/** Every stylesheet, icon, script and image a page references, resolved against the page. */
function referencedAssets(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [
      ...[...document.querySelectorAll<HTMLLinkElement>('link[href]')]
        .filter((l) => !['canonical', 'alternate'].includes(l.rel))
        .map((l) => l.href),
      ...[...document.querySelectorAll<HTMLScriptElement>('script[src]')].map((s) => s.src),
      ...[...document.querySelectorAll<HTMLImageElement>('img')].map((i) => i.currentSrc || i.src),
    ].filter(Boolean),
  );
}

describe(`the real library as a GitHub Pages project site under ${BASE}`, () => {
  it('serves every page with every stylesheet, script and image it references, all under the base', async () => {
    const paths = await sitemapPaths(dir, BASE);
    for (const kind of ['/', '/guides/', '/guides/choosing-cloud-regions/', '/tags/cloud/', '/difficulty/advanced/']) {
      expect(paths).toContain(kind);
    }
    const { page, context, failed, outside, consoleErrors } = await watchedPage();
    const assets = new Set<string>();
    const statuses: string[] = [];
    for (const pagePath of paths) {
      const response = await page.goto(server.url + pagePath.slice(1));
      statuses.push(`${response?.status() ?? 0} ${pagePath}`);
      for (const asset of await referencedAssets(page)) assets.add(asset);
      // The canonical URL is the public one: the site URL and the base.
      const canonical = await page.locator('link[rel=canonical]').getAttribute('href');
      expect(canonical).toBe(`https://example.github.io${BASE}${pagePath.slice(1)}`);
    }
    expect(statuses.filter((s) => !s.startsWith('200 '))).toEqual([]);
    // A scan that missed the pages' chrome or the guides' images would prove nothing.
    const assetPaths = [...assets].map((a) => new URL(a).pathname);
    expect(assetPaths.some((p) => p.endsWith('.css'))).toBe(true);
    expect(assetPaths.some((p) => p.endsWith('.js'))).toBe(true);
    for (const image of await readdir(path.join(ROOT, 'public/images/guides'))) {
      expect(assetPaths).toContain(`${BASE}images/guides/${image}`);
    }
    // Lazy images are never requested by a page that is not scrolled: ask for each asset itself.
    const missing: string[] = [];
    for (const asset of assets) {
      const url = new URL(asset);
      if (!url.pathname.startsWith(BASE)) missing.push(`outside the base: ${asset}`);
      const response = await context.request.get(asset);
      if (response.status() !== 200) missing.push(`${response.status()} ${asset}`);
    }
    expect(missing).toEqual([]);
    expect(failed).toEqual([]);
    expect(outside).toEqual([]);
    // A resource the Content-Security-Policy blocked would be a console error.
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('answers an unknown path with the 404 page, styled and linking home under the base', async () => {
    const { page, context, failed, outside } = await watchedPage();
    const response = await page.goto(`${server.url}no-such-guide/`);
    expect(response?.status()).toBe(404);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBeTruthy();
    const stylesheets = await page.evaluate(
      () => [...document.styleSheets].filter((s) => s.cssRules.length > 0).length,
    );
    expect(stylesheets).toBeGreaterThan(0);
    const home = await page.getByRole('banner').getByRole('link').first().getAttribute('href');
    expect(home).toBe(BASE);
    // Only the page itself is a 404: everything it loads is found.
    expect(failed).toEqual([`404 ${server.url}no-such-guide/`]);
    expect(outside).toEqual([]);
    await context.close();
  });

  it('finds a guide from the search dialog, with the index and the result link under the base', async () => {
    const { page, context, failed, outside, consoleErrors } = await watchedPage();
    await page.goto(server.url);
    await page.keyboard.press('/');
    const dialog = page.getByRole('dialog', { name: 'Search the guides' });
    await dialog.waitFor();
    await page.keyboard.type('CodeCarbon');
    const result = dialog.getByRole('link', { name: 'Measuring ML emissions with CodeCarbon' });
    await result.waitFor({ timeout: 15_000 });
    expect(await result.getAttribute('href')).toMatch(
      /^\/greenpath\/guides\/measuring-ml-emissions-with-codecarbon\/\?highlight=/,
    );
    await result.click();
    await page.waitForURL(`**${BASE}guides/measuring-ml-emissions-with-codecarbon/?highlight=*`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Measuring ML emissions with CodeCarbon');
    await page.waitForSelector('mark.pagefind-highlight');
    expect(failed).toEqual([]);
    expect(outside).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('narrows /guides/ by difficulty to what the level page lists, keeping the base in the URL', async () => {
    const { page, context, failed, consoleErrors } = await watchedPage();
    await page.goto(`${server.url}difficulty/advanced/`);
    const advanced = await page.getByRole('list', { name: 'Advanced guides' }).getByRole('heading').allTextContents();
    expect(advanced.length).toBeGreaterThan(0);

    await page.goto(`${server.url}guides/`);
    await page.waitForFunction(
      () => document.querySelector<HTMLInputElement>('guide-filter input[name=q]')?.disabled === false,
    );
    const list = page.getByRole('list', { name: 'Guides', exact: true });
    const all = await list.getByRole('heading').allTextContents();
    expect(all.length).toBeGreaterThan(advanced.length);
    await page
      .getByRole('group', { name: 'Difficulty', exact: true })
      .getByRole('checkbox', { name: /^Advanced \d+$/ })
      .click();
    await expect.poll(() => list.getByRole('heading').allTextContents()).toEqual(advanced);
    const where = () => page.evaluate(() => location.pathname + location.search);
    await expect.poll(where).toBe(`${BASE}guides/?difficulty=advanced`);
    // The URL is the view: reloading it shows the same list.
    await page.reload();
    await page.waitForFunction(
      () => document.querySelector<HTMLInputElement>('guide-filter input[name=q]')?.disabled === false,
    );
    expect(await list.getByRole('heading').allTextContents()).toEqual(advanced);
    expect(failed).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('publishes _headers that the README nginx snippet and each page’s <meta> policy add up to', async () => {
    const rules = parseHeadersFile(await readFile(path.join(dir, '_headers'), 'utf8'));
    // One block for every path: what nginx can send with server-wide add_header lines.
    expect([...rules.keys()]).toEqual(['/*']);
    const { 'Content-Security-Policy': published, ...others } = rules.get('/*') ?? {};
    const { 'Content-Security-Policy': nginxPolicy, ...nginxOthers } = nginxSnippetHeaders();
    expect(nginxOthers).toEqual(others);
    const pages = (await readdir(dir, { recursive: true })).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(10);
    const differing: string[] = [];
    for (const file of pages) {
      const meta = metaPolicy(await readFile(path.join(dir, file), 'utf8'));
      // The page's own policy plus the header's directives is the policy _headers sends.
      const combined = [...directives(meta), ...directives(nginxPolicy)];
      if (meta === undefined || combined.join('; ') !== directives(published).join('; ')) differing.push(file);
    }
    expect(differing).toEqual([]);
  });
});
