/**
 * Per-guide input limits, checked before any Markdown parser sees the file. Markdown parsers
 * are recursive and some of their paths are far from linear: a list nested a few thousand levels
 * deep makes Astro log an error and publish an empty page, and the same list written with
 * indentation keeps the content sync busy for a quarter of an hour; emphasis nested a few thousand
 * levels deep across short lines costs seconds to parse and then overflows the renderer. So a
 * guide over 512 KB, with a line over 10,000 characters, lists or blockquotes nested more than 20
 * levels deep, emphasis nested more than 20 levels deep in one paragraph, or more than 500
 * headings is refused here, with the file, the line and the limit.
 *
 * The check reads the text line by line in one linear pass (it never builds a tree), following
 * CommonMark's block rules closely enough to count what a parser would nest: blockquote markers,
 * list items and their indentation, fenced and indented code (whose contents are not Markdown),
 * lazy continuation lines. The text of each paragraph and heading goes through
 * ./emphasis-nesting.ts, as linear. Pure; runs anywhere.
 */
import type { Diagnostic } from '../src/schemas/errors';
import { emphasisNesting } from './emphasis-nesting';

export interface InputLimits {
  /** Largest file, in bytes of UTF-8. */
  bytes: number;
  /** Deepest nesting of lists and blockquotes together. */
  nesting: number;
  /** Longest line, in characters. */
  lineLength: number;
  /** Most headings, ATX (`## x`) and setext (underlined) together. */
  headings: number;
  /** Deepest nesting of emphasis, strong emphasis and strikethrough in one paragraph or heading. */
  emphasis: number;
}

export const INPUT_LIMITS: InputLimits = {
  bytes: 512 * 1024,
  nesting: 20,
  lineLength: 10_000,
  headings: 500,
  emphasis: 20,
};

interface Container {
  kind: 'quote' | 'list';
  /** For a list item: how many columns its content is indented from its parent's content. */
  width: number;
}

