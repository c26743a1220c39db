/**
 * What a built page makes a browser download as it is viewed, before anyone interacts with it:
 * the one reading behind both the carbon figure (src/lib/carbon.ts) and the page-weight bench and
 * byte budgets (scripts/lib/page-weight.ts). From the page's HTML: its stylesheets (not disabled
 * ones), icons, preloads and module preloads, scripts (external, and inline ones that run), images
 * and videos; then, file by file, what stylesheets load (`@import`, `url()`: fonts, backgrounds)
 * and what modules import statically, transitively. Code loaded on use (`import()`, a `<template>`
 * inserted on focus) is not counted; that is the point of loading it late. Pure: the caller says
 * which files the site has and what they hold.
 */
import { scanTags } from './html-scan';
import { mimeTypeOf } from './mime-types';

/** The kinds a page's bytes are reported by. */
export type ResourceKind = 'html' | 'css' | 'js' | 'images' | 'fonts' | 'other';

/** The kind of a site file, by its media type (src/lib/mime-types.ts). */
export function resourceKind(file: string): ResourceKind {
  const type = mimeTypeOf(file);
  if (type.startsWith('text/html')) return 'html';
  if (type.startsWith('text/css')) return 'css';
  if (type.startsWith('text/javascript')) return 'js';
  if (type.startsWith('image/')) return 'images';
  if (type.startsWith('font/')) return 'fonts';
  return 'other';
}

/** What a page's own HTML loads. */
export interface PageReferences {
  /** URLs as written (entities decoded), in document order. */
  urls: string[];
  /** The text of each inline script that runs (its bytes are the HTML's; its imports load). */
  inlineScripts: string[];
}

const LOADING_TAGS = new Set(['link', 'script', 'img', 'video']);
const LOADING_RELS = ['stylesheet', 'icon', 'preload', 'modulepreload'];
/** Script types a browser does not run: data blocks. */
const DATA_SCRIPT = /^(?:application\/(?:ld\+)?json|importmap|speculationrules)$/i;

/** The references of a page's HTML; tags inside `<template>` are inert and left out. */
export function pageReferences(html: string): PageReferences {
  const urls: string[] = [];
  const inlineScripts: string[] = [];
  for (const tag of scanTags(html, LOADING_TAGS)) {
    if (tag.inTemplate) continue;
    const a = tag.attributes;
    if (tag.name === 'link') {
      const rel = (a.get('rel') ?? '').toLowerCase().split(/\s+/);
      const href = a.get('href');
      if (!href || !rel.some((r) => LOADING_RELS.includes(r))) continue;
      if (rel.includes('stylesheet') && a.has('disabled')) continue;
      urls.push(href);
    } else if (tag.name === 'script') {
      if (DATA_SCRIPT.test(a.get('type') ?? '')) continue;
      const src = a.get('src');
      if (src !== undefined) {
        if (src) urls.push(src);
      } else if (tag.text?.trim()) inlineScripts.push(tag.text);
    } else {
      const src = a.get('src');
      if (src) urls.push(src);
    }
  }
  return { urls, inlineScripts };
}

// Static imports and re-exports only: `import x from "./a.js"`, `import "./a.js"`, `export * from "./a.js"`.
const STATIC_IMPORT = /(?:^|[;\s}])(?:import|export)\s*(?:[\w*${}\s,]+?\s*from\s*)?["']([^"']+)["']/g;
const CSS_IMPORT = /@import\s+["']([^"']+)["']/g;
const CSS_URL = /url\(\s*(['"]?)([^'")]+)\1\s*\)/g;

/** Specifiers of the modules a script imports statically. */
export function staticImports(source: string): string[] {
  return [...source.matchAll(STATIC_IMPORT)].map((m) => m[1] ?? '').filter(Boolean);
}

/** What a stylesheet loads in its turn: the sheets it `@import`s and every `url()` (data: URLs aside). */
export function cssReferences(css: string): string[] {
  const imports = [...css.matchAll(CSS_IMPORT)].map((m) => m[1] ?? '');
  const urls = [...css.matchAll(CSS_URL)].map((m) => m[2] ?? '');
  return [...imports, ...urls].filter((u) => u && !/^data:/i.test(u));
}

/** The built site, as the walk needs it, by URL path (`/docs/_astro/x.css`). */
export interface SiteFiles {
  /** Whether the site has a file at this URL path. */
  has(urlPath: string): boolean;
  /** The text of a stylesheet or script of the site. */
  text(urlPath: string): string;
}

export interface PageResources {
  /** URL paths of the site's files the page loads besides itself, each once, in the order found. */
  files: { path: string; kind: ResourceKind }[];
  /** References that are not files of the site (another origin, or missing): sorted. */
  unresolved: string[];
}

const ORIGIN = 'http://site.invalid';

/**
 * Every file the page at URL path `pagePath` loads, following stylesheets and modules. A
 * reference resolves against the file that makes it, as a browser resolves it.
 */
export function pageResources(pagePath: string, references: PageReferences, site: SiteFiles): PageResources {
  const pageUrl = `${ORIGIN}${pagePath}`;
  const queue: [string, string][] = references.urls.map((ref) => [ref, pageUrl]);
  for (const script of references.inlineScripts) for (const spec of staticImports(script)) queue.push([spec, pageUrl]);
  const found = new Map<string, ResourceKind>();
  const unresolved = new Set<string>();
  for (let i = 0; i < queue.length; i++) {
    const [ref, from] = queue[i] as [string, string];
    if (/^data:/i.test(ref)) continue;
    const url = new URL(ref, from);
    if (url.origin !== ORIGIN) {
      unresolved.add(url.href);
      continue;
    }
    if (found.has(url.pathname)) continue;
    if (!site.has(url.pathname)) {
      unresolved.add(url.pathname);
      continue;
    }
    const kind = resourceKind(url.pathname);
    found.set(url.pathname, kind);
    const next =
      kind === 'css'
        ? cssReferences(site.text(url.pathname))
        : kind === 'js'
          ? staticImports(site.text(url.pathname))
          : [];
    for (const spec of next) queue.push([spec, url.href]);
  }
  return {
    files: [...found].map(([path, kind]) => ({ path, kind })),
    unresolved: [...unresolved].sort(),
  };
}
