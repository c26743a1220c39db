/**
 * The Sustainable Web Design model, version 4, as CO2.js (@tgwf/co2) computes it, and its
 * digital carbon rating: the one source of the grams and the rating bands that both the carbon
 * figure of every guide (src/lib/carbon.ts) and the page-emissions calculator show. The bands
 * are read from the model itself, so no page can disagree with the ratings CO2.js gives.
 * Pure: runs at build time and in the browser (the calculator's custom element).
 */
import { co2, type SwdRating } from '@tgwf/co2';

export type { SwdRating };

/** Best to worst. */
export const SWD_RATINGS: readonly SwdRating[] = ['A+', 'A', 'B', 'C', 'D', 'E', 'F'];

/** The model, with ratings; every estimate on the site comes from this instance. */
export const swdV4 = new co2({ model: 'swd', version: 4, rating: true });

/** The rating CO2.js gives a view that emits `grams` of CO2e. */
export function ratingFor(grams: number): SwdRating {
  return swdV4.model.ratingScale(grams);
}

/**
 * The largest gram figure of each rating, inclusive (F: everything above E), found by halving the
 * gap between a figure the model rates `rating` or better and one it rates worse down to two
 * neighbouring floating-point numbers: the model compares with `<=`, so this lands exactly on its
 * published threshold (0.04 g for A+).
 */
function bandsFromModel(): readonly { rating: SwdRating; max: number }[] {
  const bands: { rating: SwdRating; max: number }[] = [];
  let low = 0;
  for (const [index, rating] of SWD_RATINGS.slice(0, -1).entries()) {
    const within = (grams: number) => SWD_RATINGS.indexOf(ratingFor(grams)) <= index;
    let high = Math.max(low * 2, 1e-3);
    while (within(high)) high *= 2;
    for (;;) {
      const mid = low + (high - low) / 2;
      if (mid === low || mid === high) break;
      if (within(mid)) low = mid;
      else high = mid;
    }
    bands.push({ rating, max: low });
  }
  bands.push({ rating: 'F', max: Infinity });
  return bands;
}

/** Upper bound (grams of CO2e per view, inclusive) of each SWD v4 rating band. */
export const SWD_V4_BANDS = bandsFromModel();
