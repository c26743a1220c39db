/**
 * Full-text search in headless Chromium, against production builds of tests/fixtures/search/:
 * five guides written so that every query below has one known answer (and a draft that must
 * never be found). Built here at the root and under BASE_PATH=/docs/; the last test runs
 * `astro dev` on the root build's index.
 */
import { cp, mkdir, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSearchIndex } from '~/integrations/pagefind';
import { describeViolations, launchBrowser, newPage, runAxe } from './support/browser';
import { buildSiteOrThrow, TEST_SITES } from './support/build';
import { startDevServer, type DevServer } from './support/dev-server';
import { serveStatic, type StaticServer } from './support/static-server';

const GUIDES = 'tests/fixtures/search';
const TITLES = {
  keepers: 'Lighthouse keepers and low-power beacons',
  beacons: 'Scheduling beacons by the tide',
  harbour: 'Harbour data in the cloud',
  turbines: 'Tidal turbines for island grids',
  fog: 'A short note on fog',
} as const;

let site: string;
let subpathSite: string;
let server: StaticServer;
let subpath: StaticServer;
let browser: Browser;

beforeAll(async () => {
  site = await buildSiteOrThrow({ name: 'search', guidesDir: GUIDES });
  subpathSite = await buildSiteOrThrow({
    name: 'search-subpath',
    guidesDir: GUIDES,
    basePath: '/docs/',
    siteUrl: 'https://example.org',
  });
  server = await serveStatic(site);
  subpath = await serveStatic(subpathSite, { base: '/docs/' });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await subpath?.close();
});

const isBundleRequest = (url: string) => new URL(url).pathname.includes('/pagefind/');

/** The search page's results block, and a wait for its status line to say `text`. */
function resultsIn(scope: Page | Locator) {
  const status = scope.locator('[data-status]');
  return {
    status,
    titles: () => scope.locator('[data-list] [data-title]').allTextContents(),
    until: (text: string | RegExp) =>
      expect
        .poll(async () => (await status.textContent()) ?? '', { timeout: 15_000 })
        .toMatch(typeof text === 'string' ? new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) : text),
  };
}

async function openSearchPage(page: Page, query: string, base = server.url) {
  await page.goto(`${base}search/${query}`);
  return resultsIn(page.locator('search-page'));
}

function countOf(page: Page, label: string) {
  return page.getByRole('checkbox', { name: new RegExp(`^${label} \\(\\d+\\)$`) });
}

async function countsShown(page: Page): Promise<Record<string, number>> {
  const labels = await page.locator('search-page fieldset label').allTextContents();
  return Object.fromEntries(
    labels.map((text) => {
      const match = /^\s*(.+?)\s*\((\d+)\)\s*$/s.exec(text);
      return [match?.[1] ?? text, Number(match?.[2])];
    }),
  );
}

describe('the index', () => {
  it('is written under the site and holds the five published guides only', async () => {
    const files = await readdir(path.join(site, 'pagefind'));
    expect(files).toContain('pagefind.js');
    expect(files).toContain('pagefind-highlight.js');
    expect(files.some((f) => f.startsWith('pagefind-ui') || f.startsWith('pagefind-component-ui'))).toBe(false);
    expect(await readdir(path.join(subpathSite, 'pagefind'))).toContain('pagefind-entry.json');

    const { page, context } = await newPage(browser);
    const results = await openSearchPage(page, '?q=lighthouse');
    await results.until('4 results for “lighthouse”');
    // The draft says "lighthouse" twice and the turbines guide lists the keepers guide under
    // "Related guides": neither is found.
    expect((await results.titles()).sort()).toEqual(
      [TITLES.keepers, TITLES.harbour, TITLES.fog, TITLES.beacons].sort(),
    );
    await context.close();
  });

  it('indexes the body and title only: chrome, related lists and anchors are left out', async () => {
    const { page, context } = await newPage(browser);
    // "keepers" is in the keepers guide's title and text, and in the turbines guide's related list.
    let results = await openSearchPage(page, '?q=keepers');
    await results.until('1 result for “keepers”');
    expect(await results.titles()).toEqual([TITLES.keepers]);
    // Every heading anchor reads "Section titled …"; the header says "Skip to content".
    results = await openSearchPage(page, '?q=titled');
    await results.until('No results for “titled”');
    results = await openSearchPage(page, '?q=skip');
    await results.until('No results for “skip”');
    await context.close();
  });

  it('turns an empty index into an error, which fails the build', async () => {
    const empty = path.join(TEST_SITES, 'search-empty');
    await mkdir(empty, { recursive: true });
    await expect(buildSearchIndex(empty)).rejects.toThrow(
      /Search index \(Pagefind\) failed .*\n\s+no HTML pages found/,
    );
    await rm(empty, { recursive: true, force: true });
  });
});

