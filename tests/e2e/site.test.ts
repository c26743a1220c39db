import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { describeViolations, launchBrowser, newPage, runAxe } from './support/browser';
import { serveStatic, type StaticServer } from './support/static-server';
import { PAGE_TYPES, sitemapPaths } from './support/site';

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

describe('every page type renders', () => {
  it.each(Object.entries(PAGE_TYPES))('%s (/%s) has one h1, a main landmark and no errors', async (_name, pagePath) => {
    const { page, consoleErrors, context } = await newPage(browser);
    const response = await page.goto(server.url + pagePath);
    expect(response?.status()).toBe(200);
    expect(await page.locator('h1').count()).toBe(1);
    expect(await page.getByRole('main').count()).toBe(1);
    expect(await page.locator('link[rel=alternate][type="application/rss+xml"]').count()).toBe(1);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('serves the 404 page for unknown paths', async () => {
    const { page, context } = await newPage(browser);
    const response = await page.goto(`${server.url}no/such/page/`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Page not found');
    await context.close();
  });

  it('never builds drafts (published: false)', async () => {
    const { page, context } = await newPage(browser);
    expect((await page.goto(`${server.url}guides/delta-draft/`))?.status()).toBe(404);
    await page.goto(`${server.url}guides/`);
    expect(await page.getByText('Delta draft').count()).toBe(0);
    await context.close();
  });

  it('lists guides newest first with their facts', async () => {
    const { page, context } = await newPage(browser);
    await page.goto(`${server.url}guides/`);
    const titles = await page.locator('[data-guide-card] h2').allTextContents();
    expect(titles).toEqual(['Gamma advanced', 'Beta in the middle', 'Alpha basics']);
    const beta = page.locator('[data-slug="beta-middle"]');
    await expect(beta.textContent()).resolves.toContain('Beta has no description, so this first paragraph stands in');
    await expect(beta.textContent()).resolves.toContain('12 min read');
    await context.close();
  });
});

describe('the guide page', () => {
  it('shows title once, badge, reading time, dates, tags, hero with credit, series, related and contents', async () => {
    const { page, context } = await newPage(browser);
    await page.goto(`${server.url}guides/alpha-basics/`);
    expect(await page.locator('h1').allTextContents()).toEqual(['Alpha basics']);
    const header = page.locator('.guide-header');
    await expect(header.textContent()).resolves.toMatch(/Beginner.*1 min read.*Published 10 January 2025/s);
    expect(await page.getByRole('list', { name: 'Tags' }).getByRole('link').allTextContents()).toEqual([
      'Cloud',
      'Measurement',
    ]);
    expect(await page.locator('.hero img').getAttribute('alt')).toBe('A fixture diagram');
    await expect(page.locator('.hero figcaption').textContent()).resolves.toContain('Greenpath');
    await expect(page.locator('.series').textContent()).resolves.toContain('Part 1 of 3');
    expect(await page.locator('.series a[rel=next]').getAttribute('href')).toBe('/guides/beta-middle/');
    expect(await page.locator('.related-guides li a').allTextContents()).toEqual([
      'Gamma advanced',
      'Beta in the middle',
    ]);
    expect(await page.locator('.toc a').allTextContents()).toEqual([
      'Measuring things',
      'A deeper point',
      'Second section',
      'Sources and notes',
    ]);
    expect(await page.locator('aside.callout').count()).toBe(2);
    await context.close();
  });

  it('shows the updated date and the computed series links on a later part, and no broken hero image', async () => {
    const { page, context } = await newPage(browser);
    await page.goto(`${server.url}guides/beta-middle/`);
    expect(await page.locator('.guide img').count()).toBe(0);
    await expect(page.locator('.guide-header').textContent()).resolves.toContain('Updated 1 April 2025');
    expect(await page.locator('.series a[rel=prev]').getAttribute('href')).toBe('/guides/alpha-basics/');
    expect(await page.locator('.series a[rel=next]').getAttribute('href')).toBe('/guides/gamma-advanced/');
    await context.close();
  });

  it('renders MDX expressions', async () => {
    const { page, context } = await newPage(browser);
    await page.goto(`${server.url}guides/gamma-advanced/`);
    await expect(page.locator('.prose').textContent()).resolves.toContain('the answer is 42');
    await context.close();
  });

  it('contents links reach their headings', async () => {
    const { page, context } = await newPage(browser, { viewport: { width: 1280, height: 600 } });
    await page.goto(`${server.url}guides/alpha-basics/`);
    await page.locator('.toc a', { hasText: 'Second section' }).click();
    await page.waitForFunction(() => location.hash === '#second-section');
    await page.waitForFunction(() => {
      const top = document.getElementById('second-section')?.getBoundingClientRect().top ?? -1;
      return top >= 0 && top < window.innerHeight / 2;
    });
    await context.close();
  });

  it('the contents are collapsed on a narrow screen and open beside the text on a wide one', async () => {
    const narrow = await newPage(browser, { viewport: { width: 400, height: 800 } });
    await narrow.page.goto(`${server.url}guides/alpha-basics/`);
    expect(await narrow.page.locator('.toc a').first().isVisible()).toBe(false);
    await narrow.page.locator('.toc summary').click();
    expect(await narrow.page.locator('.toc a').first().isVisible()).toBe(true);
    await narrow.context.close();
    const wide = await newPage(browser, { viewport: { width: 1280, height: 800 } });
    await wide.page.goto(`${server.url}guides/alpha-basics/`);
    expect(await wide.page.locator('.toc a').first().isVisible()).toBe(true);
    await wide.context.close();
  });

  it('copy copies the code', async () => {
    const { page, context } = await newPage(browser);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url).origin });
    await page.goto(`${server.url}guides/alpha-basics/`);
    const button = page.getByRole('button', { name: 'Copy Python code' });
    await button.click();
    // The label changes once the asynchronous clipboard write has finished.
    await page.waitForFunction(() => document.querySelector('.copy-button')?.textContent === 'Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('print("hello from alpha")');
    await context.close();
  });
});

/**
 * The background the init script below recorded in the page's first animation frame. `goto` and
 * `reload` return at the load event, which under load can come before that frame: wait for it.
 */
async function firstPaintBg(page: Page): Promise<string> {
  const handle = await page.waitForFunction(() => (window as unknown as { firstPaintBg?: string }).firstPaintBg);
  return (await handle.jsonValue()) as string;
}

describe('themes', () => {
  it('the toggle persists across pages and the stored theme is applied before first paint', async () => {
    const { page, context } = await newPage(browser, { colorScheme: 'light' });
    // Records the background in the first animation frame, which runs before the first paint
    // (after render-blocking CSS), and the theme attribute the moment <body> exists.
    await context.addInitScript(() => {
      const w = window as unknown as { firstPaintBg: string; themeAtBody: string };
      requestAnimationFrame(() => {
        w.firstPaintBg = getComputedStyle(document.documentElement).backgroundColor;
      });
      new MutationObserver((_, observer) => {
        if (!document.body) return;
        observer.disconnect();
        w.themeAtBody = document.documentElement.dataset['theme'] ?? 'auto';
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(`${server.url}guides/alpha-basics/`);
    expect(await firstPaintBg(page)).toBe('rgb(255, 255, 255)');
    await page.getByLabel('Theme').selectOption('dark');
    expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe('dark');
    await page.goto(`${server.url}tags/`);
    expect(await page.evaluate(() => (window as unknown as { themeAtBody: string }).themeAtBody)).toBe('dark');
    expect(await firstPaintBg(page)).toBe('rgb(16, 22, 19)');
    expect(await page.getByLabel('Theme').inputValue()).toBe('dark');
    await page.getByLabel('Theme').selectOption('auto');
    await page.reload();
    expect(await firstPaintBg(page)).toBe('rgb(255, 255, 255)');
    await context.close();
  });

  it('follows the system theme when no choice is stored', async () => {
    const { page, context } = await newPage(browser, { colorScheme: 'dark' });
    await page.goto(server.url);
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).toBe(
      'rgb(16, 22, 19)',
    );
    await context.close();
  });
});

describe('keyboard', () => {
  it('Tab alone reaches every link, button and control on a guide page', async () => {
    const { page, context } = await newPage(browser, { viewport: { width: 1280, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url).origin });
    await page.goto(`${server.url}guides/alpha-basics/`);
    const expected = await page.evaluate(() =>
      [
        ...document.querySelectorAll<HTMLElement>(
          'a[href], button:not([disabled]), select:not([disabled]), input:not([disabled]), summary',
        ),
      ]
        .filter((el) => el.offsetParent !== null || getComputedStyle(el).position === 'fixed')
        .map((el) => el.outerHTML.slice(0, 120)),
    );
    const reached = new Set<string>();
    for (let i = 0; i < expected.length + 30; i++) {
      await page.keyboard.press('Tab');
      reached.add(await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 120) ?? ''));
    }
    const missed = expected.filter((html) => !reached.has(html));
    expect(missed).toEqual([]);
    await context.close();
  });

  it('the skip link is the first stop and moves focus to the main content', async () => {
    const { page, context } = await newPage(browser);
    await page.goto(`${server.url}guides/`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => location.hash)).toBe('#main');
    await context.close();
  });
});

describe('look', () => {
  it('focus is visible: a focused link draws an outline of at least 2px', async () => {
    const { page, context } = await newPage(browser);
    await page.goto(`${server.url}guides/alpha-basics/`);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(() => {
      const style = getComputedStyle(document.activeElement as Element);
      return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
    });
    expect(outline.style).not.toBe('none');
    expect(outline.width).toBeGreaterThanOrEqual(2);
    await context.close();
  });

  it('prints the guide without the site chrome, contents or related list, with link targets', async () => {
    const { page, context } = await newPage(browser, { viewport: { width: 1280, height: 900 } });
    await page.goto(`${server.url}guides/alpha-basics/`);
    await page.emulateMedia({ media: 'print' });
    for (const selector of ['.site-header', '.site-footer', '.toc', '.related-guides', '.copy-button']) {
      expect(await page.locator(selector).first().isVisible(), selector).toBe(false);
    }
    expect(await page.locator('.prose').isVisible()).toBe(true);
    const after = await page.evaluate(
      () => getComputedStyle(document.querySelector('.prose a[href^="https"]') as Element, '::after').content,
    );
    expect(after).toContain('https://example.org');
    await context.close();
  });

  it('never scrolls sideways on a 360 px screen: wide tables and code scroll inside their column', async () => {
    const { page, context } = await newPage(browser, { viewport: { width: 360, height: 800 } });
    for (const pagePath of ['guides/alpha-basics/', 'guides/beta-middle/', 'guides/gamma-advanced/', 'guides/', '']) {
      await page.goto(server.url + pagePath);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), pagePath).toBeLessThanOrEqual(360);
    }
    await context.close();
  });

  it('tag and level links are targets of at least 24 by 24 px on a phone (WCAG 2.2 target size)', async () => {
    const { page, context } = await newPage(browser, { viewport: { width: 412, height: 900 } });
    for (const pagePath of ['guides/', 'guides/alpha-basics/']) {
      await page.goto(server.url + pagePath);
      const small = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('.tags a, a.badge')]
          .map((a) => ({ text: a.textContent?.trim(), box: a.getBoundingClientRect() }))
          .filter(({ box }) => box.height < 24 || box.width < 24)
          .map(({ text, box }) => `${text}: ${box.width}x${box.height}`),
      );
      expect(small, pagePath).toEqual([]);
    }
    await context.close();
  });

  it('keeps lines of guide text to about 70 characters', async () => {
    const { page, context } = await newPage(browser, { viewport: { width: 1600, height: 900 } });
    await page.goto(`${server.url}guides/alpha-basics/`);
    const ratio = await page.evaluate(() => {
      const p = document.querySelector('.prose > p') as HTMLElement;
      const probe = document.createElement('span');
      probe.textContent = '0';
      p.append(probe);
      const ch = probe.getBoundingClientRect().width;
      probe.remove();
      return (document.querySelector('.prose') as HTMLElement).getBoundingClientRect().width / ch;
    });
    expect(ratio).toBeLessThanOrEqual(72);
    expect(ratio).toBeGreaterThan(55);
    await context.close();
  });
});

