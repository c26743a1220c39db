/**
 * Browser timings for `npm run bench`, in headless Chromium against the built site:
 * - the filter on /guides/ (`<guide-filter>`): how long applying a filter takes, measured by the
 *   filter's own timing helper (tests/e2e/support/filter-timing.ts) when it exists;
 * - search on /search/ (`<search-page>` with a search box): from the input event to results on
 *   screen, for the first query (which loads Pagefind and its index) and for later ones.
 * A page without the control reports `available: false` and why, instead of a number.
 */
import type { Page } from 'playwright-core';
import { launchBrowser } from '../../tests/e2e/support/browser';
import { serveStatic } from '../../tests/e2e/support/static-server';

export type Timing<T> = ({ available: true } & T) | { available: false; reason: string };

export interface BrowserTimings {
  filter: Timing<{ medianMs: number; p95Ms: number; cards: number; samples: number }>;
  search: Timing<{ firstMs: number; medianMs: number; queries: string[]; debounceNote: string }>;
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
      const check = () => {
        if (shown()) {
          clearTimeout(deadline);
          // The results are in the DOM; wait for the frame that shows them.
          requestAnimationFrame(() => setTimeout(resolve, 0));
        } else requestAnimationFrame(check);
      };
      check();
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
  const times: number[] = [];
  for (const query of QUERIES) times.push(await searchOnce(page, query));
  const later = times.slice(1).sort((a, b) => a - b);
  return {
    available: true,
    firstMs: Math.round(times[0] ?? 0),
    medianMs: Math.round(later[Math.floor(later.length / 2)] ?? 0),
    queries: QUERIES,
    // The search box has no typing delay: a query starts on its input event.
    debounceNote: 'Pagefind and rendering, no typing delay',
  };
}

export async function browserTimings(siteDir: string): Promise<BrowserTimings> {
  const server = await serveStatic(siteDir);
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext();
    // tsx compiles the functions given to page.evaluate with esbuild's keepNames, which wraps
    // them in a __name() helper that only exists in Node; the page gets a stand-in.
    await context.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
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
    return { filter, search };
  } finally {
    await browser.close();
    await server.close();
  }
}