describe('the search page', () => {
  it('ranks a title match first and shows badge, reading time, tags, marked excerpt and sub-results', async () => {
    const { page, context } = await newPage(browser);
    const results = await openSearchPage(page, '?q=beacon');
    await results.until('2 results for “beacon”');
    expect(await results.titles()).toEqual([TITLES.beacons, TITLES.keepers]);
    const first = page.locator('search-page [data-list] > li').first();
    await expect(first.locator('.badge').textContent()).resolves.toBe('Difficulty: Intermediate');
    await expect(first.locator('[data-minutes]').textContent()).resolves.toBe('3 min read');
    await expect(first.locator('[data-tags]').textContent()).resolves.toBe('Tags: Scheduling, Carbon-aware computing');
    expect((await first.locator('[data-excerpt] mark').allTextContents()).map((t) => t.toLowerCase())).toContain(
      'beacons',
    );
    const subs = first.locator('[data-subs] a');
    expect(await subs.count()).toBeLessThanOrEqual(3);
    expect(await subs.allTextContents()).toContain('Reading the tide table');
    expect(
      await page.locator('search-page [data-list] > li').nth(1).locator('[data-subs] a').allTextContents(),
    ).toEqual(['Solar beacons']);
    await context.close();
  });

  it('ranks results as the reader types, without reloading', async () => {
    const { page, context } = await newPage(browser);
    const results = await openSearchPage(page, '');
    const box = page.getByRole('searchbox', { name: 'Search 5 guides' });
    // The box is disabled until <search-page> upgrades it; key presses before that go nowhere.
    await expect.poll(() => box.isEnabled()).toBe(true);
    await box.pressSequentially('tide', { delay: 30 });
    await results.until('2 results for “tide”');
    expect(await results.titles()).toEqual([TITLES.beacons, TITLES.turbines]);
    expect(new URL(page.url()).search).toBe('?q=tide');
    await context.close();
  });

  it('difficulty and tag filters narrow the results and their counts match', async () => {
    const { page, context } = await newPage(browser);
    const results = await openSearchPage(page, '?q=lighthouse');
    await results.until('4 results for “lighthouse”');
    const counts = await countsShown(page);
    expect(counts).toEqual({
      Beginner: 1,
      Intermediate: 2,
      Advanced: 1,
      Cloud: 2,
      Measurement: 2,
      Water: 1,
      Scheduling: 1,
      'Carbon-aware computing': 1,
      Hardware: 0,
    });
    // Each value alone gives as many results as its count says.
    for (const [label, count] of Object.entries(counts)) {
      if (count === 0) continue;
      const box = countOf(page, label);
      await box.check();
      await results.until(`${count} result${count === 1 ? '' : 's'} for “lighthouse”`);
      await box.uncheck();
      await results.until('4 results for “lighthouse”');
    }
    // Tags combine with "any of"; a group's own counts do not change when its values are chosen.
    await countOf(page, 'Cloud').check();
    await results.until('2 results for “lighthouse”');
    await countOf(page, 'Measurement').check();
    await results.until('3 results for “lighthouse”');
    expect((await results.titles()).sort()).toEqual([TITLES.keepers, TITLES.harbour, TITLES.fog].sort());
    const narrowed = await countsShown(page);
    expect(narrowed).toMatchObject({ Beginner: 1, Intermediate: 1, Advanced: 1, Cloud: 2, Measurement: 2 });
    // Difficulty and tags combine with "and".
    await countOf(page, 'Intermediate').check();
    await results.until('1 result for “lighthouse”');
    expect(await results.titles()).toEqual([TITLES.fog]);
    expect(new URL(page.url()).search).toBe('?q=lighthouse&difficulty=intermediate&tag=cloud&tag=measurement');
    await context.close();
  });

  it('sorts by relevance, newest or shortest', async () => {
    const { page, context } = await newPage(browser);
    const results = await openSearchPage(page, '?q=lighthouse&sort=newest');
    await results.until('4 results for “lighthouse”');
    expect(await results.titles()).toEqual([TITLES.fog, TITLES.harbour, TITLES.beacons, TITLES.keepers]);
    await page.getByRole('combobox', { name: 'Sort by' }).selectOption('shortest');
    await expect.poll(() => results.titles()).toEqual([TITLES.fog, TITLES.harbour, TITLES.beacons, TITLES.keepers]);
    expect(await page.locator('search-page [data-minutes]').allTextContents()).toEqual([
      '1 min read',
      '2 min read',
      '3 min read',
      '5 min read',
    ]);
    await page.getByRole('combobox', { name: 'Sort by' }).selectOption('relevance');
    await expect.poll(async () => (await results.titles())[0]).toBe(TITLES.keepers);
    expect(new URL(page.url()).search).toBe('?q=lighthouse');
    await context.close();
  });

  it('lists the guides of a filter without words, newest first (the browse page’s link)', async () => {
    const { page, context } = await newPage(browser);
    const results = await openSearchPage(page, '?tag=water');
    await results.until('2 results');
    expect(await results.titles()).toEqual([TITLES.turbines, TITLES.harbour]);
    await expect(countOf(page, 'Water').isChecked()).resolves.toBe(true);
    await context.close();
  });

  it('sub-results link to their heading, and the guide marks the searched words', async () => {
    const { page, context } = await newPage(browser, { viewport: { width: 1280, height: 700 } });
    const results = await openSearchPage(page, '?q=battery');
    await results.until('1 result for “battery”');
    const sub = page.locator('search-page [data-subs] a', { hasText: 'Battery storage' });
    expect(await sub.getAttribute('href')).toBe('/guides/lighthouse-keepers/?highlight=battery#battery-storage');
    await sub.click();
    await page.waitForURL('**/guides/lighthouse-keepers/?highlight=battery#battery-storage');
    await page.waitForSelector('mark.pagefind-highlight');
    const marks = await page.locator('mark.pagefind-highlight').evaluateAll((nodes) =>
      nodes.map((n) => ({
        text: n.textContent,
        inArticle: !!n.closest('article.guide'),
        inToc: !!n.closest('.toc'),
      })),
    );
    expect(marks.length).toBeGreaterThanOrEqual(3);
    for (const mark of marks)
      expect(mark).toEqual({ text: expect.stringMatching(/^battery$/i), inArticle: true, inToc: false });
    // The jump to the heading may be a smooth scroll still under way: wait for where it ends.
    await page.waitForFunction(() => {
      const top = document.getElementById('battery-storage')?.getBoundingClientRect().top ?? -1;
      return top >= 0 && top < 350;
    });
    await context.close();
  });

  it('keeps its state in the URL: restored on load, pushed by filters, back and forward', async () => {
    const { page, context } = await newPage(browser);
    const results = await openSearchPage(page, '?q=lighthouse&tag=measurement&sort=newest');
    await results.until('2 results for “lighthouse”');
    expect(await results.titles()).toEqual([TITLES.fog, TITLES.keepers]);
    await expect(page.getByRole('searchbox', { name: 'Search 5 guides' }).inputValue()).resolves.toBe('lighthouse');
    await expect(countOf(page, 'Measurement').isChecked()).resolves.toBe(true);
    await expect(page.getByRole('combobox', { name: 'Sort by' }).inputValue()).resolves.toBe('newest');

    await countOf(page, 'Intermediate').check();
    await results.until('1 result for “lighthouse”');
    expect(new URL(page.url()).search).toBe('?q=lighthouse&difficulty=intermediate&tag=measurement&sort=newest');

    await page.goBack();
    await results.until('2 results for “lighthouse”');
    expect(new URL(page.url()).search).toBe('?q=lighthouse&tag=measurement&sort=newest');
    await expect(countOf(page, 'Intermediate').isChecked()).resolves.toBe(false);

    await page.goForward();
    await results.until('1 result for “lighthouse”');
    await expect(countOf(page, 'Intermediate').isChecked()).resolves.toBe(true);

    // Typing replaces the entry instead of adding one per letter.
    const before = await page.evaluate(() => history.length);
    const box = page.getByRole('searchbox', { name: 'Search 5 guides' });
    await box.fill('fog');
    await results.until('1 result for “fog”');
    expect(new URL(page.url()).searchParams.get('q')).toBe('fog');
    expect(await page.evaluate(() => history.length)).toBe(before);

    // A reload shows the same view.
    await page.reload();
    await results.until('1 result for “fog”');
    await expect(countOf(page, 'Intermediate').isChecked()).resolves.toBe(true);
    await context.close();
  });

  it('with no results: says so, suggests the query without its rarest word', async () => {
    const { page, context } = await newPage(browser);
    // "quokka" is on one page and "tide" on two, never together.
    const results = await openSearchPage(page, '?q=quokka+tide');
    await results.until('No results for “quokka tide”');
    const suggestion = page.locator('search-page [data-suggestion]');
    await expect(suggestion.textContent()).resolves.toMatch(/Try\s+tide\s+\(2 results\)/);
    const link = suggestion.getByRole('link', { name: 'tide' });
    expect(await link.getAttribute('href')).toBe('/search/?q=tide');
    await link.click();
    await results.until('2 results for “tide”');
    expect(new URL(page.url()).search).toBe('?q=tide');
    await expect(page.getByRole('searchbox', { name: 'Search 5 guides' }).inputValue()).resolves.toBe('tide');
    await page.goBack();
    await results.until('No results for “quokka tide”');
    await context.close();
  });

  it('with no results under filters: names them and clears them', async () => {
    const { page, context } = await newPage(browser);
    const results = await openSearchPage(page, '?q=lighthouse&difficulty=advanced&tag=measurement');
    await results.until('No results for “lighthouse”');
    const filters = page.locator('search-page [data-active-filters]');
    await expect(filters.textContent()).resolves.toMatch(
      /Filters on: Advanced, Measurement\. Without them, 4 guides match\.\s*Clear filters/,
    );
    await filters.getByRole('button', { name: 'Clear filters' }).click();
    await results.until('4 results for “lighthouse”');
    expect(new URL(page.url()).search).toBe('?q=lighthouse');
    await expect(countOf(page, 'Advanced').isChecked()).resolves.toBe(false);
    await context.close();
  });

  it('without JavaScript says search needs it and points to the browse pages', async () => {
    // Chromium with JavaScript switched off by Playwright still parses <noscript> as text, so
    // the message is read from the page as built; browsers with scripting off show it.
    const html = await readFile(path.join(site, 'search/index.html'), 'utf8');
    const noscript = /<noscript>(.*?)<\/noscript>/s.exec(html)?.[1] ?? '';
    expect(noscript).toContain('Search needs JavaScript');
    expect([...noscript.matchAll(/href="([^"]+)"/g)].map((m) => m[1])).toEqual([
      '/guides/',
      '/tags/',
      '/difficulty/beginner/',
      '/difficulty/intermediate/',
      '/difficulty/advanced/',
    ]);
    const { page, context } = await newPage(browser, { javaScriptEnabled: false });
    await page.goto(`${server.url}search/?q=lighthouse`);
    // Nothing on the page pretends to work: the controls stay disabled.
    expect(await page.getByRole('searchbox', { name: 'Search 5 guides' }).isDisabled()).toBe(true);
    expect(await page.getByRole('checkbox', { name: /^Beginner/ }).isDisabled()).toBe(true);
    // The header's search is a plain link to the search page.
    await page.goto(`${server.url}guides/tidal-turbines/`);
    const link = page.getByRole('banner').getByRole('link', { name: 'Search', exact: true });
    expect(await link.getAttribute('href')).toBe('/search/');
    expect(await link.isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Search', exact: true }).count()).toBe(0);
    await context.close();
  });

  it.each(['light', 'dark'] as const)(
    'has no axe violations (%s theme), with results and with no results',
    async (colorScheme) => {
      // axe is injected as an inline script, which the site's Content-Security-Policy blocks.
      const { page, context, consoleErrors } = await newPage(browser, { colorScheme, bypassCSP: true });
      let results = await openSearchPage(page, '?q=lighthouse&tag=cloud');
      await results.until('2 results for “lighthouse”');
      let violations = await runAxe(page);
      expect(violations, describeViolations(violations)).toEqual([]);
      results = await openSearchPage(page, '?q=quokka+tide&difficulty=advanced');
      await results.until('No results for “quokka tide”');
      await page.locator('search-page [data-active-filters]').waitFor();
      violations = await runAxe(page);
      expect(violations, describeViolations(violations)).toEqual([]);
      expect(consoleErrors).toEqual([]);
      await context.close();
    },
  );
});

