/**
 * How long applying a filter takes on the guides list, measured in Chromium on a page already
 * open at /guides/. Each sample toggles one filter checkbox (difficulty, reading time or tag, in
 * turn) or types a word in the text box, then measures two spans from just before the change:
 * `apply`, until the filter's work and the browser's style and layout are done (layout is forced
 * by reading a size), and `frame`, until the next frame has been produced (a requestAnimationFrame
 * then a task), which adds paint and the wait for that frame. Exported for `npm run bench`.
 */
import type { Page } from 'playwright-core';

export interface TimingStats {
  median: number;
  p95: number;
  max: number;
}

export interface FilterTiming {
  /** Cards on the page. */
  cards: number;
  samples: number;
  /** Milliseconds until the filter, style and layout are done. */
  apply: TimingStats;
  /** Milliseconds until the next frame. */
  frame: TimingStats;
  /** The CPU slowdown the page ran under (1: none). */
  cpuSlowdown: number;
}

export interface FilterTimingOptions {
  /** Changes to time (default 40); each is undone afterwards, untimed. */
  samples?: number;
  /** Chromium CPU throttling, such as 4 for a mid-range phone (default 1). */
  cpuSlowdown?: number;
}

function stats(values: number[]): TimingStats {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  const round = (n: number) => Math.round(n * 100) / 100;
  return { median: round(at(0.5)), p95: round(at(0.95)), max: round(sorted.at(-1) ?? 0) };
}

/**
 * The timing loop, run in the page. A string rather than a function: tools that compile this
 * file (tsx, esbuild) may wrap named functions in helpers the page does not have.
 */
const IN_PAGE = `async (count) => {
  const root = document.querySelector('guide-filter');
  const list = root.querySelector('[data-guide-list]');
  const boxes = [...root.querySelectorAll('input[type=checkbox]')];
  const text = root.querySelector('input[name=q]');
  const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  const type = (value) => {
    text.value = value;
    text.dispatchEvent(new Event('input', { bubbles: true }));
  };
  const apply = [];
  const frame = [];
  for (let i = 0; i < count; i++) {
    // Each checkbox in turn, then the text box once a round.
    const box = boxes[i % (boxes.length + 1)];
    const change = box ? () => box.click() : () => type('carbon');
    const undo = box ? () => box.click() : () => type('');
    await nextFrame();
    const start = performance.now();
    change();
    void list.offsetHeight;
    apply.push(performance.now() - start);
    await nextFrame();
    frame.push(performance.now() - start);
    undo();
    await nextFrame();
  }
  // Cards beyond those in view are added a frame later; the list is busy until then.
  while (list.hasAttribute('aria-busy')) await nextFrame();
  return { cards: list.children.length, apply, frame };
}`;

export async function measureFilterTiming(page: Page, options: FilterTimingOptions = {}): Promise<FilterTiming> {
  const { samples = 40, cpuSlowdown = 1 } = options;
  // The controls are enabled once the element has the guides index.
  await page.waitForFunction("document.querySelector('guide-filter input[name=q]')?.disabled === false");
  const cdp = cpuSlowdown > 1 ? await page.context().newCDPSession(page) : undefined;
  await cdp?.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
  try {
    const raw = await page.evaluate<{ cards: number; apply: number[]; frame: number[] }>(
      `(${IN_PAGE})(${Number(samples)})`,
    );
    return {
      cards: raw.cards,
      samples: raw.apply.length,
      apply: stats(raw.apply),
      frame: stats(raw.frame),
      cpuSlowdown,
    };
  } finally {
    await cdp?.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await cdp?.detach();
  }
}
