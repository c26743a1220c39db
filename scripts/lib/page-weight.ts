/**
 * What a built page makes a browser download before anyone interacts with it, read from the
 * build output by src/lib/page-resources.ts (the same reading as the carbon figure), with each
 * file's size raw and gzip -9, as budgets are stated. Inline scripts are listed too, as `js`
 * marked `inline`: their bytes are the HTML's, but they count in the JavaScript a page runs.
 * Node only; used by `npm run bench` and the byte-budget tests, which confirm the list against
 * Chromium's network log.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { safeDecodeURIComponent } from '../../src/lib/decode-uri';
import { pageReferences, pageResources, type ResourceKind } from '../../src/lib/page-resources';

export type { ResourceKind };

export interface Resource {
  /** URL path under the site (`/docs/_astro/x.js`), or `inline-js:<page>#<n>`. */
  url: string;
  kind: ResourceKind;
  /** An inline script: its bytes are also the HTML's. */
  inline?: true;
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
  /** Everything downloaded: HTML (inline scripts and styles included), CSS, fonts, JavaScript files, images. */
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

/**
 * The weight of the page at `pagePath` (a URL path under the site, such as `/guides/x/`) in the
 * build at `outDir`, whose base path is `base`.
 */
export function measurePage(outDir: string, pagePath: string, base = '/'): PageWeight {
  const page = new URL(pagePath.replace(/^\//, ''), `http://site${base}`).pathname;
  const fileOf = (urlPath: string) => {
    const rel = safeDecodeURIComponent(urlPath).slice(base.length);
    return path.join(outDir, rel.endsWith('/') || rel === '' ? `${rel}index.html` : rel);
  };
  const resource = (url: string, kind: ResourceKind, file: string): Resource => {
    const content = readFileSync(file);
    return { url, kind, bytes: content.length, gzipBytes: gzipSize(content), file };
  };
  const htmlFile = fileOf(page);
  const html = readFileSync(htmlFile, 'utf8');
  const references = pageReferences(html);
  const { files } = pageResources(page, references, {
    has: (urlPath) => urlPath.startsWith(base) && existsSync(fileOf(urlPath)) && statSync(fileOf(urlPath)).isFile(),
    text: (urlPath) => readFileSync(fileOf(urlPath), 'utf8'),
  });
  const resources: Resource[] = [resource(page, 'html', htmlFile)];
  references.inlineScripts.forEach((script, n) => {
    const url = `inline-js:${page}#${n}`;
    resources.push({ url, kind: 'js', inline: true, bytes: Buffer.byteLength(script), gzipBytes: gzipSize(script) });
  });
  for (const file of files) resources.push(resource(file.path, file.kind, fileOf(file.path)));

  const sum = (test: (r: Resource) => boolean): Weight =>
    resources
      .filter(test)
      .reduce((acc, r) => ({ bytes: acc.bytes + r.bytes, gzipBytes: acc.gzipBytes + r.gzipBytes }), {
        bytes: 0,
        gzipBytes: 0,
      });
  return {
    page,
    resources,
    total: sum((r) => !r.inline),
    js: sum((r) => r.kind === 'js'),
    css: sum((r) => r.kind === 'css'),
    html: sum((r) => r.kind === 'html'),
    fonts: sum((r) => r.kind === 'fonts'),
  };
}
