/**
 * `npm run bench -- --guides 1000 [--runs 3] [--keep] [--seed 7] [--no-browser] [--no-lighthouse] [--baseline] [--translations fr] [--git-dates-only]`
 *
 * Builds N synthetic guides (scripts/lib/generate-guides.ts) with the real `astro build`, cold
 * (no content cache) and then warm (one guide edited, Astro's content cache reused), R times,
 * and reports the median of each figure: wall and CPU time split into phases (from the
 * build-clock integration's hook timings), peak memory, pages, output sizes, the weight of a
 * guide page and of /guides/, the listing pages (/guides/ and the largest tag page: HTML raw and
 * gzip, DOM elements; on /guides/ under 4× CPU slowdown, DOMContentLoaded, the first filter to
 * its next frame and the bytes it needed; scripts/lib/listing-figures.ts), filter and search
 * timings in headless Chromium, and Lighthouse's performance score on a guide, /guides/ and the
 * largest tag page. Prints a summary and writes everything to bench-results/bench-<N>.json.
 * With --baseline, each run also builds the baseline site (bench/baseline/) cold and warm, each
 * right after Greenpath's, and reports Greenpath's figures as ratios to it (scripts/lib/bench-baseline.ts).
 * With --translations CODE, the library also has a translation of every guide in CODE/, the
 * site file lists that language, and each run also builds the same guides without translations,
 * each right after the other, and compares the time per page (scripts/lib/bench-translations.ts).
 * It also times the one `git log` pass that dates N guides committed over 200 commits
 * (scripts/lib/bench-git-dates.ts); --git-dates-only does only that.
 *
 * Everything is built under .greenpath/bench/, removed afterwards unless --keep.
 */
import { cacheDirFor } from '../src/node/build-cache';
import { DATA_STORE_FILE } from '../src/astro-internals/data-store-module';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { TIMINGS_ENV } from '../src/integrations/build-clock';
import type { ContentCacheUse } from '../src/lib/build-report';
import { buildPhases, parseBuildTimings, reusedContentCache, type BuildPhases } from './lib/bench-phases';
import { baselineTable, compareToBaseline } from './lib/bench-baseline';
import { medianOf } from './lib/bench-stats';
import { baselineBench, type BaselineBench } from './lib/baseline-build';
import { generateGuides, writeGuides, type GeneratedGuide } from './lib/generate-guides';
import { gzipSize, measurePage, type PageWeight } from './lib/page-weight';
import { measureNodeProcess, type MeasuredProcess } from './lib/measure-build';
import type { BrowserTimings, FetchedFile } from './lib/bench-browser';
import type { LighthouseSummary } from './lib/lighthouse';
import { readCommandLine, UsageError, wholeNumber } from './lib/cli';
import {
  compareTranslations,
  msPerPage,
  siteFileWithLanguage,
  translationTable,
  type TranslationRun,
} from './lib/bench-translations';
import { loadSiteConfig } from '../src/data/site-config';
import { firstFilterNeeded, listingFigures, type ListingFigures } from './lib/listing-figures';
import { benchGitDates, type GitDatesBench } from './lib/bench-git-dates';

const ROOT = path.resolve(import.meta.dirname, '..');
const TARGETS = { coldSeconds: 45, warmSeconds: 15, peakMemoryGB: 2 };

const { values, guideCount, runs, seed, translations } = readCommandLine(
  {
    name: 'bench',
    synopsis: 'npm run bench --',
    options: {
      guides: { type: 'string', value: 'N', help: 'how many synthetic guides to build', default: '1000' },
      runs: { type: 'string', value: 'N', help: 'how many cold and warm builds to take the median of', default: '1' },
      seed: { type: 'string', value: 'N', help: 'another seed, for another set of guides' },
      keep: { type: 'boolean', help: 'keep .greenpath/bench/ afterwards' },
      'no-browser': { type: 'boolean', help: 'skip the filter and search timings in Chromium' },
      'no-lighthouse': { type: 'boolean', help: "skip Lighthouse's performance score" },
      'git-dates-only': { type: 'boolean', help: 'only time the git dates pass over N committed guides' },
      baseline: {
        type: 'boolean',
        help: 'also build a plain Astro site (bench/baseline/) on the same guides, alternately',
      },
      translations: {
        type: 'string',
        value: 'CODE',
        help: 'also translate every guide into CODE (French-looking prose), and build the same guides without, alternately',
      },
    },
  },
  ({ values }) => ({
    values,
    guideCount: wholeNumber('guides', values['guides']),
    runs: wholeNumber('runs', values['runs']),
    seed: values['seed'] === undefined ? undefined : wholeNumber('seed', values['seed'], 0),
    translations: translationLanguage(values['translations'], values['baseline'] === true),
  }),
);

