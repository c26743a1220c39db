/**
 * Mojibake: UTF-8 text that a tool decoded with a single-byte code page and saved again, so that
 * `’` became `â€™` and `😊` became `ðŸ˜Š` (Windows-1252), `ğŸ˜Š` (Windows-1254) or
 * `ð\u009F\u0098\u008A` (Latin-1). The damage is reversible when every byte survived: map each
 * character back to its byte, then read the bytes as UTF-8. Decoders that met a byte the page
 * does not define (0x81, 0x8D, 0x8F, 0x90, 0x9D in Windows-1252) dropped it or wrote U+FFFD; then
 * several characters fit, and we list them instead of guessing.
 *
 * Legitimate text can look like a damaged sequence (`é` and a non-breaking space before `»` read
 * as bytes E9 A0 BB), so a sequence that reverses to valid UTF-8 is only repaired on evidence,
 * judged on the damaged characters in the code page, never on the script of the repair:
 * - certain by itself: what no real text contains there, i.e. anything but a letter ending a word
 *   followed by closing punctuation (`Îµ`, `Î£`, `Ã©`, `ÐŸ`, `ä¸­`, `ðŸ˜Š` all are; `É—`,
 *   `è…”` are not), C1 controls, and U+FFFD where a byte was lost;
 * - otherwise it needs context: certain damage right beside it, a run of damaged letters of one
 *   script, or a line whose every non-ASCII character is damage;
 * - a doubtful one among letters of its own script is reported as possibly damaged, never repaired.
 * Where a byte was lost, the candidates are ordered by likelihood (./likely-characters.ts), and
 * `ï¸` after an emoji is repaired as U+FE0F, the only candidate an emoji takes.
 * Text garbled twice takes a second pass, which only looks at what the first pass wrote and only
 * accepts damage certain by itself, so good text next to a repair is never second-guessed.
 * Pure; runs anywhere.
 */
import { CODE_PAGE_NAMES, HIGH_BYTE_OF, TABLES, type CodePage } from './codepages';
import { rankCandidates, takesEmojiSelector } from './likely-characters';

export interface MojibakeFinding {
  start: number;
  end: number;
  /** The text as it is in the file. */
  damaged: string;
  /** The code pages that produce exactly this damage. */
  pages: CodePage[];
  /**
   * `repair`: reverses exactly and is repaired; `possible`: reverses exactly but without enough
   * evidence to touch it; `lost-byte`: a byte was dropped or replaced, `candidates` lists what fits.
   */
  kind: 'repair' | 'possible' | 'lost-byte';
  /** Whether the sequence is damage by itself (`certain`) or was judged by its neighbours (`context`). */
  evidence: 'certain' | 'context';
  /** The original character, for `repair` and `possible`. */
  original?: string;
  /** Every character the damaged text can have been, most likely first, for `lost-byte`. */
  candidates?: string[];
  /** For a `repair` of a lost byte: how the context decided it. */
  inferred?: string;
}

// `ignoreBOM`: a byte-order mark inside the text is a character to restore, not a header to drop.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The one code point that `bytes` encode in strict UTF-8 (no overlongs, no surrogates), if any. */
export function decodeUtf8Char(bytes: readonly number[]): string | undefined {
  let text: string;
  try {
    text = utf8.decode(new Uint8Array(bytes));
  } catch {
    return undefined;
  }
  const chars = [...text];
  if (chars.length !== 1) return undefined;
  const char = chars[0] as string;
  // Controls, unassigned code points, private use and lone surrogates are never what was meant.
  return /[\p{Cc}\p{Cn}\p{Co}\p{Cs}]/u.test(char) ? undefined : char;
}

function sequenceLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

const isContinuation = (byte: number) => byte >= 0x80 && byte <= 0xbf;

/**
 * What real text puts right after the last letter of a word: closing quotes and guillemets (`»`
 * and `«` close in German), ellipsis, dashes, no-break and soft hyphen, marks and footnote digits.
 * Every other byte of 0x80–0xBF reads as a symbol (`£ ´ µ ± ¡ ©`), a letter (`š œ ª`) or a
 * control, which no Western word is followed by.
 */
