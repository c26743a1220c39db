/**
 * The one error formatter. Every content problem, from a YAML syntax error to a broken link,
 * becomes a Diagnostic; Zod issues are turned into "field: expected X, found Y" here and nowhere
 * else, so the build, the checker and the importer all speak the same way.
 */
import type { z } from 'astro/zod';

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  /** Path of the file relative to the project root, with forward slashes. */
  file: string;
  line: number;
  column: number;
  severity: Severity;
  /** A short rule id such as `schema`, `yaml`, `duplicate-slug`, `unknown-key`. */
  rule: string;
  /** The front-matter field, when the problem belongs to one (`series.part`). */
  field?: string;
  message: string;
}

/** How a found value reads in a message: strings quoted, lists and objects named. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing (the field is missing)';
  if (value === null) return 'an empty value';
  if (value instanceof Date)
    return Number.isNaN(value.getTime()) ? 'an invalid date' : value.toISOString().slice(0, 10);
  if (typeof value === 'string') {
    const shown = value.length > 60 ? `${value.slice(0, 57)}...` : value;
    return value.trim() === '' ? 'an empty string' : `the string ${JSON.stringify(shown)}`;
  }
  if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : `a list of ${value.length}`;
  if (typeof value === 'object') return 'an object';
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- objects returned above; what is left is a scalar.
  return `${typeof value} ${String(value)}`;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = data;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

export function fieldName(path: readonly PropertyKey[]): string {
  return path
    .map((key) => (typeof key === 'number' ? `[${key}]` : String(key)))
    .join('.')
    .replace(/\.\[/g, '[');
}

/**
 * Turns the issues of one failed parse into diagnostics. `raw` is the data as the author wrote
 * it, so "found" always shows the author's value, not a transformed one.
 */
export function issuesToDiagnostics(
  issues: readonly z.core.$ZodIssue[],
  raw: Record<string, unknown>,
  file: string,
  locate: (path: readonly PropertyKey[]) => { line: number; column: number },
): Diagnostic[] {
  // One message per field: Zod may report a type error and then a length check on the same value.
  const seen = new Set<string>();
  const firstPerField = issues.filter((issue) => {
    const key = fieldName(issue.path);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return firstPerField.map((issue) => {
    const path = issue.path;
    const found = valueAt(raw, path);
    const expected = expectedText(issue);
    const field = fieldName(path) || '(front matter)';
    const { line, column } = locate(path);
    return {
      file,
      line,
      column,
      severity: 'error',
      rule: 'schema',
      field,
      message: `${field}: expected ${expected}, found ${describeValue(found)}`,
    };
  });
}

function expectedText(issue: z.core.$ZodIssue): string {
  // Our schema phrases every message as the expected value; Zod's own defaults start with "Invalid".
  if (!/^(Invalid|Too (big|small)|Unrecognized)/.test(issue.message)) return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      return issue.expected;
    case 'invalid_value':
      return `one of ${issue.values.map(String).join(', ')}`;
    case 'too_small':
      return `at least ${String(issue.minimum)}`;
    case 'too_big':
      return `at most ${String(issue.maximum)}`;
    case 'unrecognized_keys':
      return `only known keys (not ${issue.keys.join(', ')})`;
    default:
      return issue.message;
  }
}

/**
 * `content/guides/x.md:3 difficulty: expected …, found …`: the build's short form. YAML syntax
 * errors also give the column, since the line alone rarely shows where the YAML went wrong.
 */
export function formatShort(d: Diagnostic): string {
  return `${d.file}:${d.line}${d.rule === 'yaml' ? `:${d.column}` : ''} ${d.message}`;
}

/** `content/guides/x.md:3:13 error schema: difficulty: expected …`: the checker's full form. */
export function formatLong(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column} ${d.severity} ${d.rule}: ${d.message}`;
}

export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule),
  );
}