/**
 * The language of --translations: one the site can build, that is one with interface text in
 * src/i18n/ (by its whole tag or its primary subtag), other than the site's default language.
 */
function translationLanguage(raw: string | boolean | string[] | undefined, baseline: boolean): string | undefined {
  if (raw === undefined) return undefined;
  // The baseline site reads every file of the guides folder as a guide of its one language.
  if (baseline) throw new UsageError('--translations: expected without --baseline, found both');
  const defaultCode = loadSiteConfig(undefined, ROOT).config.language.toLowerCase();
  const known = readdirSync(path.join(ROOT, 'src/i18n'))
    .filter((name) => name.endsWith('.yaml'))
    .map((name) => name.slice(0, -'.yaml'.length).toLowerCase())
    .filter((code) => code !== defaultCode);
  const code = typeof raw === 'string' ? raw.trim() : '';
  const primary = code.toLowerCase().split('-')[0] ?? '';
  if (/^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i.test(code) && code.toLowerCase() !== defaultCode && known.includes(primary))
    return code;
  throw new UsageError(
    `--translations: expected a language code with interface text in src/i18n/ other than the default ${defaultCode} (${known.join(', ')}), found ${JSON.stringify(String(raw))}`,
  );
}

const work = path.join(ROOT, '.greenpath/bench', translations ? `${guideCount}-${translations}` : String(guideCount));

/** Where one site of the bench lives: its guides, its output and the caches a build keeps for them. */
interface BenchSite {
  dir: string;
  guidesDir: string;
  outDir: string;
  cacheDir: string;
  checkCache: string;
  stagingDir: string;
}

function benchSite(dir: string): BenchSite {
  const guidesDir = path.join(dir, 'guides');
  const outDir = path.join(dir, 'dist');
  return {
    dir,
    guidesDir,
    outDir,
    // The build's cache folder, as astro.config.ts names it. Checked after the first build.
    cacheDir: path.join(ROOT, cacheDirFor(outDir)),
    // The content check's own cache of body analyses (content-tools/check/analysis-cache.ts), per guides folder.
    checkCache: path.join(
      ROOT,
      '.greenpath/cache/content-check',
      `${createHash('sha256').update(guidesDir).digest('hex').slice(0, 12)}.json`,
    ),
    stagingDir: path.join(
      ROOT,
      '.greenpath',
      `staging-${path.basename(outDir)}-${createHash('sha256').update(outDir).digest('hex').slice(0, 12)}`,
    ),
  };
}

const site = benchSite(work);
const { guidesDir, outDir, cacheDir } = site;
/** With --translations: the same guides without their translations, built alternately with the others. */
const plainSite = translations ? benchSite(path.join(work, 'without-translations')) : undefined;
/** With --translations: a site file that lists the language, which both sites build with. */
const siteFile = translations ? path.join(work, 'site.yaml') : undefined;

// ---------------------------------------------------------------------------------------------
// One build

interface BuildRun extends MeasuredProcess {
  kind: 'cold' | 'warm';
  phases: BuildPhases | undefined;
  /** Astro's own timer (ASTRO_TIMER_PATH): its content layer sync, bundling and generation. */
  astroTimer: Record<string, number>;
  /** How the content sync used the content cache, from the build's own report. */
  contentCache: ContentCacheUse | undefined;
}

