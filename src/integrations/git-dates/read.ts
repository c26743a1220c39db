/**
 * Runs git for the guides' dates: one `rev-parse`, then one `git log` over the whole history of
 * the guides folder and one `git status`, whatever the number of guides (src/lib/git-dates.ts
 * reads their output). Every way git can fail to answer gives no dates, quietly: the guides then
 * show their `updated` field or nothing, as they did before git dates. Node only.
 *
 * A shallow clone (CI checkouts often are) gives none at all: its history stops at the boundary
 * commit, which git reports as having added every file, so every guide would get that commit's
 * date, a date that is wrong for nearly all of them.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import {
  gitDatesEnabled,
  gitLogArgs,
  gitStatusArgs,
  guideGitDates,
  parseRevParse,
  REV_PARSE_ARGS,
} from '../../lib/git-dates';

export interface GitDates {
  /** ISO committer dates by path from `cwd`. */
  dates: Map<string, string>;
  /** Why there are none, for a debug log; `undefined` when git answered. */
  skipped: string | undefined;
}

export interface ReadGitDatesOptions {
  /** The project root: guide paths in the result are relative to it. */
  cwd?: string;
  env?: NodeJS.ProcessEnv;
}

const execFileAsync = promisify(execFile);

async function git(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv): Promise<string> {
  const { stdout } = await execFileAsync('git', args, {
    cwd,
    // No optional locks: `git status` would otherwise refresh the index, a write, while a build reads.
    env: { ...env, GIT_OPTIONAL_LOCKS: '0' },
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    windowsHide: true,
  });
  return stdout;
}

/** The git date of every committed, unmodified file in `dir`, by its path from `cwd`. */
export async function readGitDates(
  dir: string,
  { cwd = process.cwd(), env = process.env }: ReadGitDatesOptions = {},
): Promise<GitDates> {
  const none = (skipped: string): GitDates => ({ dates: new Map(), skipped });
  if (!gitDatesEnabled(env)) return none('GREENPATH_GIT_DATES=0');
  let prefix: string;
  try {
    const repo = parseRevParse(await git(REV_PARSE_ARGS, cwd, env));
    if (repo.shallow) return none('a shallow clone has not the whole history');
    prefix = repo.prefix;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return none(code === 'ENOENT' ? 'no git command' : 'not a git repository');
  }
  try {
    const [log, status] = await Promise.all([git(gitLogArgs(dir), cwd, env), git(gitStatusArgs(dir), cwd, env)]);
    return { dates: guideGitDates(log, status, prefix), skipped: undefined };
  } catch (error) {
    return none(`git failed: ${(error as Error).message.split('\n')[0] ?? ''}`);
  }
}
