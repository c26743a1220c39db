/**
 * Preset grid carbon intensities for the calculators: one source, one year, one method, so the
 * regions compare like with like. Shared by the server render and the browser.
 *
 * Ember's yearly electricity data gives each country's annual average emissions intensity of
 * electricity generation in gCO2e/kWh, counting life-cycle emissions (upstream methane, supply
 * chain and manufacturing as well as combustion) of the country's own generation mix, imports
 * excluded. The values below are the 2024 figures, as Ember published them in 2025, rounded to
 * the nearest gram. Ember revises recent years as better data arrive; check its data explorer
 * before quoting a figure elsewhere.
 */

export interface GridRegion {
  /** Stable key for `<option value>` and props. */
  id: string;
  // What the reader sees is the interface text `regions.<id>` (src/i18n/<code>.yaml).
  /** Annual average, gCO2e per kWh. */
  intensity: number;
  year: number;
}

/** Its name and note are interface text (`training.source_name`, `training.source_note`). */
export const GRID_SOURCE = {
  url: 'https://ember-energy.org/data/yearly-electricity-data/',
  year: 2024,
} as const;

export const GRID_REGIONS: readonly GridRegion[] = [
  { id: 'world', intensity: 473, year: 2024 },
  { id: 'norway', intensity: 31, year: 2024 },
  { id: 'sweden', intensity: 36, year: 2024 },
  { id: 'france', intensity: 44, year: 2024 },
  { id: 'brazil', intensity: 103, year: 2024 },
  { id: 'canada', intensity: 175, year: 2024 },
  { id: 'uk', intensity: 211, year: 2024 },
  { id: 'eu', intensity: 213, year: 2024 },
  { id: 'ireland', intensity: 280, year: 2024 },
  { id: 'germany', intensity: 344, year: 2024 },
  { id: 'usa', intensity: 384, year: 2024 },
  { id: 'japan', intensity: 482, year: 2024 },
  { id: 'singapore', intensity: 499, year: 2024 },
  { id: 'australia', intensity: 552, year: 2024 },
  { id: 'china', intensity: 560, year: 2024 },
  { id: 'poland', intensity: 615, year: 2024 },
  { id: 'india', intensity: 708, year: 2024 },
];

export function gridRegion(id: string): GridRegion | undefined {
  return GRID_REGIONS.find((region) => region.id === id);
}

/** The region whose preset equals `intensity`, if any: a typed value that matches a preset selects it. */
export function regionForIntensity(intensity: number): GridRegion | undefined {
  return GRID_REGIONS.find((region) => region.intensity === intensity);
}
