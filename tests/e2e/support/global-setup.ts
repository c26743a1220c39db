/**
 * Builds the fixture sites the browser tests share, once per run: the fixture library at the
 * root and again under /docs/. Test files read the folders through `inject()`.
 */
import type { TestProject } from 'vitest/node';
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { cacheDirFor } from '../../../src/node/build-cache';
import { buildSiteOrThrow, ROOT, TEST_SITES } from './build';

declare module 'vitest' {
  export interface ProvidedContext {
    fixtureSite: string;
    subpathSite: string;
  }
}

export default async function setup(project: TestProject) {
  // Test files run in workers with other pids: they must use the same run folder as this setup.
  process.env['GREENPATH_TEST_RUN'] ??= String(process.pid);
  const fixtureSite = await buildSiteOrThrow({ name: 'fixture', guidesDir: 'tests/fixtures/site' });
  const subpathSite = await buildSiteOrThrow({
    name: 'subpath',
    guidesDir: 'tests/fixtures/site',
    basePath: '/docs/',
    siteUrl: 'https://example.org',
  });
  project.provide('fixtureSite', fixtureSite);
  project.provide('subpathSite', subpathSite);
  return async () => {
    // Each build of the run has a cache folder of its own (src/node/build-cache.ts): remove them too.
    const builds = await readdir(TEST_SITES).catch(() => []);
    await Promise.all(
      builds.map((name) =>
        rm(path.join(ROOT, cacheDirFor(path.join(TEST_SITES, name))), { recursive: true, force: true }),
      ),
    );
    await rm(TEST_SITES, { recursive: true, force: true });
  };
}
