/**
 * The calculators' arithmetic against cases worked out by hand. Each case writes its hand
 * computation out in full, so a reader can check it with a pencil.
 */
import { co2 } from '@tgwf/co2';
import { describe, expect, it } from 'vitest';
import {
  compareWindows,
  ILLUSTRATIVE_DAY,
  latestStart,
  WINDOW_DEFAULTS,
  windowAt,
  windowFields,
  windowLabel,
  windowSteps,
  WINDOW_TEXT_KEYS,
} from '~/lib/calculators/carbon-window';
import { FIELD_TEXT_KEYS, parseField, parseFields } from '~/lib/calculators/fields';
import { clientText, translatorFor } from '~/data/i18n';
import { formatHour, formatNumber, formatPercent, formatQuantity } from '~/lib/calculators/format';
import { GRID_REGIONS, gridRegion, regionForIntensity } from '~/lib/calculators/grid-intensity';
import {
  bandRange,
  formatGramsCO2e,
  PAGE_DEFAULTS,
  pageEmissions,
  pageSteps,
  PAGE_TEXT_KEYS,
  SWD_V4,
  SWD_V4_KWH_PER_GB,
} from '~/lib/calculators/page-emissions';
import { ratingFor, SWD_V4_BANDS } from '~/lib/swd-rating';
import {
  formatKg,
  TRAINING_DEFAULTS,
  TRAINING_FIELDS,
  trainingEmissions,
  trainingSteps,
  TRAINING_TEXT_KEYS,
} from '~/lib/calculators/training-emissions';
import { carbonTimelineProps, pageEstimatorProps, parseProps, trainingCalculatorProps } from '~/schemas/calculators';

// The calculators' messages as the page hands them to the browser, in English and French.
const en = translatorFor('en');
const fieldText = clientText(en, FIELD_TEXT_KEYS);
const trainingText = clientText(en, [...FIELD_TEXT_KEYS, ...TRAINING_TEXT_KEYS]);
const pageText = clientText(en, PAGE_TEXT_KEYS);
const windowText = clientText(en, WINDOW_TEXT_KEYS);

describe('number formats', () => {
  it('groups thousands, keeps at most two decimals and drops trailing zeros', () => {
    expect(formatNumber(5898.24)).toBe('5,898.24');
    expect(formatNumber(2789.86752)).toBe('2,789.87');
    expect(formatNumber(1.2)).toBe('1.2');
    expect(formatNumber(-0)).toBe('0');
    expect(formatPercent(0.8)).toBe('80%');
    expect(formatHour(7)).toBe('07:00');
    expect(formatHour(24)).toBe('24:00');
  });
  it('keeps significant figures below one', () => {
    expect(formatQuantity(0.3506412)).toBe('0.351');
    expect(formatQuantity(0.3506412, 4)).toBe('0.3506');
    expect(formatQuantity(0.000592)).toBe('0.000592');
    expect(formatQuantity(35.06412)).toBe('35.06');
    expect(formatQuantity(0)).toBe('0');
  });
});

describe('number fields', () => {
  const pue = TRAINING_FIELDS.find((field) => field.name === 'pue')!;
  const accelerators = TRAINING_FIELDS.find((field) => field.name === 'accelerators')!;
  it('accepts a number in range', () => {
    expect(parseField(pue, ' 1.25 ', fieldText)).toEqual({ ok: true, value: 1.25 });
  });
  it('names the expected range when a value is empty, out of range or not whole', () => {
    expect(parseField(pue, '', fieldText)).toEqual({ ok: false, message: 'Enter a number from 1 to 5.' });
    expect(parseField(pue, '0.9', fieldText)).toEqual({
      ok: false,
      message: 'Enter a number from 1 to 5; 0.9 is out of range.',
    });
    expect(parseField(accelerators, '2.5', fieldText)).toEqual({
      ok: false,
      message: 'Enter a whole number from 1 to 1,000,000.',
    });
  });
  it('parses a whole form, collecting every error', () => {
    const { values, errors } = parseFields(TRAINING_FIELDS, { accelerators: '8', pue: '' }, fieldText);
    expect(values).toEqual({ accelerators: 8 });
    expect(Object.keys(errors).sort()).toEqual(['hours', 'intensity', 'powerWatts', 'pue', 'utilisationPercent']);
  });
});

