/**
 * The JavaScript a built page loads, read from the build output: its inline and external
 * scripts (JSON-LD excluded) and every module they import, each once, with raw and gzipped
 * sizes. For byte budgets that hold for what a reader actually downloads.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface PageScript {
  /** The file's URL path, or `inline:<hash>` for an inline script. */
  id: string;
  source: string;
  bytes: number;
  gzipBytes: number;
}

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi;
const IMPORT =
  /(?:\bimport\s*(?:[\w*${}\s,]+from\s*)?|\bexport\s*[\w*${}\s,]+from\s*|\bimport\s*\(\s*)["'`]([^"'`]+)["'`]/g;

function measure(id: string, source: string): PageScript {
  return { id, source, bytes: Buffer.byteLength(source), gzipBytes: gzipSync(source, { level: 9 }).length };
}

/**
 * Every script of the page at `pagePath` (its path under the site's base, such as `guides/`).
 * `base` is the site's base path, which script URLs carry.
 */
export async function pageScripts(outDir: string, pagePath: string, base = '/'): Promise<PageScript[]> {
  const html = await readFile(path.join(outDir, pagePath, pagePath.endsWith('.html') ? '' : 'index.html'), 'utf8');
  const found = new Map<string, PageScript>();
  const pending: string[] = [];
  for (const [, attributes = '', body = ''] of html.matchAll(SCRIPT)) {
    if (/type=["']?application\/(?:ld\+)?json/i.test(attributes)) continue;
    const src = /\bsrc=["']?([^"'\s>]+)/i.exec(attributes)?.[1];
    if (src) pending.push(new URL(src, `http://site${base}${pagePath}`).pathname);
    else {
      const script = measure(`inline:${createHash('sha256').update(body).digest('hex').slice(0, 12)}`, body);
      found.set(script.id, script);
      for (const [, specifier = ''] of body.matchAll(IMPORT))
        pending.push(new URL(specifier, `http://site${base}${pagePath}`).pathname);
    }
  }
  while (pending.length) {
    const urlPath = pending.shift() ?? '';
    if (found.has(urlPath) || !urlPath.startsWith(base)) continue;
    const source = await readFile(path.join(outDir, urlPath.slice(base.length)), 'utf8');
    found.set(urlPath, measure(urlPath, source));
    for (const [, specifier = ''] of source.matchAll(IMPORT)) {
      if (/^\.{0,2}\//.test(specifier)) pending.push(new URL(specifier, `http://site${urlPath}`).pathname);
    }
  }
  return [...found.values()];
}

/** The scripts of `pagePath` that none of `otherPaths` loads: what that page adds. */
export async function scriptsOnlyOn(
  outDir: string,
  pagePath: string,
  otherPaths: readonly string[],
  base = '/',
): Promise<PageScript[]> {
  const elsewhere = new Set<string>();
  for (const other of otherPaths) for (const script of await pageScripts(outDir, other, base)) elsewhere.add(script.id);
  return (await pageScripts(outDir, pagePath, base)).filter((script) => !elsewhere.has(script.id));
}
