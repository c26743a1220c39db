/**
 * The real library (content/guides/) built once per test run, for the test files that check the
 * site people will actually get (byte budgets, Lighthouse, links under a base path). Test files
 * run one at a time, so the first that asks for a build makes it and the others reuse it.
 */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildSiteOrThrow, TEST_SITES } from './build';

/** Where the site is published: at the root (the default) or under a base path. */
export interface RealSiteOptions {
  basePath?: string;
  siteUrl?: string;
}

export async function realSite(options: RealSiteOptions = {}): Promise<string> {
  const name = options.basePath
    ? `real-content${options.basePath.replace(/\/+$/, '').replace(/\//g, '-')}`
    : 'real-content';
  const outDir = path.join(TEST_SITES, name);
  // Written beside the output, never into it, once the build has succeeded.
  const done = `${outDir}.built`;
  if (existsSync(done) && existsSync(path.join(outDir, 'index.html'))) return outDir;
  await buildSiteOrThrow({ name, ...options });
  await writeFile(done, new Date().toISOString());
  return outDir;
}
