/**
 * `npm run bench -- --translations fr`: the same guides built with a translation of each into a
 * second language and without, alternately (with cold, without cold, with warm, without warm) in
 * each run, and the time per page built compared: at a ratio near 1, the build's time grows
 * linearly with the pages (issue 15: "builds in time linear in the number of pages"). The site
 * file both builds read lists the language. Pure.
 */
import { isMap, isSeq, parseDocument } from 'yaml';
import { median } from './bench-stats';

/** One build's time and the pages the site has. */
export interface PageBuild {
  wallMs: number;
  cpuMs: number | undefined;
  pages: number;
}

/** One run: the site with translations and the same guides without, each cold and warm. */
export interface TranslationRun {
  withTranslations: { cold: PageBuild; warm: PageBuild };
  without: { cold: PageBuild; warm: PageBuild };
}

export interface PerPage {
  pages: number;
  coldMs: number;
  coldMsPerPage: number;
  coldCpuMsPerPage: number | undefined;
  warmMs: number;
  warmMsPerPage: number;
  warmCpuMsPerPage: number | undefined;
}

export interface TranslationComparison {
  runs: number;
  withTranslations: PerPage;
  without: PerPage;
  /** Time per page with translations over time per page without; the median of the runs' own ratios. */
  ratios: {
    pages: number;
    coldPerPage: number;
    coldCpuPerPage: number | undefined;
    warmPerPage: number;
    warmCpuPerPage: number | undefined;
  };
}

/** Milliseconds per page, one decimal; `undefined` stays undefined. */
export function msPerPage(ms: number | undefined, pages: number): number | undefined {
  if (ms === undefined || pages <= 0) return undefined;
  return Math.round((ms / pages) * 10) / 10;
}

const two = (n: number) => Math.round(n * 100) / 100;

function ratio(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined || b === undefined || b === 0 ? undefined : a / b;
}

function medianRatio(values: readonly (number | undefined)[]): number | undefined {
  const known = values.filter((v): v is number => v !== undefined);
  if (known.length !== values.length || known.length === 0) return undefined;
  // median() rounds an even count's middle to a whole number: ratios are scaled to keep their decimals.
  return two(median(known.map((v) => v * 10_000)) / 10_000);
}

function perPage(builds: readonly { cold: PageBuild; warm: PageBuild }[]): PerPage {
  const pages = median(builds.map((b) => b.cold.pages));
  const coldMs = median(builds.map((b) => b.cold.wallMs));
  const warmMs = median(builds.map((b) => b.warm.wallMs));
  const cpu = (pick: (b: { cold: PageBuild; warm: PageBuild }) => number | undefined) => {
    const values = builds.map(pick);
    const known = values.filter((v): v is number => v !== undefined);
    return known.length === values.length ? median(known) : undefined;
  };
  return {
    pages,
    coldMs,
    coldMsPerPage: msPerPage(coldMs, pages) ?? 0,
    coldCpuMsPerPage: msPerPage(
      cpu((b) => b.cold.cpuMs),
      pages,
    ),
    warmMs,
    warmMsPerPage: msPerPage(warmMs, pages) ?? 0,
    warmCpuMsPerPage: msPerPage(
      cpu((b) => b.warm.cpuMs),
      pages,
    ),
  };
}

export function compareTranslations(runs: readonly TranslationRun[]): TranslationComparison {
  if (runs.length === 0) throw new RangeError('compareTranslations: expected at least one run, found none');
  const each = (pick: (site: { cold: PageBuild; warm: PageBuild }) => number | undefined) =>
    runs.map((run) => ratio(pick(run.withTranslations), pick(run.without)));
  const per = (kind: 'cold' | 'warm', field: 'wallMs' | 'cpuMs') => (site: { cold: PageBuild; warm: PageBuild }) =>
    ratio(site[kind][field], site.cold.pages);
  return {
    runs: runs.length,
    withTranslations: perPage(runs.map((r) => r.withTranslations)),
    without: perPage(runs.map((r) => r.without)),
    ratios: {
      pages: medianRatio(each((s) => s.cold.pages)) ?? 0,
      coldPerPage: medianRatio(each(per('cold', 'wallMs'))) ?? 0,
      coldCpuPerPage: medianRatio(each(per('cold', 'cpuMs'))),
      warmPerPage: medianRatio(each(per('warm', 'wallMs'))) ?? 0,
      warmCpuPerPage: medianRatio(each(per('warm', 'cpuMs'))),
    },
  };
}

/** The comparison as lines of a small table, for the console. */
export function translationTable(c: TranslationComparison, code: string): string[] {
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const ms = (n: number | undefined) => (n === undefined ? 'n/a' : `${n} ms`);
  const x = (n: number | undefined) => (n === undefined ? 'n/a' : `${n.toFixed(2)}×`);
  const row = (label: string, a: string, b: string, r: string) =>
    `${label.padEnd(22)} ${a.padStart(16)} ${b.padStart(16)} ${r.padStart(8)}`;
  const w = c.withTranslations;
  const o = c.without;
  return [
    row('', `with ${code}`, 'without', 'ratio'),
    row('pages', String(w.pages), String(o.pages), x(c.ratios.pages)),
    row('cold build, wall', s(w.coldMs), s(o.coldMs), ''),
    row('cold, ms per page', ms(w.coldMsPerPage), ms(o.coldMsPerPage), x(c.ratios.coldPerPage)),
    row('cold, CPU ms per page', ms(w.coldCpuMsPerPage), ms(o.coldCpuMsPerPage), x(c.ratios.coldCpuPerPage)),
    row('warm build, wall', s(w.warmMs), s(o.warmMs), ''),
    row('warm, ms per page', ms(w.warmMsPerPage), ms(o.warmMsPerPage), x(c.ratios.warmPerPage)),
    row('warm, CPU ms per page', ms(w.warmCpuMsPerPage), ms(o.warmCpuMsPerPage), x(c.ratios.warmCpuPerPage)),
  ];
}

/**
 * A site file's text with `code` among its `languages`: the text unchanged when it lists it
 * already, else with `- { code: <code> }` added (comments and the rest kept as written).
 */
export function siteFileWithLanguage(source: string, code: string): string {
  const doc = parseDocument(source);
  const contents = doc.contents;
  if (contents !== null && !isMap(contents)) throw new Error('the site file is not a mapping of settings');
  const languages = doc.get('languages', true);
  const listed =
    isSeq(languages) &&
    languages.items.some(
      (item) =>
        isMap(item) && `${item.get('code') as string | number | undefined}`.toLowerCase() === code.toLowerCase(),
    );
  if (listed) return source;
  if (isSeq(languages)) languages.add(doc.createNode({ code }));
  else doc.set('languages', doc.createNode([{ code }]));
  return doc.toString();
}
