/**
 * Astro's content data store, as a build sees it (checked with Astro 7.3.5; see ./README.md):
 * - the file: `data-store.json` in the cache folder (astro/dist/content/consts.js, DATA_STORE_FILE);
 * - the module: `\0astro:data-layer-content`, which Astro's plugin
 *   (astro/dist/content/vite-plugin-content-virtual-mod.js) loads as `export default JSON.parse("…")`,
 *   marked as content data for incremental builds (astro/dist/core/build/incremental-metadata.js).
 *
 * Why the module is replaced: it holds the whole store (every rendered guide) as a single string
 * literal, and V8 takes time that grows faster than the literal to compile it, until it is most of
 * the rendering time of a large site (bench/README.md has the figures). In a build, this
 * module reads the same store file at run time instead, which costs a JSON.parse, linear. The file
 * is the one Astro has just written and bundled from; the module stays marked as content data, so
 * incremental builds still judge pages by their keys (src/data/page-keys.ts), not by the store's
 * text. `astro dev` keeps Astro's own module. Should Astro's module text change shape, the
 * transform leaves it alone: builds stay correct, only slower.
 */
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** Astro's content store in a build's cache folder: every guide's data and rendered HTML. */
export const DATA_STORE_FILE = 'data-store.json';
export const RESOLVED_ID = '\0astro:data-layer-content';
/** Astro's marker for modules that hold content data rather than code. */
const CONTENT_DATA_META = { astroIncremental: { kind: 'content-data' } };

/** The Vite plugin: replaces Astro's module text with one that reads `store` when it runs. */
export function dataStorePlugin(store: string) {
  return {
    name: 'greenpath:data-store-module',
    enforce: 'pre' as const,
    // Astro's own plugin loads the module; this replaces its text before it is bundled.
    transform(code: string, id: string) {
      if (id !== RESOLVED_ID || !code.startsWith('export default JSON.parse(') || !existsSync(store)) return undefined;
      return {
        code: `import { readFileSync } from 'node:fs';\nexport default JSON.parse(readFileSync(${JSON.stringify(store)}, 'utf8'));\n`,
        meta: CONTENT_DATA_META,
      };
    },
  };
}

/**
 * Empties Astro's content cache by removing its store file, so the next sync renders every entry
 * again. Astro has no public way to do this short of `astro build --force`, which also drops
 * everything else it caches. Resolves to whether there was a store to remove.
 */
export async function clearContentStore(cacheDir: string): Promise<boolean> {
  const store = path.join(cacheDir, DATA_STORE_FILE);
  if (!existsSync(store)) return false;
  await rm(store, { force: true });
  return true;
}

export default function dataStoreModule(): AstroIntegration {
  return {
    name: 'greenpath:data-store-module',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        if (command !== 'build') return;
        updateConfig({
          vite: { plugins: [dataStorePlugin(path.join(fileURLToPath(config.cacheDir), DATA_STORE_FILE))] },
        });
      },
    },
  };
}
