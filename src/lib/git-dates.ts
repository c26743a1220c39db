/**
 * A guide's "last updated" date from git: what to ask git, how to read its answers, and which
 * date a guide shows. Pure: src/integrations/git-dates/ runs git, once per build, and stores each
 * guide's date with its collection entry; src/lib/library.ts decides what the page shows.
 *
 * The date is the committer date (`%cI`), not the author date: a rebase or cherry-pick keeps the
 * author date of a change written weeks ago, but the change reached the guides when it was
 * committed, and the committer date is the one that only moves forward with the branch.
 */

/** Whether git dates are wanted: `GREENPATH_GIT_DATES=0` turns them off. */
export function gitDatesEnabled(env: Record<string, string | undefined>): boolean {
  const value = env['GREENPATH_GIT_DATES']?.trim().toLowerCase();
  return value !== '0' && value !== 'false' && value !== 'off';
}

/** `git rev-parse`: whether the clone is shallow, and the working folder's path in the repository. */
export const REV_PARSE_ARGS = ['rev-parse', '--is-shallow-repository', '--show-prefix'] as const;

/**
 * One `git log` over the whole history of `dir`: every commit that touched a file in it, newest
 * first, as NUL-separated fields (`-z`, so no name is quoted or split, whatever characters it
 * has), each commit as an empty field, its committer date, then the names of the files it changed.
 * `--no-renames`: a renamed guide's date is that of the commit that gave it its name.
 */
export function gitLogArgs(dir: string): string[] {
  return ['log', '--format=%x00%cI', '--name-only', '--no-renames', '-z', '--', dir];
}

/** Files in `dir` with changes not committed yet, modified or new (NUL-separated, never quoted). */
export function gitStatusArgs(dir: string): string[] {
  return ['status', '--porcelain', '-z', '--no-renames', '--untracked-files=all', '--', dir];
}

/** `rev-parse`'s answer; a git too old to know `--is-shallow-repository` counts as shallow. */
export function parseRevParse(stdout: string): { shallow: boolean; prefix: string } {
  const [shallow = '', prefix = ''] = stdout.split('\n');
  return { shallow: shallow.trim() !== 'false', prefix: prefix.trim() };
}

/**
 * `git log` output (gitLogArgs) to the newest committer date of each file, by its path from the
 * repository root. The newest is taken by instant, not by order: git lists commits by date, but
 * a merged branch can interleave older commits.
 */
export function parseGitLog(stdout: string): Map<string, string> {
  const newest = new Map<string, { date: string; time: number }>();
  const fields = stdout.split('\0');
  let date: { date: string; time: number } | undefined;
  let firstName = false;
  for (let i = 0; i < fields.length; i += 1) {
    const field = fields[i] as string;
    if (field === '') {
      // A commit starts: an empty field (the format's NUL), then its date. A name is never empty.
      const text = fields[i + 1]?.trim();
      i += 1;
      const time = text ? Date.parse(text) : NaN;
      date = text && !Number.isNaN(time) ? { date: text, time } : undefined;
      firstName = true;
      continue;
    }
    // Git puts a newline between a commit's header and its first file name.
    const name = firstName && field.startsWith('\n') ? field.slice(1) : field;
    firstName = false;
    if (!date || name === '') continue;
    const known = newest.get(name);
    if (!known || known.time < date.time) newest.set(name, date);
  }
  return new Map([...newest].map(([name, { date: text }]) => [name, text]));
}

/** `git status` output (gitStatusArgs) to the paths, from the repository root, of files with uncommitted changes. */
export function parseGitStatus(stdout: string): Set<string> {
  const dirty = new Set<string>();
  for (const field of stdout.split('\0')) {
    // `XY path`: two status letters and a space.
    if (field.length > 3) dirty.add(field.slice(3));
  }
  return dirty;
}

/**
 * Each file's git date by its path from the working folder (what Astro calls an entry's
 * `filePath`): files outside the working folder, and files with uncommitted changes, have none
 * (their last commit is not what the reader sees).
 */
export function guideGitDates(log: string, status: string, prefix: string): Map<string, string> {
  const dirty = parseGitStatus(status);
  const dates = new Map<string, string>();
  for (const [name, date] of parseGitLog(log)) {
    if (dirty.has(name) || !name.startsWith(prefix)) continue;
    dates.set(name.slice(prefix.length), date);
  }
  return dates;
}

/**
 * The date a guide shows as "Updated": its `updated` field when given, else its last commit's date
 * when that falls on a later day than its `date` (a guide committed the day it is published, or
 * before it, has not been updated since), else none.
 */
export function lastUpdated(
  guide: { date: Date; updated?: Date | undefined },
  gitDate: string | undefined,
): Date | undefined {
  if (guide.updated) return guide.updated;
  if (!gitDate) return undefined;
  const committed = new Date(gitDate);
  if (Number.isNaN(committed.getTime())) return undefined;
  // Days in UTC, as every date on the site is shown (./format.ts).
  return committed.toISOString().slice(0, 10) > guide.date.toISOString().slice(0, 10) ? committed : undefined;
}

/** The key in `rendered.metadata.frontmatter` that holds an entry's git date, beside its body facts (src/data/body-facts.ts). */
export const GIT_DATE_KEY = 'greenpath:git-date';

type Rendered = { html: string; metadata?: { readonly [key: string]: unknown } };

/** The git date stored with an entry's rendered content, if any. */
export function readGitDate(rendered: Rendered | undefined): string | undefined {
  const frontmatter = rendered?.metadata?.['frontmatter'];
  const value =
    typeof frontmatter === 'object' && frontmatter ? (frontmatter as Record<string, unknown>)[GIT_DATE_KEY] : undefined;
  return typeof value === 'string' ? value : undefined;
}

/** `rendered` with `date` as its git date (or without one); the rest as it was. */
export function withGitDate<R extends Rendered>(rendered: R, date: string | undefined): R {
  const metadata = rendered.metadata ?? {};
  const frontmatter = metadata['frontmatter'];
  const { [GIT_DATE_KEY]: _old, ...rest } =
    typeof frontmatter === 'object' && frontmatter ? (frontmatter as Record<string, unknown>) : {};
  return {
    ...rendered,
    metadata: { ...metadata, frontmatter: date === undefined ? rest : { ...rest, [GIT_DATE_KEY]: date } },
  };
}