const TRAILERS = new Set([...'’‘”“»«›‹…–—\u00a0\u00ad™®¹²³']);
/** Of those, what may follow another one (`…”`, `’»`, `\u00a0»`). */
const CLOSERS = new Set([...'’‘”“»«›‹…–—']);
/** Of those, what may be followed directly by a letter or digit (`CAFÉ’S`, `ÉTÉ—and`). */
const BEFORE_WORD = new Set([...'’–—\u00a0\u00ad']);
/**
 * Letters that are words by themselves (`“É”`, `è…`, `Ö`), so may stand alone before a trailer.
 * Not `Å`: `Å’` and `Å“` are how `Œ` and `œ` garble, far more common than a quoted Swedish river.
 */
const ONE_LETTER_WORDS = new Set([...'ÈÉÓÔÖàèéóô']);

const isUpper = (char: string) => char !== char.toLowerCase();
const isLower = (char: string) => char !== char.toUpperCase();

/**
 * Whether a sequence that reverses to valid UTF-8 could also be what the author wrote in the code
 * page: a letter ending a word (after a letter of matching case, or a one-letter word), followed
 * only by trailers, and then by what may follow them. Everything else is damage by itself. The
 * test is about the damaged characters and their neighbours alone, never about the script of the
 * repair, so Greek, Cyrillic, CJK and emoji are decided alike.
 */
function readsAsText(text: string, start: number, end: number): boolean {
  const chars = [...text.slice(start, end)];
  const [lead, ...rest] = chars;
  if (lead === undefined || rest.length === 0 || !isLetter(lead)) return false;
  const before = charBefore(text, start);
  if (isLetter(before)) {
    // A capital never follows a small letter within a word (`cÅ“ur` is `cœur` damaged).
    if (isUpper(lead) && isLower(before as string)) return false;
  } else if (!ONE_LETTER_WORDS.has(lead)) return false;
  for (const [index, char] of rest.entries()) {
    if (!TRAILERS.has(char)) return false;
    if (index > 0 && !CLOSERS.has(char)) return false;
  }
  const after = [...text.slice(end, end + 2)][0];
  if (after !== undefined && /^[\p{L}\p{N}]$/u.test(after) && !BEFORE_WORD.has(rest[rest.length - 1] as string))
    return false;
  return true;
}

function charBefore(text: string, index: number): string | undefined {
  if (index === 0) return undefined;
  const low = text.charCodeAt(index - 1);
  const from = low >= 0xdc00 && low <= 0xdfff && index >= 2 ? index - 2 : index - 1;
  return String.fromCodePoint(text.codePointAt(from) ?? 0);
}

/** Sequences that are damage beyond reasonable doubt (see the file comment). */
function certainByItself(text: string, start: number, end: number): boolean {
  const damaged = text.slice(start, end);
  // Text never holds C1 controls: they are Latin-1's (or a WHATWG decoder's) reading of 0x80–0x9F.
  if (/[\u0080-\u009f\uFFFD]/.test(damaged)) return true;
  return !readsAsText(text, start, end);
}

const SCRIPTS = [
  'Latin',
  'Greek',
  'Cyrillic',
  'Armenian',
  'Hebrew',
  'Arabic',
  'Syriac',
  'Thaana',
  'Devanagari',
  'Bengali',
  'Tamil',
  'Thai',
  'Georgian',
  'Hangul',
  'Hiragana',
  'Katakana',
  'Han',
].map((name) => ({ name, test: new RegExp(`^\\p{sc=${name}}$`, 'u') }));

function scriptOf(char: string): string | undefined {
  return SCRIPTS.find((s) => s.test.test(char))?.name;
}

const isLetter = (char: string | undefined) => char !== undefined && /^[\p{L}\p{M}]$/u.test(char);

/** Chinese and Japanese mix their scripts within one word. */
function sameScript(a: string | undefined, b: string | undefined): boolean {
  if (a === b) return true;
  const cjk = new Set(['Han', 'Hiragana', 'Katakana']);
  return a !== undefined && b !== undefined && cjk.has(a) && cjk.has(b);
}

interface Scanned {
  start: number;
  end: number;
  /** Bytes for the characters found; `undefined` where a U+FFFD stands for a lost byte. */
  bytes: (number | undefined)[];
  /** How many continuation bytes are missing outright (dropped by the decoder). */
  dropped: number;
  pages: CodePage[];
}

