/**
 * The real library (content/guides/) built once per test run, for the test files that check the
 * site people will actually get (byte budgets, Lighthouse). Test files run one at a time, so the
 * first that asks builds it and the others reuse it.
 */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildSiteOrThrow, TEST_SITES } from './build';

const NAME = 'real-content';

export async function realSite(): Promise<string> {
  const outDir = path.join(TEST_SITES, NAME);
  // Written beside the output, never into it, once the build has succeeded.
  const done = `${outDir}.built`;
  if (existsSync(done) && existsSync(path.join(outDir, 'index.html'))) return outDir;
  await buildSiteOrThrow({ name: NAME });
  await writeFile(done, new Date().toISOString());
  return outDir;
}
