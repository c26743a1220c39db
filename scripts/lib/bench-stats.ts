/** Medians for `npm run bench`: the median run of a benchmark, field by field. Pure. */

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : Math.round(((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2);
}

/**
 * The median of every numeric field of `items`, recursively through plain objects; any other
 * field (a string, a list) is taken from the first item. Runs have one shape, so fields line up.
 */
export function medianOf<T>(items: readonly T[]): T {
  const first = items[0];
  if (typeof first === 'number') return median(items as readonly number[]) as T;
  if (first && typeof first === 'object' && !Array.isArray(first)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(first)) {
      out[key] = medianOf(items.map((item) => (item as Record<string, unknown>)[key]));
    }
    return out as T;
  }
  return first as T;
}
