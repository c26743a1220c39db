/**
 * The closed vocabulary of difficulty levels, in reading order. The schema's enum, the listing
 * order and the facet order all come from this one module; the label and line shown for each
 * level are the site's (`difficulty` in content/site.yaml, read through ./site.ts).
 */
export const DIFFICULTIES = ['beginner', 'intermediate', 'advanced'] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];

export function isDifficulty(value: unknown): value is Difficulty {
  return typeof value === 'string' && (DIFFICULTIES as readonly string[]).includes(value);
}