describe('the search dialog', () => {
  const dialogOf = (page: Page) => page.getByRole('dialog', { name: 'Search the guides' });
  const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? document.activeElement?.tagName);

  it('opens with /, shows results, keeps focus inside, closes with Escape and returns focus', async () => {
    const { page, context } = await newPage(browser);
    await page.goto(`${server.url}guides/tidal-turbines/`);
    await page.keyboard.press('/');
    const dialog = dialogOf(page);
    await dialog.waitFor();
    expect(await focusedId(page)).toBe('search-dialog-q');
    await page.keyboard.type('beacon');
    const results = resultsIn(dialog);
    await results.until('2 results for “beacon”');
    expect(await results.titles()).toEqual([TITLES.beacons, TITLES.keepers]);
    expect(await dialog.locator('[data-title]').first().getAttribute('href')).toBe(
      '/guides/beacon-scheduling/?highlight=beacon',
    );

    // Tab through everything and past the end: focus wraps and never leaves the dialog.
    const focusable = await dialog.locator('a[href]:visible, button:visible, input:visible').count();
    const seen = new Set<string>();
    for (let i = 0; i <= focusable + 1; i += 1) {
      await page.keyboard.press('Tab');
      const where = await page.evaluate(() => ({
        inside: !!document.activeElement?.closest('dialog'),
        label: document.activeElement?.textContent?.trim() || document.activeElement?.id || '',
      }));
      expect(where.inside).toBe(true);
      seen.add(where.label);
    }
    expect(seen.has('search-dialog-q')).toBe(true);
    await page.getByRole('button', { name: /^Close/ }).focus();
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('dialog'))).toBe(true);

    await page.getByRole('searchbox', { name: 'Search words' }).focus();
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    // The dialog's close event, which returns focus, is dispatched a moment after it hides.
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('search-button') !== null)).toBe(true);
    await context.close();
  });

  it('opens with Ctrl+K and the button; Enter goes to the search page; a result goes to the guide', async () => {
    const { page, context } = await newPage(browser);
    await page.goto(`${server.url}guides/`);
    await page.keyboard.press('Control+k');
    await dialogOf(page).waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => dialogOf(page).isVisible()).toBe(false);

    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await dialogOf(page).waitFor();
    await page.keyboard.type('lighthouse');
    await resultsIn(dialogOf(page)).until('4 results for “lighthouse”');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/search/?q=lighthouse');
    await resultsIn(page.locator('search-page')).until('4 results for “lighthouse”');

    // On the search page, / goes to the page's own search box.
    await page.locator('h1').click();
    await page.keyboard.press('/');
    expect(await focusedId(page)).toBe('search-q');
    expect(await dialogOf(page).isVisible()).toBe(false);

    await page.goto(`${server.url}`);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.keyboard.type('fog');
    await resultsIn(dialogOf(page)).until('2 results for “fog”');
    await dialogOf(page).getByRole('link', { name: TITLES.fog }).click();
    await page.waitForURL('**/guides/fog-note/?highlight=fog');
    await page.waitForSelector('article mark.pagefind-highlight');
    await context.close();
  });

  it.each(['light', 'dark'] as const)('has no axe violations while open (%s theme)', async (colorScheme) => {
    const { page, context } = await newPage(browser, { colorScheme, bypassCSP: true });
    await page.goto(`${server.url}guides/lighthouse-keepers/`);
    await page.keyboard.press('/');
    await page.keyboard.type('quokka tide');
    await resultsIn(dialogOf(page)).until('No results for “quokka tide”');
    await dialogOf(page).locator('[data-suggestion]').waitFor();
    let violations = await runAxe(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    await page.getByRole('searchbox', { name: 'Search words' }).fill('lighthouse');
    await resultsIn(dialogOf(page)).until('4 results for “lighthouse”');
    violations = await runAxe(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    await context.close();
  });
});

