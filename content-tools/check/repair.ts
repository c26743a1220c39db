/**
 * The certain repairs `fix:content` and the importer make, and nothing else:
 * - a file in a legacy code page is converted to UTF-8 when every plausible page reads it the
 *   same way (or the author named the page);
 * - mojibake that reverses exactly (see ./mojibake.ts);
 * - entities escaped twice in the body, and entities in front matter when the YAML still reads
 *   as the decoded value.
 * Everything else is left as it is and reported. Pure: bytes in, bytes out.
 */
import type { Root, RootContent } from 'mdast';
import { parseGuideSource } from '../frontmatter';
import { parseMarkdown } from '../../src/lib/markdown-text';
import { SKIP, walkTree } from '../../src/lib/tree-walk';
import { CODE_PAGE_NAMES, type CodePage } from './codepages';
import { decodeAs, decodeGuideBytes } from './encoding';
import { decodeEntitiesIn, findDoubleEscapedEntities } from './entities';
import { describePages, repairMojibake } from './mojibake';
import { LineIndex } from './positions';
import { stringValues } from './text';

export interface TextRepair {
  line: number;
  column: number;
  rule: 'encoding' | 'mojibake' | 'entity';
  from: string;
  to: string;
  /** Why the repair is certain, in a few words. */
  note: string;
}

export interface RepairResult {
  /** The repaired bytes, or `undefined` when nothing could be improved. */
  bytes: Uint8Array | undefined;
  text: string;
  repairs: TextRepair[];
  /** Why the file was left alone entirely (an encoding that cannot be decided). */
  refused?: string;
}

export interface RepairOptions {
  /** The code page to read a non-UTF-8 file with, when the file alone does not decide it. */
  encoding?: CodePage;
}

function codeRanges(body: string): [number, number][] {
  const ranges: [number, number][] = [];
  walkTree<Root | RootContent>(parseMarkdown(body), (node) => {
    if (node.type === 'code' || node.type === 'inlineCode' || node.type === 'html') {
      ranges.push([node.position?.start.offset ?? 0, node.position?.end.offset ?? 0]);
      return SKIP;
    }
    return undefined;
  });
  return ranges;
}

/** Repairs the text of a guide; `text` is already decoded. */
export function repairGuideText(text: string): { text: string; repairs: TextRepair[] } {
  const repairs: TextRepair[] = [];
  const mojibake = repairMojibake(text);
  let current = text;
  for (const pass of mojibake.passes) {
    const lines = new LineIndex(current);
    let next = current;
    for (const r of [...pass].reverse()) next = next.slice(0, r.start) + r.to + next.slice(r.end);
    for (const r of pass) {
      repairs.push({
        ...lines.at(r.start),
        rule: 'mojibake',
        from: r.from,
        to: r.to,
        note: r.inferred
          ? `UTF-8 read as ${describePages(r.pages)}; ${r.inferred}`
          : `UTF-8 read as ${describePages(r.pages)}, reversed exactly`,
      });
    }
    current = next;
  }

  // Entities escaped twice in the body: one level at a time, until none is left.
  for (let round = 0; round < 5; round++) {
    const parsed = parseGuideSource(current);
    const bodyStart = current.length - parsed.body.length;
    const code = codeRanges(parsed.body).map(([a, b]): [number, number] => [a + bodyStart, b + bodyStart]);
    const found = findDoubleEscapedEntities(current, bodyStart, current.length, code);
    if (found.length === 0) break;
    const lines = new LineIndex(current);
    for (const f of found) {
      repairs.push({ ...lines.at(f.start), rule: 'entity', from: f.found, to: f.repair, note: 'escaped twice' });
    }
    for (const f of [...found].reverse()) current = current.slice(0, f.start) + f.repair + current.slice(f.end);
  }

  // Entities in front matter: decode them in the YAML, and keep the result only if the YAML now
  // reads as exactly the decoded values and nothing else changed.
  const parsed = parseGuideSource(current);
  const values = stringValues(parsed.data);
  if (
    parsed.hasFrontmatter &&
    parsed.yamlErrors.length === 0 &&
    values.some((v) => decodeEntitiesIn(v.value) !== v.value)
  ) {
    const bodyStart = current.length - parsed.body.length;
    const head = current.slice(0, bodyStart);
    const candidate = decodeEntitiesIn(head) + current.slice(bodyStart);
    const reparsed = parseGuideSource(candidate);
    const expected = JSON.stringify(mapStrings(parsed.data, decodeEntitiesIn));
    if (reparsed.yamlErrors.length === 0 && JSON.stringify(reparsed.data) === expected) {
      for (const v of values) {
        const decoded = decodeEntitiesIn(v.value);
        if (decoded === v.value) continue;
        const position = parsed.locate(v.path);
        repairs.push({
          line: position.line,
          column: position.column,
          rule: 'entity',
          from: v.value,
          to: decoded,
          note: `front matter ${v.path.join('.')}`,
        });
      }
      current = candidate;
    }
  }
  return { text: current, repairs };
}

function mapStrings(data: unknown, map: (s: string) => string): unknown {
  if (typeof data === 'string') return map(data);
  if (Array.isArray(data)) return data.map((item) => mapStrings(item, map));
  if (data && typeof data === 'object' && !(data instanceof Date))
    return Object.fromEntries(Object.entries(data).map(([k, v]) => [k, mapStrings(v, map)]));
  return data;
}

/** Repairs the bytes of a guide file. */
export function repairGuideBytes(bytes: Uint8Array, options: RepairOptions = {}): RepairResult {
  const decoded = decodeGuideBytes(bytes);
  const repairs: TextRepair[] = [];
  let text = decoded.text;
  if (decoded.encoding === 'utf-16le' || decoded.encoding === 'utf-16be') {
    repairs.push({
      line: 1,
      column: 1,
      rule: 'encoding',
      from: decoded.encoding.toUpperCase(),
      to: 'UTF-8',
      note: 'the byte-order mark names the encoding',
    });
  } else if (decoded.invalid) {
    const { invalid } = decoded;
    const page = options.encoding ?? (invalid.certain ? invalid.pages[0] : undefined);
    if (!page) {
      return {
        bytes: undefined,
        text,
        repairs: [],
        refused:
          invalid.pages.length === 0
            ? 'the file is not UTF-8 and no code page reads it'
            : `the file is not UTF-8 and reads differently as ${invalid.pages.map((p) => CODE_PAGE_NAMES[p]).join(' and ')}; choose with --encoding`,
      };
    }
    text = decodeAs(bytes, page);
    const names = options.encoding ? CODE_PAGE_NAMES[page] : invalid.pages.map((p) => CODE_PAGE_NAMES[p]).join(' = ');
    repairs.push({
      line: invalid.line,
      column: invalid.column,
      rule: 'encoding',
      from: names,
      to: 'UTF-8',
      note: `${invalid.count} byte${invalid.count === 1 ? '' : 's'} converted${options.encoding ? ' as asked' : ', every plausible code page agreeing'}`,
    });
  }
  const repaired = repairGuideText(text);
  repairs.push(...repaired.repairs);
  if (repairs.length === 0) return { bytes: undefined, text, repairs };
  return { bytes: new TextEncoder().encode(repaired.text), text: repaired.text, repairs };
}
