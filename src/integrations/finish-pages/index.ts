/**
 * The pass over the finished pages, after Astro has written them and before they are indexed
 * for search (../pagefind/index.ts) and published (../atomic-output/index.ts). The policy needs the inline
 * code of the whole site, so every page is first read and observed (./security-headers.ts);
 * then each page is read again, given its final Content-Security-Policy, measured and given its
 * carbon figure (./carbon-figure.ts, which must see the final HTML, so it comes last), and
 * written once: guides first, since the explanation page quotes their range. Pages are handled
 * a few at a time and never all held at once, so memory stays flat however large the site
 * (holding them all grew it with every guide); the second read comes from the page cache.
 * Gzipped page sizes are kept in Astro's cache folder for the next build (GzipSizeCache in
 * src/lib/carbon.ts).
 */
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import pLimit from 'p-limit';
import { writeFileAtomic } from '../../node/atomic-write';
import { GzipSizeCache } from './carbon-meter';
import { hasFigure } from '../../lib/carbon-figure-markup';
import { normaliseBase } from '../../lib/urls-base';
import { CarbonPass } from './carbon-figure';
import { PolicyPlan } from './security-headers';

const SIZES_FILE = 'greenpath-page-sizes.json';
/** Pages in hand at once: enough to keep the disk and the thread pool (gzip) busy. */
const CONCURRENCY = 16;

/** Every `.html` file below `root`, relative, in path order. */
export async function htmlFiles(root: string): Promise<string[]> {
  return (await readdir(root, { recursive: true }))
    .map(String)
    .filter((file) => file.endsWith('.html'))
    .sort();
}

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
        const root = fileURLToPath(dir);
        const limit = pLimit(CONCURRENCY);
        const files = await htmlFiles(root);
        const read = (file: string) => readFile(path.join(root, file), 'utf8');

        const plan = new PolicyPlan();
        const guides = new Set<string>();
        await limit.map(files, async (file) => {
          const html = await read(file);
          plan.observe(file, html);
          if (hasFigure(html)) guides.add(file);
        });
        plan.settle();

        const sizes = existsSync(sizesFile) ? GzipSizeCache.fromJson(await readFile(sizesFile, 'utf8')) : undefined;
        const carbon = new CarbonPass(root, base, sizes);
        const finish = (measure: (file: string, html: string) => Promise<string>) => async (file: string) => {
          const html = await read(file);
          const final = await measure(file, plan.apply(file, html));
          if (final !== html) await writeFile(path.join(root, file), final);
        };
        await limit.map(
          files.filter((file) => guides.has(file)),
          finish((file, html) => carbon.guide(file, html)),
        );
        await limit.map(
          files.filter((file) => !guides.has(file)),
          finish((file, html) => carbon.other(file, html)),
        );
        await Promise.all([
          plan.writeHeaders(root, logger),
          carbon.writeReport(logger),
          writeFileAtomic(sizesFile, carbon.sizes.toJson()),
        ]);
      },
    },
  };
}
