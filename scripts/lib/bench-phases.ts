/**
 * Splits a build's wall time into phases from the hook timings that the build-clock integration
 * writes (src/integrations/build-clock.ts). Its own hooks run first in every step, so they mark
 * where each step starts; the other integrations' hooks say how long each of them took. Pure.
 */
import type { BuildTimings, HookTiming } from '../../src/integrations/build-clock';

export interface BuildPhases {
  /** Node and Astro start-up, config loading and every `astro:config:setup` hook. */
  setupMs: number;
  /** Of which: the content guard checking every guide. */
  contentCheckMs: number;
  /** Reading, validating and rendering Markdown into the content store (`astro:config:done` → `astro:build:start`). */
  contentSyncMs: number;
  /** Vite/Rolldown bundling of the pages' code (Astro's own "Prerender build", "SSR build" and "Client build" timers). */
  bundleMs: number;
  /** Rendering every page to HTML: the rest of `astro:build:start` → `astro:build:generated`. */
  renderMs: number;
  /** The search integration's `astro:build:done`. */
  searchIndexMs: number;
  /** Every other `astro:build:done` hook (sitemap, headers, publishing) and process exit. */
  finishMs: number;
  totalMs: number;
  /** Each integration's `astro:build:done`, in milliseconds, by name. */
  buildDone: Record<string, number>;
}

export const CLOCK = 'greenpath:build-clock';
const SEARCH = /pagefind|search/i;

function mark(hooks: readonly HookTiming[], hook: string): number | undefined {
  return hooks.find((h) => h.integration === CLOCK && h.hook === hook)?.start;
}

const round = (ms: number) => Math.round(ms);

/** Astro's timers (ASTRO_TIMER_PATH) that are bundling, not rendering. */
export const BUNDLE_TIMERS = ['Prerender build', 'SSR build', 'Client build'];

/**
 * Phases of one build; `undefined` when the build stopped before pages were rendered. Static
 * builds fire no hook between bundling and rendering, so `astroTimer` (Astro's own timings, in
 * milliseconds by name) splits that span.
 */
export function buildPhases(timings: BuildTimings, astroTimer: Record<string, number> = {}): BuildPhases | undefined {
  const { hooks } = timings;
  const configDone = mark(hooks, 'astro:config:done');
  const buildStart = mark(hooks, 'astro:build:start');
  const generated = mark(hooks, 'astro:build:generated');
  if (configDone === undefined || buildStart === undefined || generated === undefined) return undefined;
  const bundleMs = BUNDLE_TIMERS.reduce((sum, name) => sum + (astroTimer[name] ?? 0), 0);
  const buildDone: Record<string, number> = {};
  for (const h of hooks) {
    if (h.hook === 'astro:build:done' && h.integration !== CLOCK) {
      buildDone[h.integration] = round((buildDone[h.integration] ?? 0) + h.end - h.start);
    }
  }
  const searchIndexMs = Object.entries(buildDone)
    .filter(([name]) => SEARCH.test(name))
    .reduce((sum, [, ms]) => sum + ms, 0);
  const guard = hooks.find((h) => h.integration === 'greenpath:content-guard' && h.hook === 'astro:config:setup');
  return {
    setupMs: round(configDone),
    contentCheckMs: round(guard ? guard.end - guard.start : 0),
    contentSyncMs: round(buildStart - configDone),
    bundleMs: round(bundleMs),
    renderMs: round(generated - buildStart - bundleMs),
    searchIndexMs,
    finishMs: round(timings.exit - generated - searchIndexMs),
    totalMs: round(timings.exit),
    buildDone,
  };
}
