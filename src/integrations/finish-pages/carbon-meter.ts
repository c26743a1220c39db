/**
 * Measures built pages for their carbon figure (the model: src/lib/carbon.ts): reads the files a
 * page loads from the built site and gzips them at level 9, as a server would send them. Node only;
 * deterministic.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzip, gzipSync } from 'node:zlib';
import { carbonPerView, type PageCarbon } from '../../lib/carbon';
import { safeDecodeURIComponent } from '../../lib/decode-uri';
import { pageReferences, pageResources, type PageReferences } from '../../lib/page-resources';

const GZIP = { level: 9 };
const gzipAsync = promisify(gzip);

/**
 * Gzipped sizes of page texts measured before, by a hash of the text: gzip is deterministic, so
 * a page unchanged since the last build (most pages of a warm build) need not be compressed again.
 * Kept in Astro's cache folder between builds (src/integrations/finish-pages/index.ts); only the sizes
 * this build asked for are kept, so it never grows past the site.
 */
export class GzipSizeCache {
  /** What a size depends on besides the text: zlib's version and the level. */
  static readonly VERSION = `zlib ${process.versions.zlib} level ${GZIP.level}`;
  private readonly used = new Map<string, number>();

  constructor(private readonly known: ReadonlyMap<string, number> = new Map()) {}

  static fromJson(json: string | undefined): GzipSizeCache {
    try {
      const parsed = JSON.parse(json ?? '') as { version?: string; sizes?: Record<string, number> };
      if (parsed.version !== GzipSizeCache.VERSION || !parsed.sizes) return new GzipSizeCache();
      return new GzipSizeCache(new Map(Object.entries(parsed.sizes)));
    } catch {
      return new GzipSizeCache();
    }
  }

  static key(text: string): string {
    return createHash('sha256').update(text).digest('base64url');
  }

  get(key: string): number | undefined {
    const size = this.used.get(key) ?? this.known.get(key);
    if (size !== undefined) this.used.set(key, size);
    return size;
  }

  set(key: string, size: number): void {
    this.used.set(key, size);
  }

  /** How many sizes this build asked for. */
  get size(): number {
    return this.used.size;
  }

  /** How many sizes came from the last build. */
  get reused(): number {
    let count = 0;
    for (const key of this.used.keys()) if (this.known.has(key)) count++;
    return count;
  }

  toJson(): string {
    return JSON.stringify({ version: GzipSizeCache.VERSION, sizes: Object.fromEntries(this.used) });
  }
}

/** Measures built pages against the files of one built site, caching each file's gzipped size. */
export class SiteMeter {
  private readonly sizes = new Map<string, number>();
  private readonly texts = new Map<string, string>();
  private readonly files = new Map<string, string | undefined>();

  /** `root`: the built site's folder; `base`: its base path (`/` or `/docs/`). */
  constructor(
    private readonly root: string,
    private readonly base: string,
    private readonly pageSizes: GzipSizeCache = new GzipSizeCache(),
  ) {}

  /** The file behind a URL path of this site, or undefined. */
  private fileFor(urlPath: string): string | undefined {
    if (this.files.has(urlPath)) return this.files.get(urlPath);
    let file: string | undefined;
    if (urlPath.startsWith(this.base)) {
      const rel = safeDecodeURIComponent(urlPath.slice(this.base.length));
      if (!rel.split('/').includes('..')) file = path.join(this.root, rel);
    }
    if (file !== undefined && !existsSync(file)) file = undefined;
    this.files.set(urlPath, file);
    return file;
  }

  private gzipSize(file: string, text?: string): number {
    const known = this.sizes.get(file);
    if (known !== undefined) return known;
    const size = gzipSync(text ?? readFileSync(file), GZIP).length;
    this.sizes.set(file, size);
    return size;
  }

  private text(file: string): string {
    let text = this.texts.get(file);
    if (text === undefined) {
      text = readFileSync(file, 'utf8');
      this.texts.set(file, text);
    }
    return text;
  }

  /**
   * Measures the page at URL path `pagePath` whose (final) HTML is `html`. `references` (what
   * the page loads) can be passed when known, as it is when only a figure's text has changed.
   */
  measure(pagePath: string, html: string, references: PageReferences = pageReferences(html)): PageCarbon {
    return this.weigh(pagePath, gzipSync(html, GZIP).length, references);
  }

  /** `measure`, with the page compressed in Node's thread pool: pages can be measured in parallel. */
  async measureAsync(
    pagePath: string,
    html: string,
    references: PageReferences = pageReferences(html),
  ): Promise<PageCarbon> {
    const key = GzipSizeCache.key(html);
    let size = this.pageSizes.get(key);
    if (size === undefined) {
      size = (await gzipAsync(html, GZIP)).length;
      this.pageSizes.set(key, size);
    }
    return this.weigh(pagePath, size, references);
  }

  private weigh(pagePath: string, htmlBytes: number, references: PageReferences): PageCarbon {
    const { files, unresolved } = pageResources(pagePath, references, {
      has: (urlPath) => this.fileFor(urlPath) !== undefined,
      text: (urlPath) => this.text(this.fileFor(urlPath) ?? ''),
    });
    const bytes: PageCarbon['bytes'] = { html: 0, css: 0, js: 0, images: 0, fonts: 0, other: 0, total: 0 };
    bytes.html = htmlBytes;
    for (const { path: urlPath, kind } of files) bytes[kind] += this.gzipSize(this.fileFor(urlPath) ?? '');
    bytes.total = bytes.html + bytes.css + bytes.js + bytes.images + bytes.fonts + bytes.other;
    const { grams, rating } = carbonPerView(bytes.total);
    return {
      path: pagePath,
      bytes,
      requests: 1 + files.length,
      resources: files.map((file) => file.path).sort(),
      unresolved,
      grams,
      rating,
    };
  }
}

/** `guides/x/index.html` → `/base/guides/x/`; `404.html` → `/base/404.html`. */
export function pagePathOf(relativeFile: string, base: string): string {
  const posix = relativeFile.split(path.sep).join('/');
  return `${base}${posix.replace(/(^|\/)index\.html$/, '$1')}`;
}
