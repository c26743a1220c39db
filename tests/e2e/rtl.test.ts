/**
 * Right-to-left pages in Chromium: the fixture site's Arabic pages (tests/fixtures/site/ar/, built
 * with the fixture's site.yaml, which names `ar`), as built (`<html lang="ar" dir="rtl">`), measured
 * against the same page turned left to right in the browser, so that the text is the same and only
 * the direction differs. Everything that follows the reading direction must come out mirrored
 * (columns, the header, paddings and rounded corners on one side), code must stay left to right,
 * arrows that mean a direction must flip, nothing may scroll sideways, and axe must pass in both
 * themes. The Arabic pages are also held to their language: the switcher names العربية and
 * Pagefind searches an Arabic index of Arabic pages.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { describeViolations, launchBrowser, newPage, runAxe } from './support/browser';
import { serveStatic, type StaticServer } from './support/static-server';

interface RtlPage {
  name: string;
  /** The Arabic page, as built (path under the site's base). */
  path: string;
  /** Elements whose box must come out mirrored across the page. */
  mirrored: string[];
  /** Elements whose left and right paddings, borders and corners must swap. */
  swapped?: string[];
  /** At wide widths, a side column and the content beside it: the column changes sides. */
  beside?: { column: string; content: string; from: number };
  /** Figures followed by their Latin unit ("1,234 kWh"): the number stays left of the unit. */
  figures?: string;
  /** At least one element with a direction-meaning arrow or icon is on the page. */
  hasArrows?: boolean;
  /** Waits until the page's scripts have drawn what is measured. */
  ready?: (page: Page) => Promise<unknown>;
}

const PAGES: RtlPage[] = [
  {
    name: 'guide',
    path: 'ar/guides/alpha-basics/',
    mirrored: [
      '.site-header .brand',
      '.guide',
      '.guide-aside',
      '.series a[rel=next]',
      '.prose table',
      '.prose .task-list-item input',
    ],
    swapped: ['.prose .callout', '.prose .code-block-bar', '.search-trigger'],
    beside: { column: '.guide-aside', content: '.guide', from: 1024 },
    hasArrows: true,
  },
  {
    name: 'guide with a calculator',
    path: 'ar/guides/gamma-advanced/',
    mirrored: ['.site-header .brand', '.calc-title', '.calc-figure label'],
    figures: '.calc-figure output',
    ready: (page) => page.locator('.calc input:not([disabled])').first().waitFor(),
  },
  {
    name: 'home',
    path: 'ar/',
    mirrored: ['.site-header .brand', '.site-header nav', '.cta', '.levels li'],
    swapped: ['.search-trigger'],
  },
  {
    name: 'listing with filters',
    path: 'ar/guides/',
    mirrored: ['.site-header .brand', 'guide-filter .filters', 'guide-filter .results', '[data-guide-card]'],
    beside: { column: 'guide-filter .filters', content: 'guide-filter .results', from: 896 },
    ready: (page) =>
      page.waitForFunction(() => {
        const input = document.querySelector<HTMLInputElement>('guide-filter input[name=q]');
        return input?.disabled === false && !document.querySelector('guide-filter [aria-busy]');
      }),
  },
  {
    name: 'search',
    path: 'ar/search/?q=ألفا',
    mirrored: ['.site-header .brand', 'search-page .filters', 'search-page .search-results', 'search-page .query'],
    swapped: ['search-page fieldset label'],
    beside: { column: 'search-page .filters', content: 'search-page .search-results', from: 1024 },
    ready: (page) => page.locator('search-page [data-list] [data-title]').first().waitFor(),
  },
];

const WIDTHS = [390, 1280];

/** Arrows that do not mirror by themselves in right-to-left text (‹ › « » do: Bidi_Mirrored). */
const DIRECTION_ARROWS = /[←→↩↪⇐⇒⟵⟶➔➜➝➞]/u;

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

interface Box {
  x: number;
  width: number;
}

/** Horizontal box of the first match of each selector, and the width they are mirrored across. */
function measure(page: Page, selectors: string[]) {
  return page.evaluate((list) => {
    const boxes: Record<string, { x: number; width: number } | null> = {};
    for (const selector of list) {
      const rect = document.querySelector(selector)?.getBoundingClientRect();
      boxes[selector] = rect && rect.width > 0 ? { x: rect.x, width: rect.width } : null;
    }
    return { boxes, width: document.documentElement.clientWidth };
  }, selectors);
}

/** The left and right sides of each element's box: paddings, border widths, corner radii. */
function sides(page: Page, selectors: string[]) {
  return page.evaluate((list) => {
    const out: Record<string, Record<string, string> | null> = {};
    for (const selector of list) {
      const element = document.querySelector(selector);
      if (!element) {
        out[selector] = null;
        continue;
      }
      const style = getComputedStyle(element);
      out[selector] = {
        paddingLeft: style.paddingLeft,
        paddingRight: style.paddingRight,
        borderLeftWidth: style.borderLeftWidth,
        borderRightWidth: style.borderRightWidth,
        borderTopLeftRadius: style.borderTopLeftRadius,
        borderTopRightRadius: style.borderTopRightRadius,
        borderBottomLeftRadius: style.borderBottomLeftRadius,
        borderBottomRightRadius: style.borderBottomRightRadius,
      };
    }
    return out;
  }, selectors);
}

