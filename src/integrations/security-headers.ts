/**
 * Finishes the Content-Security-Policy after Astro has written the pages (Astro's
 * `security.csp`, set from src/lib/security-policy.ts, puts the policy into each page's
 * `<meta http-equiv>`):
 * - moves that `<meta>` to the top of `<head>`, so it governs the whole document;
 * - refuses to publish a page without a policy;
 * - adds the policy, as a header, to the `_headers` file copied from public/, so hosts that read
 *   it send the same policy as the pages carry. A page's hashes come from the build, which is why
 *   the policy is read back from the built HTML and never copied by hand.
 * Must run before atomicOutput (and before anything that measures the final HTML).
 */
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { headerPolicy, metaPolicy, moveMetaPolicyFirst, withPolicy } from '../lib/security-policy';

/** `guides/x/index.html` → `/guides/x/`; `404.html` → `/404.html`. */
function pagePath(relative: string): string {
  const posix = relative.split(path.sep).join('/');
  return `/${posix.replace(/(^|\/)index\.html$/, '$1')}`;
}

export default function securityHeaders(): AstroIntegration {
  return {
    name: 'greenpath:security-headers',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const pages = (await readdir(root, { recursive: true }))
          .map(String)
          .filter((file) => file.endsWith('.html'))
          .sort();
        const byPolicy = new Map<string, string[]>();
        const missing: string[] = [];
        await Promise.all(
          pages.map(async (file) => {
            const abs = path.join(root, file);
            const html = await readFile(abs, 'utf8');
            const policy = metaPolicy(html);
            if (!policy) {
              missing.push(file);
              return;
            }
            byPolicy.set(policy, [...(byPolicy.get(policy) ?? []), pagePath(file)]);
            const moved = moveMetaPolicyFirst(html);
            if (moved !== html) await writeFile(abs, moved);
          }),
        );
        if (missing.length > 0) {
          throw new Error(`Pages without a Content-Security-Policy (security.csp): ${missing.sort().join(', ')}`);
        }
        const policies = new Map<string, string>();
        if (byPolicy.size === 1) policies.set('/*', headerPolicy([...byPolicy.keys()][0] ?? ''));
        else for (const [policy, paths] of byPolicy) for (const p of paths) policies.set(p, headerPolicy(policy));
        const headersPath = path.join(root, '_headers');
        const headers = existsSync(headersPath) ? await readFile(headersPath, 'utf8') : '';
        await writeFile(headersPath, withPolicy(headers, policies));
        logger.info(
          byPolicy.size === 1
            ? `One Content-Security-Policy for all ${pages.length} pages, added to _headers`
            : `${byPolicy.size} Content-Security-Policies across ${pages.length} pages, each added to _headers`,
        );
      },
    },
  };
}
