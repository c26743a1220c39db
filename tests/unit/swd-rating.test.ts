import { co2 } from '@tgwf/co2';
import { describe, expect, it } from 'vitest';
import { bandRange, PAGE_TEXT_KEYS } from '~/lib/calculators/page-emissions';
import { clientText, translatorFor } from '~/data/i18n';
import { ratingBands } from '~/lib/carbon';
import { ratingFor, SWD_RATINGS, SWD_V4_BANDS } from '~/lib/swd-rating';

describe('the SWD v4 rating bands', () => {
  it('are read from CO2.js, landing exactly on the thresholds the model publishes', () => {
    expect(SWD_V4_BANDS).toEqual([
      { rating: 'A+', max: 0.04 },
      { rating: 'A', max: 0.079 },
      { rating: 'B', max: 0.145 },
      { rating: 'C', max: 0.209 },
      { rating: 'D', max: 0.278 },
      { rating: 'E', max: 0.359 },
      { rating: 'F', max: Infinity },
    ]);
    expect(SWD_V4_BANDS.map((band) => band.rating)).toEqual(SWD_RATINGS);
  });

  it('rate a figure as CO2.js rates the bytes behind it', () => {
    const rated = new co2({ model: 'swd', version: 4, rating: true });
    for (let kilobytes = 25; kilobytes <= 3000; kilobytes += 25) {
      const estimate = rated.perByte(kilobytes * 1000);
      if (typeof estimate === 'number') throw new Error('expected a rated estimate');
      expect(ratingFor(estimate.total), `${kilobytes} kB`).toBe(estimate.rating);
    }
  });

  it('are the very bands of the carbon page and of the calculator', () => {
    expect(ratingBands().map((band) => band.upToGrams ?? Infinity)).toEqual(SWD_V4_BANDS.map((band) => band.max));
    expect(bandRange('A', clientText(translatorFor('en'), PAGE_TEXT_KEYS))).toBe('more than 0.04 g, up to 0.079 g');
  });
});
