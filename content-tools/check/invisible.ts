/**
 * Characters a reader cannot see: controls, zero-width and bidirectional formatting characters,
 * stray byte-order marks, and U+FFFD, which stands where a decoder lost text. Controls, bidi
 * overrides (they reorder what readers see against what the source says) and U+FFFD are errors;
 * the zero-width family is a warning, and a zero-width joiner inside an emoji sequence or a
 * script that needs it is left alone. Pure.
 */
import type { Severity } from '../../src/schemas/errors';

export interface InvisibleFinding {
  start: number;
  char: string;
  name: string;
  severity: Severity;
}

const NAMES: Record<number, string> = {
  0x00ad: 'soft hyphen',
  0x200b: 'zero-width space',
  0x200c: 'zero-width non-joiner',
  0x200d: 'zero-width joiner',
  0x200e: 'left-to-right mark',
  0x200f: 'right-to-left mark',
  0x2028: 'line separator',
  0x2029: 'paragraph separator',
  0x202a: 'left-to-right embedding',
  0x202b: 'right-to-left embedding',
  0x202c: 'pop directional formatting',
  0x202d: 'left-to-right override',
  0x202e: 'right-to-left override',
  0x2060: 'word joiner',
  0x2066: 'left-to-right isolate',
  0x2067: 'right-to-left isolate',
  0x2068: 'first strong isolate',
  0x2069: 'pop directional isolate',
  0xfeff: 'byte-order mark',
  0xfffd: 'replacement character: the decoder that wrote this file lost a character here',
};

const CANDIDATES =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u200B-\u200F\u2028-\u202E\u2060\u2066-\u2069\uFEFF\uFFFD]/g;
/** Neighbours that make a joiner meaningful: emoji, and scripts that shape letters with it. */
const JOINS =
  /[\p{Extended_Pictographic}\p{Emoji_Modifier}\uFE0F\p{sc=Arabic}\p{sc=Devanagari}\p{sc=Bengali}\p{sc=Tamil}\p{sc=Malayalam}\p{sc=Sinhala}\p{sc=Syriac}]/u;

/** Code-point label such as `U+200B`. */
export function hex(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

export function findInvisibleCharacters(text: string, skip: readonly [number, number][] = []): InvisibleFinding[] {
  const out: InvisibleFinding[] = [];
  for (const match of text.matchAll(CANDIDATES)) {
    const start = match.index ?? 0;
    const char = match[0];
    const code = char.charCodeAt(0);
    if (skip.some(([from, to]) => start >= from && start < to)) continue;
    if (code === 0xfeff && start === 0) continue;
    if (code === 0x200c || code === 0x200d) {
      const around = `${text.slice(Math.max(0, start - 2), start)}${text.slice(start + 1, start + 3)}`;
      if (JOINS.test(around)) continue;
    }
    const control = code < 0x20 || (code >= 0x7f && code <= 0x9f);
    const name = control ? 'control character' : (NAMES[code] ?? 'invisible character');
    const severity: Severity =
      control || code === 0xfffd || (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069)
        ? 'error'
        : 'warning';
    out.push({ start, char, name, severity });
  }
  return out;
}
