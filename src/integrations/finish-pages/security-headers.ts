/**
 * Finishes the Content-Security-Policy after Astro has written the pages (Astro's
 * `security.csp`, set from src/integrations/finish-pages/security-policy.ts, puts the policy into each page's
 * `<meta http-equiv>`):
 * - keeps only the hashes of inline scripts and styles the pages hold (Astro lists every one it
 *   knows of), and refuses to publish inline code the policy does not allow, or a page without a
 *   policy;
 * - moves that `<meta>` to the top of `<head>`, so it governs the whole document;
 * - adds the policy, as a header, to the `_headers` file copied from public/, so hosts that read
 *   it send the same policy as the pages carry. A page's hashes come from the build, which is why
 *   the policy is read back from the built HTML and never copied by hand.
 * Used by ./index.ts in two steps: every page is `observe`d (the policy needs the hashes of
 * the whole site), then each is rewritten with `apply`, before its carbon figure is measured.
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { AstroIntegrationLogger } from 'astro';
import { pagePathOf } from './carbon-meter';
import {
  headerPolicy,
  inlineHashes,
  metaPolicy,
  moveMetaPolicyFirst,
  replaceMetaPolicy,
  tightenPolicy,
  withPolicy,
} from './security-policy';

export class PolicyPlan {
  /** The inline scripts and styles the site holds, across every page. */
  private readonly used = { scripts: new Set<string>(), styles: new Set<string>() };
  /** Astro's policy of each page; pages share a few policies, kept once each. */
  private readonly astroPolicyOf = new Map<string, string>();
  private readonly policies = new Map<string, string>();
  private readonly missing: string[] = [];
  private tightened: Map<string, string> | undefined;

  /** Takes note of one page as Astro wrote it. */
  observe(file: string, html: string): void {
    const found = inlineHashes(html);
    for (const hash of found.scripts) this.used.scripts.add(hash);
    for (const hash of found.styles) this.used.styles.add(hash);
    const policy = metaPolicy(html);
    if (policy === undefined) {
      this.missing.push(file);
      return;
    }
    const shared = this.policies.get(policy) ?? policy;
    this.policies.set(policy, shared);
    this.astroPolicyOf.set(file, shared);
  }

  /** Tightens the policies once every page is observed; throws when a page would break. */
  settle(): void {
    if (this.missing.length > 0) {
      throw new Error(`Pages without a Content-Security-Policy (security.csp): ${this.missing.sort().join(', ')}`);
    }
    const refused = new Set<string>();
    this.tightened = new Map();
    for (const policy of this.policies.keys()) {
      const result = tightenPolicy(policy, this.used);
      for (const r of result.refused) refused.add(r);
      this.tightened.set(policy, result.policy);
    }
    if (refused.size > 0) {
      throw new Error(
        `Inline code the Content-Security-Policy does not allow (the browser would block it): ${[...refused].sort().join(', ')}`,
      );
    }
  }

  /** The page with its final policy, first in `<head>`. */
  apply(file: string, html: string): string {
    const policy = this.tightened?.get(this.astroPolicyOf.get(file) ?? '');
    if (policy === undefined) throw new Error(`No policy settled for ${file}`);
    return moveMetaPolicyFirst(replaceMetaPolicy(html, policy));
  }

  /** Adds the policies to `root/_headers`, one for the whole site when the pages share one. */
  async writeHeaders(root: string, logger: AstroIntegrationLogger): Promise<void> {
    const byPolicy = new Map<string, string[]>();
    for (const [file, astro] of [...this.astroPolicyOf].sort(([a], [b]) => a.localeCompare(b))) {
      const policy = this.tightened?.get(astro) ?? astro;
      const paths = byPolicy.get(policy);
      // `_headers` paths are the pages' own, as the host serves them from this folder.
      const page = pagePathOf(file, '/');
      if (paths) paths.push(page);
      else byPolicy.set(policy, [page]);
    }
    const headers = new Map<string, string>();
    if (byPolicy.size === 1) headers.set('/*', headerPolicy([...byPolicy.keys()][0] ?? ''));
    else for (const [policy, paths] of byPolicy) for (const p of paths) headers.set(p, headerPolicy(policy));
    const headersPath = path.join(root, '_headers');
    const current = existsSync(headersPath) ? await readFile(headersPath, 'utf8') : '';
    await writeFile(headersPath, withPolicy(current, headers));
    logger.info(
      byPolicy.size === 1
        ? `One Content-Security-Policy for all ${this.astroPolicyOf.size} pages (${this.used.scripts.size} inline scripts allowed by hash), added to _headers`
        : `${byPolicy.size} Content-Security-Policies across ${this.astroPolicyOf.size} pages, each added to _headers`,
    );
  }
}
