/**
 * Makes `astro build` all-or-nothing. The build writes into a fresh staging folder; only when
 * every page, the sitemap and the search index are written (this integration's
 * `astro:build:done` runs last) does the staging folder replace `dist/`. A build that fails at
 * any point leaves the previous `dist/` exactly as it was. Must be the last integration.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

export const STAGING_ROOT = '.greenpath';

/** Replaces `target` with `staged` in two renames; the old tree is removed only after the swap. */
export async function swapIntoPlace(staged: string, target: string): Promise<void> {
  const old = `${target}.old-${process.pid}`;
  await mkdir(path.dirname(target), { recursive: true });
  const hadTarget = existsSync(target);
  if (hadTarget) await rename(target, old);
  try {
    await rename(staged, target);
  } catch (error) {
    if (hadTarget) await rename(old, target);
    throw error;
  }
  if (hadTarget) await rm(old, { recursive: true, force: true });
}

export default function atomicOutput(): AstroIntegration {
  let finalDir = '';
  let stagingDir = '';
  return {
    name: 'greenpath:atomic-output',
    hooks: {
      'astro:config:setup': async ({ command, config, updateConfig }) => {
        if (command !== 'build') return;
        finalDir = path.resolve(fileURLToPath(config.outDir));
        const root = path.join(fileURLToPath(config.root), STAGING_ROOT);
        await mkdir(root, { recursive: true });
        // A fixed name: Astro hashes its config to decide whether to keep the content cache, so a
        // per-run name would throw the cache away on every build. A leftover of a build that died is removed.
        const key = createHash('sha256').update(finalDir).digest('hex').slice(0, 12);
        stagingDir = path.join(root, `staging-${path.basename(finalDir)}-${key}`);
        await rm(stagingDir, { recursive: true, force: true });
        updateConfig({ outDir: new URL(`file://${stagingDir}/`) });
      },
      'astro:build:done': async ({ logger }) => {
        if (!stagingDir) return;
        await swapIntoPlace(stagingDir, finalDir);
        logger.info(`Published ${path.relative(process.cwd(), finalDir) || finalDir}/`);
      },
    },
  };
}
