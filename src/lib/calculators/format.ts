/**
 * Number formats for the calculators, in the page's `Intl` locale (`en-GB` writes `5,898.24`,
 * `fr` writes `5 898,24`). Runs on the server (the worked example) and in the browser (the custom
 * elements), so both print the very same text for the same inputs.
 */

const formats = new Map<string, Intl.NumberFormat>();

/** `5898.24` → `5,898.24`: at most `digits` decimals, no trailing zeros. */
export function formatNumber(value: number, digits = 2, locale = 'en-GB'): string {
  const key = `${locale}/${digits}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits: digits });
    formats.set(key, format);
  }
  // Avoids "-0" when a tiny negative rounds away.
  return format.format(Object.is(value, -0) ? 0 : value);
}

/**
 * Small quantities keep `significant` significant figures (0.000592 g, not 0 g); larger ones get
 * at most two decimals.
 */
export function formatQuantity(value: number, significant = 3, locale = 'en-GB'): string {
  if (value !== 0 && Math.abs(value) < 1) {
    return new Intl.NumberFormat(locale, { maximumSignificantDigits: significant }).format(value);
  }
  return formatNumber(value, 2, locale);
}

/** `0.8` → `80%`. */
export function formatPercent(fraction: number, locale = 'en-GB'): string {
  return `${formatNumber(fraction * 100, 1, locale)}%`;
}

/** `7` → `07:00`; `24` → `24:00` (the end of the day). */
export function formatHour(hour: number): string {
  return `${String(hour).padStart(2, '0')}:00`;
}
