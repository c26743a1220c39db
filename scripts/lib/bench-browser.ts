/**
 * Browser timings for `npm run bench`, in headless Chromium against the built site:
 * - the filter on /guides/ (`<guide-filter>`): how long applying a filter takes, measured by the
 *   filter's own timing helper (tests/e2e/support/filter-timing.ts) when it exists;
 * - search on /search/ (`<search-page>` with a search box): from the input event to results on
 *   screen, for the first query typed the instant the page has loaded (Pagefind starts up under
 *   it), for the first query typed once the page is idle, and for later ones;
 * - the listing pages (`/guides/`, the largest tag page): their DOM elements; and, on a fresh
 *   load of /guides/ under 4× CPU slowdown (a mid-range phone, as Lighthouse's mobile setting),
 *   the time to DOMContentLoaded, the time from the first filter click to the next frame after
 *   the list updates, and the bytes that first filter needed (the guides index, whether it came
 *   at idle before the click or after it, and anything fetched after the click).
 * A page without the control reports `available: false` and why, instead of a number.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { safeDecodeURIComponent } from '../../src/lib/decode-uri';
import { median as medianNumber } from './bench-stats';
import { gzipSize } from './page-weight';
import { launchBrowser } from '../../tests/e2e/support/browser';
import { serveStatic } from '../../tests/e2e/support/static-server';

export type Timing<T> = ({ available: true } & T) | { available: false; reason: string };

export interface BrowserTimings {
  filter: Timing<{ medianMs: number; p95Ms: number; cards: number; samples: number }>;
  search: Timing<{ firstMs: number; atLoadMs: number; medianMs: number; queries: string[]; includes: string }>;
  listings: Timing<ListingTimings>;
}

export interface FetchedFile {
  url: string;
  /** Body bytes as sent (the bench's server does not compress). */
  bytes: number;
  /** The built file gzip -9, as a compressing server would send it (undefined: no such file). */
  gzipBytes: number | undefined;
  /** Milliseconds from navigation start to the request, and whether that was before the click. */
  startMs: number;
  beforeClick: boolean;
}

export interface ListingTimings {
  /** `document.getElementsByTagName('*').length` once each page has loaded, by page. */
  domElements: Record<string, number>;
  cpuSlowdown: number;
  /** Fresh loads of /guides/ measured; the times are their medians. */
  loads: number;
  domContentLoadedMs: number;
  /** From navigation start until the bench sees the filter's controls enabled (it has the guides index). */
  filterReadyMs: number;
  /** From the click on the first difficulty box to the next frame after the live count changed. */
  firstFilterMs: number;
  /**
   * From the same click to the frame that draws the last card of the first page: the filter
   * draws the cards that can be in view at once and the rest a frame later (the list is
   * `aria-busy` until then). Equal to `firstFilterMs` for a filter that draws them all at once.
   */
  firstFilterAllMs: number;
  /** Each load's `firstFilterMs`, in the order taken. */
  firstFilterLoadsMs: number[];
  /** What the first filter needed, from the first load: the guides index and anything after the click. */
  firstFilterFetched: FetchedFile[];
}

export interface ListingPages {
  guides: string;
  largestTag: string | undefined;
}

/** Words every synthetic library contains (scripts/lib/generate-guides.ts). */
const QUERIES = ['carbon', 'cooling', 'deduplication', 'forecast', 'retention', 'kubernetes', 'checkpointing'];

interface FilterTimingModule {
  measureFilterTiming(
    page: Page,
    options?: { samples?: number },
  ): Promise<{ cards: number; samples: number; frame: { median: number; p95: number } }>;
}

async function timeFilter(page: Page, url: string): Promise<BrowserTimings['filter']> {
  await page.goto(`${url}guides/`);
  if ((await page.locator('guide-filter').count()) === 0) {
    return { available: false, reason: 'not available: /guides/ has no <guide-filter>' };
  }
  let helper: FilterTimingModule;
  try {
    helper = await import('../../tests/e2e/support/filter-timing');
  } catch {
    return { available: false, reason: 'not available: tests/e2e/support/filter-timing.ts is missing' };
  }
  const timing = await helper.measureFilterTiming(page, { samples: 40 });
  return {
    available: true,
    // Until the next frame: what a reader waits for.
    medianMs: timing.frame.median,
    p95Ms: timing.frame.p95,
    cards: timing.cards,
    samples: timing.samples,
  };
}

