/**
 * The carbon figure of a built page: the bytes a visit transfers (the page's HTML and every
 * stylesheet, script, module, image and font it loads, as src/lib/page-resources.ts reads them, each gzipped at level 9 as a server would
 * send it) turned into grams of CO2e per view with the Sustainable Web Design model, version 4,
 * of @tgwf/co2, and that model's rating. Scripts a page imports only on use (search, for
 * example, loads with `import()`) are not counted: they are not part of a view.
 * The model and its wording; runs anywhere. Measuring built files (Node) is
 * src/integrations/finish-pages/carbon-meter.ts, used after the build by carbon-figure.ts beside it.
 */
import type { ResourceKind } from './page-resources';
import { SWD_RATINGS, SWD_V4_BANDS, swdV4, type SwdRating } from './swd-rating';
import { fill } from './template';

export type { SwdRating };
export type { ResourceKind };

export interface PageCarbon {
  /** The page's URL path, base included: `/guides/x/`. */
  path: string;
  /** Gzipped bytes by kind, and their total. */
  bytes: Record<ResourceKind | 'total', number>;
  /** The page and each file it loads, counted once. */
  requests: number;
  /** URL paths of the files loaded besides the page, sorted. */
  resources: string[];
  /** References that are not files of the site (another origin, or missing): not counted. */
  unresolved: string[];
  /** Grams of CO2e per view. */
  grams: number;
  rating: SwdRating;
}

/** The model, as the figure and the explanation page name it. */
export const CARBON_MODEL = { name: 'Sustainable Web Design', version: 4, library: '@tgwf/co2' } as const;

/** Grams of CO2e and the SWD rating of one view that transfers `bytes`. */
export function carbonPerView(bytes: number): { grams: number; rating: SwdRating } {
  const result = swdV4.perVisit(bytes);
  // Under one byte the model answers a bare 0; with `rating: true` it otherwise always rates.
  if (typeof result === 'number') return { grams: result, rating: 'A+' };
  return { grams: result.total, rating: result.rating ?? 'A+' };
}

/**
 * Grams as a reader can compare them, with two decimals: a light page emits thousandths of a
 * gram, which two decimals of grams would all show as "0.00 g", so below one gram the figure is
 * in milligrams.
 */
export function formatGrams(grams: number, locale = 'en-GB'): string {
  const two = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: false });
  return grams >= 1 ? `${two.format(grams)} g` : `${two.format(grams * 1000)} mg`;
}

/** How a guide's footer words its figure: `carbon.figure` of the page's language file, and its locale. */
export interface FigureText {
  /** `About {grams} CO₂e per view (Sustainable Web Design rating {rating}).` */
  template: string;
  locale: string;
}

/** The line shown in a guide's footer. */
export function figureText(carbon: { grams: number; rating: SwdRating }, text: FigureText): string {
  return fill(text.template, { grams: formatGrams(carbon.grams, text.locale), rating: carbon.rating });
}

/**
 * Each rating band of the model (src/lib/swd-rating.ts) with the page weight at which it ends:
 * the largest byte count a view can transfer and still be rated `rating`; F open-ended.
 */
export function ratingBands(): { rating: SwdRating; upToGrams: number | undefined; upToBytes: number | undefined }[] {
  let low = 1;
  return SWD_V4_BANDS.map(({ rating, max }) => {
    if (max === Infinity) return { rating, upToGrams: undefined, upToBytes: undefined };
    const within = (bytes: number) => SWD_RATINGS.indexOf(carbonPerView(bytes).rating) <= SWD_RATINGS.indexOf(rating);
    // Ratings only get worse with weight: double past the edge, then halve the gap.
    let high = low;
    while (within(high * 2)) high *= 2;
    let lo = high;
    let hi = high * 2;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (within(mid)) lo = mid;
      else hi = mid;
    }
    low = lo + 1;
    return { rating, upToGrams: max, upToBytes: lo };
  });
}