/**
 * Puts a recording stand-in in front of Pagefind: the page's `pagefind/pagefind.js` becomes a
 * module that re-exports the real one (fetched as `pagefind.js?real`, so Pagefind still finds
 * its files beside it) and logs each `search` call, how many run at once, and can hold a term's
 * answer until the test releases it. Nothing in the site knows about it.
 */
async function recordPagefind(page: Page): Promise<void> {
  await page.route(
    (url) => url.pathname.endsWith('/pagefind/pagefind.js') && url.search === '',
    (route) =>
      route.fulfill({
        contentType: 'text/javascript',
        body: `
          import * as real from './pagefind.js?real';
          const w = window;
          w.__search = { calls: [], running: 0, maxRunning: 0, ready: false, holds: {} };
          const rec = w.__search;
          export const { options, preload, filters, destroy, debouncedSearch, mergeIndex, createInstance } = real;
          export async function init() { await real.init(); rec.ready = true; }
          export async function search(term, opts) {
            rec.calls.push(term);
            rec.running += 1;
            rec.maxRunning = Math.max(rec.maxRunning, rec.running);
            try {
              const answer = await real.search(term, opts);
              if (rec.holds[term]) await rec.holds[term].promise;
              return answer;
            } finally {
              rec.running -= 1;
            }
          }
        `,
      }),
  );
}