const TAB_STOP = 4;
const THEMATIC_BREAK = /^(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const LIST_MARKER = /^(?:[-+*]|\d{1,9}[.)])(?= |$)/;
const FENCE_OPEN = /^(`{3,}|~{3,})/;
const ATX_HEADING = /^#{1,6}(?: |$)/;
const SETEXT_UNDERLINE = /^(?:=+|-+) *$/;

function expandTabs(line: string): string {
  if (!line.includes('\t')) return line;
  let out = '';
  for (const ch of line) {
    if (ch === '\t') out += ' '.repeat(TAB_STOP - (out.length % TAB_STOP));
    else out += ch;
  }
  return out;
}

function spacesAt(line: string, pos: number): number {
  let n = 0;
  while (line.charCodeAt(pos + n) === 32) n++;
  return n;
}

const formatBytes = (n: number) => `${new Intl.NumberFormat('en-GB').format(n)} bytes`;
const formatCount = (n: number) => new Intl.NumberFormat('en-GB').format(n);

export interface LimitOptions {
  /** The file as shown in messages. */
  file: string;
  /** The file line on which the Markdown body starts (nesting and headings are counted there). */
  bodyLine?: number;
  limits?: InputLimits;
}

/** Every limit `source` breaks, each reported once at the first line that breaks it. */
export function checkInputLimits(source: string, options: LimitOptions): Diagnostic[] {
  const limits = options.limits ?? INPUT_LIMITS;
  const bodyLine = options.bodyLine ?? 1;
  const diagnostics: Diagnostic[] = [];
  // One rule id for every limit (the content check skips the analysis of such a guide); the
  // message names the limit: "nesting: …", "emphasis: …", "size: …", "line length: …", "headings: …".
  const report = (line: number, column: number, message: string) =>
    diagnostics.push({ file: options.file, line, column, severity: 'error', rule: 'input-limit', message });

  const lines = source.split('\n');
  let bytes = 0;
  let sizeReported = false;
  let longLines = 0;
  let firstLongLine = 0;
  let firstLongLength = 0;

  const stack: Container[] = [];
  let fence: { char: string; length: number; depth: number } | undefined;
  let inParagraph = false;
  let nestingReported = false;
  let headings = 0;
  let headingsReported = false;

  // The inline text of the paragraph being read, a line at a time, for the emphasis limit.
  let inline: { text: string; line: number; column: number }[] = [];
  let emphasisReported = false;
  const endInline = () => {
    if (inline.length === 0 || emphasisReported) {
      inline = [];
      return;
    }
    const { depth, passedAt } = emphasisNesting(inline.map((l) => l.text).join('\n'), limits.emphasis);
    if (passedAt !== undefined) {
      emphasisReported = true;
      let offset = passedAt;
      let at = inline[0] as (typeof inline)[number];
      for (const part of inline) {
        at = part;
        if (offset <= part.text.length) break;
        offset -= part.text.length + 1;
      }
      report(
        at.line,
        at.column + offset,
        `emphasis: expected emphasis, strong emphasis and strikethrough nested at most ${limits.emphasis} levels deep in one paragraph, found ${formatCount(depth)} levels; it passes the limit on this line`,
      );
    }
    inline = [];
  };
  const addInline = (lineNo: number, line: string, start: number) => {
    if (!emphasisReported) inline.push({ text: line.slice(start), line: lineNo, column: start + 1 });
  };

  for (let index = 0; index < lines.length; index++) {
    const raw = lines[index] ?? '';
    const lineNo = index + 1;
    const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;

    // Size: the line on which the file passes the limit.
    bytes += Buffer.byteLength(raw, 'utf8') + (index < lines.length - 1 ? 1 : 0);
    if (!sizeReported && bytes > limits.bytes) sizeReported = true;
    if (text.length > limits.lineLength) {
      longLines++;
      if (firstLongLine === 0) {
        firstLongLine = lineNo;
        firstLongLength = text.length;
      }
    }
    if (lineNo < bodyLine || nestingReported) continue;
    // Lines too long to be prose are still read: the scan below is linear in their length.
    const line = expandTabs(text);

    // 1. Which open containers does this line continue?
    let pos = 0;
    let matched = 0;
    for (const container of stack) {
      if (container.kind === 'quote') {
        const n = spacesAt(line, pos);
        if (n <= 3 && line[pos + n] === '>') {
          pos += n + 1;
          if (line[pos] === ' ') pos++;
          matched++;
          continue;
        }
        break;
      }
      const n = spacesAt(line, pos);
      if (pos + n >= line.length) {
        matched++; // a blank line keeps a list item open
        continue;
      }
      if (n >= container.width) {
        pos += container.width;
        matched++;
        continue;
      }
      break;
    }

    // 2. Inside fenced code: only the closing fence matters, and only in the fence's container.
    if (fence) {
      if (matched >= fence.depth) {
        const n = spacesAt(line, pos);
        const close = line.slice(pos + n).match(/^(`{3,}|~{3,}) *$/);
        if (n <= 3 && close?.[1]?.[0] === fence.char && close[1].length >= fence.length) fence = undefined;
        continue;
      }
      fence = undefined;
    }

    const restIndent = spacesAt(line, pos);
    const restStart = pos + restIndent;
    const blank = restStart >= line.length;
    const rest = line.slice(restStart, restStart + 16);
    const startsBlock =
      restIndent <= 3 &&
      (line[restStart] === '>' ||
        LIST_MARKER.test(rest) ||
        FENCE_OPEN.test(rest) ||
        ATX_HEADING.test(rest) ||
        THEMATIC_BREAK.test(line.slice(restStart)));

    // 3. A lazy continuation line keeps every container open; otherwise unmatched ones close.
    if (matched < stack.length && inParagraph && !blank && !startsBlock) {
      addInline(lineNo, line, restStart);
      continue;
    }
    stack.length = matched;

    // 4. New containers opened on this line.
    for (;;) {
      const n = spacesAt(line, pos);
      if (n >= 4) break;
      const start = pos + n;
      if (line[start] === '>') {
        stack.push({ kind: 'quote', width: 0 });
        pos = start + 1;
        if (line[pos] === ' ') pos++;
      } else {
        const head = line.slice(start, start + 12);
        const marker = LIST_MARKER.exec(head);
        if (!marker || THEMATIC_BREAK.test(line.slice(start))) break;
        const markerEnd = start + marker[0].length;
        const after = spacesAt(line, markerEnd);
        const empty = markerEnd + after >= line.length;
        const width = n + marker[0].length + (empty || after > 4 ? 1 : after);
        stack.push({ kind: 'list', width });
        pos = empty ? line.length : pos + width;
        inParagraph = false;
        endInline();
      }
      if (stack.length > limits.nesting) {
        nestingReported = true;
        report(
          lineNo,
          start + 1,
          `nesting: expected lists and blockquotes at most ${limits.nesting} levels deep, found ${stack.length} levels on this line`,
        );
        break;
      }
    }
    if (nestingReported) continue;

    // 5. What the rest of the line is: fence, heading, code or paragraph text.
    const indent = spacesAt(line, pos);
    const content = line.slice(pos + indent);
    const continuesParagraph = inParagraph;
    if (pos + indent >= line.length) {
      inParagraph = false;
    } else if (indent >= 4 && !inParagraph) {
      // Indented code: not Markdown.
    } else if (indent <= 3 && FENCE_OPEN.test(content) && !/^`{3,}[^`]*`/.test(content)) {
      const run = FENCE_OPEN.exec(content)?.[1] ?? '```';
      fence = { char: run[0] ?? '`', length: run.length, depth: stack.length };
      inParagraph = false;
    } else if (indent <= 3 && ATX_HEADING.test(content)) {
      headings++;
      inParagraph = false;
      endInline();
      addInline(lineNo, line, pos + indent);
    } else if (indent <= 3 && inParagraph && SETEXT_UNDERLINE.test(content)) {
      headings++;
      inParagraph = false;
    } else if (indent <= 3 && THEMATIC_BREAK.test(content)) {
      inParagraph = false;
    } else {
      if (!continuesParagraph) endInline();
      inParagraph = true;
      addInline(lineNo, line, pos + indent);
    }
    // Every block but paragraph text ends the paragraph's inline text. (Where containers end one,
    // reading two paragraphs as one can only find more nesting, never less.)
    if (!inParagraph) endInline();
    if (!headingsReported && headings > limits.headings) {
      headingsReported = true;
      report(
        lineNo,
        1,
        `headings: expected at most ${formatCount(limits.headings)} headings, found heading number ${formatCount(headings)} here`,
      );
    }
  }

  endInline();

  if (sizeReported) {
    // The line on which the running total passed the limit.
    let running = 0;
    let line = 1;
    for (; line <= lines.length; line++) {
      running += Buffer.byteLength(lines[line - 1] ?? '', 'utf8') + 1;
      if (running > limits.bytes) break;
    }
    report(
      Math.min(line, lines.length),
      1,
      `size: expected a guide of at most ${formatBytes(limits.bytes)} (${limits.bytes / 1024} KB), found ${formatBytes(bytes)}; it passes the limit on this line`,
    );
  }
  if (longLines > 0) {
    report(
      firstLongLine,
      limits.lineLength + 1,
      `line length: expected lines of at most ${formatCount(limits.lineLength)} characters, found one of ${formatCount(firstLongLength)}${longLines > 1 ? ` (the first of ${formatCount(longLines)} such lines)` : ''}`,
    );
  }
  return diagnostics.sort((a, b) => a.line - b.line);
}
