/** Display formats. Always in UTC, so builds in different time zones give identical pages. */

const LONG_DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

export function formatDate(date: Date): string {
  return LONG_DATE.format(date);
}

/** `2024-05-01`, for `<time datetime>` and feeds. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function formatMinutes(minutes: number): string {
  return `${minutes} min read`;
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
