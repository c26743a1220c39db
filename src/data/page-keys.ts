/**
 * Cache keys for Astro's incremental builds (`experimental.incrementalBuild`): a page built from
 * `getStaticPaths()` is copied from the previous build instead of rendered again when its key and
 * the code it imports are unchanged. Astro hashes the code; the key must cover everything else the
 * page shows. A guide page shows its view model (src/lib/guide-page.ts: the guide, its series,
 * related guides, JSON-LD) and its rendered content, which Astro renders during the content sync,
 * with the Markdown plugins, outside any page's code: so the key holds the rendered HTML too.
 * Node only (node:crypto hashes the HTML of every guide far faster than JavaScript could).
 */
import { createHash } from 'node:crypto';

/** A short hash of a text, with its length (`…:1234`). */
export function textHash(text: string): string {
  return `${createHash('sha256').update(text).digest('base64url').slice(0, 16)}:${text.length}`;
}

/** Dates become ISO strings, Maps and Sets lists: every value a page model holds has a stable text. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v instanceof Map ? [...v.entries()] : v instanceof Set ? [...v.values()] : v,
  );
}

/** The key of a page made of `model` and content rendered as `rendered` (its HTML and metadata). */
export function pageKey(model: unknown, rendered?: { html?: string; metadata?: unknown }): string {
  const hash = createHash('sha256').update(stableJson(model));
  if (rendered)
    hash
      .update('\0')
      .update(rendered.html ?? '')
      .update('\0')
      .update(stableJson(rendered.metadata ?? null));
  return hash.digest('base64url');
}
