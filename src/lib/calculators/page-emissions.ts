/**
 * The web page estimate: the Sustainable Web Design Model, version 4, computed by CO2.js
 * (@tgwf/co2), for bytes per view × views per month, with green hosting on or off. Every view is
 * taken to download the whole page (no caching). Pure; shared by the server's worked example and
 * the browser's <page-estimator>.
 *
 * CO2.js does the estimate. The constants below only spell the arithmetic out for the reader;
 * the unit tests check that the spelled-out arithmetic and CO2.js agree.
 */
import { ratingFor, SWD_V4_BANDS, swdV4, type SwdRating } from '../swd-rating';
import type { NumberField } from './fields';
import { say, type PageText } from '../template';
import { formatNumber, formatQuantity } from './format';

/** SWDM v4 defaults, as CO2.js 0.19 defines them (its src/constants/index.js, in @tgwf/co2). */
export const SWD_V4 = {
  /** kWh per GB transferred, electricity in use. */
  operational: { dataCentre: 0.055, network: 0.059, device: 0.08 },
  /** kWh per GB transferred, manufacturing of the hardware as an energy equivalent. */
  embodied: { dataCentre: 0.012, network: 0.013, device: 0.081 },
  /** Global average grid intensity the model applies, gCO2e per kWh. */
  gridIntensity: 494,
  /** SWD uses decimal gigabytes. */
  bytesPerGigabyte: 1e9,
} as const;

/** Total kWh per GB: 0.300. Rounded so the displayed figure is the exact sum of the segments. */
export const SWD_V4_KWH_PER_GB =
  Math.round(
    (Object.values(SWD_V4.operational).reduce((a, b) => a + b, 0) +
      Object.values(SWD_V4.embodied).reduce((a, b) => a + b, 0)) *
      1000,
  ) / 1000;

export interface PageInputs {
  /** Transfer size of one uncached view, in kilobytes (1 kB = 1,000 bytes). */
  kilobytes: number;
  viewsPerMonth: number;
  /** The host runs on green energy: the data centres' operational emissions count as zero. */
  green: boolean;
}

export type PageField = Exclude<keyof PageInputs, 'green'>;

/** Labels, units and hints are interface text keys (src/i18n/<code>.yaml, `page_calc.*`). */
export const PAGE_FIELDS: readonly NumberField<PageField>[] = [
  {
    name: 'kilobytes',
    label: 'page_calc.kilobytes',
    unitKey: 'page_calc.kilobytes_unit',
    min: 0,
    max: 1_000_000,
    step: 'any',
    hint: 'page_calc.kilobytes_hint',
  },
  { name: 'viewsPerMonth', label: 'page_calc.views', unitKey: 'page_calc.views_unit', min: 0, max: 1e12, step: 1 },
];

/** The messages the estimator writes as its numbers change (the page hands them to the browser). */
export const PAGE_TEXT_KEYS = [
  'calc.kg',
  'calc.grams',
  'page_calc.step_bytes',
  'page_calc.step_grams',
  'page_calc.step_green',
  'page_calc.step_month',
  'page_calc.step_band',
  'page_calc.band_first',
  'page_calc.band_last',
  'page_calc.band',
] as const;

/** The worked example: about the median mobile home page of the 2024 Web Almanac (2,311 KiB), viewed 100,000 times. */
export const PAGE_DEFAULTS: PageInputs = { kilobytes: 2366, viewsPerMonth: 100_000, green: false };

export interface PageResult {
  bytes: number;
  gigabytes: number;
  gramsPerView: number;
  gramsPerMonth: number;
  rating: SwdRating;
}

export function pageEmissions(inputs: PageInputs): PageResult {
  const bytes = Math.round(inputs.kilobytes * 1000);
  const estimate = swdV4.perByte(bytes, inputs.green);
  // CO2.js returns a bare 0 (no rating) below one byte; an empty page is in the best band.
  const gramsPerView = typeof estimate === 'number' ? estimate : estimate.total;
  const rating = typeof estimate === 'number' ? 'A+' : (estimate.rating ?? ratingFor(gramsPerView));
  return {
    bytes,
    gigabytes: bytes / SWD_V4.bytesPerGigabyte,
    gramsPerView,
    gramsPerMonth: gramsPerView * inputs.viewsPerMonth,
    rating,
  };
}

/** The range of grams per view a rating band covers. */
export function bandRange(rating: SwdRating, text: PageText): string {
  const index = SWD_V4_BANDS.findIndex((band) => band.rating === rating);
  const band = SWD_V4_BANDS[index]!;
  const below = SWD_V4_BANDS[index - 1];
  const max = formatNumber(band.max, 3, text.locale);
  if (!below) return say(text, 'band_first', { max });
  const min = formatNumber(below.max, 3, text.locale);
  return say(text, band.max === Infinity ? 'band_last' : 'band', { min, max });
}

/**
 * A calculator total with its unit: grams of CO2e, or kilograms from 1,000 g up. Not the guide
 * footer's per-view figure (`formatGrams` in src/lib/carbon.ts), which goes down to milligrams.
 */
export function formatGramsCO2e(grams: number, text: PageText): string {
  return grams >= 1000
    ? say(text, 'kg', { kg: formatNumber(grams / 1000, 2, text.locale) })
    : say(text, 'grams', { grams: formatQuantity(grams, 3, text.locale) });
}

/** The arithmetic with the reader's numbers, each step ending in its result, in the page's language (PAGE_TEXT_KEYS). */
export function pageSteps(inputs: PageInputs, text: PageText, result = pageEmissions(inputs)): string[] {
  const n = (value: number, digits?: number) => formatNumber(value, digits, text.locale);
  const q = (value: number, significant?: number) => formatQuantity(value, significant, text.locale);
  const kwhPerGb = inputs.green
    ? `(${n(SWD_V4_KWH_PER_GB, 3)} − ${n(SWD_V4.operational.dataCentre, 3)}) kWh/GB`
    : `${n(SWD_V4_KWH_PER_GB, 3)} kWh/GB`;
  const gb = q(result.gigabytes, 4);
  return [
    say(text, 'step_bytes', { kb: n(inputs.kilobytes), thousand: n(1000), bytes: n(result.bytes, 0), gb }),
    say(text, 'step_grams', { gb, kwhPerGb, intensity: n(SWD_V4.gridIntensity), grams: q(result.gramsPerView, 4) }) +
      (inputs.green ? say(text, 'step_green') : ''),
    say(text, 'step_month', {
      grams: q(result.gramsPerView, 4),
      views: n(inputs.viewsPerMonth, 0),
      total: formatGramsCO2e(result.gramsPerMonth, text),
    }),
    say(text, 'step_band', {
      grams: q(result.gramsPerView),
      rating: result.rating,
      range: bandRange(result.rating, text),
    }),
  ];
}
