/**
 * Rules on the characters of a guide: mojibake, invisible characters, escaped entities. They see
 * the whole file, front matter included. Pure.
 */
import type { Diagnostic } from '../../src/schemas/errors';
import type { ParsedGuideSource } from '../frontmatter';
import { describePages, codePointLabel, findMojibake, type MojibakeFinding } from './mojibake';
import { entitiesInValue, findDoubleEscapedEntities } from './entities';
import { findInvisibleCharacters } from './invisible';
import { LineIndex } from './positions';
import { quoteVisible } from './report';
import { diagnostic } from './types';

export const FIX_COMMAND = 'npm run fix:content';

export interface TextInput {
  displayPath: string;
  source: string;
  bodyStart: number;
  parsed: ParsedGuideSource;
  /** Code, inline code and raw HTML, as offsets in the body. */
  codeRanges: readonly [number, number][];
}

const quote = quoteVisible;

function describeCandidate(char: string): string {
  // Spaces and format characters would print as nothing: name them by code point alone.
  return /^[\p{Z}\p{C}]$/u.test(char) ? `${codePointLabel(char)} (invisible)` : `${char} (${codePointLabel(char)})`;
}

/** At most this many candidates are named; the rest are counted. */
const MAX_CANDIDATES = 16;

export function mojibakeDiagnostics(input: TextInput, findings: readonly MojibakeFinding[], lines: LineIndex) {
  const out: Diagnostic[] = [];
  const repairsByLine = new Map<number, MojibakeFinding[]>();
  for (const f of findings) {
    const position = lines.at(f.start);
    if (f.kind === 'repair') {
      repairsByLine.set(position.line, [...(repairsByLine.get(position.line) ?? []), f]);
    } else if (f.kind === 'possible') {
      out.push(
        diagnostic(
          input,
          position,
          'warning',
          'mojibake',
          `${quote(f.damaged)} may be ${quote(f.original ?? '')} read as ${describePages(f.pages)}; it is not repaired, as the text around it is not damaged`,
        ),
      );
    } else {
      const candidates = f.candidates ?? [];
      const named = candidates.slice(0, MAX_CANDIDATES).map(describeCandidate).join(', ');
      const more = candidates.length > MAX_CANDIDATES ? ` and ${candidates.length - MAX_CANDIDATES} more` : '';
      out.push(
        diagnostic(
          input,
          position,
          'error',
          'mojibake',
          `${quote(f.damaged)} is a character read as ${describePages(f.pages)} that lost a byte; it could be ${named}${more}: replace it by hand`,
        ),
      );
    }
  }
  for (const [, group] of repairsByLine) {
    const first = group[0] as MojibakeFinding;
    const pages = group.reduce<string[]>((acc, f) => acc.filter((p) => f.pages.includes(p as never)), [...first.pages]);
    const pairs = group.map((f) => `${quote(f.damaged)} → ${quote(f.original ?? '')}`).join(', ');
    const via = pages.length ? describePages(pages as MojibakeFinding['pages']) : 'a wrong code page';
    out.push(
      diagnostic(
        input,
        lines.at(first.start),
        'error',
        'mojibake',
        `UTF-8 text read as ${via}: ${pairs}; \`${FIX_COMMAND}\` repairs it`,
      ),
    );
  }
  return out;
}

/** Every character-level problem of one guide. */
export function textDiagnostics(input: TextInput): Diagnostic[] {
  const { source, bodyStart } = input;
  const lines = new LineIndex(source);
  const findings = findMojibake(source);
  const out = mojibakeDiagnostics(input, findings, lines);

  const damaged = findings.map((f): [number, number] => [f.start, f.end]);
  for (const f of findInvisibleCharacters(source, damaged)) {
    const what = f.char === '\uFFFD' ? f.name : `${f.name} ${codePointLabel(f.char)}`;
    out.push(
      diagnostic(
        input,
        lines.at(f.start),
        f.severity,
        'invisible-character',
        `${what}${f.char === '\uFFFD' ? '' : '; delete it, or write what it stands for'}`,
      ),
    );
  }

  const code = input.codeRanges.map(([from, to]): [number, number] => [from + bodyStart, to + bodyStart]);
  for (const f of findDoubleEscapedEntities(source, bodyStart, source.length, code)) {
    out.push(
      diagnostic(
        input,
        lines.at(f.start),
        'error',
        'entity',
        `${quote(f.found)} was escaped twice, so readers see ${quote(f.shows)}; \`${FIX_COMMAND}\` unescapes it once`,
      ),
    );
  }
  for (const { path, value } of stringValues(input.parsed.data)) {
    const entities = entitiesInValue(value);
    if (entities.length === 0) continue;
    const field = path.map(String).join('.');
    const list = entities.map((e) => `${quote(e.found)} (${quote(e.decoded)})`).join(', ');
    out.push(
      diagnostic(
        input,
        input.parsed.locate(path),
        'error',
        'entity',
        `${field}: front matter is not HTML, so readers see ${list} as written; write the characters themselves`,
        field,
      ),
    );
  }
  return out;
}

interface PathStep {
  key: string | number;
  up: PathStep | undefined;
}

function pathOf(step: PathStep | undefined): (string | number)[] {
  const path: (string | number)[] = [];
  for (let at = step; at; at = at.up) path.push(at.key);
  return path.reverse();
}

/**
 * Every string in the front matter with its path, in order. Iterative, and each path is built
 * only for a string found, so that no nesting depth overflows the stack or costs its square.
 */
export function stringValues(data: unknown): { path: (string | number)[]; value: string }[] {
  const out: { path: (string | number)[]; value: string }[] = [];
  const pending: { step: PathStep | undefined; value: unknown }[] = [{ step: undefined, value: data }];
  for (let item = pending.pop(); item; item = pending.pop()) {
    const { step, value } = item;
    if (typeof value === 'string') out.push({ path: pathOf(step), value });
    else if (value && typeof value === 'object' && !(value instanceof Date)) {
      const entries: [string | number, unknown][] = Array.isArray(value)
        ? value.map((v, i): [number, unknown] => [i, v])
        : Object.entries(value);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, child] = entries[i] as [string | number, unknown];
        pending.push({ step: { key, up: step }, value: child });
      }
    }
  }
  return out;
}
