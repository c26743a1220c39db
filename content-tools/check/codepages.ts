/**
 * The three single-byte code pages that garble UTF-8 text in practice: Windows-1252 (Western
 * Windows and most "ANSI" tools), Windows-1254 (Turkish Windows) and Latin-1 (ISO-8859-1, the
 * default of many older libraries). The tables come from iconv-lite rather than being typed out
 * here: it knows which bytes each page leaves undefined, which is exactly what decides whether a
 * damaged character can be restored. Node and browser safe (iconv-lite is pure JavaScript).
 */
import iconv from 'iconv-lite';

export const CODE_PAGES = ['windows-1252', 'windows-1254', 'latin1'] as const;
export type CodePage = (typeof CODE_PAGES)[number];

export const CODE_PAGE_NAMES: Record<CodePage, string> = {
  'windows-1252': 'Windows-1252',
  'windows-1254': 'Windows-1254',
  latin1: 'Latin-1',
};

export interface CodePageTable {
  page: CodePage;
  /** The character each byte 0x00–0xFF decodes to; `undefined` where the page defines none. */
  charOf: readonly (string | undefined)[];
  /** The bytes the page leaves undefined: decoders drop them, or put U+FFFD or a C1 control in their place. */
  undefinedBytes: readonly number[];
}

function buildTable(page: CodePage): CodePageTable {
  const all = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
  const decoded = [...iconv.decode(all, page)];
  const charOf = decoded.map((char) => (char === '\uFFFD' ? undefined : char));
  const undefinedBytes = charOf.flatMap((char, byte) => (char === undefined ? [byte] : []));
  return { page, charOf, undefinedBytes };
}

export const TABLES: Record<CodePage, CodePageTable> = {
  'windows-1252': buildTable('windows-1252'),
  'windows-1254': buildTable('windows-1254'),
  latin1: buildTable('latin1'),
};

/**
 * Every character that one of the pages writes for a byte of 0x80–0xFF, with that byte and the
 * pages that write it. No character stands for two different bytes across these pages, so one
 * map serves all three. The undefined bytes of the Windows pages are also reachable through the
 * C1 control of the same number, because WHATWG decoders (browsers, Node's TextDecoder) write
 * 0x81 as U+0081 instead of dropping it.
 */
export const HIGH_BYTE_OF: ReadonlyMap<string, { byte: number; pages: readonly CodePage[] }> = (() => {
  const map = new Map<string, { byte: number; pages: CodePage[] }>();
  const add = (char: string, byte: number, page: CodePage) => {
    const entry = map.get(char);
    if (entry && entry.byte !== byte) throw new Error(`code page tables disagree about ${char}`);
    if (entry) entry.pages.push(page);
    else map.set(char, { byte, pages: [page] });
  };
  for (const page of CODE_PAGES) {
    const table = TABLES[page];
    for (let byte = 0x80; byte <= 0xff; byte++) {
      const char = table.charOf[byte];
      if (char !== undefined) add(char, byte, page);
      else add(String.fromCharCode(byte), byte, page);
    }
  }
  return map;
})();

/** Decodes bytes with one of the pages; undefined bytes become U+FFFD, as iconv-lite does. */
export function decodeWith(bytes: Uint8Array, page: CodePage): string {
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), page);
}

/** Encodes text with one of the pages: what a tool that misread UTF-8 did to the bytes. */
export function encodeWith(text: string, page: CodePage): Buffer {
  return iconv.encode(text, page);
}
