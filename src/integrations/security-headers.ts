/**
 * Finishes the Content-Security-Policy after Astro has written the pages (Astro's
 * `security.csp`, set from src/lib/security-policy.ts, puts the policy into each page's
 * `<meta http-equiv>`):
 * - keeps only the hashes of inline scripts and styles the pages hold (Astro lists every one it
 *   knows of), and refuses to publish inline code the policy does not allow, or a page without a
 *   policy;
 * - moves that `<meta>` to the top of `<head>`, so it governs the whole document;
 * - adds the policy, as a header, to the `_headers` file copied from public/, so hosts that read
 *   it send the same policy as the pages carry. A page's hashes come from the build, which is why
 *   the policy is read back from the built HTML and never copied by hand.
 * A pass of ./finish-pages.ts, before the carbon figures (which measure the final HTML).
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { AstroIntegrationLogger } from 'astro';
import {
  headerPolicy,
  inlineHashes,
  metaPolicy,
  moveMetaPolicyFirst,
  replaceMetaPolicy,
  tightenPolicy,
  withPolicy,
} from '../lib/security-policy';
import type { FinishedPages } from './finished-pages';

/** `guides/x/index.html` → `/guides/x/`; `404.html` → `/404.html`. */
function pagePath(relative: string): string {
  const posix = relative.split(path.sep).join('/');
  return `/${posix.replace(/(^|\/)index\.html$/, '$1')}`;
}

export async function securePages(pages: FinishedPages, logger: AstroIntegrationLogger): Promise<void> {
  // The inline scripts and styles the site holds, across every page.
  const used = { scripts: new Set<string>(), styles: new Set<string>() };
  for (const html of pages.html.values()) {
    const found = inlineHashes(html);
    for (const hash of found.scripts) used.scripts.add(hash);
    for (const hash of found.styles) used.styles.add(hash);
  }
  const byPolicy = new Map<string, string[]>();
  const missing: string[] = [];
  const refused = new Set<string>();
  const tightened = new Map<string, string>();
  for (const file of pages.files) {
    const html = pages.get(file);
    const astroPolicy = metaPolicy(html);
    if (!astroPolicy) {
      missing.push(file);
      continue;
    }
    let policy = tightened.get(astroPolicy);
    if (policy === undefined) {
      const result = tightenPolicy(astroPolicy, used);
      for (const r of result.refused) refused.add(r);
      policy = result.policy;
      tightened.set(astroPolicy, policy);
    }
    const paths = byPolicy.get(policy);
    if (paths) paths.push(pagePath(file));
    else byPolicy.set(policy, [pagePath(file)]);
    pages.set(file, moveMetaPolicyFirst(replaceMetaPolicy(html, policy)));
  }
  if (missing.length > 0) {
    throw new Error(`Pages without a Content-Security-Policy (security.csp): ${missing.sort().join(', ')}`);
  }
  if (refused.size > 0) {
    throw new Error(
      `Inline code the Content-Security-Policy does not allow (the browser would block it): ${[...refused].sort().join(', ')}`,
    );
  }
  const policies = new Map<string, string>();
  if (byPolicy.size === 1) policies.set('/*', headerPolicy([...byPolicy.keys()][0] ?? ''));
  else for (const [policy, paths] of byPolicy) for (const p of paths) policies.set(p, headerPolicy(policy));
  const headersPath = path.join(pages.root, '_headers');
  const headers = existsSync(headersPath) ? await readFile(headersPath, 'utf8') : '';
  await writeFile(headersPath, withPolicy(headers, policies));
  logger.info(
    byPolicy.size === 1
      ? `One Content-Security-Policy for all ${pages.html.size} pages (${used.scripts.size} inline scripts allowed by hash), added to _headers`
      : `${byPolicy.size} Content-Security-Policies across ${pages.html.size} pages, each added to _headers`,
  );
}
