/**
 * The AI training emissions estimate: accelerators × power draw × hours × utilisation gives the
 * energy the accelerators draw; × PUE adds the data centre's overhead; × grid intensity turns the
 * energy into emissions. Pure; shared by the server's worked example and the browser's
 * <training-calculator>, so both spell out the very same arithmetic.
 */
import type { NumberField } from './fields';
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

export const TRAINING_FIELDS: readonly NumberField<TrainingField>[] = [
  { name: 'accelerators', label: 'Accelerators (GPUs or TPUs)', min: 1, max: 1_000_000, step: 1 },
  {
    name: 'powerWatts',
    label: 'Power draw per accelerator',
    unit: 'W',
    min: 1,
    max: 5_000,
    step: 'any',
    hint: 'Board power at full load, from the data sheet.',
  },
  { name: 'hours', label: 'Run time', unit: 'hours', min: 0, max: 100_000, step: 'any' },
  {
    name: 'utilisationPercent',
    label: 'Average utilisation',
    unit: '% of the power draw',
    min: 0,
    max: 100,
    step: 'any',
  },
  {
    name: 'pue',
    label: 'Data-centre PUE',
    min: 1,
    max: 5,
    step: 'any',
    hint: '1.0 means every watt reaches the IT equipment; 1.1 to 1.6 is typical.',
  },
  { name: 'intensity', label: 'Grid carbon intensity', unit: 'gCO2e/kWh', min: 0, max: 2_000, step: 'any' },
];

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
export function formatKg(kg: number): string {
  const text = `${formatNumber(kg)} kg CO2e`;
  return kg >= 1000 ? `${text} (${formatNumber(kg / 1000)} t)` : text;
}

/** The three steps of the arithmetic with the reader's numbers, each ending in its result. */
export function trainingSteps(
  inputs: TrainingInputs,
  result = trainingEmissions(inputs),
  gridLabel?: string,
): string[] {
  const n = inputs.accelerators;
  const grid = gridLabel ? ` (${gridLabel})` : '';
  return [
    `${formatNumber(n, 0)} ${n === 1 ? 'accelerator' : 'accelerators'} × ${formatNumber(inputs.powerWatts)} W × ` +
      `${formatNumber(inputs.hours)} h × ${formatPercent(inputs.utilisationPercent / 100)} ÷ 1,000 = ` +
      `${formatNumber(result.acceleratorKwh)} kWh drawn by the accelerators`,
    `${formatNumber(result.acceleratorKwh)} kWh × PUE ${formatNumber(inputs.pue)} = ` +
      `${formatNumber(result.facilityKwh)} kWh from the grid`,
    `${formatNumber(result.facilityKwh)} kWh × ${formatNumber(inputs.intensity)} gCO2e/kWh${grid} ÷ 1,000 = ` +
      formatKg(result.kgCO2e),
  ];
}
