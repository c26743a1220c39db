/**
 * The site's URLs bound to this build's base path (`BASE_PATH`, which Astro hands pages as
 * `import.meta.env.BASE_URL`). The URL logic itself is src/lib/urls.ts; this module only supplies
 * the base, so it runs inside Vite (pages, components, layouts) and nowhere else.
 */
import { siteUrls, withBase as withBaseUnder } from '../lib/urls';
import { normaliseBase } from '../lib/urls-base';
import { siteHref as siteHrefUnder } from '../lib/site';

/** The base path with one leading and trailing slash: `/` or `/docs/`. */
export const BASE = normaliseBase(import.meta.env.BASE_URL);

// Pure: a browser bundle that imports this module for BASE alone leaves siteUrls out.
export const urls = /* @__PURE__ */ siteUrls(BASE);

/** `withBase('guides/x/')` → `/docs/guides/x/`. Absolute URLs and fragments pass through. */
export function withBase(path: string): string {
  return withBaseUnder(path, BASE);
}

/** A link from site.yaml under this build's base: `/guides/` → `/docs/guides/`; other URLs are kept. */
export function siteHref(href: string): string {
  return siteHrefUnder(href, BASE);
}
