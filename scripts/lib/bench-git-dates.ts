/**
 * Times the one `git log` pass that gives guides their dates (src/integrations/git-dates/read.ts)
 * on a repository of N guides committed over K commits: the bench's own guides live in an ignored
 * folder, so their build reads no history. The repository is made in a temporary folder: each
 * commit adds its share of the guides and edits a few committed ones, so files have several commits.
 */
import { execFileSync } from 'node:child_process';
import { appendFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { readGitDates } from '../../src/integrations/git-dates/read';
import type { GeneratedGuide } from './generate-guides';

export interface GitDatesBench {
  files: number;
  commits: number;
  /** Median wall time of the pass (rev-parse, log and status), in milliseconds. */
  ms: number;
  /** Guides the pass gave a date. */
  dated: number;
}

export async function benchGitDates(
  guides: readonly GeneratedGuide[],
  { commits = 200, runs = 3 }: { commits?: number; runs?: number } = {},
): Promise<GitDatesBench> {
  const repo = await mkdtemp(path.join(os.tmpdir(), 'greenpath-bench-git-'));
  try {
    const dir = path.join(repo, 'content/guides');
    const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' };
    const git = (args: string[], date?: string) =>
      execFileSync('git', ['-c', 'user.name=Bench', '-c', 'user.email=bench@example.org', ...args], {
        cwd: repo,
        env: date ? { ...env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : env,
        stdio: 'ignore',
      });
    git(['init', '-q']);
    await mkdir(dir, { recursive: true });
    const batch = Math.ceil(guides.length / commits);
    for (let c = 0; c < commits; c++) {
      for (const guide of guides.slice(c * batch, (c + 1) * batch)) {
        await writeFile(path.join(dir, guide.fileName), guide.source);
      }
      // Edit a few guides committed earlier, so they have more than one commit.
      for (let e = 0; e < 5 && c > 0; e++) {
        const guide = guides[(c * 7919 + e * 104_729) % Math.min(c * batch, guides.length)];
        if (guide) await appendFile(path.join(dir, guide.fileName), `\nEdit ${c}.\n`);
      }
      git(['add', '-A']);
      git(['commit', '-qm', `commit ${c}`], new Date(Date.UTC(2024, 0, 1) + c * 86_400_000).toISOString());
    }
    const times: number[] = [];
    let dated = 0;
    for (let r = 0; r < runs; r++) {
      const start = performance.now();
      const { dates } = await readGitDates('content/guides', { cwd: repo });
      times.push(performance.now() - start);
      dated = dates.size;
    }
    times.sort((a, b) => a - b);
    return { files: guides.length, commits, ms: Math.round(times[Math.floor(runs / 2)] ?? 0), dated };
  } finally {
    await rm(repo, { recursive: true, force: true });
  }
}
