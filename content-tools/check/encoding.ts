/**
 * Reads a guide's bytes as text and says what is wrong with its encoding. A file that is not
 * UTF-8 is named with the offset of its first bad byte and the code pages its bytes make sense
 * in; when every plausible page reads it the same way, the conversion is certain and
 * `fix:content` and the importer make it. Pure.
 */
import type { Diagnostic } from '../../src/schemas/errors';
import { CODE_PAGES, CODE_PAGE_NAMES, decodeWith, type CodePage } from './codepages';

export interface InvalidUtf8 {
  /** Byte offset of the first byte that is not UTF-8. */
  offset: number;
  byte: number;
  line: number;
  column: number;
  /** How many bytes are not UTF-8. */
  count: number;
  /** The code pages that read every bad byte as a character (no gaps, no C1 controls). */
  pages: CodePage[];
  /** Whether all those pages read the file the same way, so converting it changes no meaning. */
  certain: boolean;
}

export interface DecodedGuide {
  /** The text, as well as it can be read: bad bytes read through the first plausible page. */
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'legacy';
  /** Set when the file is not UTF-8. */
  invalid?: InvalidUtf8;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The length of the valid UTF-8 sequence at `i`, or 0 when the byte there starts none. */
function validSequenceAt(bytes: Uint8Array, i: number): number {
  const b0 = bytes[i] as number;
  if (b0 < 0x80) return 1;
  const cont = (k: number, low = 0x80, high = 0xbf) => {
    const b = bytes[i + k];
    return b !== undefined && b >= low && b <= high;
  };
  if (b0 >= 0xc2 && b0 <= 0xdf) return cont(1) ? 2 : 0;
  if (b0 >= 0xe0 && b0 <= 0xef) {
    const low = b0 === 0xe0 ? 0xa0 : 0x80;
    const high = b0 === 0xed ? 0x9f : 0xbf;
    return cont(1, low, high) && cont(2) ? 3 : 0;
  }
  if (b0 >= 0xf0 && b0 <= 0xf4) {
    const low = b0 === 0xf0 ? 0x90 : 0x80;
    const high = b0 === 0xf4 ? 0x8f : 0xbf;
    return cont(1, low, high) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

/** Reads bytes that are mostly UTF-8: good sequences as UTF-8, each bad byte through `page`. */
export function decodeMixed(bytes: Uint8Array, page: CodePage): { text: string; badOffsets: number[] } {
  let text = '';
  const badOffsets: number[] = [];
  let runStart = 0;
  let i = 0;
  while (i < bytes.length) {
    const length = validSequenceAt(bytes, i);
    if (length > 0) {
      i += length;
      continue;
    }
    text += utf8.decode(bytes.subarray(runStart, i));
    text += decodeWith(bytes.subarray(i, i + 1), page);
    badOffsets.push(i);
    i += 1;
    runStart = i;
  }
  text += utf8.decode(bytes.subarray(runStart));
  return { text, badOffsets };
}

export function decodeGuideBytes(bytes: Uint8Array): DecodedGuide {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  try {
    return { text: utf8.decode(bytes), encoding: 'utf-8' };
  } catch {
    // Not UTF-8: read it through each page and see which make sense of every bad byte.
  }
  const readings = CODE_PAGES.map((page) => ({ page, ...decodeMixed(bytes, page) }));
  const badOffsets = readings[0]?.badOffsets ?? [];
  const badChars = (page: CodePage) =>
    badOffsets.map((offset) => decodeWith(bytes.subarray(offset, offset + 1), page)).join('');
  const plausible = readings.filter(({ page }) => {
    const chars = badChars(page);
    return !chars.includes('\uFFFD') && !/[\u0080-\u009f]/.test(chars);
  });
  const chosen = plausible[0] ?? readings[0];
  const text = chosen?.text ?? '';
  const first = badOffsets[0] ?? 0;
  const before = bytes.subarray(0, first);
  const lineStart = before.lastIndexOf(0x0a) + 1;
  const line = before.filter((b) => b === 0x0a).length + 1;
  const column = [...decodeMixed(bytes.subarray(lineStart, first), chosen?.page ?? 'windows-1252').text].length + 1;
  const distinct = new Set(plausible.map((r) => r.text));
  return {
    text,
    encoding: 'legacy',
    invalid: {
      offset: first,
      byte: bytes[first] ?? 0,
      line,
      column,
      count: badOffsets.length,
      pages: plausible.map((r) => r.page),
      certain: plausible.length > 0 && distinct.size === 1,
    },
  };
}

/** Reads the file with a page the author chose, for files whose encoding is ambiguous. */
export function decodeAs(bytes: Uint8Array, page: CodePage): string {
  return decodeMixed(bytes, page).text;
}

/** The text of the message about a file that is not UTF-8. */
export function describeInvalidUtf8(invalid: InvalidUtf8, bytes: Uint8Array, fixCommand: string): string {
  const hex = `0x${invalid.byte.toString(16).toUpperCase().padStart(2, '0')}`;
  const more = invalid.count > 1 ? ` and ${invalid.count - 1} more` : '';
  const head = `not valid UTF-8: byte ${hex} at offset ${invalid.offset}${more}`;
  if (invalid.pages.length === 0) return `${head}; it is not text in any code page we know`;
  const names = invalid.pages.map((p) => CODE_PAGE_NAMES[p]);
  if (invalid.certain) {
    const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
    return `${head}; it reads as ${list} text (all the same here), which \`${fixCommand}\` converts to UTF-8`;
  }
  // Show the first byte the pages disagree about, which is what the author has to decide.
  const read = (offset: number, page: CodePage) => decodeWith(bytes.subarray(offset, offset + 1), page);
  let offset = invalid.offset;
  for (let i = invalid.offset; i < bytes.length;) {
    const length = validSequenceAt(bytes, i);
    if (length === 0 && new Set(invalid.pages.map((p) => read(i, p))).size > 1) {
      offset = i;
      break;
    }
    i += Math.max(length, 1);
  }
  const readings = invalid.pages.map((p) => `${CODE_PAGE_NAMES[p]} ("${read(offset, p)}")`).join(' or ');
  return `${head}; byte ${offset} reads as ${readings}, so it is not converted: choose one with \`${fixCommand} -- --encoding ${invalid.pages.join('|')}\``;
}

/** The diagnostic for a file that is not UTF-8 (an error: Astro would publish it garbled). */
export function encodingDiagnostics(file: string, bytes: Uint8Array, decoded: DecodedGuide): Diagnostic[] {
  if (decoded.encoding === 'utf-16le' || decoded.encoding === 'utf-16be') {
    return [
      {
        file,
        line: 1,
        column: 1,
        severity: 'error',
        rule: 'encoding',
        message: `the file is ${decoded.encoding.toUpperCase()}, not UTF-8; \`npm run fix:content\` converts it`,
      },
    ];
  }
  if (!decoded.invalid) return [];
  return [
    {
      file,
      line: decoded.invalid.line,
      column: decoded.invalid.column,
      severity: 'error',
      rule: 'encoding',
      message: describeInvalidUtf8(decoded.invalid, bytes, 'npm run fix:content'),
    },
  ];
}