/** The same sides seen in a mirror: what a right-to-left rendering must compute. */
function mirror(side: Record<string, string>): Record<string, string> {
  const swap = (name: string) =>
    name.includes('Left') ? name.replace('Left', 'Right') : name.replace('Right', 'Left');
  return Object.fromEntries(Object.entries(side).map(([name, value]) => [swap(name), value]));
}

const horizontalOverflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** The page's `<html lang dir>`. */
const htmlLanguage = (page: Page) =>
  page.evaluate(() => ({
    lang: document.documentElement.getAttribute('lang'),
    dir: document.documentElement.getAttribute('dir'),
  }));

/**
 * The Arabic page as built (right to left), or turned left to right after it is drawn: the same
 * text in the same language, so that only the direction differs between the two renderings.
 */
async function open(page: Page, entry: RtlPage, direction: 'ltr' | 'rtl') {
  expect((await page.goto(server.url + entry.path))?.status(), entry.path).toBe(200);
  await entry.ready?.(page);
  expect(await htmlLanguage(page), 'the page as built').toEqual({ lang: 'ar', dir: 'rtl' });
  if (direction === 'ltr') await page.evaluate(() => (document.documentElement.dir = 'ltr'));
}

describe.each(PAGES)('the $name page, right to left', (entry) => {
  it.each(WIDTHS)('at %i px mirrors, keeps code left to right and never scrolls sideways', async (width) => {
    const { page, context, consoleErrors } = await newPage(browser, {
      viewport: { width, height: 900 },
      colorScheme: 'light',
    });
    await open(page, entry, 'ltr');
    expect(await page.evaluate(() => getComputedStyle(document.body).direction)).toBe('ltr');
    const ltr = await measure(page, entry.mirrored);
    const ltrSides = await sides(page, entry.swapped ?? []);

    await open(page, entry, 'rtl');
    expect(await page.evaluate(() => getComputedStyle(document.body).direction)).toBe('rtl');
    expect(await horizontalOverflow(page), 'right to left, the page scrolls sideways').toBeLessThanOrEqual(0);

    // Each box lands where its mirror image was: its right edge at the width minus its old left.
    const rtl = await measure(page, entry.mirrored);
    for (const selector of entry.mirrored) {
      const before = ltr.boxes[selector] as Box | null;
      const after = rtl.boxes[selector] as Box | null;
      expect(before, `${selector} is on the page`).not.toBeNull();
      expect(after, `${selector} is on the page right to left`).not.toBeNull();
      expect(after!.width, `${selector} keeps its width`).toBeCloseTo(before!.width, 0);
      expect(after!.x, `${selector} is mirrored`).toBeCloseTo(ltr.width - before!.x - before!.width, 0);
    }
    const rtlSides = await sides(page, entry.swapped ?? []);
    for (const selector of entry.swapped ?? []) {
      expect(ltrSides[selector], `${selector} is on the page`).not.toBeNull();
      expect(rtlSides[selector], `${selector}: left and right swap`).toEqual(mirror(ltrSides[selector]!));
    }

    // The side column (contents, filters) moves to the other side of what it stands beside.
    if (entry.beside && width >= entry.beside.from) {
      const { column, content } = entry.beside;
      const side = (boxes: Record<string, Box | null>) => {
        const [a, b] = [boxes[column]!, boxes[content]!];
        if (a.x >= b.x + b.width) return 'right';
        if (a.x + a.width <= b.x) return 'left';
        return 'overlapping';
      };
      const before = side(ltr.boxes);
      expect(before, `${column} beside ${content}, left to right`).not.toBe('overlapping');
      expect(side(rtl.boxes), `${column} beside ${content}, right to left`).toBe(before === 'left' ? 'right' : 'left');
    }

    // Code reads left to right, and a code block's lines start at its left edge.
    const code = await page.evaluate(() =>
      [...document.querySelectorAll('pre, code, kbd')].map((element) => {
        const firstLine = element.tagName === 'PRE' ? element.querySelector('code > *, code') : null;
        const inset = firstLine
          ? firstLine.getBoundingClientRect().left - element.getBoundingClientRect().left
          : undefined;
        return { tag: element.tagName, direction: getComputedStyle(element).direction, inset };
      }),
    );
    for (const element of code) {
      expect(element.direction, `${element.tag} direction`).toBe('ltr');
      if (element.inset !== undefined) expect(element.inset, 'a code line starts at the left').toBeLessThan(24);
    }

    if (entry.figures) {
      const order = await page.locator(entry.figures).evaluateAll((elements) =>
        elements.map((element) => {
          // Where the first digit and the last letter of the figure are drawn.
          const chars: { node: Text; offset: number; char: string }[] = [];
          const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
            [...node.data].forEach((char, offset) => chars.push({ node, offset, char }));
          }
          const x = (found: (typeof chars)[number] | undefined) => {
            if (!found) return NaN;
            const range = document.createRange();
            range.setStart(found.node, found.offset);
            range.setEnd(found.node, found.offset + 1);
            return range.getBoundingClientRect().x;
          };
          const digit = chars.find((c) => /\d/.test(c.char));
          const letter = chars.findLast((c) => /\p{L}/u.test(c.char));
          return { text: element.textContent, digit: x(digit), letter: x(letter) };
        }),
      );
      expect(order.length, `${entry.figures} is on the page`).toBeGreaterThan(0);
      for (const figure of order) {
        expect(figure.digit, `"${figure.text}" reads left to right`).toBeLessThan(figure.letter);
      }
    }

    // Arrows that mean a direction are mirrored; nothing else is, and every such arrow is marked.
    const arrows = await page.evaluate((pattern) => {
      const marked = [...document.querySelectorAll('.flip-in-rtl')].map((element) => ({
        text: element.textContent,
        transform: getComputedStyle(element).transform,
      }));
      const unmarked: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement!;
        if (new RegExp(pattern, 'u').test(node.textContent ?? '') && !parent.closest('.flip-in-rtl, pre, code')) {
          unmarked.push(`${parent.tagName.toLowerCase()}.${parent.className}: ${node.textContent}`);
        }
      }
      const icons = [...document.querySelectorAll('.search-trigger svg, .theme-select svg')].map(
        (element) => getComputedStyle(element).transform,
      );
      return { marked, unmarked, icons };
    }, DIRECTION_ARROWS.source);
    if (entry.hasArrows) expect(arrows.marked.length, 'the page has a direction arrow').toBeGreaterThan(0);
    for (const arrow of arrows.marked)
      expect(arrow.transform, `"${arrow.text}" flips`).toBe('matrix(-1, 0, 0, 1, 0, 0)');
    expect(arrows.unmarked, 'arrows that would point the wrong way').toEqual([]);
    for (const transform of arrows.icons) expect(transform, 'an icon without direction stays as drawn').toBe('none');

    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      const violations = await runAxe(page);
      expect(violations, `${scheme} theme:\n${describeViolations(violations)}`).toEqual([]);
    }
    expect(consoleErrors).toEqual([]);
    await context.close();
  });
});