interface SearchRecord {
  calls: (string | null)[];
  maxRunning: number;
  ready: boolean;
}
const searchRecord = (page: Page) => page.evaluate(() => (window as unknown as { __search: SearchRecord }).__search);

describe('searching as the reader types', () => {
  const openDialog = async (page: Page) => {
    await recordPagefind(page);
    await page.goto(`${server.url}guides/tidal-turbines/`);
    await page.keyboard.press('/');
    const dialog = page.getByRole('dialog', { name: 'Search the guides' });
    await dialog.waitFor();
    // Opening the dialog warms Pagefind up, before any word is typed.
    await expect.poll(async () => (await searchRecord(page).catch(() => undefined))?.ready).toBe(true);
    return dialog;
  };

  it('starts the first keystroke’s search in the same task as the input event, with no timer', async () => {
    const { page, context } = await newPage(browser);
    const dialog = await openDialog(page);
    const called = await page.evaluate(async () => {
      const input = document.querySelector<HTMLInputElement>('search-dialog input[type="search"]');
      if (!input) throw new Error('no search box in the dialog');
      const rec = (window as unknown as { __search: SearchRecord }).__search;
      const before = rec.calls.length;
      input.value = 't';
      input.dispatchEvent(new Event('input', { bubbles: true }));
      // A task queued now runs after every microtask of the input's task, and before any timer.
      await new Promise((resolve) => setTimeout(resolve, 0));
      return rec.calls.slice(before);
    });
    expect(called).toEqual(['t']);
    await resultsIn(dialog).until(/results? for “t”$/);
    await context.close();
  });

  it('keeps one search at a time and drops a stale answer: a slow first query never shows', async () => {
    const { page, context } = await newPage(browser);
    const dialog = await openDialog(page);
    // Every text the results block shows, as it changes.
    await page.evaluate(() => {
      const w = window as unknown as { __shown: string[]; __search: { holds: Record<string, unknown> } };
      w.__shown = [];
      const root = document.querySelector('search-dialog [data-search-results]');
      if (!root) throw new Error('no results block in the dialog');
      const record = () => {
        const titles = [...root.querySelectorAll('[data-list] [data-title]')].map((a) => a.textContent);
        w.__shown.push(`${root.querySelector('[data-status]')?.textContent ?? ''} | ${titles.join(', ')}`);
      };
      new MutationObserver(record).observe(root, { subtree: true, childList: true, characterData: true });
      let release = () => {};
      const promise = new Promise<void>((resolve) => (release = resolve));
      w.__search.holds['lighthouse'] = { promise, release };
    });
    const box = dialog.getByRole('searchbox', { name: 'Search words' });
    await box.fill('lighthouse');
    await expect.poll(async () => (await searchRecord(page)).calls).toEqual(['lighthouse']);
    await box.fill('fo');
    await box.fill('fog');
    // "lighthouse" is still running: "fog" waits for it (and "fo", replaced, never runs).
    await page.waitForTimeout(300);
    expect((await searchRecord(page)).calls).toEqual(['lighthouse']);
    await page.evaluate(() =>
      (window as unknown as { __search: { holds: Record<string, { release: () => void }> } }).__search.holds[
        'lighthouse'
      ]?.release(),
    );
    const results = resultsIn(dialog);
    await results.until('2 results for “fog”');
    expect(await results.titles()).toContain(TITLES.fog);
    const record = await searchRecord(page);
    expect(record.calls).toEqual(['lighthouse', 'fog']);
    expect(record.maxRunning).toBe(1);
    const shown = await page.evaluate(() => (window as unknown as { __shown: string[] }).__shown);
    expect(shown.filter((text) => text.includes('for “lighthouse”'))).toEqual([]);
    await context.close();
  });
});