/** Reads one damaged sequence starting at `i`, if the character there can be a UTF-8 lead byte. */
function scanSequence(text: string, i: number): Scanned | undefined {
  const leadInfo = HIGH_BYTE_OF.get(text[i] as string);
  if (!leadInfo) return undefined;
  const length = sequenceLength(leadInfo.byte);
  if (length === 0) return undefined;
  let pages = [...leadInfo.pages];
  const bytes: (number | undefined)[] = [leadInfo.byte];
  let j = i + 1;
  while (bytes.length < length && j < text.length) {
    const char = text[j] as string;
    if (char === '\uFFFD') {
      bytes.push(undefined);
      j++;
      continue;
    }
    const info = HIGH_BYTE_OF.get(char);
    if (!info || !isContinuation(info.byte)) break;
    const shared = pages.filter((p) => info.pages.includes(p));
    if (shared.length === 0) break;
    pages = shared;
    bytes.push(info.byte);
    j++;
  }
  const dropped = length - bytes.length;
  return { start: i, end: j, bytes, dropped, pages };
}

/** Every character that fills the lost bytes of a sequence with bytes its pages leave undefined. */
function lostByteCandidates(scanned: Scanned): string[] {
  const fillers = [...new Set(scanned.pages.flatMap((p) => TABLES[p].undefinedBytes))].sort((a, b) => a - b);
  if (fillers.length === 0) return [];
  // Where the dropped bytes were is unknown: try every position after the lead.
  let shapes: (number | undefined)[][] = [scanned.bytes];
  for (let n = 0; n < scanned.dropped; n++) {
    const next: (number | undefined)[][] = [];
    for (const shape of shapes) {
      for (let at = 1; at <= shape.length; at++) next.push([...shape.slice(0, at), undefined, ...shape.slice(at)]);
    }
    shapes = next;
  }
  const found = new Set<string>();
  const fill = (shape: (number | undefined)[], index: number, acc: number[]) => {
    if (index === shape.length) {
      const char = decodeUtf8Char(acc);
      if (char) found.add(char);
      return;
    }
    const byte = shape[index];
    if (byte !== undefined) return fill(shape, index + 1, [...acc, byte]);
    for (const filler of fillers) fill(shape, index + 1, [...acc, filler]);
  };
  for (const shape of shapes) fill(shape, 0, []);
  return rankCandidates([...found]);
}

interface Raw {
  scanned: Scanned;
  original?: string;
  candidates?: string[];
  certain: boolean;
}

const EMOJI_SELECTOR = '\uFE0F';

/** Finds every damaged sequence in `text` and decides which are repaired. */
export function findMojibake(text: string): MojibakeFinding[] {
  const raws: Raw[] = [];
  for (let i = 0; i < text.length; i++) {
    const scanned = scanSequence(text, i);
    if (!scanned) continue;
    const lost = scanned.dropped + scanned.bytes.filter((b) => b === undefined).length;
    const found = scanned.bytes.length - 1 - scanned.bytes.filter((b) => b === undefined).length;
    if (lost === 0) {
      const original = decodeUtf8Char(scanned.bytes as number[]);
      if (!original) continue;
      raws.push({ scanned, original, certain: certainByItself(text, i, scanned.end) });
      i = scanned.end - 1;
    } else {
      // A lone lead with its only continuation dropped is indistinguishable from ordinary text
      // ("NÃO"): only a U+FFFD in its place, or a surviving continuation, makes it a finding.
      const hasMarker = scanned.bytes.includes(undefined);
      if (!hasMarker && found === 0) continue;
      if (lost > 2 || !scanned.pages.some((p) => TABLES[p].undefinedBytes.length > 0)) continue;
      const candidates = lostByteCandidates(scanned);
      if (candidates.length === 0) continue;
      raws.push({ scanned, candidates, certain: certainByItself(text, i, scanned.end) });
      i = scanned.end - 1;
    }
  }

  const wholeLines = linesGarbledWhole(text, raws);
  const findings: MojibakeFinding[] = [];
  for (let index = 0; index < raws.length; index++) {
    const raw = raws[index] as Raw;
    const { scanned } = raw;
    const base = {
      start: scanned.start,
      end: scanned.end,
      damaged: text.slice(scanned.start, scanned.end),
      pages: scanned.pages,
      evidence: raw.certain ? ('certain' as const) : ('context' as const),
    };
    const inWholeLine = wholeLines.has(lineStartOf(text, scanned.start));
    if (raw.candidates) {
      // A lost byte after what reads as ordinary text (`café’s` lost nothing) needs its line to
      // be damaged through and through.
      if (!raw.certain && !inWholeLine) continue;
      if (raw.candidates.includes(EMOJI_SELECTOR) && followsEmoji(text, raws, index)) {
        findings.push({
          ...base,
          kind: 'repair',
          original: EMOJI_SELECTOR,
          candidates: raw.candidates,
          inferred: 'the lost byte is U+FE0F, the emoji presentation selector, as it follows an emoji',
        });
      } else findings.push({ ...base, kind: 'lost-byte', candidates: raw.candidates });
      continue;
    }
    const original = raw.original as string;
    if (raw.certain) {
      findings.push({ ...base, kind: 'repair', original });
      continue;
    }
    const script = scriptOf(original);
    const chain = adjacentChain(raws, index);
    // Beside certain damage, a sequence is part of the same damaged run (an emoji's variation
    // selector, the second letter of a word).
    const besideCertain = chain.some((r) => r.certain);
    const chainIsOneWord =
      chain.length >= 2 &&
      chain.every((r) => r.original !== undefined && isLetter(r.original) && sameScript(scriptOf(r.original), script));
    const before = text[scanned.start - 1];
    const after = text[scanned.end];
    const amongOwnLetters =
      isLetter(original) &&
      [before, after].some((c) => isLetter(c) && sameScript(scriptOf(c as string), script)) &&
      [before, after].every((c) => !isLetter(c) || sameScript(scriptOf(c as string), script));
    if (besideCertain || chainIsOneWord || inWholeLine) findings.push({ ...base, kind: 'repair', original });
    else if (amongOwnLetters) findings.push({ ...base, kind: 'possible', original });
  }
  return findings;
}

