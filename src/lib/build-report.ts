/**
 * What a build tells `npm run bench` besides hook timings: how much of the content store the sync
 * reused. The content loader records it here; the build clock (src/integrations/build-clock/index.ts)
 * writes it with the timings to the file the bench names, so the bench reads numbers from a file
 * rather than a log line. Nothing is recorded unless the build clock has started a report.
 *
 * The report is held on `globalThis`: the loader is imported from src/content.config.ts, which
 * Astro loads through its own Vite module graph, so it does not share module state with the
 * integrations of astro.config.ts; only the process is common to both. Runs anywhere.
 */

/** How one content sync used the content cache. */
export interface ContentCacheUse {
  /** Entries in the store before the loader ran: 0 when there was no cache, or it was cleared. */
  entriesBefore: number;
  /** Entries read and rendered by this sync. */
  changed: number;
  /** Entries kept from the content cache as they were. */
  reused: number;
}

export interface BuildReport {
  contentCache?: ContentCacheUse;
}

const KEY = Symbol.for('greenpath.build-report');
type WithReport = typeof globalThis & { [KEY]?: BuildReport };

/** Starts recording for this process and returns the report, filled in as the build runs. */
export function startBuildReport(): BuildReport {
  const report: BuildReport = {};
  (globalThis as WithReport)[KEY] = report;
  return report;
}

/** Records a sync's use of the content cache, when a report was started. */
export function recordContentCacheUse(use: ContentCacheUse): void {
  const report = (globalThis as WithReport)[KEY];
  if (report) report.contentCache = use;
}