describe('grid intensity presets', () => {
  it('are Ember 2024 annual averages with unique ids, the world average first', () => {
    expect(GRID_REGIONS[0]).toEqual({ id: 'world', intensity: 473, year: 2024 });
    expect(new Set(GRID_REGIONS.map((region) => region.id)).size).toBe(GRID_REGIONS.length);
    expect(GRID_REGIONS.every((region) => region.year === 2024)).toBe(true);
    expect(gridRegion('france')?.intensity).toBe(44);
    expect(regionForIntensity(708)?.id).toBe('india');
    expect(regionForIntensity(100)).toBeUndefined();
  });
});

describe('AI training emissions', () => {
  it('the worked example: 64 accelerators × 400 W × 240 h × 80%, PUE 1.2, world grid', () => {
    // 64 × 400 W = 25,600 W; × 240 h = 6,144,000 Wh; × 0.80 = 4,915,200 Wh = 4,915.2 kWh.
    // 4,915.2 kWh × 1.2 = 5,898.24 kWh.
    // 5,898.24 kWh × 473 g/kWh = 2,789,867.52 g = 2,789.86752 kg (2.79 t).
    const result = trainingEmissions(TRAINING_DEFAULTS);
    expect(result.acceleratorKwh).toBeCloseTo(4915.2, 9);
    expect(result.facilityKwh).toBeCloseTo(5898.24, 9);
    expect(result.kgCO2e).toBeCloseTo(2789.86752, 9);
    expect(trainingSteps(TRAINING_DEFAULTS, trainingText, result, { region: 'World average', year: 2024 })).toEqual([
      '64 accelerators × 400 W × 240 h × 80% ÷ 1,000 = 4,915.2 kWh drawn by the accelerators',
      '4,915.2 kWh × PUE 1.2 = 5,898.24 kWh from the grid',
      '5,898.24 kWh × 473 gCO2e/kWh (World average, Ember 2024) ÷ 1,000 = 2,789.87 kg CO2e (2.79 t)',
    ]);
  });

  it('8 accelerators × 700 W × 24 h × 50%, PUE 1.1, French grid', () => {
    // 8 × 700 W = 5,600 W; × 24 h = 134,400 Wh; × 0.50 = 67,200 Wh = 67.2 kWh.
    // 67.2 kWh × 1.1 = 73.92 kWh.
    // 73.92 kWh × 44 g/kWh = 3,252.48 g = 3.25248 kg.
    const inputs = { accelerators: 8, powerWatts: 700, hours: 24, utilisationPercent: 50, pue: 1.1, intensity: 44 };
    const result = trainingEmissions(inputs);
    expect(result.acceleratorKwh).toBeCloseTo(67.2, 9);
    expect(result.facilityKwh).toBeCloseTo(73.92, 9);
    expect(result.kgCO2e).toBeCloseTo(3.25248, 9);
    expect(trainingSteps(inputs, trainingText, result).at(-1)).toBe('73.92 kWh × 44 gCO2e/kWh ÷ 1,000 = 3.25 kg CO2e');
  });

  it('one accelerator, no overhead, carbon-free grid', () => {
    // 1 × 300 W × 10 h × 100% = 3,000 Wh = 3 kWh; × PUE 1 = 3 kWh; × 0 g/kWh = 0 kg.
    const inputs = { accelerators: 1, powerWatts: 300, hours: 10, utilisationPercent: 100, pue: 1, intensity: 0 };
    const result = trainingEmissions(inputs);
    expect(result).toEqual({ acceleratorKwh: 3, facilityKwh: 3, kgCO2e: 0 });
    expect(trainingSteps(inputs, trainingText, result)[0]).toBe(
      '1 accelerator × 300 W × 10 h × 100% ÷ 1,000 = 3 kWh drawn by the accelerators',
    );
  });

  it('adds tonnes from one tonne up', () => {
    expect(formatKg(999.5, trainingText)).toBe('999.5 kg CO2e');
    expect(formatKg(1000, trainingText)).toBe('1,000 kg CO2e (1 t)');
  });
});

