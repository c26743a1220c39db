/**
 * Shiki colours code with inline `style` attributes (`--shiki-light:#D73A49;--shiki-dark:#F47067`),
 * which a strict Content-Security-Policy blocks unless `style-src` allows 'unsafe-inline' for
 * every page. Instead, each declaration becomes a class named after its value (`sl-d73a49`), and
 * one small stylesheet, generated from the configured themes' palettes, defines every such class.
 * The mapping is pure and deterministic, so cached renders and fresh ones always agree.
 * Used by rehype-code-classes (render) and src/integrations/code-colours/index.ts (the stylesheet).
 */

/** Theme keys as Shiki writes them in `--shiki-<key>`, and the short class prefix of each. */
const THEME_PREFIX: Record<string, string> = { light: 'sl', dark: 'sd' };
const PROPERTY_SUFFIX: Record<string, string> = {
  '': '',
  '-bg': 'b',
  '-font-style': '-fs',
  '-font-weight': '-fw',
  '-text-decoration': '-td',
};
/** Values Shiki writes for font styles (theme `fontStyle` "italic", "bold", "underline", "strikethrough"). */
const FONT_VALUES: Record<string, readonly string[]> = {
  '-font-style': ['italic', 'normal', 'inherit'],
  '-font-weight': ['bold', 'normal', 'inherit'],
  '-text-decoration': ['underline', 'line-through', 'underline line-through', 'none', 'inherit'],
};
/** Declarations Shiki adds that the site's stylesheet already provides. */
const PROVIDED_BY_CSS = new Set(['overflow-x:auto']);
/** Fixed declarations Astro's Shiki setup writes (diff markers, `wrap`), each with its class. */
const FIXED_CLASSES: Record<string, string> = {
  'user-select:none': 's-noselect',
  'white-space:pre-wrap': 's-prewrap',
  'word-wrap:break-word': 's-breakword',
};

const DECLARATION = /^--shiki-([a-z0-9]+?)(-bg|-font-style|-font-weight|-text-decoration)?$/;

function prefixFor(theme: string): string {
  return THEME_PREFIX[theme] ?? `s-${theme}`;
}

