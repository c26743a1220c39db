import { describe, expect, it } from 'vitest';
import type { HookTiming } from '~/integrations/build-clock';
import { baselineTable, compareToBaseline, type PairedRun } from '../../scripts/lib/bench-baseline';
import { buildPhases, parseBuildTimings, reusedContentCache } from '../../scripts/lib/bench-phases';
import { median, medianOf } from '../../scripts/lib/bench-stats';
import { firstFilterNeeded, guidesIndexUrl, largestTag } from '../../scripts/lib/listing-figures';
import { encodeGuidesIndex, type CardFacts } from '~/lib/guide-card';

const clock = (hook: string, at: number): HookTiming => ({
  integration: 'greenpath:build-clock',
  hook,
  start: at,
  end: at,
});
const hook = (integration: string, name: string, start: number, end: number): HookTiming => ({
  integration,
  hook: name,
  start,
  end,
});

describe('build phases from hook timings', () => {
  const hooks = [
    hook('greenpath:content-guard', 'astro:config:setup', 500, 2500),
    clock('astro:config:done', 3000),
    clock('astro:build:start', 9000),
    clock('astro:build:generated', 30000),
    clock('astro:build:done', 30010),
    hook('@astrojs/sitemap', 'astro:build:done', 30010, 30110),
    hook('greenpath:pagefind', 'astro:build:done', 30110, 34110),
    hook('greenpath:atomic-output', 'astro:build:done', 34110, 34150),
  ];

  it('splits the wall time at the build clock marks, bundling by Astro’s timers and search by the search hook', () => {
    expect(
      buildPhases({ hooks, exit: 34200, exitCode: 0 }, { 'Prerender build': 4000, 'Client build': 500, Other: 99 }),
    ).toEqual({
      setupMs: 3000,
      contentCheckMs: 2000,
      contentSyncMs: 6000,
      bundleMs: 4500,
      renderMs: 16500,
      searchIndexMs: 4000,
      finishMs: 200,
      totalMs: 34200,
      buildDone: { '@astrojs/sitemap': 100, 'greenpath:pagefind': 4000, 'greenpath:atomic-output': 40 },
    });
  });

  it('has no phases for a build that stopped before rendering', () => {
    expect(buildPhases({ hooks: hooks.slice(0, 2), exit: 3100, exitCode: 1 })).toBeUndefined();
  });
});

describe('the build’s timings file', () => {
  const file = '/tmp/timings-warm.json';
  const written = {
    contentCache: { entriesBefore: 1000, changed: 1, reused: 999 },
    hooks: [clock('astro:config:done', 3000), hook('greenpath:pagefind', 'astro:build:done', 1, 2)],
    exit: 34200.5,
    exitCode: 0,
  };

  it('reads the hook timings and the content cache counts the build wrote', () => {
    expect(parseBuildTimings(JSON.stringify(written, null, 2), file)).toEqual(written);
    const { contentCache: _, ...withoutCache } = written;
    expect(parseBuildTimings(JSON.stringify(withoutCache), file)).toEqual(withoutCache);
  });

  it('names the file, the field, what was expected and what was found', () => {
    expect(() => parseBuildTimings('{"hooks": [', file)).toThrow(
      /^\/tmp\/timings-warm\.json: expected the build's timings as JSON, found /,
    );
    expect(() => parseBuildTimings(JSON.stringify({ ...written, exit: 'late' }), file)).toThrow(
      '/tmp/timings-warm.json: exit: expected milliseconds, found "late"',
    );
    expect(() =>
      parseBuildTimings(JSON.stringify({ ...written, hooks: [{ integration: 'x', hook: 'y' }] }), file),
    ).toThrow(
      '/tmp/timings-warm.json: hooks[0]: expected start and end in milliseconds, found {"integration":"x","hook":"y"}',
    );
    expect(() =>
      parseBuildTimings(JSON.stringify({ ...written, contentCache: { entriesBefore: 3, changed: 1 } }), file),
    ).toThrow('/tmp/timings-warm.json: contentCache.reused: expected a count, found nothing');
  });

  it('says a warm build reused the cache only when the sync found it full and rendered just the edit', () => {
    expect(reusedContentCache({ entriesBefore: 1000, changed: 1, reused: 999 }, 1000, 1)).toBe(true);
    // Astro cleared the store (config or version changed) or the render cache removed it.
    expect(reusedContentCache({ entriesBefore: 0, changed: 1000, reused: 0 }, 1000, 1)).toBe(false);
    expect(reusedContentCache({ entriesBefore: 1000, changed: 3, reused: 997 }, 1000, 1)).toBe(false);
    expect(reusedContentCache(undefined, 1000, 1)).toBe(false);
  });
});

describe('medians', () => {
  it('takes the median of each numeric field, and other fields from the first run', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(3);
    expect(
      medianOf([
        { wallMs: 10, kind: 'cold', phases: { renderMs: 5 } },
        { wallMs: 30, kind: 'cold', phases: { renderMs: 1 } },
        { wallMs: 20, kind: 'cold', phases: { renderMs: 3 } },
      ]),
    ).toEqual({ wallMs: 20, kind: 'cold', phases: { renderMs: 3 } });
  });
});

