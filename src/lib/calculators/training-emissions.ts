/**
 * The AI training emissions estimate: accelerators × power draw × hours × utilisation gives the
 * energy the accelerators draw; × PUE adds the data centre's overhead; × grid intensity turns the
 * energy into emissions. Pure; shared by the server's worked example and the browser's
 * <training-calculator>, so both spell out the very same arithmetic.
 */
import type { NumberField } from './fields';
import { say, type PageText } from '../template';
import { formatNumber, formatPercent } from './format';

export interface TrainingInputs {
  accelerators: number;
  /** Board power per accelerator at full load, in watts. */
  powerWatts: number;
  /** Wall-clock hours of the run. */
  hours: number;
  /** Average draw as a percentage of `powerWatts`. */
  utilisationPercent: number;
  /** Power usage effectiveness of the data centre (1 = no overhead). */
  pue: number;
  /** Grid carbon intensity, gCO2e per kWh. */
  intensity: number;
}

export type TrainingField = keyof TrainingInputs;

/** Labels, units and hints are interface text keys (src/i18n/<code>.yaml, `training.*`). */
export const TRAINING_FIELDS: readonly NumberField<TrainingField>[] = [
  { name: 'accelerators', label: 'training.accelerators', min: 1, max: 1_000_000, step: 1 },
  {
    name: 'powerWatts',
    label: 'training.power',
    unit: 'W',
    min: 1,
    max: 5_000,
    step: 'any',
    hint: 'training.power_hint',
  },
  { name: 'hours', label: 'training.hours', unitKey: 'training.hours_unit', min: 0, max: 100_000, step: 'any' },
  {
    name: 'utilisationPercent',
    label: 'training.utilisation',
    unitKey: 'training.utilisation_unit',
    min: 0,
    max: 100,
    step: 'any',
  },
  { name: 'pue', label: 'training.pue', min: 1, max: 5, step: 'any', hint: 'training.pue_hint' },
  { name: 'intensity', label: 'training.intensity', unit: 'gCO2e/kWh', min: 0, max: 2_000, step: 'any' },
];

/** The messages the training calculator writes as its numbers change (the page hands them to the browser). */
export const TRAINING_TEXT_KEYS = [
  'calc.kg',
  'calc.kg_tonnes',
  'training.step_drawn',
  'training.step_grid',
  'training.step_emissions',
  'training.grid_label',
] as const;

/** The worked example: 64 accelerators at 400 W for ten days at 80%, PUE 1.2, on the world-average grid. */
export const TRAINING_DEFAULTS: TrainingInputs = {
  accelerators: 64,
  powerWatts: 400,
  hours: 240,
  utilisationPercent: 80,
  pue: 1.2,
  intensity: 473,
};

export interface TrainingResult {
  /** Energy the accelerators draw, kWh. */
  acceleratorKwh: number;
  /** Energy from the grid once the data centre's overhead is added, kWh. */
  facilityKwh: number;
  /** Emissions, kg CO2e. */
  kgCO2e: number;
}

export function trainingEmissions(inputs: TrainingInputs): TrainingResult {
  const acceleratorKwh =
    (inputs.accelerators * inputs.powerWatts * inputs.hours * (inputs.utilisationPercent / 100)) / 1000;
  const facilityKwh = acceleratorKwh * inputs.pue;
  const kgCO2e = (facilityKwh * inputs.intensity) / 1000;
  return { acceleratorKwh, facilityKwh, kgCO2e };
}

/** `2,789.87 kg CO2e`, with tonnes added from one tonne up. */
export function formatKg(kg: number, text: PageText): string {
  const vars = { kg: formatNumber(kg, 2, text.locale), tonnes: formatNumber(kg / 1000, 2, text.locale) };
  return say(text, kg >= 1000 ? 'kg_tonnes' : 'kg', vars);
}

/**
 * The three steps of the arithmetic with the reader's numbers, each ending in its result, in the
 * page's language (`text`: TRAINING_TEXT_KEYS); `grid` names the preset region, if one is chosen.
 */
export function trainingSteps(
  inputs: TrainingInputs,
  text: PageText,
  result = trainingEmissions(inputs),
  grid?: { region: string; year: number },
): string[] {
  const n = (value: number, digits?: number) => formatNumber(value, digits, text.locale);
  const thousand = n(1000);
  return [
    say(text, 'step_drawn', {
      count: inputs.accelerators,
      accelerators: n(inputs.accelerators, 0),
      watts: n(inputs.powerWatts),
      hours: n(inputs.hours),
      utilisation: formatPercent(inputs.utilisationPercent / 100, text.locale),
      thousand,
      kwh: n(result.acceleratorKwh),
    }),
    say(text, 'step_grid', { kwh: n(result.acceleratorKwh), pue: n(inputs.pue), facility: n(result.facilityKwh) }),
    say(text, 'step_emissions', {
      facility: n(result.facilityKwh),
      intensity: n(inputs.intensity),
      grid: grid ? say(text, 'grid_label', grid) : '',
      thousand,
      emissions: formatKg(result.kgCO2e, text),
    }),
  ];
}