describe('web page emissions (SWDM v4 through CO2.js)', () => {
  it('spells out the model CO2.js implements: 0.300 kWh/GB at 494 g/kWh', () => {
    // Operational 0.055 + 0.059 + 0.080 = 0.194; embodied 0.012 + 0.013 + 0.081 = 0.106; total 0.300 kWh/GB.
    expect(SWD_V4_KWH_PER_GB).toBe(0.3);
    // 1 GB × 0.300 kWh/GB × 494 g/kWh = 148.2 g.
    expect(new co2({ model: 'swd', version: 4 }).perByte(1e9)).toBeCloseTo(148.2, 9);
  });

  it('the worked example: 2,366 kB, 100,000 views, standard hosting', () => {
    // 2,366 kB × 1,000 = 2,366,000 bytes = 0.002366 GB.
    // 0.002366 GB × 0.300 kWh/GB = 0.0007098 kWh; × 494 g/kWh = 0.3506412 g per view.
    // 0.3506412 g × 100,000 = 35,064.12 g = 35.06 kg per month.
    // 0.278 < 0.3506 ≤ 0.359: band E.
    const result = pageEmissions(PAGE_DEFAULTS);
    expect(result.bytes).toBe(2_366_000);
    expect(result.gigabytes).toBeCloseTo(0.002366, 12);
    expect(result.gramsPerView).toBeCloseTo(0.3506412, 9);
    expect(result.gramsPerMonth).toBeCloseTo(35064.12, 6);
    expect(result.rating).toBe('E');
    expect(pageSteps(PAGE_DEFAULTS, pageText, result)).toEqual([
      '2,366 kB × 1,000 = 2,366,000 bytes = 0.002366 GB per view',
      '0.002366 GB × 0.3 kWh/GB × 494 gCO2e/kWh = 0.3506 g CO2e per view',
      '0.3506 g × 100,000 views = 35.06 kg CO2e per month',
      '0.351 g per view is in SWD rating band E (more than 0.278 g, up to 0.359 g per view)',
    ]);
  });

  it('green hosting removes only the data centres’ operational share', () => {
    // 0.002366 GB × (0.300 − 0.055) kWh/GB = 0.002366 × 0.245 = 0.00057967 kWh;
    // × 494 g/kWh = 0.28635698 g per view; × 100,000 = 28,635.698 g = 28.64 kg. Still band E (> 0.278).
    const inputs = { ...PAGE_DEFAULTS, green: true };
    const result = pageEmissions(inputs);
    expect(result.gramsPerView).toBeCloseTo(0.28635698, 9);
    expect(result.gramsPerMonth).toBeCloseTo(28635.698, 6);
    expect(result.rating).toBe('E');
    expect(pageSteps(inputs, pageText, result)[1]).toBe(
      '0.002366 GB × (0.3 − 0.055) kWh/GB × 494 gCO2e/kWh = 0.2864 g CO2e per view ' +
        '(green hosting: the data centres’ operational energy counts as zero-carbon)',
    );
  });

  it('a 500 kB page viewed 10,000 times a month', () => {
    // 500 kB = 500,000 bytes = 0.0005 GB; × 0.300 = 0.00015 kWh; × 494 = 0.0741 g per view.
    // 0.0741 g × 10,000 = 741 g per month. 0.040 < 0.0741 ≤ 0.079: band A.
    const inputs = { kilobytes: 500, viewsPerMonth: 10_000, green: false };
    const result = pageEmissions(inputs);
    expect(result.gramsPerView).toBeCloseTo(0.0741, 12);
    expect(result.gramsPerMonth).toBeCloseTo(741, 9);
    expect(result.rating).toBe('A');
    expect(pageSteps(inputs, pageText, result)[2]).toBe('0.0741 g × 10,000 views = 741 g CO2e per month');
  });

  it('a 100 kB page on a green host is in the best band', () => {
    // 0.0001 GB × 0.245 kWh/GB × 494 g/kWh = 0.012103 g per view ≤ 0.040: band A+.
    const result = pageEmissions({ kilobytes: 100, viewsPerMonth: 1, green: true });
    expect(result.gramsPerView).toBeCloseTo(0.012103, 12);
    expect(result.rating).toBe('A+');
  });

  it('an empty page emits nothing and rates A+', () => {
    expect(pageEmissions({ kilobytes: 0, viewsPerMonth: 1000, green: false })).toMatchObject({
      gramsPerView: 0,
      gramsPerMonth: 0,
      rating: 'A+',
    });
  });

  it('states totals in grams of CO2e, and in kilograms from 1,000 g', () => {
    expect(formatGramsCO2e(0.000592, pageText)).toBe('0.000592 g CO2e');
    expect(formatGramsCO2e(741, pageText)).toBe('741 g CO2e');
    expect(formatGramsCO2e(999.994, pageText)).toBe('999.99 g CO2e');
    expect(formatGramsCO2e(35_064.12, pageText)).toBe('35.06 kg CO2e');
  });

  it('band edges are inclusive and agree with CO2.js', () => {
    expect(ratingFor(0.04)).toBe('A+');
    expect(ratingFor(0.0401)).toBe('A');
    expect(ratingFor(0.359)).toBe('E');
    expect(ratingFor(0.3591)).toBe('F');
    expect(bandRange('A+', pageText)).toBe('0.04 g or less');
    expect(bandRange('F', pageText)).toBe('more than 0.359 g');
    const rated = new co2({ model: 'swd', version: 4, rating: true });
    for (const kilobytes of [50, 200, 400, 700, 1000, 1500, 2000, 2400, 5000]) {
      const estimate = rated.perByte(kilobytes * 1000);
      if (typeof estimate === 'number') throw new Error('expected a rated estimate');
      expect(ratingFor(estimate.total), `${kilobytes} kB`).toBe(estimate.rating);
    }
    expect(SWD_V4_BANDS.map((band) => band.rating)).toEqual(['A+', 'A', 'B', 'C', 'D', 'E', 'F']);
    expect(SWD_V4.gridIntensity).toBe(494);
  });
});