describe('accessibility', async () => {
  const paths = await sitemapPaths(dir);
  it('the sitemap lists every page type', () => {
    for (const pagePath of Object.values(PAGE_TYPES)) expect(paths).toContain(`/${pagePath}`);
  });
  for (const scheme of ['light', 'dark'] as const) {
    it.each([...paths, '/404.html'])(`axe finds no WCAG 2.2 A/AA violation on %s (${scheme})`, async (pagePath) => {
      const { page, context } = await newPage(browser, { colorScheme: scheme });
      await page.goto(server.url + pagePath.replace(/^\//, ''));
      const violations = await runAxe(page);
      expect(violations, describeViolations(violations)).toEqual([]);
      await context.close();
    });
  }
});

describe('feeds and files', () => {
  it('rss.xml lists every published guide, newest first, with absolute links', async () => {
    const xml = await readFile(path.join(dir, 'rss.xml'), 'utf8');
    const titles = [...xml.matchAll(/<item><title>([^<]+)<\/title>/g)].map((m) => m[1]);
    expect(titles).toEqual(['Gamma advanced', 'Beta in the middle', 'Alpha basics']);
    expect(xml).toContain('<link>http://localhost:4321/guides/alpha-basics/</link>');
  });
  it('robots.txt points at the sitemap', async () => {
    expect(await readFile(path.join(dir, 'robots.txt'), 'utf8')).toContain(
      'Sitemap: http://localhost:4321/sitemap-index.xml',
    );
  });
  it('the guide head has canonical, Open Graph, Twitter and LearningResource JSON-LD', async () => {
    const html = await readFile(path.join(dir, 'guides/alpha-basics/index.html'), 'utf8');
    expect(html).toContain('<link rel="canonical" href="http://localhost:4321/guides/alpha-basics/">');
    expect(html).toContain('<meta property="og:type" content="article">');
    expect(html).toContain('<meta name="twitter:card" content="summary_large_image">');
    const jsonLd = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)?.[1] ?? '{}');
    expect(jsonLd).toMatchObject({
      '@type': 'LearningResource',
      educationalLevel: 'Beginner',
      timeRequired: 'PT1M',
      datePublished: '2025-01-10',
      keywords: 'Cloud, Measurement',
    });
  });
});