describe('showing results as their data comes', () => {
  it('shows the first result and the count at once, and the rest of the page in order as their data comes', async () => {
    const { page, context, consoleErrors } = await newPage(browser);
    await page.goto(`${server.url}search/`, { waitUntil: 'networkidle' });
    // Once the page has warmed search up: every result's data after the first waits for release.
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    let passed = 0;
    await page.route(
      (url) => url.pathname.includes('/pagefind/fragment/'),
      async (route) => {
        if (passed++ > 0) await released;
        await route.continue();
      },
    );
    const results = resultsIn(page.locator('search-page'));
    await page.locator('search-page input[type="search"]').fill('energy');
    await results.until(/^\d+ results for “energy”$/);
    const total = Number(/^(\d+)/.exec((await results.status.textContent()) ?? '')?.[1]);
    expect(total).toBeGreaterThan(2);
    await page.waitForTimeout(300);
    // Held: the answer is shown with what is here, and nothing more is drawn meanwhile.
    const held = (await results.titles()).length;
    expect(held).toBeGreaterThanOrEqual(1);
    expect(held).toBeLessThan(total);
    release();
    await expect.poll(async () => (await results.titles()).length).toBe(total);
    // The same order as an answer drawn all at once.
    const drawn = await results.titles();
    const { page: plain, context: plainContext } = await newPage(browser);
    const again = await openSearchPage(plain, '?q=energy');
    await again.until(`${total} results for “energy”`);
    await expect.poll(async () => (await again.titles()).length).toBe(total);
    expect(drawn).toEqual(await again.titles());
    expect(consoleErrors).toEqual([]);
    await plainContext.close();
    await context.close();
  });
});