describe('Greenpath against the baseline site', () => {
  const build = (wallMs: number, cpuMs: number | undefined, peakTreeRssMB: number, maxProcessRssMB?: number) => ({
    wallMs,
    cpuMs,
    peakTreeRssMB,
    maxProcessRssMB,
  });
  // The machine slows down between runs; each run's ratio is the same, the raw medians are not.
  const runs: PairedRun[] = [
    {
      greenpath: { cold: build(10_000, 12_000, 800), warm: build(2_000, 2_400, 700) },
      baseline: { cold: build(8_000, 10_000, 500, 600), warm: build(4_000, 4_800, 400) },
    },
    {
      greenpath: { cold: build(20_000, 24_000, 900, 1_000), warm: build(4_000, 4_800, 700) },
      baseline: { cold: build(16_000, 20_000, 500), warm: build(8_000, 9_600, 400) },
    },
    {
      greenpath: { cold: build(40_000, 48_000, 1_200), warm: build(8_000, 9_600, 700) },
      baseline: { cold: build(10_000, 12_000, 1_000), warm: build(16_000, 19_200, 400) },
    },
  ];

  it('takes the median of each run’s own ratio, and of each figure for the table', () => {
    const c = compareToBaseline(runs);
    expect(c.runs).toBe(3);
    expect(c.greenpath).toEqual({
      coldMs: 20_000,
      coldCpuMs: 24_000,
      warmMs: 4_000,
      warmCpuMs: 4_800,
      peakMemoryMB: 1_000,
    });
    expect(c.baseline).toEqual({
      coldMs: 10_000,
      coldCpuMs: 12_000,
      warmMs: 8_000,
      warmCpuMs: 9_600,
      peakMemoryMB: 600,
    });
    // Cold ratios per run: 1.25, 1.25, 4; peaks (the larger of tree and one process): 800/600, 1000/500, 1200/1000.
    expect(c.ratios).toEqual({
      cold: 1.25,
      coldCpu: 1.2,
      warm: 0.5,
      warmCpu: 0.5,
      peakMemory: 1.33,
      greenpathWarmToCold: 0.2,
    });
    expect(c.targets).toMatchObject({ coldMet: false, peakMemoryMet: false, greenpathWarmToColdMet: true });
  });

  it('has no CPU ratio when a run has no CPU time, and refuses to compare nothing', () => {
    const first = runs[0] as PairedRun;
    const c = compareToBaseline([{ ...first, baseline: { ...first.baseline, cold: build(8_000, undefined, 500) } }]);
    expect(c.ratios.coldCpu).toBeUndefined();
    expect(c.baseline.coldCpuMs).toBeUndefined();
    expect(c.ratios.warmCpu).toBe(0.5);
    expect(() => compareToBaseline([])).toThrow(/at least one run/);
  });

  it('prints one row per figure with the ratio and the target', () => {
    const table = baselineTable(compareToBaseline(runs));
    expect(table[0]).toMatch(/Greenpath\s+baseline\s+ratio\s+target/);
    expect(table.find((row) => row.startsWith('cold build, wall'))).toMatch(
      /20\.0 s\s+10\.0 s\s+1\.25×\s+≤ 1\.00× NOT met$/,
    );
    expect(table.find((row) => row.startsWith('peak memory'))).toMatch(/1000 MB\s+600 MB\s+1\.33×\s+≤ 1\.20× NOT met$/);
    expect(table.find((row) => row.startsWith('Greenpath warm / cold'))).toMatch(/0\.20×\s+≤ 0\.25× met$/);
  });
});

describe('the listing pages the bench measures', () => {
  const card = (slug: string, tags: string[], tagLabels = tags.map((t) => t.toUpperCase())): CardFacts => ({
    slug,
    title: slug,
    description: '',
    difficulty: 'beginner',
    tags,
    tagLabels,
    minutes: 5,
    date: '2024-01-01',
  });

  it('finds the tag most guides carry, with its label from the index', () => {
    const index = encodeGuidesIndex(
      [
        card('a', ['cdn', 'cooling']),
        card('b', ['cooling']),
        // This guide spells the label its own way: the index keeps the first spelling as the tag's.
        card('c', ['cooling', 'cdn'], ['Cooling!', 'CDN']),
        card('d', ['ai']),
      ],
      'v',
    );
    expect(largestTag(index)).toEqual({ slug: 'cooling', label: 'COOLING', guides: 3 });
  });

  it('breaks a tie by slug, so reruns measure the same page, and finds none without tags', () => {
    expect(largestTag(encodeGuidesIndex([card('a', ['zinc', 'beta']), card('b', ['beta', 'zinc'])], 'v'))).toEqual({
      slug: 'beta',
      label: 'BETA',
      guides: 2,
    });
    expect(largestTag(encodeGuidesIndex([card('a', [])], 'v'))).toBeUndefined();
  });

  it('reads the guides index URL from the page’s <guide-filter>', () => {
    const html =
      '<template><guide-filter data-index-url="/wrong.json"></guide-filter></template>' +
      '<guide-filter class="browse" data-index-url="/guides/index-abc.json"><p>x</p></guide-filter>';
    expect(guidesIndexUrl(html)).toBe('/guides/index-abc.json');
    expect(guidesIndexUrl('<main><ul></ul></main>')).toBeUndefined();
  });

  it('counts what the first filter needed: the index fetched at idle and anything after the click', () => {
    expect(
      firstFilterNeeded([
        { url: '/guides/index-abc.json', bytes: 36_000, gzipBytes: 5_800, startMs: 700, beforeClick: true },
        { url: '/images/x.webp', bytes: 2_000, gzipBytes: undefined, startMs: 1_200, beforeClick: false },
      ]),
    ).toEqual({ files: 2, bytes: 38_000, gzipBytes: 7_800, atIdle: ['/guides/index-abc.json'] });
    expect(firstFilterNeeded([])).toEqual({ files: 0, bytes: 0, gzipBytes: 0, atIdle: [] });
  });
});
