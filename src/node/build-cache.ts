/**
 * Where a build keeps its caches (Astro's content store, with every guide's body facts, its
 * copies of rendered pages, our page sizes): one folder per output folder, so test and benchmark
 * builds beside a normal build never share, or race on, one cache. `dist/` keeps Astro's default.
 * Node only.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';

export const CACHE_ROOT = '.greenpath/cache';

/** The cache folder, relative to the project root, of a build writing to `outDir` (`OUT_DIR`). */
export function cacheDirFor(outDir: string | undefined): string {
  if (!outDir) return './node_modules/.astro';
  return `./${CACHE_ROOT}/${createHash('sha256').update(path.resolve(outDir)).digest('hex').slice(0, 12)}`;
}
