/**
 * What a built page makes a browser download before anyone interacts with it, read from the
 * build output: the HTML, its stylesheets (and what they `@import`), the fonts their
 * `@font-face` rules name, its scripts (external, inline, and every module they import
 * statically, transitively), and `modulepreload`/`preload` links. Code a page loads on use
 * (`import()`, a template inserted on focus) is not counted; that is the point of loading it late.
 * Sizes are raw and gzip -9, as budgets are stated. Node only; used by `npm run bench` and the
 * byte-budget tests, which confirm the list against Chromium's network log.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { safeDecodeURIComponent } from '../../src/lib/decode-uri';

export type ResourceKind = 'html' | 'css' | 'font' | 'js' | 'inline-js';

export interface Resource {
  /** URL path under the site (`/docs/_astro/x.js`), or `inline-js:<page>#<n>`. */
  url: string;
  kind: ResourceKind;
  bytes: number;
  gzipBytes: number;
  /** The built file, for external resources. */
  file?: string;
}

export interface Weight {
  bytes: number;
  gzipBytes: number;
}

export interface PageWeight {
  /** The page's URL path. */
  page: string;
  resources: Resource[];
  /** Everything downloaded: HTML (inline scripts and styles included), CSS, fonts, JavaScript files. */
  total: Weight;
  /** JavaScript the page runs: external files and inline scripts (these also count in the HTML). */
  js: Weight;
  css: Weight;
  html: Weight;
  fonts: Weight;
}

export function gzipSize(content: string | Buffer): number {
  return gzipSync(content, { level: 9 }).length;
}

const ATTRIBUTE = /([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/** The attributes of one start tag's inside (`<script type="module" src="x">` → {type, src}). */
export function parseAttributes(inside: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of inside.matchAll(ATTRIBUTE)) {
    const name = m[1]?.toLowerCase();
    if (name) out[name] = m[2] ?? m[3] ?? m[4] ?? '';
  }
  return out;
}

// Static imports and re-exports only: `import x from "./a.js"`, `import "./a.js"`, `export * from "./a.js"`.
const STATIC_IMPORT = /(?:^|[;\s}])(?:import|export)\s*(?:[\w*${}\s,]+?\s*from\s*)?["']([^"']+)["']/g;
const CSS_IMPORT = /@import\s+(?:url\()?\s*["']?([^"')\s]+)["']?\s*\)?/g;
const FONT_FACE = /@font-face\s*{[^}]*}/g;
const CSS_URL = /url\(\s*["']?([^"')]+)["']?\s*\)/g;

/** Specifiers of the modules `source` imports statically. */
export function staticImports(source: string): string[] {
  return [...source.matchAll(STATIC_IMPORT)].map((m) => m[1] ?? '').filter(Boolean);
}

/** What a stylesheet pulls in before first paint: the sheets it imports and the fonts it declares. */
export function cssDependencies(css: string): { imports: string[]; fonts: string[] } {
  const imports = [...css.matchAll(CSS_IMPORT)].map((m) => m[1] ?? '').filter(Boolean);
  const fonts = [...css.matchAll(FONT_FACE)].flatMap((block) =>
    [...block[0].matchAll(CSS_URL)].map((m) => m[1] ?? '').filter((u) => u && !u.startsWith('data:')),
  );
  return { imports, fonts };
}

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const LINK = /<link\b([^>]*)>/gi;
const JSON_SCRIPT = /^(?:application\/(?:ld\+)?json|importmap|speculationrules)$/i;

/** The page's own resource references, in document order. */
export function pageReferences(html: string): {
  scripts: { src?: string; inline?: string }[];
  stylesheets: string[];
  preloads: { href: string; as: string }[];
} {
  const scripts: { src?: string; inline?: string }[] = [];
  for (const [, inside = '', body = ''] of html.matchAll(SCRIPT)) {
    const attrs = parseAttributes(inside);
    if (attrs['type'] && JSON_SCRIPT.test(attrs['type'])) continue;
    // Astro's inert templates hold code that loads on use; <script> inside <template> never runs.
    if (attrs['src'] !== undefined) scripts.push({ src: attrs['src'] });
    else if (body.trim()) scripts.push({ inline: body });
  }
  const stylesheets: string[] = [];
  const preloads: { href: string; as: string }[] = [];
  for (const [, inside = ''] of html.matchAll(LINK)) {
    const attrs = parseAttributes(inside);
    const rel = (attrs['rel'] ?? '').toLowerCase().split(/\s+/);
    const href = attrs['href'];
    if (!href) continue;
    if (rel.includes('stylesheet') && !('disabled' in attrs)) stylesheets.push(href);
    else if (rel.includes('modulepreload')) preloads.push({ href, as: 'script' });
    else if (rel.includes('preload') && ['font', 'script', 'style'].includes(attrs['as'] ?? '')) {
      preloads.push({ href, as: attrs['as'] ?? '' });
    }
  }
  return { scripts, stylesheets, preloads };
}

