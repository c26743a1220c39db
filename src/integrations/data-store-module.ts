/**
 * How a build's pages get Astro's content data store. Astro bundles the whole store into the
 * server build as one module, `export default JSON.parse("…")`, with the store (every rendered
 * guide) as a single string literal; V8 takes time that grows faster than the literal to compile
 * it, until it is most of the rendering time of a large site. In a build, this module reads the same store file at run time instead, which costs
 * a JSON.parse, linear. The file is the one Astro has just written and bundled from (its cache
 * folder's data-store.json); the module stays marked as content data, so incremental builds
 * still judge pages by their keys (src/lib/page-keys.ts), not by the store's text. `astro dev`
 * keeps Astro's own module.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { DATA_STORE_FILE } from '../lib/build-cache';

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
