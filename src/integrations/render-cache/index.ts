/**
 * Astro keeps rendered Markdown in its content cache and reuses an entry while the file is
 * unchanged; it does not notice when our remark/rehype plugins change. This integration hashes
 * the code that shapes rendered guides and clears the content cache when that hash changes, so a
 * changed plugin never leaves stale HTML behind, while an unchanged one keeps warm rebuilds fast.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { clearContentStore } from '../../astro-internals/data-store-module';

/** Folders and files; the body facts stored with each entry come from the last two. */
const RENDER_SOURCES = [
  'src/markdown',
  'src/schemas',
  'src/lib/markdown-text.ts',
  'src/data/body-facts.ts',
  // The words the Markdown plugins add (footnotes, copy buttons, callouts), in each language.
  'src/i18n',
  'src/data/markdown-text.ts',
];

async function hashSources(root: string): Promise<string> {
  const hash = createHash('sha256');
  for (const source of RENDER_SOURCES) {
    const abs = path.join(root, source);
    if (!existsSync(abs)) continue;
    if ((await stat(abs)).isFile()) {
      hash.update(source).update(await readFile(abs));
      continue;
    }
    const files = (await readdir(abs, { recursive: true })).map(String).sort();
    for (const file of files) {
      if (!/\.(ts|js|mjs)$/.test(file)) continue;
      hash.update(file).update(await readFile(path.join(abs, file)));
    }
  }
  return hash.digest('hex');
}

export default function renderCache(): AstroIntegration {
  return {
    name: 'greenpath:render-cache',
    hooks: {
      'astro:config:setup': async ({ config, logger }) => {
        const root = fileURLToPath(config.root);
        const stamp = path.join(root, '.greenpath', 'render-sources.sha256');
        const current = await hashSources(root);
        const previous = existsSync(stamp) ? (await readFile(stamp, 'utf8')).trim() : '';
        if (previous === current) return;
        if (previous && (await clearContentStore(fileURLToPath(config.cacheDir)))) {
          logger.info('Markdown plugins or schema changed: cleared the content cache');
        }
        await mkdir(path.dirname(stamp), { recursive: true });
        await writeFile(stamp, `${current}\n`);
      },
    },
  };
}
