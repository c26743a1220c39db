/**
 * HTML entities left escaped. In the body, Markdown decodes `&amp;` once, so `&amp;amp;` (text
 * escaped twice by an export tool) shows readers a literal `&amp;`; the repair drops one level.
 * In front matter nothing decodes entities at all, so `title: Tom &amp; Jerry` shows `&amp;`;
 * the repair writes the character itself, and is kept only when the YAML still reads as the
 * decoded value (a `"` inside a double-quoted string would not). Code is never touched. Pure.
 */
import { decodeNamedCharacterReference } from 'decode-named-character-reference';

const ENTITY = '(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31})';
const DOUBLE_ESCAPED = new RegExp(`&amp;${ENTITY};`, 'g');
const ESCAPED = new RegExp(`&${ENTITY};`, 'g');

/** The character(s) an entity name stands for, or `undefined` when it is no entity. */
export function decodeEntity(name: string): string | undefined {
  if (name.startsWith('#')) {
    const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return undefined;
    return String.fromCodePoint(code);
  }
  const decoded = decodeNamedCharacterReference(name);
  return decoded === false ? undefined : decoded;
}

export interface EntityFinding {
  start: number;
  end: number;
  found: string;
  /** What the text should say instead. */
  repair: string;
  /** What a reader sees now. */
  shows: string;
}

const inside = (ranges: readonly [number, number][], start: number, end: number) =>
  ranges.some(([from, to]) => start >= from && end <= to);

/** `&amp;amp;`-style entities in body text, outside code. Offsets are in `text`. */
export function findDoubleEscapedEntities(
  text: string,
  from: number,
  to: number,
  codeRanges: readonly [number, number][],
): EntityFinding[] {
  const out: EntityFinding[] = [];
  const region = text.slice(from, to);
  for (const match of region.matchAll(DOUBLE_ESCAPED)) {
    const start = from + (match.index ?? 0);
    const end = start + match[0].length;
    const name = match[1] as string;
    if (inside(codeRanges, start, end) || decodeEntity(name) === undefined) continue;
    out.push({ start, end, found: match[0], repair: `&${name};`, shows: `&${name};` });
  }
  return out;
}

/** Entities in one front-matter string value: each, with the character it stands for. */
export function entitiesInValue(value: string): { found: string; decoded: string }[] {
  const out: { found: string; decoded: string }[] = [];
  for (const match of value.matchAll(ESCAPED)) {
    const decoded = decodeEntity(match[1] as string);
    if (decoded !== undefined) out.push({ found: match[0], decoded });
  }
  return out;
}

/** A text with every entity decoded: a front-matter value, or the raw YAML (the caller verifies the result). */
export function decodeEntitiesIn(value: string): string {
  return value.replace(ESCAPED, (whole, name: string) => decodeEntity(name) ?? whole);
}
