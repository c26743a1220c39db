/**
 * Finds CSS that names a physical side (left, right, top, bottom) where a logical one belongs, so a
 * page given `dir="rtl"` mirrors. A small declaration scanner, not a full CSS parser: it knows
 * comments, strings, blocks and which selectors a declaration sits under, which is all the rules
 * below need. A declaration under a selector that names a direction (`[dir='rtl'] …`, `:dir(…)`)
 * is direction-aware by construction and never reported.
 */

export interface DirectionFinding {
  /** 1-based line in the scanned source. */
  line: number;
  property: string;
  value: string;
  /** What to write instead. */
  use: string;
}

const SIDES: Record<string, string> = {
  left: 'inline-start',
  right: 'inline-end',
  top: 'block-start',
  bottom: 'block-end',
};
const CORNERS: Record<string, string> = {
  'top-left': 'start-start',
  'top-right': 'start-end',
  'bottom-left': 'end-start',
  'bottom-right': 'end-end',
};
/** Shorthands whose four values go top, right, bottom, left: only a left ≠ right pair is physical. */
const BOX_SHORTHANDS = new Set([
  'margin',
  'padding',
  'inset',
  'border-width',
  'border-style',
  'border-color',
  'scroll-margin',
  'scroll-padding',
]);

/** The logical property for a physical one: `margin-left` → `margin-inline-start`, `left` → `inset-inline-start`. */
function logicalProperty(property: string): string | undefined {
  if (property in SIDES) return `inset-${SIDES[property]}`;
  const corner = /^border-(top|bottom)-(left|right)-radius$/.exec(property);
  if (corner) return `border-${CORNERS[`${corner[1]}-${corner[2]}`]}-radius`;
  const parts = property.split('-');
  if (!parts.some((part) => part in SIDES)) return undefined;
  return parts.map((part) => SIDES[part] ?? part).join('-');
}

/** Splits a value on top-level whitespace (not inside `calc(…)` or `var(…)`). */
function splitValues(value: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of value) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (/\s/.test(ch) && depth === 0) {
      if (current) out.push(current);
      current = '';
    } else current += ch;
  }
  if (current) out.push(current);
  return out;
}

function check(property: string, value: string): string | undefined {
  const logical = logicalProperty(property);
  if (logical) return logical;
  // The value without its strings (`content: '→ left'`) and URLs.
  const bare = value.replace(/(['"])(?:\\.|(?!\1).)*\1/g, '""').replace(/url\([^)]*\)/g, 'url()');
  if (/(^|[^-\w])(left|right)([^-\w]|$)/i.test(bare)) {
    if (property === 'text-align') return 'text-align: start / end';
    if (property === 'float' || property === 'clear') return `${property}: inline-start / inline-end`;
    return 'a value that does not name left or right (or put the rule under [dir]…)';
  }
  if (/\b(translateX|translate3d|translate|scaleX)\(/.test(bare) || property === 'translate') {
    return 'a transform chosen by direction, under [dir=…] selectors';
  }
  if (BOX_SHORTHANDS.has(property)) {
    const values = splitValues(bare);
    if (values.length === 4 && values[1] !== values[3]) {
      const block = values[0] === values[2] ? values[0] : `${values[0]} ${values[2]}`;
      return `${property}-block: ${block}; ${property}-inline: ${values[3]} ${values[1]}`;
    }
  }
  if (property === 'border-radius') {
    const corners = bare.split('/').map(splitValues);
    if (corners.some((list) => new Set(list).size > 1)) return 'border-start-start-radius … border-end-end-radius';
  }
  return undefined;
}

/** Every physical-direction declaration in `css`; `firstLine` is the line the source starts on. */
export function physicalDirections(css: string, firstLine = 1): DirectionFinding[] {
  // Comments become spaces (newlines kept), so line numbers hold and no comment is read as CSS.
  const source = css.replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ' '));
  const findings: DirectionFinding[] = [];
  const selectors: string[] = [];
  let start = 0;
  let quote = '';
  let parens = 0;
  const lineAt = (index: number) => firstLine + (source.slice(0, index).match(/\n/g)?.length ?? 0);
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = '';
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '(') parens++;
    else if (ch === ')') parens--;
    else if (ch === '{') {
      selectors.push(source.slice(start, i).trim());
      start = i + 1;
    } else if ((ch === ';' && parens === 0) || ch === '}') {
      const text = source.slice(start, i);
      const colon = text.indexOf(':');
      const underDirection = selectors.some((selector) => /\[dir\b|:dir\(/.test(selector));
      if (colon > 0 && !underDirection) {
        const property = text.slice(0, colon).trim().toLowerCase();
        const value = text.slice(colon + 1).trim();
        const use = property.startsWith('--') ? undefined : check(property, value);
        if (use) findings.push({ line: lineAt(start + text.search(/\S/)), property, value, use });
      }
      if (ch === '}') selectors.pop();
      start = i + 1;
    }
  }
  return findings;
}

/** The CSS of each `<style>` block of an .astro file, with the line it starts on. */
export function styleBlocks(astro: string): { css: string; line: number }[] {
  return [...astro.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)].map((match) => {
    const offset = match.index + match[0].indexOf('>') + 1;
    return { css: match[1] ?? '', line: 1 + (astro.slice(0, offset).match(/\n/g)?.length ?? 0) };
  });
}
