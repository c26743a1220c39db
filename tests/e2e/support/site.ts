/** Helpers shared by browser tests: hashing a built folder and listing a site's pages. */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * One page of each type in the fixture site (tests/fixtures/site), by path under the base: the
 * pages every browser test that walks "each kind of page" visits. All are in the sitemap.
 */
export const PAGE_TYPES = {
  home: '',
  guides: 'guides/',
  guide: 'guides/alpha-basics/',
  mdxGuide: 'guides/gamma-advanced/',
  tags: 'tags/',
  tag: 'tags/cloud/',
  difficulty: 'difficulty/beginner/',
  series: 'series/fixture-path/',
} as const;

/** sha256 of every file below `dir`, keyed by relative path. */
export async function hashTree(dir: string): Promise<Record<string, string>> {
  const files = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
  const out: Record<string, string> = {};
  for (const file of files) {
    const abs = path.join(file.parentPath, file.name);
    out[path.relative(dir, abs).split(path.sep).join('/')] = createHash('sha256')
      .update(await readFile(abs))
      .digest('hex');
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
}

/** Page paths (relative to the base) listed in the site's sitemap. */
export async function sitemapPaths(dir: string, base = '/'): Promise<string[]> {
  const xml = await readFile(path.join(dir, 'sitemap-0.xml'), 'utf8');
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1] ?? '').pathname.slice(base.length - 1));
}