/** Types `query` into the search box and resolves with the milliseconds until results are shown. */
async function searchOnce(page: Page, query: string): Promise<number> {
  return page.evaluate(async (q) => {
    const input = document.querySelector<HTMLInputElement>('search-page input[type="search"]');
    const root = document.querySelector<HTMLElement>('search-page [data-search-results]');
    const list = root?.querySelector('[data-list]');
    if (!input || !root || !list) throw new Error('the search page has no search box or results list');
    // Results of the last query are cleared first, so only this query's results count.
    list.replaceChildren();
    const shown = () => !root.hasAttribute('aria-busy') && list.children.length > 0;
    const start = performance.now();
    input.value = q;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise<void>((resolve, reject) => {
      const deadline = setTimeout(() => reject(new Error(`no results for "${q}" within 20 s`)), 20_000);
      // Called in a frame's animation callbacks: results in the DOM now are drawn by this very
      // frame, and a task queued now runs once it is drawn. (Until 2026-12-07 this waited for
      // the frame after as well, counting one frame, about 17 ms, too many.)
      const check = (inFrame: boolean) => {
        if (shown()) {
          clearTimeout(deadline);
          if (inFrame) setTimeout(resolve, 0);
          else requestAnimationFrame(() => setTimeout(resolve, 0));
        } else requestAnimationFrame(() => check(true));
      };
      check(false);
    });
    return performance.now() - start;
  }, query);
}

async function timeSearch(page: Page, url: string): Promise<BrowserTimings['search']> {
  const response = await page.goto(`${url}search/`);
  if (!response?.ok() || (await page.locator('search-page input[type="search"]').count()) === 0) {
    return { available: false, reason: 'not available: no /search/ page with a <search-page> search box' };
  }
  await page.waitForFunction(() => customElements.get('search-page') !== undefined);
  await page.locator('search-page input[type="search"]').focus();
  // Typed the instant the page has loaded: Pagefind starts up under the first query.
  const atLoad = await searchOnce(page, QUERIES[0] ?? '');
  // A reader takes longer to come to the box: on a fresh load, as the filter figures, typed once
  // the page is idle (the search page warms search up by then).
  const browser = page.context().browser();
  if (!browser) throw new Error('no browser behind the page');
  const context = await newContext(browser);
  const times: number[] = [];
  try {
    const fresh = await context.newPage();
    await fresh.goto(`${url}search/`, { waitUntil: 'networkidle' });
    await fresh.locator('search-page input[type="search"]').focus();
    for (const query of QUERIES) times.push(await searchOnce(fresh, query));
  } finally {
    await context.close();
  }
  const later = times.slice(1).sort((a, b) => a - b);
  return {
    available: true,
    firstMs: Math.round(times[0] ?? 0),
    atLoadMs: Math.round(atLoad),
    medianMs: Math.round(later[Math.floor(later.length / 2)] ?? 0),
    queries: QUERIES,
    // The search box has no typing delay: a query starts on its input event.
    includes: 'Pagefind and rendering, no typing delay',
  };
}

async function newContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext();
  // tsx compiles the functions given to page.evaluate with esbuild's keepNames, which wraps
  // them in a __name() helper that only exists in Node; the page gets a stand-in.
  await context.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
  return context;
}

