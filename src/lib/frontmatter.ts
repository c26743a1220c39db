/**
 * Splits a guide into front matter and body, parses the YAML with positions, and locates any
 * field path back to its line and column in the file. Used by the content checks (which must
 * point at lines) and by the importer; Astro parses front matter on its own for rendering.
 */
import { isMap, LineCounter, parseDocument, type Document } from 'yaml';

export interface Position {
  line: number;
  column: number;
}

export interface YamlProblem extends Position {
  message: string;
}

export interface ParsedGuideSource {
  /** The front matter as plain data; `{}` when there is none or it is not a mapping. */
  data: Record<string, unknown>;
  /** Whether the file opens with a `---` front-matter block at all. */
  hasFrontmatter: boolean;
  /** The text after the front matter. */
  body: string;
  /** The 1-based line of the file on which the body starts. */
  bodyLine: number;
  /** YAML syntax errors, each with its line and column in the file. */
  yamlErrors: YamlProblem[];
  /** Where a field (or, when missing, its nearest present parent) is written. */
  locate(path: readonly PropertyKey[]): Position;
}

const OPEN = /^(?:\uFEFF)?---[ \t]*\r?\n/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*\r?$/m;

/** The body of a guide's source: what follows its front matter (all of it when there is none). */
export function guideBody(source: string): string {
  const open = OPEN.exec(source);
  if (!open) return source;
  const close = CLOSE.exec(source.slice(open[0].length));
  const afterClose = close ? open[0].length + close.index + close[0].length : source.length;
  return source.slice(afterClose).replace(/^\r?\n/, '');
}

export function parseGuideSource(source: string): ParsedGuideSource {
  const open = OPEN.exec(source);
  if (!open) {
    return {
      data: {},
      hasFrontmatter: false,
      body: source,
      bodyLine: 1,
      yamlErrors: [],
      locate: () => ({ line: 1, column: 1 }),
    };
  }
  const yamlStart = open[0].length;
  const rest = source.slice(yamlStart);
  const close = CLOSE.exec(rest);
  const yamlText = close ? rest.slice(0, close.index) : rest;
  const afterClose = close ? yamlStart + close.index + close[0].length : source.length;
  const body = source.slice(afterClose).replace(/^\r?\n/, '');
  const linesBefore = (text: string) => text.split('\n').length - 1;
  // The YAML's first line is the file's second line.
  const lineOffset = 1;
  const bodyLine = linesBefore(source.slice(0, source.length - body.length)) + 1;

  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(yamlText, {
    lineCounter,
    customTags: ['timestamp'],
    uniqueKeys: true,
    prettyErrors: true,
  });
  const yamlErrors: YamlProblem[] = doc.errors.map((error) => {
    const pos = error.linePos?.[0] ?? { line: 1, col: 1 };
    return {
      line: pos.line + lineOffset,
      column: pos.col,
      message: (error.message.split('\n')[0] ?? error.message).replace(/ at line \d+, column \d+:?$/, ''),
    };
  });
  if (!close) {
    yamlErrors.push({
      line: linesBefore(source) + 1,
      column: 1,
      message: 'the front matter opened with --- is never closed by a --- line',
    });
  }
  let data: Record<string, unknown> = {};
  if (doc.errors.length === 0 && isMap(doc.contents)) {
    const js: unknown = doc.toJS();
    if (js && typeof js === 'object' && !Array.isArray(js)) data = js as Record<string, unknown>;
  } else if (doc.errors.length === 0 && doc.contents !== null) {
    yamlErrors.push({
      line: 1 + lineOffset,
      column: 1,
      message: 'front matter must be a mapping of field: value lines',
    });
  }

  const locate = (path: readonly PropertyKey[]): Position => {
    for (let depth = path.length; depth > 0; depth--) {
      const node = doc.getIn(path.slice(0, depth) as unknown[], true) as
        { range?: [number, number, number] } | undefined;
      const pair = depth > 0 ? findKeyOffset(doc, path.slice(0, depth)) : undefined;
      const offset = pair ?? node?.range?.[0];
      if (offset !== undefined) {
        const pos = lineCounter.linePos(offset);
        return { line: pos.line + lineOffset, column: pos.col };
      }
    }
    return { line: 1, column: 1 };
  };

  return { data, hasFrontmatter: true, body, bodyLine, yamlErrors, locate };
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
