/**
 * The carbon-aware timeline: a job of whole hours placed on a 24-hour grid-intensity profile, its
 * emissions compared with those of the cleanest and dirtiest windows of the same length. Windows
 * stay within the day (no wrap past midnight); on ties the earliest window wins. Pure; shared by
 * the server's worked example and the browser's <carbon-window>.
 */
import type { NumberField } from './fields';
import { say, type PageText } from '../template';
import { formatHour, formatNumber } from './format';

/**
 * An illustrative day, not measured data: hourly average intensity (gCO2e/kWh, hour 0 = 00:00 to
 * 01:00) on a grid with a lot of solar power, where intensity peaks in the evening when demand is
 * high and the sun has set, and falls to its lowest around midday.
 */
export const ILLUSTRATIVE_DAY: readonly number[] = [
  260, 250, 240, 235, 240, 255, 280, 300, 280, 240, 200, 170, 155, 150, 160, 185, 230, 290, 330, 340, 320, 300, 285,
  270,
];

export interface WindowInputs {
  /** Length of the job in whole hours. */
  hours: number;
  /** Start hour, 0 to 24 − hours. */
  start: number;
  /** The job's average power draw, kW. */
  powerKw: number;
}

export type WindowField = keyof WindowInputs;

export function windowFields(dayLength = 24): readonly NumberField<WindowField>[] {
  return [
    { name: 'hours', label: 'timeline.hours', unitKey: 'timeline.hours_unit', min: 1, max: dayLength, step: 1 },
    { name: 'start', label: 'timeline.start', min: 0, max: dayLength - 1, step: 1 },
    { name: 'powerKw', label: 'timeline.power', unit: 'kW', min: 0, max: 100_000, step: 'any' },
  ];
}

/** The messages the timeline writes as its numbers change (the page hands them to the browser). */
export const WINDOW_TEXT_KEYS = [
  'calc.kg',
  'timeline.spoken',
  'timeline.step',
  'timeline.saving',
  'timeline.no_saving',
  'timeline.chosen',
  'timeline.best',
  'timeline.worst',
] as const;

/** The worked example: a four-hour, 10 kW nightly job started at midnight. */
export const WINDOW_DEFAULTS: WindowInputs = { hours: 4, start: 0, powerKw: 10 };

export interface WindowFacts {
  start: number;
  /** Exclusive end hour. */
  end: number;
  /** The hourly intensities inside the window, gCO2e/kWh. */
  intensities: number[];
  /** Emissions of the job in this window, kg CO2e. */
  kg: number;
}

export function windowAt(day: readonly number[], start: number, hours: number, powerKw: number): WindowFacts {
  const intensities = day.slice(start, start + hours);
  // Each hour: powerKw × 1 h = kWh, × g/kWh = g; / 1000 = kg.
  const grams = intensities.reduce((sum, value) => sum + value * powerKw, 0);
  return { start, end: start + hours, intensities, kg: grams / 1000 };
}

/** The latest start hour that keeps a job of `hours` inside the day. */
export function latestStart(day: readonly number[], hours: number): number {
  return Math.max(0, day.length - hours);
}

export interface WindowComparison {
  chosen: WindowFacts;
  best: WindowFacts;
  worst: WindowFacts;
  /** kg CO2e saved by moving the chosen window to the best one. */
  savingKg: number;
  /** The saving as a fraction of the chosen window's emissions (0 when it emits nothing). */
  savingFraction: number;
}

export function compareWindows(day: readonly number[], inputs: WindowInputs): WindowComparison {
  const hours = Math.min(Math.max(1, Math.round(inputs.hours)), day.length);
  const last = latestStart(day, hours);
  const start = Math.min(Math.max(0, Math.round(inputs.start)), last);
  const chosen = windowAt(day, start, hours, inputs.powerKw);
  let best = windowAt(day, 0, hours, inputs.powerKw);
  let worst = best;
  for (let s = 1; s <= last; s++) {
    const candidate = windowAt(day, s, hours, inputs.powerKw);
    if (candidate.kg < best.kg) best = candidate;
    if (candidate.kg > worst.kg) worst = candidate;
  }
  const savingKg = chosen.kg - best.kg;
  return { chosen, best, worst, savingKg, savingFraction: chosen.kg > 0 ? savingKg / chosen.kg : 0 };
}

/** `00:00–04:00`. */
export function windowLabel(window: { start: number; end: number }): string {
  return `${formatHour(window.start)}–${formatHour(window.end)}`;
}

/** `00:00 to 04:00`, as a screen reader says a window. */
export function spokenWindow(window: { start: number; end: number }, text: PageText): string {
  return say(text, 'spoken', { start: formatHour(window.start), end: formatHour(window.end) });
}

/**
 * The arithmetic with the reader's numbers, in the page's language (WINDOW_TEXT_KEYS): the
 * chosen, cleanest and dirtiest windows, then the saving.
 */
export function windowSteps(
  day: readonly number[],
  inputs: WindowInputs,
  text: PageText,
  result = compareWindows(day, inputs),
): string[] {
  const n = (value: number, digits?: number) => formatNumber(value, digits, text.locale);
  const step = (name: string, window: WindowFacts) =>
    say(text, 'step', {
      name: say(text, name),
      window: windowLabel(window),
      power: n(inputs.powerKw),
      sum: window.intensities.map((value) => n(value)).join(' + '),
      grams: n(window.kg * 1000),
      kg: n(window.kg),
    });
  const saving =
    result.savingKg > 0
      ? say(text, 'saving', {
          window: windowLabel(result.best),
          chosen: n(result.chosen.kg),
          best: n(result.best.kg),
          saving: n(result.savingKg),
          percent: n(result.savingFraction * 100, 0),
        })
      : say(text, 'no_saving');
  return [step('chosen', result.chosen), step('best', result.best), step('worst', result.worst), saving];
}