describe('loading only what is used', () => {
  it('a guide page loads no Pagefind file and no search code until search is used', async () => {
    const { page, context, requests } = await newPage(browser);
    await page.goto(`${server.url}guides/lighthouse-keepers/`, { waitUntil: 'networkidle' });
    await page.mouse.wheel(0, 2000);
    await page.locator('.toc summary').first().focus();
    await page.waitForTimeout(300);
    expect(requests.filter(isBundleRequest)).toEqual([]);
    expect(requests.filter((r) => r.includes('SearchDialogCode'))).toEqual([]);

    // Pointing at the button fetches the dialog's code, still not Pagefind.
    await page.getByRole('button', { name: 'Search', exact: true }).hover();
    await expect.poll(() => requests.some((r) => r.includes('SearchDialogCode'))).toBe(true);
    await page.waitForTimeout(300);
    expect(requests.filter(isBundleRequest)).toEqual([]);

    // Opening search loads Pagefind, its metadata and WebAssembly in the background.
    await page.keyboard.press('/');
    await expect
      .poll(() => requests.filter(isBundleRequest).map((r) => path.basename(new URL(r).pathname)))
      .toEqual(expect.arrayContaining(['pagefind.js', 'pagefind-entry.json', 'wasm.en.pagefind']));
    await context.close();
  });

  it('the search page warms search up once it is idle, before any word is typed', async () => {
    const { page, context, requests } = await newPage(browser);
    await recordPagefind(page);
    await page.goto(`${server.url}search/`, { waitUntil: 'networkidle' });
    // Pagefind, its WebAssembly, every filter chunk, and one filter-only search read to its first result.
    await expect.poll(async () => (await searchRecord(page)).calls).toEqual([null]);
    const loaded = (pattern: RegExp) => requests.some((r) => pattern.test(new URL(r).pathname));
    for (const file of [/\/pagefind\/pagefind\.js$/, /\/wasm\.en\.pagefind$/, /\/filter\//, /\/fragment\//])
      await expect.poll(() => (loaded(file) ? String(file) : 'not loaded')).toBe(String(file));
    // No index chunk: those are the words', loaded as a query needs them.
    expect(loaded(/\/pagefind\/index\//)).toBe(false);
    await page.getByRole('searchbox', { name: 'Search 5 guides' }).fill('lighthouse');
    await resultsIn(page.locator('search-page')).until('4 results for “lighthouse”');
    expect((await searchRecord(page)).calls).toEqual([null, 'lighthouse']);
    await context.close();
  });
});

describe('under BASE_PATH=/docs/', () => {
  it('searches from the dialog and the page, with every link and index file under /docs/', async () => {
    const { page, context, requests, consoleErrors } = await newPage(browser);
    const failed: string[] = [];
    page.on('response', (response) => {
      if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
    });
    await page.goto(`${subpath.url}guides/tidal-turbines/`);
    await page.keyboard.press('/');
    await page.keyboard.type('lighthouse');
    const dialog = page.getByRole('dialog', { name: 'Search the guides' });
    await resultsIn(dialog).until('4 results for “lighthouse”');
    expect(await dialog.locator('[data-title]').first().getAttribute('href')).toBe(
      '/docs/guides/lighthouse-keepers/?highlight=lighthouse',
    );
    await page.keyboard.press('Enter');
    await page.waitForURL('**/docs/search/?q=lighthouse');
    const results = resultsIn(page.locator('search-page'));
    await results.until('4 results for “lighthouse”');
    await page.goto(`${subpath.url}search/?q=battery`);
    await results.until('1 result for “battery”');
    await page.locator('search-page [data-subs] a', { hasText: 'Battery storage' }).click();
    await page.waitForURL('**/docs/guides/lighthouse-keepers/?highlight=battery#battery-storage');
    await page.waitForSelector('mark.pagefind-highlight');
    const bundle = requests.filter(isBundleRequest).map((r) => new URL(r).pathname);
    expect(bundle.length).toBeGreaterThan(3);
    expect(bundle.filter((p) => !p.startsWith('/docs/pagefind/'))).toEqual([]);
    expect(failed).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });
});

describe('npm run dev', () => {
  let dev: DevServer | undefined;
  afterAll(() => dev?.stop());

  it('says the index comes from a build, searches the last one, and says when there is none', async () => {
    // The dev server serves the index from the output folder: here, a copy of the fixture build's.
    const outDir = path.join(TEST_SITES, 'search-dev-out');
    await rm(outDir, { recursive: true, force: true });
    await cp(path.join(site, 'pagefind'), path.join(outDir, 'pagefind'), { recursive: true });
    dev = await startDevServer({ GUIDES_DIR: GUIDES, OUT_DIR: outDir });
    expect(dev.output()).toContain('Search uses the index of the last build');

    const { page, context } = await newPage(browser);
    page.setDefaultTimeout(60_000);
    const results = await openSearchPage(page, '?q=lighthouse', dev.url);
    await expect(page.locator('search-page .dev-note').textContent()).resolves.toMatch(
      /search uses the index of the last\s+npm run build/,
    );
    await expect
      .poll(async () => (await results.status.textContent()) ?? '', { timeout: 60_000 })
      .toBe('4 results for “lighthouse”');

    await rm(path.join(outDir, 'pagefind'), { recursive: true, force: true });
    await page.reload();
    await expect
      .poll(async () => (await results.status.textContent()) ?? '', { timeout: 60_000 })
      .toBe('No search index yet. Run “npm run build”, then reload: the dev server searches the last build.');
    await context.close();
  }, 180_000);
});
