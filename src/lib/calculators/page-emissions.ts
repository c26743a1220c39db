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

export const PAGE_FIELDS: readonly NumberField<PageField>[] = [
  {
    name: 'kilobytes',
    label: 'Page weight',
    unit: 'kB per view',
    min: 0,
    max: 1_000_000,
    step: 'any',
    hint: 'The transfer size of one uncached view, as the browser’s Network panel shows it (1 kB = 1,000 bytes).',
  },
  { name: 'viewsPerMonth', label: 'Page views', unit: 'per month', min: 0, max: 1e12, step: 1 },
];

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
export function bandRange(rating: SwdRating): string {
  const index = SWD_V4_BANDS.findIndex((band) => band.rating === rating);
  const band = SWD_V4_BANDS[index]!;
  const below = SWD_V4_BANDS[index - 1];
  if (!below) return `${formatNumber(band.max, 3)} g or less`;
  if (band.max === Infinity) return `more than ${formatNumber(below.max, 3)} g`;
  return `more than ${formatNumber(below.max, 3)} g, up to ${formatNumber(band.max, 3)} g`;
}

/**
 * A calculator total with its unit: grams of CO2e, or kilograms from 1,000 g up. Not the guide
 * footer's per-view figure (`formatGrams` in src/lib/carbon.ts), which goes down to milligrams.
 */
export function formatGramsCO2e(grams: number): string {
  return grams >= 1000 ? `${formatNumber(grams / 1000)} kg CO2e` : `${formatQuantity(grams)} g CO2e`;
}

/** The arithmetic with the reader's numbers, each step ending in its result. */
export function pageSteps(inputs: PageInputs, result = pageEmissions(inputs)): string[] {
  const kwhPerGb = inputs.green
    ? `(${formatNumber(SWD_V4_KWH_PER_GB, 3)} − ${formatNumber(SWD_V4.operational.dataCentre, 3)}) kWh/GB`
    : `${formatNumber(SWD_V4_KWH_PER_GB, 3)} kWh/GB`;
  return [
    `${formatNumber(inputs.kilobytes)} kB × 1,000 = ${formatNumber(result.bytes, 0)} bytes = ` +
      `${formatQuantity(result.gigabytes, 4)} GB per view`,
    `${formatQuantity(result.gigabytes, 4)} GB × ${kwhPerGb} × ${formatNumber(SWD_V4.gridIntensity)} gCO2e/kWh = ` +
      `${formatQuantity(result.gramsPerView, 4)} g CO2e per view` +
      (inputs.green ? ' (green hosting: the data centres’ operational energy counts as zero-carbon)' : ''),
    `${formatQuantity(result.gramsPerView, 4)} g × ${formatNumber(inputs.viewsPerMonth, 0)} views = ` +
      `${formatGramsCO2e(result.gramsPerMonth)} per month`,
    `${formatQuantity(result.gramsPerView)} g per view is in SWD rating band ${result.rating} (${bandRange(result.rating)} per view)`,
  ];
}
