/**
 * Greenpath against the bench's baseline site (bench/baseline/): `npm run bench -- --baseline`
 * builds both from the same guides, alternately (Greenpath cold, baseline cold, Greenpath warm,
 * baseline warm) in each run, so that the machine's drift between runs touches both alike. Each
 * ratio is the median of the runs' own ratios, each taken between builds minutes apart. Pure.
 */

/** What the comparison needs of one build. */
export interface BuildFigures {
  wallMs: number;
  cpuMs: number | undefined;
  peakTreeRssMB: number;
  maxProcessRssMB: number | undefined;
}

export interface SiteRun {
  cold: BuildFigures;
  warm: BuildFigures;
}

/** One run: both sites, built one after the other. */
export interface PairedRun {
  greenpath: SiteRun;
  baseline: SiteRun;
}

export interface SiteSummary {
  coldMs: number;
  coldCpuMs: number | undefined;
  warmMs: number;
  warmCpuMs: number | undefined;
  /** The larger of the cold and warm builds' peaks: the tree's sampled peak or one process's, whichever is larger. */
  peakMemoryMB: number;
}

/** Issue 12's targets, for 1,000 guides. */
export const BASELINE_TARGETS = {
  /** Greenpath's cold build over the baseline's. */
  cold: 1.0,
  /** Greenpath's peak memory over the baseline's. */
  peakMemory: 1.2,
  /** Greenpath's warm build (one guide edited) over its own cold build. */
  greenpathWarmToCold: 0.25,
} as const;

export interface BaselineComparison {
  runs: number;
  greenpath: SiteSummary;
  baseline: SiteSummary;
  /** Greenpath over baseline, except `greenpathWarmToCold`; two decimals. */
  ratios: {
    cold: number;
    coldCpu: number | undefined;
    warm: number;
    warmCpu: number | undefined;
    peakMemory: number;
    greenpathWarmToCold: number;
  };
  targets: typeof BASELINE_TARGETS & { coldMet: boolean; peakMemoryMet: boolean; greenpathWarmToColdMet: boolean };
}

/** The middle value, unrounded (the mean of the two middle ones for an even count). */
function middle(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

const twoDecimals = (n: number) => Math.round(n * 100) / 100;

/** The median of defined values, or undefined when any is missing (CPU time needs /usr/bin/time). */
function middleOfAll(values: readonly (number | undefined)[]): number | undefined {
  return values.every((v) => v !== undefined) ? middle(values) : undefined;
}

function peakOf(run: SiteRun): number {
  return Math.max(...[run.cold, run.warm].map((b) => Math.max(b.peakTreeRssMB, b.maxProcessRssMB ?? 0)));
}

function summarise(runs: readonly SiteRun[]): SiteSummary {
  const optional = (v: number | undefined) => (v === undefined ? undefined : Math.round(v));
  return {
    coldMs: Math.round(middle(runs.map((r) => r.cold.wallMs))),
    coldCpuMs: optional(middleOfAll(runs.map((r) => r.cold.cpuMs))),
    warmMs: Math.round(middle(runs.map((r) => r.warm.wallMs))),
    warmCpuMs: optional(middleOfAll(runs.map((r) => r.warm.cpuMs))),
    peakMemoryMB: Math.round(middle(runs.map(peakOf))),
  };
}

export function compareToBaseline(runs: readonly PairedRun[]): BaselineComparison {
  if (runs.length === 0) throw new RangeError('compareToBaseline: expected at least one run, found none');
  const ratio = (of: (run: PairedRun) => number) => twoDecimals(middle(runs.map(of)));
  const optionalRatio = (of: (run: PairedRun) => number | undefined) => {
    const m = middleOfAll(runs.map(of));
    return m === undefined ? undefined : twoDecimals(m);
  };
  const cpuRatio = (a: number | undefined, b: number | undefined) =>
    a === undefined || b === undefined ? undefined : a / b;
  const ratios = {
    cold: ratio((r) => r.greenpath.cold.wallMs / r.baseline.cold.wallMs),
    coldCpu: optionalRatio((r) => cpuRatio(r.greenpath.cold.cpuMs, r.baseline.cold.cpuMs)),
    warm: ratio((r) => r.greenpath.warm.wallMs / r.baseline.warm.wallMs),
    warmCpu: optionalRatio((r) => cpuRatio(r.greenpath.warm.cpuMs, r.baseline.warm.cpuMs)),
    peakMemory: ratio((r) => peakOf(r.greenpath) / peakOf(r.baseline)),
    greenpathWarmToCold: ratio((r) => r.greenpath.warm.wallMs / r.greenpath.cold.wallMs),
  };
  return {
    runs: runs.length,
    greenpath: summarise(runs.map((r) => r.greenpath)),
    baseline: summarise(runs.map((r) => r.baseline)),
    ratios,
    targets: {
      ...BASELINE_TARGETS,
      coldMet: ratios.cold <= BASELINE_TARGETS.cold,
      peakMemoryMet: ratios.peakMemory <= BASELINE_TARGETS.peakMemory,
      greenpathWarmToColdMet: ratios.greenpathWarmToCold <= BASELINE_TARGETS.greenpathWarmToCold,
    },
  };
}

const secs = (ms: number | undefined) => (ms === undefined ? 'n/a' : `${(ms / 1000).toFixed(1)} s`);
const times = (r: number | undefined) => (r === undefined ? 'n/a' : `${r.toFixed(2)}×`);
const target = (limit: number, met: boolean) => `≤ ${limit.toFixed(2)}× ${met ? 'met' : 'NOT met'}`;

/** The comparison as table rows, for the bench's summary. */
export function baselineTable(c: BaselineComparison): string[] {
  const rows: [string, string, string, string, string][] = [
    ['', 'Greenpath', 'baseline', 'ratio', 'target (1,000 guides)'],
    [
      'cold build, wall',
      secs(c.greenpath.coldMs),
      secs(c.baseline.coldMs),
      times(c.ratios.cold),
      target(c.targets.cold, c.targets.coldMet),
    ],
    ['cold build, CPU', secs(c.greenpath.coldCpuMs), secs(c.baseline.coldCpuMs), times(c.ratios.coldCpu), ''],
    ['warm build, wall', secs(c.greenpath.warmMs), secs(c.baseline.warmMs), times(c.ratios.warm), ''],
    ['warm build, CPU', secs(c.greenpath.warmCpuMs), secs(c.baseline.warmCpuMs), times(c.ratios.warmCpu), ''],
    [
      'peak memory',
      `${c.greenpath.peakMemoryMB} MB`,
      `${c.baseline.peakMemoryMB} MB`,
      times(c.ratios.peakMemory),
      target(c.targets.peakMemory, c.targets.peakMemoryMet),
    ],
    [
      'Greenpath warm / cold',
      '',
      '',
      times(c.ratios.greenpathWarmToCold),
      target(c.targets.greenpathWarmToCold, c.targets.greenpathWarmToColdMet),
    ],
  ];
  const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((row) => (row[i] as string).length)));
  return rows.map((row) =>
    row
      .map((cell, i) =>
        i === 0 ? cell.padEnd(widths[0] as number) : i < 4 ? cell.padStart(widths[i] as number) : cell,
      )
      .join('  ')
      .trimEnd(),
  );
}
