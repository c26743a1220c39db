/**
 * The closed vocabulary of difficulty levels, in reading order. The schema's enum, the listing
 * order, the facet order and the JSON-LD educationalLevel all come from this one module.
 */
export const DIFFICULTIES = ['beginner', 'intermediate', 'advanced'] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];

export const DIFFICULTY_LABELS: Record<Difficulty, string> = {
  beginner: 'Beginner',
  intermediate: 'Intermediate',
  advanced: 'Advanced',
};

export const DIFFICULTY_BLURBS: Record<Difficulty, string> = {
  beginner: 'No background needed: the ideas, the vocabulary and the first steps.',
  intermediate: 'For practitioners ready to measure, change and compare their own systems.',
  advanced: 'Methods, standards and trade-offs for people who own the numbers.',
};

export function isDifficulty(value: unknown): value is Difficulty {
  return typeof value === 'string' && (DIFFICULTIES as readonly string[]).includes(value);
}
