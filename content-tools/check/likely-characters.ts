/**
 * Orders the characters a byte-less mojibake sequence can have been, most likely first, so the
 * first one a report names is usually right. There is no frequency table of all of Unicode to
 * hand, so the order is built from what is:
 * 1. the most used emoji, from the top of the Unicode Consortium's emoji frequency ranking
 *    (https://home.unicode.org/emoji/emoji-frequency/; only its head, which barely moved between
 *    the 2019 and 2021 editions, is kept here);
 * 2. emoji shown as emoji by default (the Emoji_Presentation property of Unicode's emoji data,
 *    which the JavaScript engine ships), faces and people (Emoticons block, Emoji_Modifier_Base)
 *    first: they dominate that same ranking;
 * 3. the typography Windows-1252 added to Latin-1 (`” „ – — … • ™`), chosen for being common;
 * 4. other emoji (text presentation by default, like 👁);
 * 5. letters, digits and punctuation of the Basic Multilingual Plane;
 * 6. symbols, and letters from the supplementary planes (mathematical alphanumerics);
 * 7. invisible characters.
 * Within a tier, code point order. Pure.
 */
import { TABLES } from './codepages';

/** In order of use: 😂 ❤️ 🤣 👍 😭 🙏 😘 🥰 😍 😊 🎉 😁 💕 🥺 😅 🔥 ☺️ 🤦 ♥️ 🤷. */
export const MOST_USED_EMOJI: readonly string[] = [
  '\u{1F602}',
  '\u2764',
  '\u{1F923}',
  '\u{1F44D}',
  '\u{1F62D}',
  '\u{1F64F}',
  '\u{1F618}',
  '\u{1F970}',
  '\u{1F60D}',
  '\u{1F60A}',
  '\u{1F389}',
  '\u{1F601}',
  '\u{1F495}',
  '\u{1F97A}',
  '\u{1F605}',
  '\u{1F525}',
  '\u263A',
  '\u{1F926}',
  '\u2665',
  '\u{1F937}',
];

const MOST_USED = new Map(MOST_USED_EMOJI.map((char, rank) => [char, rank]));

const WINDOWS_TYPOGRAPHY = new Set(
  TABLES['windows-1252'].charOf.slice(0x80, 0xa0).filter((c): c is string => c !== undefined && !/\p{L}/u.test(c)),
);

function tier(char: string): number {
  const cp = char.codePointAt(0) ?? 0;
  if (MOST_USED.has(char)) return 0;
  if (/^\p{Emoji_Presentation}$/u.test(char))
    return (cp >= 0x1f600 && cp <= 0x1f64f) || /^\p{Emoji_Modifier_Base}$/u.test(char) ? 1 : 2;
  if (WINDOWS_TYPOGRAPHY.has(char)) return 3;
  if (cp >= 0x80 && /^\p{Emoji}$/u.test(char)) return 4;
  if (/^[\p{Z}\p{C}]$/u.test(char)) return 7;
  if (cp <= 0xffff && /^[\p{L}\p{M}\p{N}\p{P}]$/u.test(char)) return 5;
  return 6;
}

/** `candidates` from most to least likely. */
export function rankCandidates(candidates: readonly string[]): string[] {
  return [...candidates]
    .map((char) => ({ char, tier: tier(char), rank: MOST_USED.get(char) ?? 0, cp: char.codePointAt(0) ?? 0 }))
    .sort((a, b) => a.tier - b.tier || a.rank - b.rank || a.cp - b.cp)
    .map((c) => c.char);
}

/**
 * Whether `char` is an emoji that U+FE0F can follow: one shown as emoji, or one whose emoji
 * form is spelled with the selector (❤️, ☺️), per the engine's Unicode emoji data.
 */
export function takesEmojiSelector(char: string): boolean {
  return /^[\p{Extended_Pictographic}\p{Emoji_Presentation}]$/u.test(char) || /^\p{RGI_Emoji}$/v.test(`${char}\uFE0F`);
}
