/**
 * Machine formats, and `plural` for the tools' English messages to authors (the check, the
 * importer, the dev banner). What readers see is written in their language by ./i18n.ts.
 */

/** `2024-05-01`, for `<time datetime>` and feeds. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** ISO 8601 duration for schema.org `timeRequired`: 75 → `PT1H15M`. */
export function isoDuration(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return `PT${hours ? `${hours}H` : ''}${rest || !hours ? `${rest}M` : ''}`;
}

/** `1 guide`, `3 guides`, `0 files`; `many` for words that do not just take an s. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
