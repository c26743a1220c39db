/**
 * Measures each finished page (src/lib/carbon.ts), fills in the carbon figure of each guide's
 * footer and the range on the explanation page, and writes `carbon-report.json` with every
 * page's weight and figure. The figure is part of the page it describes, so a guide is measured
 * again once its figure is in place, until the figure no longer changes.
 * Deterministic: no dates, pages in path order, whatever order the measures finish in.
 * The last pass of ./finish-pages.ts: it measures the pages as they are published.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { AstroIntegrationLogger } from 'astro';
import pLimit from 'p-limit';
import {
  CARBON_MODEL,
  figureText,
  formatGrams,
  pagePathOf,
  pageReferences,
  GzipSizeCache,
  SiteMeter,
  type PageCarbon,
} from '../lib/carbon';
import { fillFigure, fillRange, hasFigure, hasRange } from '../lib/carbon-figure-markup';
import type { FinishedPages } from './finished-pages';

export const CARBON_REPORT = 'carbon-report.json';

/** Pages compressed at once in Node's thread pool (4 threads by default). */
const MEASURE_CONCURRENCY = 8;

/** Fills a page's figure with its own measure until the two agree (two rounds at most in practice). */
async function settleFigure(
  meter: SiteMeter,
  pagePath: string,
  html: string,
): Promise<{ html: string; carbon: PageCarbon }> {
  // Filling in the figure changes its text only, never what the page loads.
  const references = pageReferences(html);
  let current = html;
  let carbon = await meter.measureAsync(pagePath, current, references);
  for (let round = 0; round < 5; round++) {
    const next = fillFigure(current, figureText(carbon));
    const measured = await meter.measureAsync(pagePath, next, references);
    current = next;
    if (figureText(measured) === figureText(carbon)) return { html: current, carbon: measured };
    carbon = measured;
  }
  return { html: current, carbon };
}

export async function measurePages(
  pages: FinishedPages,
  base: string,
  logger: AstroIntegrationLogger,
  sizes: GzipSizeCache = new GzipSizeCache(),
): Promise<void> {
  const started = performance.now();
  const meter = new SiteMeter(pages.root, base, sizes);
  const limit = pLimit(MEASURE_CONCURRENCY);
  const byFile = new Map<string, PageCarbon>();
  // Guides first: the explanation page quotes their range.
  const guideFiles = pages.files.filter((file) => hasFigure(pages.get(file)));
  const rest = pages.files.filter((file) => !hasFigure(pages.get(file)));
  await limit.map(guideFiles, async (file) => {
    const settled = await settleFigure(meter, pagePathOf(file, base), pages.get(file));
    pages.set(file, settled.html);
    byFile.set(file, settled.carbon);
  });
  const guides = guideFiles
    .map((file) => byFile.get(file))
    .filter((carbon) => carbon !== undefined)
    .sort((a, b) => a.grams - b.grams || a.path.localeCompare(b.path));
  const lightest = guides[0];
  const heaviest = guides[guides.length - 1];
  const range =
    lightest && heaviest
      ? `from ${formatGrams(lightest.grams)} (rating ${lightest.rating}) to ${formatGrams(heaviest.grams)} (rating ${heaviest.rating}) per view, across ${guides.length} guide${guides.length === 1 ? '' : 's'}`
      : 'not measured: this build has no guides';
  await limit.map(rest, async (file) => {
    let html = pages.get(file);
    if (hasRange(html)) {
      html = fillRange(html, range);
      pages.set(file, html);
    }
    byFile.set(file, await meter.measureAsync(pagePathOf(file, base), html));
  });
  const all = [...byFile.values()].sort((a, b) => a.path.localeCompare(b.path));
  const report = {
    model: `${CARBON_MODEL.name} v${CARBON_MODEL.version} (${CARBON_MODEL.library})`,
    method:
      'Bytes a view transfers: the page and every stylesheet, script, module, image and font it loads, each gzipped at level 9; scripts loaded only on use are not counted. Grams of CO2e per view for a first visit, at the global average grid intensity, hosting not assumed green.',
    guides: {
      count: guides.length,
      lightest: lightest && { path: lightest.path, grams: lightest.grams, rating: lightest.rating },
      heaviest: heaviest && { path: heaviest.path, grams: heaviest.grams, rating: heaviest.rating },
    },
    pages: all,
  };
  await writeFile(path.join(pages.root, CARBON_REPORT), `${JSON.stringify(report, null, 2)}\n`);
  for (const page of all.filter((p) => p.unresolved.length > 0)) {
    logger.warn(`${page.path} loads files that are not part of the site (not counted): ${page.unresolved.join(', ')}`);
  }
  logger.info(
    `Carbon figures for ${guides.length} guides (${range}); ${CARBON_REPORT} lists ${all.length} pages, in ${Math.round(performance.now() - started)} ms (${sizes.reused} of ${sizes.size} compressed sizes reused from the last build)`,
  );
}