/** Removes `<template>` contents: what they hold is inert until a script clones it. */
function withoutTemplates(html: string): string {
  return html.replace(/<template\b[^>]*>[\s\S]*?<\/template\s*>/gi, '');
}

/**
 * The weight of the page at `pagePath` (a URL path under the site, such as `/guides/x/`) in the
 * build at `outDir`, whose base path is `base`.
 */
export async function measurePage(outDir: string, pagePath: string, base = '/'): Promise<PageWeight> {
  const root = `http://site${base}`;
  const pageUrl = new URL(pagePath.replace(/^\//, ''), root);
  const toFile = (url: URL) => {
    const rel = safeDecodeURIComponent(url.pathname).slice(base.length);
    return path.join(outDir, rel.endsWith('/') || rel === '' ? `${rel}index.html` : rel);
  };
  const resources = new Map<string, Resource>();
  const add = async (url: URL, kind: ResourceKind): Promise<string | undefined> => {
    if (url.origin !== pageUrl.origin || resources.has(url.pathname)) return undefined;
    const file = toFile(url);
    const content = await readFile(file);
    resources.set(url.pathname, {
      url: url.pathname,
      kind,
      bytes: content.length,
      gzipBytes: gzipSize(content),
      file,
    });
    return kind === 'font' ? undefined : content.toString('utf8');
  };

  const html = (await add(pageUrl, 'html')) ?? '';
  const refs = pageReferences(withoutTemplates(html));
  const modules: URL[] = [];
  refs.scripts.forEach((script, n) => {
    if (script.src !== undefined) modules.push(new URL(script.src, pageUrl));
    else if (script.inline !== undefined) {
      const id = `inline-js:${pageUrl.pathname}#${n}`;
      resources.set(id, {
        url: id,
        kind: 'inline-js',
        bytes: Buffer.byteLength(script.inline),
        gzipBytes: gzipSize(script.inline),
      });
      for (const spec of staticImports(script.inline)) modules.push(new URL(spec, pageUrl));
    }
  });
  const sheets = refs.stylesheets.map((href) => new URL(href, pageUrl));
  for (const preload of refs.preloads) {
    const url = new URL(preload.href, pageUrl);
    if (preload.as === 'script') modules.push(url);
    else if (preload.as === 'style') sheets.push(url);
    else await add(url, 'font');
  }
  while (sheets.length) {
    const url = sheets.shift() as URL;
    const css = await add(url, 'css');
    if (css === undefined) continue;
    const deps = cssDependencies(css);
    sheets.push(...deps.imports.map((u) => new URL(u, url)));
    for (const font of deps.fonts) await add(new URL(font, url), 'font');
  }
  while (modules.length) {
    const url = modules.shift() as URL;
    const source = await add(url, 'js');
    if (source !== undefined) modules.push(...staticImports(source).map((spec) => new URL(spec, url)));
  }

  const list = [...resources.values()];
  const sum = (test: (r: Resource) => boolean): Weight =>
    list.filter(test).reduce((acc, r) => ({ bytes: acc.bytes + r.bytes, gzipBytes: acc.gzipBytes + r.gzipBytes }), {
      bytes: 0,
      gzipBytes: 0,
    });
  return {
    page: pageUrl.pathname,
    resources: list,
    total: sum((r) => r.kind !== 'inline-js'),
    js: sum((r) => r.kind === 'js' || r.kind === 'inline-js'),
    css: sum((r) => r.kind === 'css'),
    html: sum((r) => r.kind === 'html'),
    fonts: sum((r) => r.kind === 'font'),
  };
}
