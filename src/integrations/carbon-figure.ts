/**
 * After every page is written, measures each one (src/lib/carbon.ts), fills in the carbon figure
 * of each guide's footer and the range on the explanation page, and writes `carbon-report.json`
 * with every page's weight and figure. The figure is part of the page it describes, so a guide
 * is measured again once its figure is in place, until the figure no longer changes.
 * Deterministic: no dates, pages in path order. Must run after every integration that changes
 * pages (security headers) and before atomicOutput.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import {
  CARBON_MODEL,
  figureText,
  formatGrams,
  pagePathOf,
  pageReferences,
  SiteMeter,
  type PageCarbon,
} from '../lib/carbon';
import { fillFigure, fillRange, hasFigure, hasRange } from '../lib/carbon-figure-markup';
import { normaliseBase } from '../lib/urls-base';

export const CARBON_REPORT = 'carbon-report.json';

/** Fills a page's figure with its own measure until the two agree (two rounds at most in practice). */
function settleFigure(meter: SiteMeter, pagePath: string, html: string): { html: string; carbon: PageCarbon } {
  // Filling in the figure changes its text only, never what the page loads.
  const references = pageReferences(html);
  let current = html;
  let carbon = meter.measure(pagePath, current, references);
  for (let round = 0; round < 5; round++) {
    const next = fillFigure(current, figureText(carbon));
    const measured = meter.measure(pagePath, next, references);
    current = next;
    if (figureText(measured) === figureText(carbon)) return { html: current, carbon: measured };
    carbon = measured;
  }
  return { html: current, carbon };
}

export default function carbonFigure(): AstroIntegration {
  let base = '/';
  return {
    name: 'greenpath:carbon-figure',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = normaliseBase(config.base);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const root = fileURLToPath(dir);
        const files = (await readdir(root, { recursive: true }))
          .map(String)
          .filter((file) => file.endsWith('.html'))
          .sort();
        const meter = new SiteMeter(root, base);
        const pages = new Map<string, PageCarbon>();
        const rest: string[] = [];
        // Guides first: the explanation page quotes their range.
        for (const file of files) {
          const abs = path.join(root, file);
          const html = await readFile(abs, 'utf8');
          if (!hasFigure(html)) {
            rest.push(file);
            continue;
          }
          const settled = settleFigure(meter, pagePathOf(file, base), html);
          await writeFile(abs, settled.html);
          pages.set(file, settled.carbon);
        }
        const guides = [...pages.values()].sort((a, b) => a.grams - b.grams || a.path.localeCompare(b.path));
        const lightest = guides[0];
        const heaviest = guides[guides.length - 1];
        const range =
          lightest && heaviest
            ? `from ${formatGrams(lightest.grams)} (rating ${lightest.rating}) to ${formatGrams(heaviest.grams)} (rating ${heaviest.rating}) per view, across ${guides.length} guide${guides.length === 1 ? '' : 's'}`
            : 'not measured: this build has no guides';
        for (const file of rest) {
          const abs = path.join(root, file);
          let html = await readFile(abs, 'utf8');
          if (hasRange(html)) {
            html = fillRange(html, range);
            await writeFile(abs, html);
          }
          pages.set(file, meter.measure(pagePathOf(file, base), html));
        }
        const report = {
          model: `${CARBON_MODEL.name} v${CARBON_MODEL.version} (${CARBON_MODEL.library})`,
          method:
            'Bytes a view transfers: the page and every stylesheet, script, module, image and font it loads, each gzipped at level 9; scripts loaded only on use are not counted. Grams of CO2e per view for a first visit, at the global average grid intensity, hosting not assumed green.',
          guides: {
            count: guides.length,
            lightest: lightest && { path: lightest.path, grams: lightest.grams, rating: lightest.rating },
            heaviest: heaviest && { path: heaviest.path, grams: heaviest.grams, rating: heaviest.rating },
          },
          pages: [...pages.values()].sort((a, b) => a.path.localeCompare(b.path)),
        };
        await writeFile(path.join(root, CARBON_REPORT), `${JSON.stringify(report, null, 2)}\n`);
        const unresolved = [...pages.values()].filter((p) => p.unresolved.length > 0);
        for (const page of unresolved) {
          logger.warn(
            `${page.path} loads files that are not part of the site (not counted): ${page.unresolved.join(', ')}`,
          );
        }
        logger.info(
          `Carbon figures for ${guides.length} guides (${range}); ${CARBON_REPORT} lists ${pages.size} pages, in ${Math.round(performance.now() - started)} ms`,
        );
      },
    },
  };
}