/** Elements in the page at `pagePath`, once it has loaded. */
async function domElements(page: Page, url: string, pagePath: string): Promise<number> {
  await page.goto(new URL(pagePath.replace(/^\//, ''), url).href, { waitUntil: 'load' });
  return page.evaluate(() => document.getElementsByTagName('*').length);
}

/**
 * In the page, once the filter is ready: clicks the first difficulty box and resolves with the
 * milliseconds until the frame after the live count changed, and the click's time. A string for
 * the reason given in tests/e2e/support/filter-timing.ts.
 */
const FIRST_FILTER = `async () => {
  const root = document.querySelector('guide-filter');
  const box = root.querySelector('input[name=difficulty]');
  const status = root.querySelector('[data-status]');
  const list = root.querySelector('[data-guide-list]');
  if (!box || !status) throw new Error('/guides/ has no difficulty box or live count in <guide-filter>');
  const before = status.textContent;
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  const start = performance.now();
  box.click();
  while (status.textContent === before) {
    if (performance.now() - start > 20000) throw new Error('the live count did not change within 20 s of the first filter');
    await frame();
  }
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  const ms = performance.now() - start;
  // Cards left for a later frame: the list is busy until they are added.
  while (list && list.hasAttribute('aria-busy')) {
    if (performance.now() - start > 20000) throw new Error('the list stayed busy for 20 s after the first filter');
    await frame();
  }
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  return { ms, allMs: performance.now() - start, clickedAt: start };
}`;

/** One fresh load of /guides/ under `cpuSlowdown`, then the first filter. */
async function firstFilterOnce(
  browser: Browser,
  url: string,
  pagePath: string,
  indexUrl: string | undefined,
  cpuSlowdown: number,
) {
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
    await page.goto(new URL(pagePath.replace(/^\//, ''), url).href, { waitUntil: 'load' });
    if ((await page.locator('guide-filter').count()) === 0) throw new Error(`${pagePath} has no <guide-filter>`);
    // The controls are enabled once the element has the guides index (at idle, on a plain list).
    await page.waitForFunction("document.querySelector('guide-filter input[name=difficulty]')?.disabled === false");
    const filterReadyAt = await page.evaluate<number>('performance.now()');
    // The browser fetches the icon late, unasked by the filter: let such loads finish before the click.
    await page.waitForLoadState('networkidle');
    const { ms, allMs, clickedAt } = await page.evaluate<{ ms: number; allMs: number; clickedAt: number }>(
      `(${FIRST_FILTER})()`,
    );
    // Resource timing, same origin: encodedBodySize is the body as sent.
    const entries = await page.evaluate<{ name: string; startTime: number; encodedBodySize: number }[]>(
      "performance.getEntriesByType('resource').map((e) => ({ name: e.name, startTime: e.startTime, encodedBodySize: e.encodedBodySize }))",
    );
    const navigation = await page.evaluate<number>(
      "performance.getEntriesByType('navigation')[0]?.domContentLoadedEventEnd ?? NaN",
    );
    // Before the click, what the filter fetched at idle: the guides index and card chunks beside it.
    const cardChunks = indexUrl?.replace(/index-[^/]*$/, 'cards-');
    const atIdle = (pathname: string) =>
      pathname === indexUrl || (cardChunks !== undefined && pathname.startsWith(cardChunks));
    const fetched: FetchedFile[] = entries
      .filter((e) => e.startTime >= clickedAt || atIdle(new URL(e.name).pathname))
      .map((e) => ({
        url: new URL(e.name).pathname,
        bytes: e.encodedBodySize,
        gzipBytes: undefined,
        startMs: Math.round(e.startTime),
        beforeClick: e.startTime < clickedAt,
      }));
    return {
      domContentLoadedMs: navigation,
      filterReadyMs: filterReadyAt,
      firstFilterMs: ms,
      firstFilterAllMs: allMs,
      fetched,
    };
  } finally {
    await context.close();
  }
}

async function timeListings(
  browser: Browser,
  siteDir: string,
  url: string,
  pages: ListingPages,
  indexUrl: string | undefined,
): Promise<BrowserTimings['listings']> {
  const context = await newContext(browser);
  const domCounts: Record<string, number> = {};
  try {
    const page = await context.newPage();
    for (const listing of [pages.guides, pages.largestTag]) {
      if (listing !== undefined) domCounts[listing] = await domElements(page, url, listing);
    }
  } finally {
    await context.close();
  }
  const cpuSlowdown = 4;
  const loads = [];
  // Seven loads: with three, the median moved by 30 ms between runs of the same page (a first
  // filter at 10,000 guides took 53 to 103 ms in nine loads under the same slowdown).
  for (let i = 0; i < 7; i++) loads.push(await firstFilterOnce(browser, url, pages.guides, indexUrl, cpuSlowdown));
  const median = (values: number[]) => Math.round(medianNumber(values));
  return {
    available: true,
    domElements: domCounts,
    cpuSlowdown,
    loads: loads.length,
    domContentLoadedMs: median(loads.map((l) => l.domContentLoadedMs)),
    filterReadyMs: median(loads.map((l) => l.filterReadyMs)),
    firstFilterMs: median(loads.map((l) => l.firstFilterMs)),
    firstFilterAllMs: median(loads.map((l) => l.firstFilterAllMs)),
    firstFilterLoadsMs: loads.map((l) => Math.round(l.firstFilterMs)),
    firstFilterFetched: (loads[0]?.fetched ?? []).map((file) => {
      const built = path.join(siteDir, safeDecodeURIComponent(file.url));
      return {
        ...file,
        gzipBytes: existsSync(built) && statSync(built).isFile() ? gzipSize(readFileSync(built)) : undefined,
      };
    }),
  };
}

export interface BrowserTimingOptions {
  /** The listing pages to measure; without them, no listing figures. */
  listings?: ListingPages;
  /** The guides index URL `<guide-filter>` fetches, to count it among the first filter's bytes. */
  guidesIndexUrl?: string;
}

export async function browserTimings(siteDir: string, options: BrowserTimingOptions = {}): Promise<BrowserTimings> {
  const server = await serveStatic(siteDir);
  const browser = await launchBrowser();
  try {
    const context = await newContext(browser);
    const page = await context.newPage();
    const filter = await timeFilter(page, server.url).catch((error: unknown): BrowserTimings['filter'] => ({
      available: false,
      reason: `failed: ${String(error)}`,
    }));
    const search = await timeSearch(page, server.url).catch((error: unknown): BrowserTimings['search'] => ({
      available: false,
      reason: `failed: ${String(error)}`,
    }));
    await context.close();
    const listings = options.listings
      ? await timeListings(browser, siteDir, server.url, options.listings, options.guidesIndexUrl).catch(
          (error: unknown): BrowserTimings['listings'] => ({ available: false, reason: `failed: ${String(error)}` }),
        )
      : { available: false as const, reason: 'not asked for' };
    return { filter, search, listings };
  } finally {
    await browser.close();
    await server.close();
  }
}
