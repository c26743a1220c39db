/**
 * Every URL a built site points at inside itself, resolved against the files of the build the
 * way a static host (GitHub Pages) would serve them: `/docs/x/` is `x/index.html` in the output
 * folder, `/docs/x.svg` is `x.svg`, and a `#fragment` must name an element of the target page.
 * Read from the HTML pages (parsed with parse5, srcset and absolute URLs on the site's own origin
 * included), the feed, the sitemaps and the search index's page records.
 */
import { existsSync, statSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';

export interface SiteAddress {
  /** The built folder. */
  dir: string;
  /** `https://example.org` */
  origin: string;
  /** `/docs/` */
  base: string;
}

interface Reference {
  /** The output file the URL was found in, relative to the build. */
  from: string;
  /** The URL as written. */
  url: string;
  /** What the URL is relative to. */
  pageUrl: string;
}

const URL_ATTRIBUTES: Record<string, readonly string[]> = {
  href: ['a', 'area', 'link', 'base'],
  src: ['img', 'script', 'source', 'iframe', 'video', 'audio', 'track', 'embed', 'input'],
  poster: ['video'],
  action: ['form'],
  formAction: ['button', 'input'],
  cite: ['blockquote', 'q', 'del', 'ins'],
  data: ['object'],
};

const ABSOLUTE = /^[a-z][a-z0-9+.-]*:/i;

/** The candidate URLs of a srcset, whichever way hast holds it (a list or a string). */
function srcsetUrls(value: unknown): string[] {
  const candidates = Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(/,\s+/) : [];
  return candidates.map((candidate) => candidate.trim().split(/\s+/)[0] ?? '').filter(Boolean);
}

/** The page URL of an output file: `guides/x/index.html` → `https://example.org/docs/guides/x/`. */
function pageUrlOf(file: string, site: SiteAddress): string {
  return `${site.origin}${site.base}${file.replace(/(^|\/)index\.html$/, '$1')}`;
}

function htmlReferences(tree: Root, from: string, site: SiteAddress): Reference[] {
  const pageUrl = pageUrlOf(from, site);
  const refs: Reference[] = [];
  const add = (url: string) => refs.push({ from, url, pageUrl });
  const ownOrigin = (text: string) => text.startsWith(`${site.origin}/`);
  visit(tree, 'element', (node: Element) => {
    const p = node.properties;
    for (const [property, tags] of Object.entries(URL_ATTRIBUTES)) {
      const value = p[property];
      if (!tags.includes(node.tagName) || typeof value !== 'string') continue;
      // An author's absolute link may name any page of the host, which a project site shares
      // with others; the URLs the site makes itself (canonical, images, feed) are checked.
      if (['a', 'area'].includes(node.tagName) && ABSOLUTE.test(value)) continue;
      add(value);
    }
    if (['img', 'source'].includes(node.tagName)) srcsetUrls(p['srcSet']).forEach(add);
    if (node.tagName === 'svg' || node.tagName === 'use' || node.tagName === 'image') {
      const value = p['xLinkHref'] ?? p['href'];
      if (typeof value === 'string') add(value);
    }
    // og:image, og:url, twitter:image: absolute URLs, checked when they name this site.
    if (node.tagName === 'meta' && typeof p['content'] === 'string' && ownOrigin(p['content'])) add(p['content']);
    if (node.tagName === 'script' && p['type'] === 'application/ld+json') {
      JSON.stringify(JSON.parse(toString(node)), (_key, value: unknown) => {
        if (typeof value === 'string' && ownOrigin(value)) add(value);
        return value;
      });
    }
  });
  return refs;
}

/** Absolute URLs on the site's origin in an XML file (feed, sitemap), and any href/src in escaped HTML. */
function xmlReferences(xml: string, from: string, site: SiteAddress): Reference[] {
  const pageUrl = `${site.origin}${site.base}`;
  const decoded = xml
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
  const escapedOrigin = site.origin.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const absolute = [...decoded.matchAll(new RegExp(`${escapedOrigin}/[^\\s<>"']*`, 'g'))].map((m) => m[0]);
  const attributes = [...decoded.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => m[1] ?? '');
  return [...absolute, ...attributes].map((url) => ({ from, url, pageUrl }));
}

/** Page URLs and images in Pagefind's page records, which its script puts under the base. */
async function searchReferences(site: SiteAddress): Promise<Reference[]> {
  const folder = path.join(site.dir, 'pagefind/fragment');
  if (!existsSync(folder)) return [];
  const refs: Reference[] = [];
  for (const name of await readdir(folder)) {
    const text = gunzipSync(await readFile(path.join(folder, name)))
      .toString('utf8')
      .replace(/^pagefind_dcd/, '');
    const record = JSON.parse(text) as { url: string; meta?: Record<string, string> };
    const from = `pagefind/fragment/${name}`;
    const pageUrl = `${site.origin}${site.base}`;
    refs.push({ from, url: `${site.base}${record.url.replace(/^\/+/, '')}`, pageUrl });
    if (record.meta?.['image']) refs.push({ from, url: record.meta['image'], pageUrl });
  }
  return refs;
}

function isFile(file: string): boolean {
  return existsSync(file) && statSync(file).isFile();
}

export interface LocalUrlReport {
  /** How many local URLs were resolved, so a test can tell a clean site from a scan that found nothing. */
  checked: number;
  /** Every one that does not resolve, as `from: url (reason)`. */
  broken: string[];
}

/** Resolves every local URL of the build. External URLs and other schemes (mailto:, tel:) are not followed. */
export async function checkLocalUrls(site: SiteAddress): Promise<LocalUrlReport> {
  const files = (await readdir(site.dir, { recursive: true }))
    .map((file) => file.split(path.sep).join('/'))
    .filter((file) => !file.startsWith('pagefind/'));
  const ids = new Map<string, Set<string>>();
  const refs: Reference[] = [];
  for (const file of files.filter((f) => f.endsWith('.html'))) {
    const tree = fromHtml(await readFile(path.join(site.dir, file), 'utf8'));
    const found = new Set<string>();
    visit(tree, 'element', (node: Element) => {
      const id = node.properties['id'] ?? (node.tagName === 'a' ? node.properties['name'] : undefined);
      if (typeof id === 'string') found.add(id);
    });
    ids.set(file, found);
    refs.push(...htmlReferences(tree, file, site));
  }
  for (const file of files.filter((f) => f.endsWith('.xml'))) {
    refs.push(...xmlReferences(await readFile(path.join(site.dir, file), 'utf8'), file, site));
  }
  refs.push(...(await searchReferences(site)));

  const broken: string[] = [];
  let checked = 0;
  for (const { from, url, pageUrl } of refs) {
    let target: URL;
    try {
      target = new URL(url, pageUrl);
    } catch {
      broken.push(`${from}: ${url} (not a URL)`);
      continue;
    }
    if (target.origin !== site.origin) continue;
    checked++;
    if (!target.pathname.startsWith(site.base)) {
      broken.push(`${from}: ${url} (outside ${site.base})`);
      continue;
    }
    const relative = decodeURIComponent(target.pathname.slice(site.base.length));
    const file = relative === '' || relative.endsWith('/') ? `${relative}index.html` : relative;
    if (!isFile(path.join(site.dir, file))) {
      broken.push(`${from}: ${url} (no file ${file})`);
      continue;
    }
    const fragment = decodeURIComponent(target.hash.slice(1));
    if (fragment && file.endsWith('.html') && !ids.get(file)?.has(fragment)) {
      broken.push(`${from}: ${url} (no id "${fragment}" in ${file})`);
    }
  }
  return { checked, broken: [...new Set(broken)] };
}