function buildEnv(at: BenchSite, timingsFile: string, timerFile: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of ['NODE_ENV', 'BASE_URL', 'BASE_PATH', 'SITE_URL']) delete env[key];
  return {
    ...env,
    ASTRO_TELEMETRY_DISABLED: '1',
    // The bench measures time; it does not police it (src/integrations/build-clock/build-time-limit.ts does, in real builds).
    BUILD_TIME_LIMIT: process.env['BUILD_TIME_LIMIT'] ?? '7200',
    GUIDES_DIR: path.relative(ROOT, at.guidesDir),
    OUT_DIR: at.outDir,
    ...(siteFile ? { SITE_CONFIG: path.relative(ROOT, siteFile) } : {}),
    [TIMINGS_ENV]: timingsFile,
    ASTRO_TIMER_PATH: timerFile,
  };
}

async function runBuild(kind: 'cold' | 'warm', at: BenchSite = site): Promise<BuildRun> {
  const timingsFile = path.join(at.dir, `timings-${kind}.json`);
  const timerFile = path.join(at.dir, `astro-timer-${kind}.json`);
  await rm(timingsFile, { force: true });
  await rm(timerFile, { force: true });
  const measured = await measureNodeProcess({
    nodeArgs: [path.join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'],
    cwd: ROOT,
    env: buildEnv(at, timingsFile, timerFile),
    timeFile: path.join(at.dir, `time-${kind}.txt`),
  });
  const timings = existsSync(timingsFile)
    ? parseBuildTimings(await readFile(timingsFile, 'utf8'), timingsFile)
    : undefined;
  const timer = existsSync(timerFile)
    ? (JSON.parse(await readFile(timerFile, 'utf8')) as Record<string, { elapsedTime: number }>)
    : {};
  const astroTimer = Object.fromEntries(Object.entries(timer).map(([k, v]) => [k, Math.round(v.elapsedTime)]));
  return {
    kind,
    ...measured,
    phases: timings ? buildPhases(timings, astroTimer) : undefined,
    astroTimer,
    contentCache: timings?.contentCache,
  };
}

function failIfBroken(run: BuildRun): void {
  if (run.exitCode === 0) return;
  console.error(run.output.split('\n').slice(-40).join('\n'));
  console.error(`\nThe ${run.kind} build failed (exit ${run.exitCode}); the benchmark stops here.`);
  process.exit(1);
}

// ---------------------------------------------------------------------------------------------
// The built site

async function filesBelow(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

async function bytesBelow(dir: string): Promise<number> {
  let total = 0;
  for (const file of await filesBelow(dir)) total += (await stat(file)).size;
  return total;
}

interface OutputFigures {
  pages: number;
  distBytes: number;
  searchIndexBytes: number;
  searchIndex: string;
  guideHtml: {
    count: number;
    meanBytes: number;
    meanGzipBytes: number;
    largest: { page: string; bytes: number; gzipBytes: number };
  };
  guidePage: PageFigures;
  guidesIndex: PageFigures;
  listings: ListingFigures;
}

interface PageFigures {
  page: string;
  jsBytes: number;
  jsGzipBytes: number;
  cssBytes: number;
  cssGzipBytes: number;
  htmlGzipBytes: number;
  totalGzipBytes: number;
}

function pageFigures(weight: PageWeight): PageFigures {
  return {
    page: weight.page,
    jsBytes: weight.js.bytes,
    jsGzipBytes: weight.js.gzipBytes,
    cssBytes: weight.css.bytes,
    cssGzipBytes: weight.css.gzipBytes,
    htmlGzipBytes: weight.html.gzipBytes,
    totalGzipBytes: weight.total.gzipBytes,
  };
}

async function measureOutput(): Promise<OutputFigures> {
  const files = await filesBelow(outDir);
  const pages = files.filter((f) => f.endsWith('.html')).length;
  let distBytes = 0;
  for (const file of files) distBytes += (await stat(file)).size;
  const pagefindDir = path.join(outDir, 'pagefind');
  const searchIndexBytes = await bytesBelow(pagefindDir);

  const guideFiles = files.filter((f) => /[\\/]guides[\\/][^\\/]+[\\/]index\.html$/.test(f));
  let sum = 0;
  let sumGzip = 0;
  let largest = { page: '', bytes: 0, gzipBytes: 0 };
  for (const file of guideFiles) {
    const html = await readFile(file);
    const gz = gzipSize(html);
    sum += html.length;
    sumGzip += gz;
    if (html.length > largest.bytes) {
      largest = { page: `/${path.relative(outDir, path.dirname(file))}/`, bytes: html.length, gzipBytes: gz };
    }
  }
  return {
    pages,
    distBytes,
    searchIndexBytes,
    searchIndex: existsSync(pagefindDir) ? 'pagefind/' : 'not indexed (no pagefind/ in the output)',
    guideHtml: {
      count: guideFiles.length,
      meanBytes: Math.round(sum / Math.max(1, guideFiles.length)),
      meanGzipBytes: Math.round(sumGzip / Math.max(1, guideFiles.length)),
      largest,
    },
    guidePage: pageFigures(measurePage(outDir, largest.page || '/')),
    guidesIndex: pageFigures(measurePage(outDir, '/guides/')),
    listings: listingFigures(outDir),
  };
}

// ---------------------------------------------------------------------------------------------
// Medians and the report

const seconds = (ms: number | undefined) => (ms === undefined ? 'n/a' : `${(ms / 1000).toFixed(1)} s`);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function firstFilterBytes(fetched: readonly FetchedFile[]): string {
  const { files, bytes, gzipBytes, atIdle } = firstFilterNeeded(fetched);
  if (!files) return 'nothing';
  const idle = atIdle.length ? `; fetched at idle before the click: ${atIdle.join(', ')}` : '';
  return `${kb(bytes)} (${kb(gzipBytes)} gzip) in ${files} file${files === 1 ? '' : 's'}${idle}`;
}

function summariseRun(run: BuildRun) {
  const { output: _output, ...rest } = run;
  return rest;
}

async function editOneGuide(
  guides: readonly GeneratedGuide[],
  runIndex: number,
  at: BenchSite = site,
): Promise<string> {
  const target = guides.find((g) => !g.draft && g.translationOf === undefined && g.fileName.endsWith('.md'));
  if (!target) throw new Error('No published Markdown guide to edit for the warm build');
  const file = path.join(at.guidesDir, target.fileName);
  await writeFile(file, `${target.source}\nThis paragraph was added for warm rebuild ${runIndex + 1}.\n`);
  return target.fileName;
}

async function buildBaseline(baseline: BaselineBench, kind: 'cold' | 'warm', runIndex: number): Promise<void> {
  console.log(`Run ${runIndex + 1}/${runs}: baseline ${kind} build…`);
  const run = await baseline.build(kind, runIndex);
  console.log(`  ${seconds(run.wallMs)}, peak ${run.peakTreeRssMB} MB`);
}

function gitDatesLine(bench: GitDatesBench): string {
  return `${bench.ms} ms for ${bench.files} guides over ${bench.commits} commits (${bench.dated} dated), one git log`;
}

function printGitDates(bench: GitDatesBench): void {
  console.log(`  ${'git dates pass'.padEnd(34)} ${gitDatesLine(bench)}`);
}

async function countPages(dir: string): Promise<number> {
  return (await filesBelow(dir)).filter((f) => f.endsWith('.html')).length;
}

/** One build of the same guides without translations (--translations), right after the same kind of build with them. */
async function buildPlain(
  at: BenchSite,
  kind: 'cold' | 'warm',
  runIndex: number,
  originals: readonly GeneratedGuide[],
): Promise<{ run: BuildRun; pages: number }> {
  if (kind === 'cold') {
    await writeGuides(at.guidesDir, originals);
    for (const dir of [at.outDir, at.cacheDir, at.stagingDir]) await rm(dir, { recursive: true, force: true });
    await rm(at.checkCache, { force: true });
  } else await editOneGuide(originals, runIndex, at);
  console.log(`Run ${runIndex + 1}/${runs}: ${kind} build without translations…`);
  const run = await runBuild(kind, at);
  failIfBroken(run);
  const pages = await countPages(at.outDir);
  console.log(`  ${seconds(run.wallMs)}, peak ${run.peakTreeRssMB} MB, ${pages} pages`);
  return { run, pages };
}

async function main(): Promise<void> {
  const loadBefore = os.loadavg();
  console.log(`Generating ${guideCount} guides…`);
  const guides = generateGuides({
    count: guideCount,
    ...(seed === undefined ? {} : { seed }),
    ...(translations ? { translation: translations } : {}),
  });
  const originals = guides.filter((g) => g.translationOf === undefined);
  if (values['git-dates-only']) {
    printGitDates(await benchGitDates(originals));
    return;
  }
  await mkdir(work, { recursive: true });
  if (siteFile && translations) {
    const source = loadSiteConfig(undefined, ROOT).file;
    await writeFile(siteFile, siteFileWithLanguage(await readFile(path.join(ROOT, source), 'utf8'), translations));
    console.log(
      `${guides.length - originals.length} translations into ${translations}; both sites build with ${path.relative(ROOT, siteFile)} (from ${source})`,
    );
  }

  const cold: BuildRun[] = [];
  const warm: BuildRun[] = [];
  const cacheEvidence: {
    storeBytesBefore: number;
    /** The content loader's own count (src/data/strict-loader.ts), from the build's report. */
    contentCache: ContentCacheUse | undefined;
    syncRatio: number | undefined;
  }[] = [];
  let edited = '';
  /** Pages in the output after each build of the site measured, and with --translations the plain site's builds. */
  const pagesBuilt: { cold: number[]; warm: number[] } = { cold: [], warm: [] };
  const translationRuns: TranslationRun[] = [];
  const plainBuilds: { cold: BuildRun[]; warm: BuildRun[] } = { cold: [], warm: [] };
  const baseline = values['baseline']
    ? baselineBench({ root: ROOT, guidesDir, work, publishedGuides: guides.filter((g) => !g.draft).length })
    : undefined;
  for (let i = 0; i < runs; i++) {
    await writeGuides(guidesDir, guides);
    await rm(outDir, { recursive: true, force: true });
    await rm(cacheDir, { recursive: true, force: true });
    await rm(site.checkCache, { force: true });
    await rm(site.stagingDir, { recursive: true, force: true });
    console.log(`Run ${i + 1}/${runs}: cold build…`);
    const c = await runBuild('cold');
    failIfBroken(c);
    if (!existsSync(cacheDir)) {
      throw new Error(`The build's cache folder is not ${cacheDir}: scripts/bench.ts and astro.config.ts disagree`);
    }
    cold.push(c);
    pagesBuilt.cold.push(await countPages(outDir));
    console.log(`  ${seconds(c.wallMs)}, peak ${c.peakTreeRssMB} MB, ${pagesBuilt.cold.at(-1)} pages`);
    if (baseline) await buildBaseline(baseline, 'cold', i);
    const plainCold = plainSite && (await buildPlain(plainSite, 'cold', i, originals));

    edited = await editOneGuide(guides, i);
    const store = path.join(cacheDir, DATA_STORE_FILE);
    const storeBytesBefore = existsSync(store) ? (await stat(store)).size : 0;
    console.log(`Run ${i + 1}/${runs}: warm build (${edited} edited)…`);
    const w = await runBuild('warm');
    failIfBroken(w);
    warm.push(w);
    const syncRatio =
      w.phases && c.phases ? Math.round((w.phases.contentSyncMs / c.phases.contentSyncMs) * 100) / 100 : undefined;
    cacheEvidence.push({ storeBytesBefore, contentCache: w.contentCache, syncRatio });
    pagesBuilt.warm.push(await countPages(outDir));
    console.log(`  ${seconds(w.wallMs)}, peak ${w.peakTreeRssMB} MB, ${pagesBuilt.warm.at(-1)} pages`);
    if (baseline) await buildBaseline(baseline, 'warm', i);
    if (plainSite && plainCold) {
      const plainWarm = await buildPlain(plainSite, 'warm', i, originals);
      plainBuilds.cold.push(plainCold.run);
      plainBuilds.warm.push(plainWarm.run);
      translationRuns.push({
        withTranslations: {
          cold: { wallMs: c.wallMs, cpuMs: c.cpuMs, pages: pagesBuilt.cold.at(-1) ?? 0 },
          warm: { wallMs: w.wallMs, cpuMs: w.cpuMs, pages: pagesBuilt.warm.at(-1) ?? 0 },
        },
        without: {
          cold: { wallMs: plainCold.run.wallMs, cpuMs: plainCold.run.cpuMs, pages: plainCold.pages },
          warm: { wallMs: plainWarm.run.wallMs, cpuMs: plainWarm.run.cpuMs, pages: plainWarm.pages },
        },
      });
    }
  }
  const vsTranslations = translationRuns.length > 0 ? compareTranslations(translationRuns) : undefined;
  const vsBaseline = baseline && compareToBaseline(baseline.paired({ cold, warm }));
  // Reused: the store was there, the sync found it full, and only the edited guide was rendered again.
  const cacheReused = cacheEvidence.every(
    (e) => e.storeBytesBefore > 0 && reusedContentCache(e.contentCache, guides.length, 1),
  );

  console.log('Measuring the output…');
  const output = await measureOutput();
  console.log('Timing the git dates pass…');
  const gitDates = await benchGitDates(originals);

  let browser: BrowserTimings | { available: false; reason: string } = {
    available: false,
    reason: 'skipped (--no-browser)',
  };
  if (!values['no-browser']) {
    console.log('Timing the filter and search in Chromium…');
    // Playwright and Lighthouse load only when used, so the command line answers at once.
    const { browserTimings } = await import('./lib/bench-browser');
    browser = await browserTimings(outDir, {
      listings: { guides: output.listings.guides.page, largestTag: output.listings.largestTag?.page },
      ...(output.listings.guidesIndex ? { guidesIndexUrl: output.listings.guidesIndex.url } : {}),
    });
  }
  let lighthouse: LighthouseSummary | { available: false; reason: string } = {
    available: false,
    reason: 'skipped (--no-lighthouse)',
  };
  if (!values['no-lighthouse']) {
    console.log('Running Lighthouse (performance, mobile)…');
    const { runLighthouse } = await import('./lib/lighthouse');
    lighthouse = await runLighthouse({
      siteDir: outDir,
      pages: [
        { name: 'guide', path: output.guidePage.page },
        { name: 'guides', path: '/guides/' },
        ...(output.listings.largestTag ? [{ name: 'largest-tag', path: output.listings.largestTag.page }] : []),
      ],
      categories: ['performance'],
      reportDir: path.join(ROOT, 'lighthouse-reports', `bench-${guideCount}`),
    }).catch((error: unknown) => ({ available: false as const, reason: String(error) }));
  }

  const coldMedian = medianOf(cold.map(summariseRun));
  const warmMedian = medianOf(warm.map(summariseRun));
  const peakBytes =
    Math.max(...[...cold, ...warm].map((r) => Math.max(r.peakTreeRssMB, r.maxProcessRssMB ?? 0))) * 1024 * 1024;
  const result = {
    date: new Date().toISOString(),
    command: `npm run bench -- --guides ${guideCount} --runs ${runs}${seed === undefined ? '' : ` --seed ${seed}`}${baseline ? ' --baseline' : ''}${translations ? ` --translations ${translations}` : ''}`,
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? 'unknown',
      memoryGB: Math.round(os.totalmem() / 1024 ** 3),
      node: process.version,
      loadAverageBefore: loadBefore.map((n) => Math.round(n * 100) / 100),
      loadAverageAfter: os.loadavg().map((n) => Math.round(n * 100) / 100),
    },
    library: {
      guides: originals.length,
      published: originals.filter((g) => !g.draft).length,
      mdx: originals.filter((g) => g.fileName.endsWith('.mdx')).length,
      sourceBytes: guides.reduce((sum, g) => sum + Buffer.byteLength(g.source), 0),
      ...(translations ? { translations: { language: translations, count: guides.length - originals.length } } : {}),
    },
    cold: coldMedian,
    warm: { ...warmMedian, edited, cacheReused, cacheEvidence },
    pagesBuilt: { cold: medianOf(pagesBuilt.cold), warm: medianOf(pagesBuilt.warm) },
    msPerPage: {
      cold: msPerPage(coldMedian.wallMs, medianOf(pagesBuilt.cold)),
      coldCpu: msPerPage(coldMedian.cpuMs, medianOf(pagesBuilt.cold)),
      warm: msPerPage(warmMedian.wallMs, medianOf(pagesBuilt.warm)),
      warmCpu: msPerPage(warmMedian.cpuMs, medianOf(pagesBuilt.warm)),
    },
    peakMemoryMB: Math.round(peakBytes / 1024 / 1024),
    output,
    gitDates,
    browser,
    lighthouse,
    targets: {
      ...TARGETS,
      coldMet: coldMedian.wallMs <= TARGETS.coldSeconds * 1000,
      warmMet: warmMedian.wallMs <= TARGETS.warmSeconds * 1000,
      memoryMet: peakBytes <= TARGETS.peakMemoryGB * 1024 ** 3,
    },
    runs: { cold: cold.map(summariseRun), warm: warm.map(summariseRun) },
    ...(baseline && vsBaseline ? { baseline: { ...vsBaseline, builds: baseline.runs() } } : {}),
    ...(vsTranslations && siteFile
      ? {
          translations: {
            language: translations,
            siteFile: path.relative(ROOT, siteFile),
            ...vsTranslations,
            builds: { cold: plainBuilds.cold.map(summariseRun), warm: plainBuilds.warm.map(summariseRun) },
          },
        }
      : {}),
  };

  const resultsDir = path.join(ROOT, 'bench-results');
  await mkdir(resultsDir, { recursive: true });
  const resultFile = path.join(
    resultsDir,
    translations ? `bench-${guideCount}-translations-${translations}.json` : `bench-${guideCount}.json`,
  );
  await writeFile(resultFile, `${JSON.stringify(result, null, 2)}\n`);

  const p = (run: typeof coldMedian) => run.phases;
  const line = (label: string, value: string) => console.log(`  ${label.padEnd(34)} ${value}`);
  console.log(
    `\n${guideCount} guides, median of ${runs} run${runs === 1 ? '' : 's'} (load average before: ${loadBefore[0]?.toFixed(2)})`,
  );
  for (const [label, run] of [
    ['cold', coldMedian],
    ['warm', warmMedian],
  ] as const) {
    line(`${label} build wall time`, `${seconds(run.wallMs)} (CPU ${seconds(run.cpuMs)})`);
    const phases = p(run);
    if (phases) {
      line(
        '  phases',
        `setup ${seconds(phases.setupMs)} (content check ${seconds(phases.contentCheckMs)}), content sync ${seconds(phases.contentSyncMs)}, bundle ${seconds(phases.bundleMs)}, render ${seconds(phases.renderMs)}, search index ${seconds(phases.searchIndexMs)}, finish ${seconds(phases.finishMs)}`,
      );
    }
    line(
      `${label} peak memory`,
      `${run.peakTreeRssMB} MB (tree), ${run.maxProcessRssMB ?? 'n/a'} MB (largest process)`,
    );
  }
  line('content cache reused (warm)', cacheReused ? 'yes' : `NO: ${JSON.stringify(cacheEvidence)}`);
  line('pages', String(output.pages));
  line(
    'ms per page (wall; CPU)',
    `cold ${result.msPerPage.cold ?? 'n/a'} ms; ${result.msPerPage.coldCpu ?? 'n/a'} ms, warm ${result.msPerPage.warm ?? 'n/a'} ms; ${result.msPerPage.warmCpu ?? 'n/a'} ms (${result.pagesBuilt.cold} pages)`,
  );
  line('git dates pass', gitDatesLine(gitDates));
  line('dist/ size', mb(output.distBytes));
  line(
    'search index',
    output.searchIndexBytes ? `${mb(output.searchIndexBytes)} (${output.searchIndex})` : `0 (${output.searchIndex})`,
  );
  line('guide HTML mean', `${kb(output.guideHtml.meanBytes)} (${kb(output.guideHtml.meanGzipBytes)} gzip)`);
  line(
    'guide HTML largest',
    `${kb(output.guideHtml.largest.bytes)} (${kb(output.guideHtml.largest.gzipBytes)} gzip) ${output.guideHtml.largest.page}`,
  );
  for (const [label, page] of [
    ['guide page', output.guidePage],
    ['/guides/', output.guidesIndex],
  ] as const) {
    line(
      `${label} JS / CSS (gzip)`,
      `${kb(page.jsGzipBytes)} / ${kb(page.cssGzipBytes)}; everything before interaction ${kb(page.totalGzipBytes)}`,
    );
  }
  const listings = output.listings;
  const domElements = 'listings' in browser && browser.listings.available ? browser.listings.domElements : {};
  for (const [label, listing] of [
    ['/guides/ HTML', listings.guides],
    [
      'largest tag page HTML',
      listings.largestTag && { ...listings.largestTag, note: ` (${listings.largestTag.tag.guides} guides)` },
    ],
  ] as const) {
    if (!listing) {
      line(label, 'none (no tags)');
      continue;
    }
    const dom = domElements[listing.page];
    line(
      label,
      `${kb(listing.htmlBytes)} (${kb(listing.htmlGzipBytes)} gzip), ${dom === undefined ? 'DOM n/a' : `${dom} DOM elements`} ${listing.page}${'note' in listing ? listing.note : ''}`,
    );
  }
  if ('listings' in browser) {
    const l = browser.listings;
    if (l.available) {
      line(
        `/guides/ under ${l.cpuSlowdown}× CPU slowdown`,
        `DOMContentLoaded ${l.domContentLoadedMs} ms; filter ready ${l.filterReadyMs} ms; first filter ${l.firstFilterMs} ms to the next frame, ${l.firstFilterAllMs} ms to its last card (medians of ${l.loads} loads: ${l.firstFilterLoadsMs.join(', ')} ms)`,
      );
      line('first filter fetched', firstFilterBytes(l.firstFilterFetched));
    } else line('listings in Chromium', l.reason);
  }
  if ('filter' in browser) {
    line(
      'filter on /guides/',
      browser.filter.available ? `${browser.filter.medianMs} ms median` : browser.filter.reason,
    );
    line(
      'search on /search/',
      browser.search.available
        ? `${browser.search.firstMs} ms first once the page is idle (${browser.search.atLoadMs} ms typed as it loads), ${browser.search.medianMs} ms median after (${browser.search.includes})`
        : browser.search.reason,
    );
  } else line('browser timings', browser.reason);
  if ('scores' in lighthouse) {
    for (const [name, page] of Object.entries(lighthouse.pages))
      line(`Lighthouse performance (${name})`, page.error ?? String(page.scores.performance));
  } else line('Lighthouse', lighthouse.reason);
  line(
    'targets',
    `cold ≤ ${TARGETS.coldSeconds} s: ${result.targets.coldMet ? 'met' : 'NOT met'}; warm ≤ ${TARGETS.warmSeconds} s: ${result.targets.warmMet ? 'met' : 'NOT met'}; peak ≤ ${TARGETS.peakMemoryGB} GB: ${result.targets.memoryMet ? 'met' : 'NOT met'}`,
  );
  if (vsBaseline) {
    console.log(
      `\nAgainst the baseline site (bench/baseline/), median of ${runs} alternating run${runs === 1 ? '' : 's'}:`,
    );
    for (const row of baselineTable(vsBaseline)) console.log(`  ${row}`);
  }
  if (vsTranslations && translations) {
    console.log(
      `\nWith ${guideCount} translations into ${translations} and without them, median of ${runs} alternating run${runs === 1 ? '' : 's'} (linear in pages: ratio per page near 1.00×):`,
    );
    for (const row of translationTable(vsTranslations, translations)) console.log(`  ${row}`);
  }
  console.log(`\nWrote ${path.relative(ROOT, resultFile)}`);

  if (values['keep'] !== true) {
    await rm(work, { recursive: true, force: true });
    await rm(cacheDir, { recursive: true, force: true });
    await rm(site.checkCache, { force: true });
    if (plainSite) {
      await rm(plainSite.cacheDir, { recursive: true, force: true });
      await rm(plainSite.checkCache, { force: true });
    }
  }
}

await main();
