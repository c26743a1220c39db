/**
 * WCAG 2.2 contrast between two sRGB colours written as hex (`#17603d`, `#fff`). Pure; runs
 * anywhere. Written here rather than taken from npm: no contrast package is installed, and the
 * formula is a dozen lines of the WCAG definition (relative luminance of linearised sRGB).
 */

/** The minimum contrast ratio WCAG 2.2 AA asks of normal-size text (success criterion 1.4.3). */
export const AA_TEXT = 4.5;

const HEX = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

export function isHexColour(value: string): boolean {
  return HEX.test(value);
}

/** `#abc` or `#aabbcc` as [r, g, b] in 0–255; throws on anything else. */
export function parseHex(value: string): [number, number, number] {
  if (!HEX.test(value)) throw new Error(`not a hex colour: ${value}`);
  const digits = value.length === 4 ? [...value.slice(1)].map((d) => d + d).join('') : value.slice(1);
  return [0, 2, 4].map((i) => parseInt(digits.slice(i, i + 2), 16)) as [number, number, number];
}

/** Relative luminance as WCAG defines it: 0 for black, 1 for white. */
export function relativeLuminance(hex: string): number {
  const [r, g, b] = parseHex(hex).map((channel) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The contrast ratio of two colours, from 1 (none) to 21 (black on white); order does not matter. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** A ratio as people quote it: rounded down to two decimals, so 4.499 never reads as 4.5. */
export function formatRatio(ratio: number): string {
  return `${(Math.floor(ratio * 100) / 100).toFixed(2)}:1`;
}

/** `mix(a, b, w)`: `a` with weight `w` (0–1) and `b` with the rest, channel by channel in sRGB, as hex. */
export function mixHex(a: string, b: string, weight: number): string {
  const pa = parseHex(a);
  const pb = parseHex(b);
  return `#${pa
    .map((channel, i) => Math.round(channel * weight + (pb[i] as number) * (1 - weight)))
    .map((channel) => channel.toString(16).padStart(2, '0'))
    .join('')}`;
}
