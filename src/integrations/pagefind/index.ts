/**
 * Full-text search index. At `astro:build:done` Pagefind's Node API indexes the built pages and
 * writes its bundle to `<output>/pagefind/`, which the site serves under its base path
 * (`/docs/pagefind/` for `BASE_PATH=/docs/`). Anything Pagefind reports is a build failure:
 * register this before atomic-output, so a failed index leaves the previous `dist/` in place.
 * What is indexed is decided by the pages (`data-pagefind-*` attributes, see GuideLayout.astro).
 *
 * In `astro dev` there is no build, so the dev server serves the last build's index from the
 * output folder, and the search UI says where the index comes from.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { normaliseBase } from '../../lib/urls-base';
import { safeDecodeURIComponent } from '../../lib/decode-uri';
import { mimeTypeOf } from '../../lib/mime-types';

export const BUNDLE_DIR = 'pagefind';
/** Pagefind's ready-made UIs, written with every index; the site has its own (src/client/search-*.ts). */
const UNUSED_UI = /^pagefind-(component-ui|modular-ui|ui)\.(js|css)$/;

export class SearchIndexError extends Error {
  constructor(step: string, errors: readonly string[]) {
    super(`Search index (Pagefind) failed while ${step}:\n${errors.map((e) => `  ${e}`).join('\n')}`);
    this.name = 'SearchIndexError';
    this.stack = this.message;
  }
}

async function folderBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) total += (await stat(path.join(entry.parentPath, entry.name))).size;
  }
  return total;
}

/** How many pages the written index holds, from the bundle's entry file. */
async function indexedPages(bundle: string): Promise<number> {
  const entry = JSON.parse(await readFile(path.join(bundle, 'pagefind-entry.json'), 'utf8')) as {
    languages?: Record<string, { page_count?: number }>;
  };
  return Object.values(entry.languages ?? {}).reduce((sum, language) => sum + (language.page_count ?? 0), 0);
}

/**
 * Indexes the HTML pages below `siteDir` (those with `data-pagefind-body`: the guides) and
 * writes the bundle to `siteDir/pagefind/`. Throws when Pagefind reports anything or the index
 * comes out empty.
 */
export async function buildSearchIndex(siteDir: string): Promise<{ files: number; pages: number; bytes: number }> {
  try {
    // No forced language: Pagefind splits the index by each page's `<html lang>`, so a language's
    // pages are searched (and stemmed) as that language, and each page's search only finds its own.
    const { index, errors } = await pagefind.createIndex({});
    if (!index || errors.length > 0) throw new SearchIndexError('starting', errors);
    const added = await index.addDirectory({ path: siteDir });
    if (added.errors.length > 0) throw new SearchIndexError(`indexing ${siteDir}`, added.errors);
    if (added.page_count === 0) throw new SearchIndexError(`indexing ${siteDir}`, ['no HTML pages found']);
    const outputPath = path.join(siteDir, BUNDLE_DIR);
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) throw new SearchIndexError(`writing ${outputPath}`, written.errors);
    for (const file of await readdir(outputPath)) {
      if (UNUSED_UI.test(file)) await rm(path.join(outputPath, file));
    }
    const pages = await indexedPages(outputPath);
    if (pages === 0) throw new SearchIndexError(`writing ${outputPath}`, ['the index holds no page']);
    return { files: added.page_count, pages, bytes: await folderBytes(outputPath) };
  } finally {
    // The Node API runs Pagefind's binary as a service; stop it so the build process can exit.
    await pagefind.close();
  }
}

export default function pagefindIndex(): AstroIntegration {
  let outDir = '';
  let base = '/';
  return {
    name: 'greenpath:pagefind',
    hooks: {
      'astro:config:setup': ({ config }) => {
        // Read before atomic-output points the build at its staging folder: in dev this is
        // where the last build was published.
        outDir = fileURLToPath(config.outDir);
        base = normaliseBase(config.base);
      },
      'astro:server:setup': ({ server, logger }) => {
        const prefix = `${base}${BUNDLE_DIR}/`;
        const bundle = path.join(outDir, BUNDLE_DIR);
        logger.info(
          existsSync(bundle)
            ? `Search uses the index of the last build (${path.relative(process.cwd(), bundle)}/); run \`npm run build\` to refresh it`
            : 'Search has no index yet: run `npm run build` once to make one',
        );
        server.middlewares.use((req, res, next) => {
          const pathname = safeDecodeURIComponent(new URL(req.url ?? '/', 'http://dev').pathname);
          if (!pathname.startsWith(prefix)) return next();
          const file = path.join(bundle, pathname.slice(prefix.length));
          if (!file.startsWith(bundle + path.sep) || !existsSync(file) || !statSync(file).isFile()) {
            res.statusCode = 404;
            res.setHeader('Content-Type', 'text/plain; charset=utf-8');
            res.end('No search index: run `npm run build` to make one.');
            return;
          }
          res.setHeader('Content-Type', mimeTypeOf(file));
          res.setHeader('Cache-Control', 'no-store');
          createReadStream(file).pipe(res);
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const { files, pages, bytes } = await buildSearchIndex(fileURLToPath(dir));
        logger.info(
          `Indexed ${pages} of ${files} pages for search in ${Math.round(performance.now() - started)} ms (${BUNDLE_DIR}/, ${(bytes / 1024).toFixed(0)} KiB)`,
        );
      },
    },
  };
}
