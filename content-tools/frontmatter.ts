/**
 * The one reader of a guide's front matter, used by the content check, the fix tool, the
 * importer and the library's body reader. It reads a file exactly as Astro's collection does:
 * the glob loader (through its .md entry type) and @astrojs/mdx split and parse front matter
 * with `parseFrontmatter` from @astrojs/internal-helpers, which @astrojs/markdown-remark
 * re-exports, so a file the check accepts is one Astro reads with the same data, and a file
 * Astro refuses is refused here with a file:line message instead of a build-time throw
 * (tests/unit/frontmatter.test.ts holds the edge cases and checks the function is the loader's).
 *
 * Astro's reading, as of astro 7.3 / @astrojs/internal-helpers 0.11: front matter opens with
 * `---` (YAML, read by js-yaml) or `+++` (TOML) at the start of the file, after a BOM or after
 * blank lines, and closes at the next line that starts with the same three characters; a YAML
 * `...` end marker does not close it.
 *
 * On top of Astro's reading this adds what messages need: where the body starts, and the line
 * and column of each field and of each syntax error. Positions in YAML come from the `yaml`
 * package's document of the same text, which only ever locates: the data, and whether the
 * front matter is valid at all, are Astro's.
 */
import { extractFrontmatter, parseFrontmatter } from '@astrojs/markdown-remark';
import { isMap, parseDocument, type Document } from 'yaml';
import { LineIndex } from './check/positions';

export interface Position {
  line: number;
  column: number;
}

export interface YamlProblem extends Position {
  message: string;
}

export interface ParsedGuideSource {
  /** The front matter as plain data, as Astro reads it; `{}` when there is none or it is not a mapping. */
  data: Record<string, unknown>;
  /** Whether Astro finds a front-matter block in the file. */
  hasFrontmatter: boolean;
  /** How the front matter is written: YAML between `---` lines or TOML between `+++` lines. */
  format: 'yaml' | 'toml' | undefined;
  /** The text after the front matter (and after the rest of its closing line); a suffix of the file. */
  body: string;
  /** The 1-based line of the file on which the body starts. */
  bodyLine: number;
  /** Why Astro would refuse the front matter (a syntax error, an unclosed block), each with its line and column in the file. */
  yamlErrors: YamlProblem[];
  /** Where a field (or, when missing, its nearest present parent) is written. */
  locate: (path: readonly PropertyKey[]) => Position;
}

interface Split {
  /** The text between the delimiters, as Astro extracts it; `undefined` when it finds no front matter. */
  raw: string | undefined;
  /** The offset of the opening delimiter. */
  open: number;
  /** The offset of the body. */
  bodyStart: number;
}

const DELIMITERS = ['---', '+++'];
const REST_OF_LINE = /[ \t]*(?:\r?\n|$)/y;

/** Where Astro's front matter and body are in the file. */
function splitGuideSource(source: string): Split {
  // Astro's pattern opens the block only at the start of the file, after a BOM, or after lines of
  // white space, so the opening delimiter is the file's first character that is not white space.
  const open = source.length - source.trimStart().length;
  const raw = extractFrontmatter(source);
  if (raw === undefined) return { raw, open, bodyStart: 0 };
  const close = open + 3 + raw.length;
  // Astro cuts `${delimiter}${raw}${delimiter}` out of the file: a block closed by the other
  // delimiter (`---` … `+++`) is parsed, but stays in the body.
  if (source.slice(close, close + 3) !== source.slice(open, open + 3)) return { raw, open, bodyStart: 0 };
  REST_OF_LINE.lastIndex = close + 3;
  const rest = REST_OF_LINE.exec(source);
  return { raw, open, bodyStart: close + 3 + (rest ? rest[0].length : 0) };
}