describe('direction-meaning arrows, left to right', () => {
  it('are drawn as written', async () => {
    const { page, context } = await newPage(browser);
    await page.goto(`${server.url}guides/alpha-basics/`);
    const transforms = await page
      .locator('.flip-in-rtl')
      .evaluateAll((elements) => elements.map((element) => getComputedStyle(element).transform));
    expect(transforms.length).toBeGreaterThan(0);
    expect(new Set(transforms)).toEqual(new Set(['none']));
    await context.close();
  });
});

describe('the Arabic pages in their language', () => {
  it('the switcher names every version of a guide in its own language and direction, العربية among them', async () => {
    const { page, context } = await newPage(browser);
    await page.goto(`${server.url}ar/guides/alpha-basics/`);
    const links = page.getByRole('navigation', { name: 'اللغات' }).getByRole('link');
    expect(
      await links.evaluateAll((as) =>
        as.map((a) => [a.textContent, a.getAttribute('lang'), a.getAttribute('dir'), a.getAttribute('aria-current')]),
      ),
    ).toEqual([
      ['English', 'en', 'ltr', null],
      ['Français', 'fr', 'ltr', null],
      ['العربية', 'ar', 'rtl', 'page'],
    ]);
    await page.goto(`${server.url}guides/alpha-basics/`);
    await page.getByRole('navigation', { name: 'Languages' }).getByRole('link', { name: 'العربية' }).click();
    await page.waitForURL('**/ar/guides/alpha-basics/');
    expect(await page.locator('h1').textContent()).toBe('أساسيات ألفا');
    expect(await htmlLanguage(page)).toEqual({ lang: 'ar', dir: 'rtl' });
    await context.close();
  });

  it('Pagefind writes an Arabic index of the two Arabic guides', async () => {
    const entry = JSON.parse(await readFile(path.join(dir, 'pagefind/pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    expect(entry.languages['ar']?.page_count).toBe(2);
  });

  it.each([
    // An Arabic word, and a word all three versions of Gamma hold: either way, Arabic pages only.
    ['ألفا', ['/ar/guides/alpha-basics/']],
    ['MDX', ['/ar/guides/gamma-advanced/']],
  ])('the search page finds “%s” in Arabic pages only', async (query, expected) => {
    const { page, consoleErrors, context } = await newPage(browser);
    await page.goto(`${server.url}ar/search/?q=${encodeURIComponent(query)}`);
    await page.locator('search-page [data-list] [data-title]').first().waitFor();
    const links = await page
      .locator('search-page [data-list] [data-title]')
      .evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(links).toEqual(expected);
    await expect(page.locator('search-page [data-status]').textContent()).resolves.toMatch(/^نتيجة واحدة/);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });
});