function valueSlug(value: string): string {
  return value
    .toLowerCase()
    .replace(/^#/, '')
    .replace(/[^a-z0-9]+/g, '-');
}

export function classFor(property: string, value: string): string | undefined {
  const match = DECLARATION.exec(property);
  if (!match?.[1]) return undefined;
  const suffix = PROPERTY_SUFFIX[match[2] ?? ''];
  return `${prefixFor(match[1])}${suffix}-${valueSlug(value)}`;
}

/**
 * The classes that replace one Shiki `style` attribute. Throws on a declaration it cannot map,
 * naming it: that means a Shiki option or transformer added styling this file must learn.
 */
export function shikiStyleToClasses(style: string): string[] {
  const classes: string[] = [];
  for (const declaration of style.split(';')) {
    const colon = declaration.indexOf(':');
    if (colon < 0) {
      if (declaration.trim()) throw new Error(`Unexpected Shiki style "${declaration.trim()}"`);
      continue;
    }
    const property = declaration.slice(0, colon).trim();
    const value = declaration.slice(colon + 1).trim();
    if (PROVIDED_BY_CSS.has(`${property}:${value}`)) continue;
    const name = FIXED_CLASSES[`${property}:${value}`] ?? classFor(property, value);
    if (!name) {
      throw new Error(
        `Unexpected Shiki style declaration "${property}: ${value}": teach src/markdown/code-classes.ts to turn it into a class (inline styles are blocked by the Content-Security-Policy)`,
      );
    }
    classes.push(name);
  }
  return classes;
}

/** The parts of a Shiki theme this file reads. */
export interface ThemePalette {
  colors?: Record<string, string>;
  tokenColors?: unknown;
  fg?: string;
  bg?: string;
}

const HEX = /#[0-9a-f]{3,8}\b/gi;

/** Every colour a theme can give a token or a block, lower-cased. */
export function themeColours(theme: ThemePalette): { foreground: string[]; background: string[] } {
  const foreground = new Set((JSON.stringify(theme.tokenColors ?? []).match(HEX) ?? []).map((c) => c.toLowerCase()));
  const fg = theme.fg ?? theme.colors?.['editor.foreground'];
  const bg = theme.bg ?? theme.colors?.['editor.background'];
  if (fg) foreground.add(fg.toLowerCase());
  return { foreground: [...foreground].sort(), background: bg ? [bg.toLowerCase()] : [] };
}

type Rgb = [number, number, number];

function parseHex(colour: string): Rgb | undefined {
  const hex = colour.replace(/^#/, '');
  const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex;
  if (!/^[0-9a-f]{6}$/i.test(full)) return undefined;
  return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as Rgb;
}

const toHex = (rgb: Rgb) => `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;

/** WCAG 2 relative luminance. */
function luminance([r, g, b]: Rgb): number {
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** WCAG 2 contrast ratio of two colours. */
export function contrastRatio(a: string, b: string): number {
  const la = luminance(parseHex(a) ?? [0, 0, 0]);
  const lb = luminance(parseHex(b) ?? [255, 255, 255]);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** Code text must reach WCAG AA against its block's background. */
export const MIN_CODE_CONTRAST = 4.5;

/**
 * `colour`, or the nearest shade of it (mixed towards black on a light background, white on a
 * dark one, in 2% steps) that reaches AA contrast on `background`. Some theme colours do not
 * (github-light's orange is 3.5:1 on white); readers need them to.
 */
export function readableOn(colour: string, background: string): string {
  const fg = parseHex(colour);
  const bg = parseHex(background);
  if (!fg || !bg) return colour;
  const target: Rgb = luminance(bg) > 0.5 ? [0, 0, 0] : [255, 255, 255];
  for (let step = 0; step <= 50; step++) {
    const t = step / 50;
    const mixed = fg.map((c, i) => c + ((target[i] ?? 0) - c) * t) as Rgb;
    const hex = toHex(mixed);
    if (contrastRatio(hex, background) >= MIN_CODE_CONTRAST) return step === 0 ? colour : hex;
  }
  return toHex(target);
}

/**
 * The stylesheet that defines every class `shikiStyleToClasses` can produce for these themes,
 * in the `prose` layer. `themes` maps Shiki's theme keys (`light`, `dark`) to theme objects.
 * Class names keep the theme's colour; the value is that colour made readable on the theme's
 * background where it is not (see `readableOn`).
 */
export function codeClassesCss(themes: Record<string, ThemePalette>): string {
  const rules: string[] = [
    '.astro-code{overflow-x:auto}',
    ...Object.entries(FIXED_CLASSES).map(([declaration, name]) => `.${name}{${declaration}}`),
  ];
  for (const [key, theme] of Object.entries(themes).sort(([a], [b]) => a.localeCompare(b))) {
    const { foreground, background } = themeColours(theme);
    const bg = background[0] ?? (key === 'dark' ? '#000000' : '#ffffff');
    for (const colour of foreground) {
      rules.push(`.${classFor(`--shiki-${key}`, colour)}{--shiki-${key}:${readableOn(colour, bg)}}`);
    }
    for (const colour of background) {
      rules.push(`.${classFor(`--shiki-${key}-bg`, colour)}{--shiki-${key}-bg:${colour}}`);
    }
    for (const [suffix, values] of Object.entries(FONT_VALUES)) {
      for (const value of values) {
        rules.push(`.${classFor(`--shiki-${key}${suffix}`, value)}{--shiki-${key}${suffix}:${value}}`);
      }
    }
  }
  return `/* Generated from the Shiki themes by src/integrations/code-colours/index.ts. */\n@layer prose{${rules.join('\n')}}\n`;
}
