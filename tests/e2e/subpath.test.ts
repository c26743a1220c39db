import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, newPage } from './support/browser';
import { checkLocalUrls } from './support/local-links';
import { realSite } from './support/real-site';
import { serveStatic, type StaticServer } from './support/static-server';
import { sitemapPaths } from './support/site';

const dir = inject('subpathSite');
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  server = await serveStatic(dir, { base: '/docs/' });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('a build under BASE_PATH=/docs/ with SITE_URL=https://example.org', () => {
  it('every page loads every asset and links only inside /docs/', async () => {
    const paths = await sitemapPaths(dir, '/docs/');
    expect(paths.length).toBeGreaterThan(10);
    const { page, context } = await newPage(browser);
    const failed: string[] = [];
    page.on('response', (response) => {
      if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
    });
    for (const pagePath of paths) {
      await page.goto(server.url + pagePath.replace(/^\//, ''));
      const hrefs = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLAnchorElement | HTMLLinkElement>('a[href], link[href]')].map(
          (a) => a.getAttribute('href') ?? '',
        ),
      );
      const internal = hrefs.filter((href) => href.startsWith('/'));
      expect(
        internal.filter((href) => !href.startsWith('/docs/')),
        pagePath,
      ).toEqual([]);
    }
    expect(failed).toEqual([]);
    await context.close();
  });

  it('following links from the home page reaches guides, tags and levels', async () => {
    const { page, context } = await newPage(browser);
    await page.goto(server.url);
    await page.getByRole('link', { name: 'Browse all guides' }).click();
    await page.getByRole('link', { name: 'Alpha basics' }).first().click();
    expect(new URL(page.url()).pathname).toBe('/docs/guides/alpha-basics/');
    expect(await page.locator('.hero img').evaluate((img: HTMLImageElement) => img.naturalWidth > 0)).toBe(true);
    await page.getByRole('link', { name: 'Cloud' }).first().click();
    expect(new URL(page.url()).pathname).toBe('/docs/tags/cloud/');
    await context.close();
  });

  it('the feed, canonical URLs and sitemap use the site URL and base', async () => {
    const rss = await readFile(path.join(dir, 'rss.xml'), 'utf8');
    expect(rss).toContain('<link>https://example.org/docs/guides/alpha-basics/</link>');
    const html = await readFile(path.join(dir, 'guides/alpha-basics/index.html'), 'utf8');
    expect(html).toContain('<link rel="canonical" href="https://example.org/docs/guides/alpha-basics/">');
    expect(html).toContain('href="https://example.org/docs/rss.xml"');
    expect(await readFile(path.join(dir, 'robots.txt'), 'utf8')).toContain(
      'Sitemap: https://example.org/docs/sitemap-index.xml',
    );
  });
});

// Guides write links as they will be read on the site, `/guides/x/#part`, `/tags/x/`,
// `/images/x.svg`: the build must put every one of them, and every URL of its own, under the base.
describe.each([
  ['the fixture library', async () => dir],
  ['the real library', () => realSite({ basePath: '/docs/', siteUrl: 'https://example.org' })],
])('%s under BASE_PATH=/docs/', (_name, build) => {
  it('every local URL in pages, feed, sitemaps and search records resolves to a file of the build', async () => {
    const siteDir = await build();
    const pages = await sitemapPaths(siteDir, '/docs/');
    expect(pages.length).toBeGreaterThan(10);
    const { checked, broken } = await checkLocalUrls({ dir: siteDir, origin: 'https://example.org', base: '/docs/' });
    expect(broken).toEqual([]);
    // Every page links to the site's chrome at least: a scan that found little has missed something.
    expect(checked).toBeGreaterThan(pages.length * 10);
  });
});