describe('carbon-aware timeline', () => {
  it('the worked example: a 4-hour, 10 kW job at midnight on the illustrative day', () => {
    // Midnight: (260 + 250 + 240 + 235) g/kWh × 10 kW × 1 h = 985 × 10 = 9,850 g = 9.85 kg.
    // Four-hour sums by start hour: 0: 985, 1: 965, 2: 970, 3: 1,010, 4: 1,075, 5: 1,115, 6: 1,100,
    // 7: 1,020, 8: 890, 9: 765, 10: 675, 11: 635, 12: 650, 13: 725, 14: 865, 15: 1,035, 16: 1,190,
    // 17: 1,280, 18: 1,290, 19: 1,245, 20: 1,175.
    // Cleanest: 11:00 (170 + 155 + 150 + 160 = 635) → 6.35 kg. Dirtiest: 18:00 (330 + 340 + 320 + 300 = 1,290) → 12.9 kg.
    // Saving: 9.85 − 6.35 = 3.5 kg, 3.5 / 9.85 = 35.5% → 36%.
    const result = compareWindows(ILLUSTRATIVE_DAY, WINDOW_DEFAULTS);
    expect(result.chosen).toMatchObject({ start: 0, end: 4, intensities: [260, 250, 240, 235] });
    expect(result.chosen.kg).toBeCloseTo(9.85, 12);
    expect(result.best).toMatchObject({ start: 11, end: 15 });
    expect(result.best.kg).toBeCloseTo(6.35, 12);
    expect(result.worst).toMatchObject({ start: 18, end: 22 });
    expect(result.worst.kg).toBeCloseTo(12.9, 12);
    expect(result.savingKg).toBeCloseTo(3.5, 12);
    expect(result.savingFraction).toBeCloseTo(3.5 / 9.85, 12);
    expect(windowSteps(ILLUSTRATIVE_DAY, WINDOW_DEFAULTS, windowText, result)).toEqual([
      'Your job, 00:00–04:00: 10 kW × 1 h × (260 + 250 + 240 + 235) gCO2e/kWh = 9,850 g = 9.85 kg CO2e',
      'Cleanest window, 11:00–15:00: 10 kW × 1 h × (170 + 155 + 150 + 160) gCO2e/kWh = 6,350 g = 6.35 kg CO2e',
      'Dirtiest window, 18:00–22:00: 10 kW × 1 h × (330 + 340 + 320 + 300) gCO2e/kWh = 12,900 g = 12.9 kg CO2e',
      'Moving the job to 11:00–15:00 saves 9.85 − 6.35 = 3.5 kg CO2e (36%).',
    ]);
  });

  it('a job already in the cleanest window saves nothing', () => {
    const inputs = { ...WINDOW_DEFAULTS, start: 11 };
    const result = compareWindows(ILLUSTRATIVE_DAY, inputs);
    expect(result.savingKg).toBe(0);
    expect(windowSteps(ILLUSTRATIVE_DAY, inputs, windowText, result).at(-1)).toBe(
      'The job already runs in the cleanest window.',
    );
  });

  it('a small day by hand: 2-hour, 2 kW job on [5, 1, 1, 9]', () => {
    // Windows: 0: (5 + 1) × 2 = 12 g; 1: (1 + 1) × 2 = 4 g; 2: (1 + 9) × 2 = 20 g.
    const result = compareWindows([5, 1, 1, 9], { hours: 2, start: 2, powerKw: 2 });
    expect(result.chosen.kg).toBeCloseTo(0.02, 12);
    expect(result.best).toMatchObject({ start: 1, end: 3 });
    expect(result.best.kg).toBeCloseTo(0.004, 12);
    expect(result.worst.start).toBe(2);
    // 20 − 4 = 16 g saved, 16 / 20 = 80%.
    expect(result.savingKg).toBeCloseTo(0.016, 12);
    expect(result.savingFraction).toBeCloseTo(0.8, 12);
  });

  it('on ties the earliest window wins, for best and worst alike', () => {
    // 2-hour sums on [3, 1, 1, 3, 1, 1]: 4, 2, 4, 4, 2 → best 1 (not 4), worst 0 (not 2 or 3).
    const result = compareWindows([3, 1, 1, 3, 1, 1], { hours: 2, start: 0, powerKw: 1 });
    expect(result.best.start).toBe(1);
    expect(result.worst.start).toBe(0);
  });

  it('keeps the job inside the day', () => {
    expect(latestStart(ILLUSTRATIVE_DAY, 4)).toBe(20);
    expect(compareWindows([5, 1, 1, 9], { hours: 2, start: 3, powerKw: 1 }).chosen.start).toBe(2);
    expect(compareWindows([5, 1, 1, 9], { hours: 9, start: 0, powerKw: 1 }).chosen).toMatchObject({ start: 0, end: 4 });
    expect(windowAt([5, 1, 1, 9], 1, 2, 1000).kg).toBe(2);
    expect(windowLabel({ start: 20, end: 24 })).toBe('20:00–24:00');
    expect(windowFields().map((field) => [field.name, field.max])).toEqual([
      ['hours', 24],
      ['start', 23],
      ['powerKw', 100_000],
    ]);
  });
});

