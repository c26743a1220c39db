/**
 * Measures each finished page (src/lib/carbon.ts), fills in the carbon figure of each guide's
 * footer and the range on the explanation page, and writes `carbon-report.json` with every
 * page's weight and figure. The figure is part of the page it describes, so a guide is measured
 * again once its figure is in place, until the figure no longer changes.
 * Deterministic: no dates, pages in path order, whatever order the measures finish in.
 * Used by ./index.ts, last, on the pages as they are published: guides first, since the
 * explanation page quotes their range.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { AstroIntegrationLogger } from 'astro';
import { CARBON_MODEL, figureText, formatGrams, type FigureText, type PageCarbon } from '../../lib/carbon';
import { loadInterfaceText } from '../../data/interface-text';
import { createTranslator, pickLanguage } from '../../lib/i18n';
import { GzipSizeCache, pagePathOf, SiteMeter } from './carbon-meter';
import { pageReferences } from '../../lib/page-resources';
import { fillFigure, fillRange, hasRange } from '../../lib/carbon-figure-markup';

export const CARBON_REPORT = 'carbon-report.json';

/** How a page words the guides' range on the explanation page, in its language. */
export interface RangeText {
  (range: { lightest: PageCarbon; heaviest: PageCarbon; count: number } | undefined): string;
}

/** The figure's wording in each language, from src/i18n/ (read once per build). */
export function figureTextFromFiles(
  root = process.cwd(),
  defaultLang = 'en',
): (lang: string | undefined) => FigureText & { range: RangeText } {
  const { catalog } = loadInterfaceText([], root);
  return (lang) => {
    const { lang: found, value } = pickLanguage(catalog, lang, defaultLang);
    const { t, locale } = createTranslator(found, value);
    const range: RangeText = (r) =>
      r
        ? t('carbon_page.range', {
            lightest: formatGrams(r.lightest.grams, locale),
            lightest_rating: r.lightest.rating,
            heaviest: formatGrams(r.heaviest.grams, locale),
            heaviest_rating: r.heaviest.rating,
            count: r.count,
          })
        : t('carbon_page.range_none');
    return { template: t('carbon.figure', { grams: '{grams}', rating: '{rating}' }), locale, range };
  };
}

/** A page's language: its `<html lang>`, undefined when it has none (the default's then). */
const langOf = (html: string) => /<html\b[^>]*?\slang="([^"]+)"/i.exec(html)?.[1];

export class CarbonPass {
  private readonly meter: SiteMeter;
  private readonly guides = new Map<string, PageCarbon>();
  private readonly others = new Map<string, PageCarbon>();
  private readonly started = performance.now();

  constructor(
    private readonly root: string,
    private readonly base: string,
    readonly sizes: GzipSizeCache = new GzipSizeCache(),
    /** A page's language (its `<html lang>`, the default's when it has none) → how its figures are worded. */
    private readonly textFor: (lang: string | undefined) => FigureText & { range: RangeText } = figureTextFromFiles(),
  ) {
    this.meter = new SiteMeter(root, base, sizes);
  }

  /** A guide with its figure filled with its own measure, settled (two rounds at most in practice). */
  async guide(file: string, html: string): Promise<string> {
    const pagePath = pagePathOf(file, this.base);
    // Filling in the figure changes its text only, never what the page loads.
    const references = pageReferences(html);
    const text = this.textFor(langOf(html));
    let current = html;
    let carbon = await this.meter.measureAsync(pagePath, current, references);
    for (let round = 0; round < 5; round++) {
      const next = fillFigure(current, figureText(carbon, text));
      const measured = await this.meter.measureAsync(pagePath, next, references);
      const settled = figureText(measured, text) === figureText(carbon, text);
      current = next;
      carbon = measured;
      if (settled) break;
    }
    this.guides.set(file, carbon);
    return current;
  }

  /**
   * What the explanation page says of the guides, in `lang`: the lightest and heaviest figures of
   * every language's guides, since the report and the rating are the site's, not a language's.
   */
  range(lang?: string): string {
    const sorted = this.sortedGuides();
    const lightest = sorted[0];
    const heaviest = sorted[sorted.length - 1];
    return this.textFor(lang).range(lightest && heaviest ? { lightest, heaviest, count: sorted.length } : undefined);
  }

  /** Any other page, measured once guides are done; the range goes where the page asks for it. */
  async other(file: string, html: string): Promise<string> {
    const final = hasRange(html) ? fillRange(html, this.range(langOf(html))) : html;
    this.others.set(file, await this.meter.measureAsync(pagePathOf(file, this.base), final));
    return final;
  }

  private sortedGuides(): PageCarbon[] {
    return [...this.guides.values()].sort((a, b) => a.grams - b.grams || a.path.localeCompare(b.path));
  }

  async writeReport(logger: AstroIntegrationLogger): Promise<void> {
    const guides = this.sortedGuides();
    const lightest = guides[0];
    const heaviest = guides[guides.length - 1];
    const all = [...this.guides.values(), ...this.others.values()].sort((a, b) => a.path.localeCompare(b.path));
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
    await writeFile(path.join(this.root, CARBON_REPORT), `${JSON.stringify(report, null, 2)}\n`);
    for (const page of all.filter((p) => p.unresolved.length > 0)) {
      logger.warn(
        `${page.path} loads files that are not part of the site (not counted): ${page.unresolved.join(', ')}`,
      );
    }
    logger.info(
      `Carbon figures for ${guides.length} guides (${this.range()}); ${CARBON_REPORT} lists ${all.length} pages, in ${Math.round(performance.now() - this.started)} ms (${this.sizes.reused} of ${this.sizes.size} compressed sizes reused from the last build)`,
    );
  }
}
