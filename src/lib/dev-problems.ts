/**
 * The content problems `astro dev` shows the author: the content check's diagnostics turned into
 * the list the browser banner renders, and the lines the terminal prints after a change. Runs on
 * both server (src/integrations/dev-problems/) and client (its banner), so nothing here imports
 * Node or Astro.
 */
import { formatShort, sortDiagnostics, type Diagnostic, type Severity } from '../schemas/errors';
import { normaliseBase } from './urls-base';

/** The Vite HMR event that carries a new list to open pages. */
export const DEV_PROBLEMS_EVENT = 'greenpath:problems';
/** Where a page that has just loaded asks for the current list (the dev server only). */
export const DEV_PROBLEMS_PATH = '/__greenpath/problems';

/**
 * Rules whose errors make Astro's loader refuse a guide's front matter: it then keeps the entry it
 * had, so the guide's page goes on showing the last version that passed, not the file as it is.
 */
const REFUSED_BY_LOADER = new Set(['schema', 'yaml']);
const refusedByLoader = (d: Diagnostic) => d.severity === 'error' && REFUSED_BY_LOADER.has(d.rule);

export interface DevProblem {
  severity: Severity;
  /** Exactly what the build prints: `file:line field: expected X, found Y`. */
  text: string;
}

export interface DevProblemFile {
  /** Path relative to the project root, as in the messages. */
  file: string;
  /** The guide's page, with the base path; none when the file is not a guide. */
  page: string | undefined;
  /** Whether the page shows an older version of the guide than the file (see REFUSED_BY_LOADER). */
  stale: boolean;
  problems: DevProblem[];
}

export interface DevProblemList {
  /** Increases with every check, so a page never replaces a newer list with an older one. */
  version: number;
  errors: number;
  warnings: number;
  files: DevProblemFile[];
}

export interface GuidePage {
  displayPath: string;
  slug: string;
}

export function buildProblemList(
  diagnostics: readonly Diagnostic[],
  guides: readonly GuidePage[],
  base: string,
  version: number,
): DevProblemList {
  const slugOf = new Map(guides.map((g) => [g.displayPath, g.slug]));
  const byFile = new Map<string, DevProblemFile>();
  let errors = 0;
  for (const d of sortDiagnostics(diagnostics)) {
    if (d.severity === 'error') errors += 1;
    let entry = byFile.get(d.file);
    if (!entry) {
      const slug = slugOf.get(d.file);
      const page = slug === undefined ? undefined : `${normaliseBase(base)}guides/${slug}/`;
      entry = { file: d.file, page, stale: false, problems: [] };
      byFile.set(d.file, entry);
    }
    if (refusedByLoader(d)) entry.stale = true;
    entry.problems.push({ severity: d.severity, text: formatShort(d) });
  }
  // Files with errors first: they are what stops a build.
  const files = [...byFile.values()].sort(
    (a, b) =>
      Number(b.problems.some((p) => p.severity === 'error')) - Number(a.problems.some((p) => p.severity === 'error')),
  );
  return { version, errors, warnings: diagnostics.length - errors, files };
}

export interface TerminalLine {
  level: 'error' | 'warn' | 'info';
  text: string;
}

/**
 * What the terminal prints after a check: every current problem of each file that was saved or
 * whose problems changed (a renamed guide breaks links elsewhere), whether its page is out of date,
 * and a line for each such file whose problems are all gone. Files nobody touched and whose
 * problems are the same stay quiet.
 */
export function changeReport(
  previous: readonly Diagnostic[],
  current: readonly Diagnostic[],
  changedFiles: ReadonlySet<string>,
): TerminalLine[] {
  const keysByFile = (list: readonly Diagnostic[]) => {
    const map = new Map<string, string[]>();
    for (const d of sortDiagnostics(list))
      map.set(d.file, [...(map.get(d.file) ?? []), `${d.severity} ${formatShort(d)}`]);
    return map;
  };
  const before = keysByFile(previous);
  const after = keysByFile(current);
  const files = [...new Set([...before.keys(), ...after.keys(), ...changedFiles])].sort();
  const lines: TerminalLine[] = [];
  for (const file of files) {
    const was = before.get(file) ?? [];
    const now = after.get(file) ?? [];
    if (!changedFiles.has(file) && was.join('\n') === now.join('\n')) continue;
    if (now.length === 0) {
      if (was.length > 0) lines.push({ level: 'info', text: `${file}: no problems left` });
      continue;
    }
    const problems = sortDiagnostics(current.filter((x) => x.file === file));
    for (const d of problems) lines.push({ level: d.severity === 'error' ? 'error' : 'warn', text: formatShort(d) });
    if (problems.some(refusedByLoader)) {
      lines.push({
        level: 'warn',
        text: `${file}: not reloaded; its page shows the last version whose front matter was valid`,
      });
    }
  }
  return lines;
}
