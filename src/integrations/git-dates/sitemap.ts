/**
 * Gives each guide's URL in the sitemap its `lastmod`: the date the guide shows as "Updated"
 * (src/lib/git-dates.ts `lastUpdated`). The content loader (./loader.ts) records those dates as
 * it stores the guides; @astrojs/sitemap asks for them after the build, through `serialize`.
 *
 * The record is held on `globalThis`, as the build report is (src/lib/build-report.ts): the loader
 * is imported through Astro's Vite module graph, the sitemap's options from astro.config.ts, and
 * only the process is common to both. Node only.
 */
import { PAGE_PATHS, withBase } from '../../lib/urls';

const KEY = Symbol.for('greenpath.guide-last-updated');
type WithRecord = typeof globalThis & { [KEY]?: ReadonlyMap<string, Date> };

/** Records each guide's "Updated" date by slug (guides without one are left out). */
export function recordLastUpdated(bySlug: ReadonlyMap<string, Date>): void {
  (globalThis as WithRecord)[KEY] = bySlug;
}

/** What @astrojs/sitemap hands `serialize` and takes back. */
interface SitemapItem {
  url: string;
  lastmod?: string | undefined;
}

/**
 * A `serialize` for @astrojs/sitemap: a guide's URL gets its "Updated" date as `lastmod`; a
 * translation's (`/fr/guides/x/`) is recorded under its id, `fr/x`.
 */
export function guideLastmod(base: string) {
  const [before = '', after = ''] = PAGE_PATHS.guide.split(':slug');
  const root = withBase('', base);
  return <Item extends SitemapItem>(item: Item): Item => {
    const path = decodeURI(new URL(item.url).pathname);
    if (!path.startsWith(root) || !path.endsWith(after)) return item;
    const rest = path.slice(root.length, path.length - after.length);
    // `guides/x` is the default language's guide; `fr/guides/x` a translation, whose id is `fr/x`.
    const slash = rest.indexOf('/');
    const lang = rest.startsWith(before) ? '' : rest.slice(0, slash + 1);
    if (!rest.startsWith(before, lang.length)) return item;
    const slug = lang + rest.slice(lang.length + before.length);
    const date = (globalThis as WithRecord)[KEY]?.get(slug);
    return date ? { ...item, lastmod: date.toISOString() } : item;
  };
}
