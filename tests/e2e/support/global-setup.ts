/**
 * Builds the fixture sites the browser tests share, once per run: the fixture library at the
 * root and again under /docs/. Test files read the folders through `inject()`.
 */
import type { TestProject } from 'vitest/node';
import { buildSiteOrThrow } from './build';

declare module 'vitest' {
  export interface ProvidedContext {
    fixtureSite: string;
    subpathSite: string;
  }
}

export default async function setup(project: TestProject) {
  const fixtureSite = await buildSiteOrThrow({ name: 'fixture', guidesDir: 'tests/fixtures/site' });
  const subpathSite = await buildSiteOrThrow({
    name: 'subpath',
    guidesDir: 'tests/fixtures/site',
    basePath: '/docs/',
    siteUrl: 'https://example.org',
  });
  project.provide('fixtureSite', fixtureSite);
  project.provide('subpathSite', subpathSite);
}
