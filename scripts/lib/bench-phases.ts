/**
 * Reads the file the build-clock integration writes for the bench (src/integrations/build-clock/index.ts)
 * and splits a build's wall time into phases from its hook timings. The clock's own hooks run
 * first in every step, so they mark where each step starts; the other integrations' hooks say how
 * long each of them took. The same file says how much of the content cache the sync reused. Pure.
 */
import type { BuildTimings, HookTiming } from '../../src/integrations/build-clock';
import type { ContentCacheUse } from '../../src/lib/build-report';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const found = (value: unknown) => (value === undefined ? 'nothing' : JSON.stringify(value));

/**
 * The timings and build report in `text`, the contents of `file`; throws naming the file, the
 * field, what was expected and what was found when it is not what the build clock writes.
 */
export function parseBuildTimings(text: string, file: string): BuildTimings {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file}: expected the build's timings as JSON, found ${(error as Error).message}`);
  }
  const fail = (field: string, expected: string, value: unknown): never => {
    throw new Error(`${file}: ${field}: expected ${expected}, found ${found(value)}`);
  };
  if (!isRecord(data)) return fail('(top level)', 'an object', data);
  const { hooks, exit, exitCode, contentCache } = data;
  if (!Array.isArray(hooks)) return fail('hooks', 'a list of hook timings', hooks);
  hooks.forEach((h: unknown, i) => {
    if (!isRecord(h) || typeof h['integration'] !== 'string' || typeof h['hook'] !== 'string')
      fail(`hooks[${i}]`, 'an integration and a hook name', h);
    else if (!isNumber(h['start']) || !isNumber(h['end'])) fail(`hooks[${i}]`, 'start and end in milliseconds', h);
  });
  if (!isNumber(exit)) return fail('exit', 'milliseconds', exit);
  if (!isNumber(exitCode)) return fail('exitCode', 'a number', exitCode);
  const timings: BuildTimings = { hooks: hooks as HookTiming[], exit, exitCode };
  if (contentCache === undefined) return timings;
  if (!isRecord(contentCache)) return fail('contentCache', 'an object', contentCache);
  for (const field of ['entriesBefore', 'changed', 'reused'] as const) {
    if (!isNumber(contentCache[field])) fail(`contentCache.${field}`, 'a count', contentCache[field]);
  }
  return { ...timings, contentCache: contentCache as unknown as ContentCacheUse };
}

/**
 * Whether a warm build reused the content cache: the store was there (none of Astro's reasons to
 * clear it, nor the render cache's, applied), and only the `edited` guides were rendered again.
 */
export function reusedContentCache(use: ContentCacheUse | undefined, entries: number, edited: number): boolean {
  return use !== undefined && use.entriesBefore > 0 && use.changed === edited && use.reused === entries - edited;
}

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
