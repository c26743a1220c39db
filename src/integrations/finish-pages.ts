/**
 * The one pass over the finished pages, after Astro has written them and before they are
 * indexed for search (./pagefind.ts) and published (./atomic-output.ts): every HTML page is read
 * once, gets its final Content-Security-Policy (./security-headers.ts), is measured and given its
 * carbon figure (./carbon-figure.ts, which must see the final HTML, so it comes last), and is
 * written once. Two passes that each read and wrote every page cost 4 s of every 1,000-guide
 * build, most of it waiting on the disk one file at a time. Pages' gzipped sizes are kept in
 * Astro's cache folder for the next build (see GzipSizeCache in src/lib/carbon.ts).
 */

const SIZES_FILE = 'greenpath-page-sizes.json';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { writeFileAtomic } from '../lib/atomic-write';
import { GzipSizeCache } from '../lib/carbon';
import { normaliseBase } from '../lib/urls-base';
import { measurePages } from './carbon-figure';
import { FinishedPages } from './finished-pages';
import { securePages } from './security-headers';

export default function finishPages(): AstroIntegration {
  let base = '/';
  let sizesFile = '';
  return {
    name: 'greenpath:finish-pages',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = normaliseBase(config.base);
        sizesFile = fileURLToPath(new URL(SIZES_FILE, config.cacheDir));
      },
      'astro:build:done': async ({ dir, logger }) => {
        const [pages, sizes] = await Promise.all([
          FinishedPages.read(fileURLToPath(dir)),
          existsSync(sizesFile) ? readFile(sizesFile, 'utf8').then(GzipSizeCache.fromJson) : new GzipSizeCache(),
        ]);
        await securePages(pages, logger);
        await measurePages(pages, base, logger, sizes);
        await Promise.all([pages.write(), writeFileAtomic(sizesFile, sizes.toJson())]);
      },
    },
  };
}