function lineStartOf(text: string, index: number): number {
  return text.lastIndexOf('\n', index - 1) + 1;
}

/**
 * The lines (by the offset they start at) that a misreading tool wrote whole: they hold certain
 * damage, and every character beyond ASCII on them belongs to a damaged sequence. On such a line
 * nothing is left that the author wrote in the code page, so a sequence that could also be
 * ordinary text (`É—`, `è…”`) is damage too. A line with one real `é` keeps its doubtful ones.
 */
function linesGarbledWhole(text: string, raws: readonly Raw[]): Set<number> {
  const byLine = new Map<number, Raw[]>();
  for (const raw of raws) {
    const line = lineStartOf(text, raw.scanned.start);
    const group = byLine.get(line);
    if (group) group.push(raw);
    else byLine.set(line, [raw]);
  }
  const whole = new Set<number>();
  for (const [line, group] of byLine) {
    if (!group.some((r) => r.certain)) continue;
    const lineEnd = text.indexOf('\n', line);
    let cursor = line;
    let clean = true;
    for (const raw of [...group, undefined]) {
      const to = raw ? raw.scanned.start : lineEnd === -1 ? text.length : lineEnd;
      if (/[^\u0000-\u007f]/.test(text.slice(cursor, to))) {
        clean = false;
        break;
      }
      if (raw) cursor = raw.scanned.end;
    }
    if (clean) whole.add(line);
  }
  return whole;
}

/**
 * Whether the sequence at `index` directly follows an emoji that U+FE0F can follow: one in the
 * text, or one a neighbouring finding restores (or may restore), or a keycap's digit (`1️⃣`).
 */