describe('calculator props', () => {
  it('default to the worked examples', () => {
    expect(trainingCalculatorProps.parse({})).toEqual({
      id: 'training-calculator',
      ...TRAINING_DEFAULTS,
      region: 'world',
      intensity: undefined,
    });
    expect(pageEstimatorProps.parse({})).toEqual({ id: 'page-estimator', ...PAGE_DEFAULTS });
    expect(carbonTimelineProps.parse({})).toEqual({ id: 'carbon-timeline', ...WINDOW_DEFAULTS });
  });

  it('fail the build naming the component, the page, the prop, what was expected and what was found', () => {
    expect(() =>
      parseProps(
        trainingCalculatorProps,
        { accelerators: 0, region: 'mars', colour: 'red' },
        'TrainingEmissionsCalculator',
        '/guides/x/',
      ),
    ).toThrow(
      [
        '<TrainingEmissionsCalculator> on /guides/x/: accelerators: expected a whole number from 1 to 1,000,000, found number 0',
        '<TrainingEmissionsCalculator> on /guides/x/: region: expected one of world, norway, sweden, france, brazil, canada, uk, eu, ireland, germany, usa, japan, singapore, australia, china, poland, india, found the string "mars"',
        '<TrainingEmissionsCalculator> on /guides/x/: props: expected only known keys (not colour), found an object',
      ].join('\n'),
    );
    expect(() => parseProps(carbonTimelineProps, { hours: 6, start: 20 }, 'CarbonAwareTimeline', '/g/')).toThrow(
      '<CarbonAwareTimeline> on /g/: start: expected a start and a length that end by 24:00, found number 20',
    );
    expect(() => parseProps(pageEstimatorProps, { green: 'yes' }, 'PageEmissionsEstimator', '/g/')).toThrow(
      'green: expected true or false, found the string "yes"',
    );
  });
});

describe('the calculators in another language', () => {
  it('write their steps, totals and field errors in French, with French numbers', () => {
    const fr = translatorFor('fr');
    const text = clientText(fr, [...FIELD_TEXT_KEYS, ...TRAINING_TEXT_KEYS]);
    const [first, , last] = trainingSteps(TRAINING_DEFAULTS, text, undefined, {
      region: 'Moyenne mondiale',
      year: 2024,
    });
    expect(first).toBe(
      '64 accélérateurs × 400 W × 240 h × 80% ÷ 1\u202f000 = 4\u202f915,2 kWh consommés par les accélérateurs',
    );
    expect(last).toContain('gCO2e/kWh (Moyenne mondiale, Ember 2024) ÷ 1\u202f000 = 2\u202f789,87 kg CO2e (2,79 t)');
    const pue = TRAINING_FIELDS.find((field) => field.name === 'pue')!;
    expect(parseField(pue, '9', text)).toEqual({
      ok: false,
      message: 'Saisissez un nombre de 1 à 5 ; 9 est hors limites.',
    });
    const windows = windowSteps(ILLUSTRATIVE_DAY, WINDOW_DEFAULTS, clientText(fr, WINDOW_TEXT_KEYS));
    expect(windows[0]).toMatch(/^Votre tâche, 00:00–04:00 : 10 kW × 1 h/);
  });
});