export function parseGuideSource(source: string): ParsedGuideSource {
  const { raw, open, bodyStart } = splitGuideSource(source);
  const body = source.slice(bodyStart);
  let lineIndex: LineIndex | undefined;
  const at = (offset: number): Position => (lineIndex ??= new LineIndex(source)).at(Math.min(offset, source.length));
  const bodyLine = bodyStart === 0 ? 1 : at(bodyStart).line;

  if (raw === undefined) {
    return {
      data: {},
      hasFrontmatter: false,
      format: undefined,
      body,
      bodyLine,
      yamlErrors: unclosedProblems(source, open, at),
      locate: () => ({ line: 1, column: 1 }),
    };
  }

  const delimiter = source.slice(open, open + 3);
  const format = delimiter === '+++' ? 'toml' : 'yaml';
  const rawStart = open + 3;
  let doc: Document | undefined;
  // Only for positions and messages, and only when one is needed.
  const yamlDocument = (): Document => (doc ??= parseDocument(raw, { uniqueKeys: true, customTags: ['timestamp'] }));

  let data: Record<string, unknown> = {};
  const yamlErrors: YamlProblem[] = [];
  try {
    const read: unknown = parseFrontmatter(source).frontmatter;
    if (
      isPlainObject(read) &&
      (Object.keys(read).length > 0 || format === 'toml' || isMappingOrEmpty(yamlDocument()))
    ) {
      data = read;
    } else {
      // Astro keeps a list as the data and reads a lone value as `{}`; either way its schema finds no fields.
      const contents = yamlDocument().contents as { range?: [number, number, number] } | null;
      yamlErrors.push({
        ...at(rawStart + (contents?.range?.[0] ?? 0)),
        message: 'front matter must be a mapping of field: value lines',
      });
    }
  } catch (error) {
    yamlErrors.push(...syntaxProblems(error, raw, rawStart, format, yamlDocument, at));
  }

  const locate = (path: readonly PropertyKey[]): Position => {
    if (format === 'toml') return at(open);
    const document = yamlDocument();
    for (let depth = path.length; depth > 0; depth--) {
      const node = document.getIn(path.slice(0, depth) as unknown[], true) as
        { range?: [number, number, number] } | undefined;
      const offset = findKeyOffset(document, path.slice(0, depth)) ?? node?.range?.[0];
      if (offset !== undefined) return at(rawStart + offset);
    }
    return at(open);
  };

  return { data, hasFrontmatter: true, format, body, bodyLine, yamlErrors, locate };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Astro reads `{}` from an empty mapping, from front matter of comments only, and from a lone value. */
function isMappingOrEmpty(doc: Document): boolean {
  return doc.contents === null || isMap(doc.contents);
}

/** A file that opens with a delimiter Astro never sees closed: it reads no front matter at all. */
function unclosedProblems(source: string, open: number, at: (offset: number) => Position): YamlProblem[] {
  const delimiter = source.slice(open, open + 3);
  const atLineStart = open === 0 || source[open - 1] === '\n' || (open === 1 && source[0] === '\uFEFF');
  if (!DELIMITERS.includes(delimiter) || !atLineStart) return [];
  const dots = /^\.\.\.[ \t]*\r?$/m.exec(source.slice(open));
  const hint = dots
    ? ` (Astro does not take the YAML end marker \`...\` on line ${at(open + dots.index).line} as its end)`
    : '';
  return [
    { ...at(open), message: `the front matter opened with ${delimiter} is never closed by a ${delimiter} line${hint}` },
  ];
}

/** Why Astro's parser threw, where in the file. */
function syntaxProblems(
  error: unknown,
  raw: string,
  rawStart: number,
  format: 'yaml' | 'toml',
  yamlDocument: () => Document,
  at: (offset: number) => Position,
): YamlProblem[] {
  const message = error instanceof Error ? error.message : String(error);
  const firstLine = (text: string) => (text.split('\n')[0] ?? text).trim();
  if (format === 'toml') {
    // smol-toml's TomlError: a 1-based line and column in the TOML text.
    const { line, column } = error as { line?: number; column?: number };
    let offset = 0;
    for (let n = 1; n < (line ?? 1); n++) offset = raw.indexOf('\n', offset) + 1;
    return [{ ...at(rawStart + offset + Math.max(0, (column ?? 1) - 1)), message: firstLine(message) }];
  }
  const dots = /^\.\.\.[ \t]*\r?$/m.exec(raw);
  if (dots && /single document/.test(message)) {
    const closing = at(rawStart + raw.length);
    return [
      {
        ...at(rawStart + dots.index),
        message: `\`...\` ends the YAML here, but Astro ends front matter only at a --- line (the next is line ${closing.line}) and refuses what lies between: close the front matter with --- instead`,
      },
    ];
  }
  // The `yaml` package reports every error, not just the first, with a position each.
  const all = yamlDocument().errors;
  if (all.length > 0) {
    return all.map((e) => ({
      ...at(rawStart + e.pos[0]),
      message: firstLine(e.message).replace(/ at line \d+, column \d+:?$/, ''),
    }));
  }
  // js-yaml's YAMLException: `reason` is the message without the snippet, `mark` the place.
  const { reason, mark } = error as { reason?: string; mark?: { position?: number } };
  return [{ ...at(rawStart + (mark?.position ?? 0)), message: reason ?? firstLine(message) }];
}

/** The offset of a key (not its value) so that `field:` lines are named even when the value is odd. */
function findKeyOffset(doc: Document, path: readonly PropertyKey[]): number | undefined {
  const parentPath = path.slice(0, -1) as unknown[];
  const parent = parentPath.length ? doc.getIn(parentPath, true) : doc.contents;
  if (!isMap(parent)) return undefined;
  const last = path[path.length - 1];
  for (const item of parent.items) {
    const key = item.key as { value?: unknown; range?: [number, number, number] } | null;
    if (key && String(key.value) === String(last)) return key.range?.[0];
  }
  return undefined;
}