function followsEmoji(text: string, raws: readonly Raw[], index: number): boolean {
  const { start, end } = (raws[index] as Raw).scanned;
  const previous = raws[index - 1];
  const before =
    previous && previous.scanned.end === start
      ? previous.original !== undefined
        ? [previous.original]
        : (previous.candidates ?? [])
      : [charBefore(text, start)].filter((c): c is string => c !== undefined);
  if (before.some(takesEmojiSelector)) return true;
  const keycap = text.startsWith('\u20E3', end) || text.startsWith('âƒ£', end);
  return keycap && before.some((c) => /^[0-9#*]$/.test(c));
}

/** The run of directly adjacent sequences around `index`, certain ones included. */
function adjacentChain(raws: readonly Raw[], index: number): Raw[] {
  let first = index;
  while (first > 0 && raws[first - 1]?.scanned.end === raws[first]?.scanned.start) first--;
  let last = index;
  while (last < raws.length - 1 && raws[last]?.scanned.end === raws[last + 1]?.scanned.start) last++;
  return raws.slice(first, last + 1);
}

/** The bytes a damaged sequence stood for: its characters mapped back through the code page. */
export function bytesOfDamage(damaged: string): number[] | undefined {
  const bytes: number[] = [];
  for (const char of damaged) {
    const info = HIGH_BYTE_OF.get(char);
    if (!info) return undefined;
    bytes.push(info.byte);
  }
  return bytes;
}

export interface MojibakeRepair {
  start: number;
  end: number;
  from: string;
  to: string;
  pages: CodePage[];
  /** For a lost byte the context decided: how. */
  inferred?: string;
}

/** How much visible damage a text carries: every finding counts, repaired or not. */
export function mojibakeBadness(text: string): number {
  return findMojibake(text).length;
}

/**
 * Repairs every sequence that reverses exactly, in up to three passes (text garbled twice needs
 * two). A pass is kept only when its result is strictly better: fewer damaged sequences.
 */
export function repairMojibake(text: string): { text: string; passes: MojibakeRepair[][] } {
  const passes: MojibakeRepair[][] = [];
  let current = text;
  // After the first pass only text that a repair wrote can be damaged again: what was left alone
  // stays alone, so a repaired file never exposes its good text to a second guess.
  let written: [number, number][] | undefined;
  for (let pass = 0; pass < 3; pass++) {
    const findings = findMojibake(current);
    const repairs: MojibakeRepair[] = [];
    for (const f of findings) {
      if (f.kind !== 'repair' || f.original === undefined) continue;
      if (written && (f.evidence !== 'certain' || !written.some(([from, to]) => f.start >= from && f.end <= to)))
        continue;
      // The acceptance test, stated once more on the final values: the damaged characters map
      // back to bytes that are exactly the UTF-8 of the repair.
      // A lost byte the context decided must be one of the characters the damage allows.
      if (f.inferred !== undefined) {
        if (!f.candidates?.includes(f.original)) continue;
      } else {
        const bytes = bytesOfDamage(f.damaged);
        if (!bytes || Buffer.from(f.original, 'utf8').compare(Buffer.from(bytes)) !== 0) continue;
      }
      repairs.push({
        start: f.start,
        end: f.end,
        from: f.damaged,
        to: f.original,
        pages: f.pages,
        ...(f.inferred !== undefined ? { inferred: f.inferred } : {}),
      });
    }
    if (repairs.length === 0) break;
    let next = current;
    for (const r of [...repairs].reverse()) next = next.slice(0, r.start) + r.to + next.slice(r.end);
    if (findMojibake(next).length >= findings.length) break;
    passes.push(repairs);
    written = mergeRanges(writtenRanges(repairs));
    current = next;
  }
  return { text: current, passes };
}

/** Where each repair's text sits once all of a pass's repairs are applied. */
function writtenRanges(repairs: readonly MojibakeRepair[]): [number, number][] {
  let shift = 0;
  return repairs.map((r) => {
    const start = r.start + shift;
    shift += r.to.length - (r.end - r.start);
    return [start, start + r.to.length];
  });
}

/** Touching ranges become one: a character garbled twice spans two first-pass repairs. */
function mergeRanges(ranges: [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  for (const [from, to] of ranges) {
    const last = out[out.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else out.push([from, to]);
  }
  return out;
}

/** `Windows-1252` or `Windows-1252 or Windows-1254`: the pages that explain a finding. */
export function describePages(pages: readonly CodePage[]): string {
  const names = pages.map((p) => CODE_PAGE_NAMES[p]);
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}

/** `U+1F60A` */
export function codePointLabel(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Garbles text the way a misreading tool does: UTF-8 bytes decoded with `page`. Undefined bytes
 * are dropped, replaced by U+FFFD, or kept as the C1 control of the same number (WHATWG).
 * For tests and fixtures.
 */
export function garble(text: string, page: CodePage, undefinedBytes: 'drop' | 'replace' | 'control' = 'drop'): string {
  const table = TABLES[page];
  let out = '';
  for (const byte of Buffer.from(text, 'utf8')) {
    const char = table.charOf[byte];
    if (char !== undefined) out += char;
    else if (undefinedBytes === 'replace') out += '\uFFFD';
    else if (undefinedBytes === 'control') out += String.fromCharCode(byte);
  }
  return out;
}
