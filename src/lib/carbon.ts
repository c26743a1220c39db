/**
 * The carbon figure of a built page: the bytes a visit transfers (the page's HTML and every
 * stylesheet, script, module, image and font it loads, as src/lib/page-resources.ts reads them, each gzipped at level 9 as a server would
 * send it) turned into grams of CO2e per view with the Sustainable Web Design model, version 4,
 * of @tgwf/co2, and that model's rating. Scripts a page imports only on use (search, for
 * example, loads with `import()`) are not counted: they are not part of a view.
 * Used by src/integrations/carbon-figure.ts after the build; deterministic. Node only.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzip, gzipSync } from 'node:zlib';
import { safeDecodeURIComponent } from './decode-uri';
import { pageReferences, pageResources, type PageReferences, type ResourceKind } from './page-resources';
import { SWD_RATINGS, SWD_V4_BANDS, swdV4, type SwdRating } from './swd-rating';

export type { SwdRating };
export type { ResourceKind };

export interface PageCarbon {
  /** The page's URL path, base included: `/guides/x/`. */
  path: string;
  /** Gzipped bytes by kind, and their total. */
  bytes: Record<ResourceKind | 'total', number>;
  /** The page and each file it loads, counted once. */
  requests: number;
  /** URL paths of the files loaded besides the page, sorted. */
  resources: string[];
  /** References that are not files of the site (another origin, or missing): not counted. */
  unresolved: string[];
  /** Grams of CO2e per view. */
  grams: number;
  rating: SwdRating;
}

/** The model, as the figure and the explanation page name it. */
export const CARBON_MODEL = { name: 'Sustainable Web Design', version: 4, library: '@tgwf/co2' } as const;

/** Grams of CO2e and the SWD rating of one view that transfers `bytes`. */
export function carbonPerView(bytes: number): { grams: number; rating: SwdRating } {
  const result = swdV4.perVisit(bytes);
  // Under one byte the model answers a bare 0; with `rating: true` it otherwise always rates.
  if (typeof result === 'number') return { grams: result, rating: 'A+' };
  return { grams: result.total, rating: result.rating ?? 'A+' };
}

/**
 * Grams as a reader can compare them, with two decimals: a light page emits thousandths of a
 * gram, which two decimals of grams would all show as "0.00 g", so below one gram the figure is
 * in milligrams.
 */
export function formatGrams(grams: number): string {
  return grams >= 1 ? `${grams.toFixed(2)} g` : `${(grams * 1000).toFixed(2)} mg`;
}

/** The line shown in a guide's footer. */
export function figureText(carbon: { grams: number; rating: SwdRating }): string {
  return `About ${formatGrams(carbon.grams)} CO₂e per view (Sustainable Web Design rating ${carbon.rating}).`;
}

/**
 * Each rating band of the model (src/lib/swd-rating.ts) with the page weight at which it ends:
 * the largest byte count a view can transfer and still be rated `rating`; F open-ended.
 */
export function ratingBands(): { rating: SwdRating; upToGrams: number | undefined; upToBytes: number | undefined }[] {
  let low = 1;
  return SWD_V4_BANDS.map(({ rating, max }) => {
    if (max === Infinity) return { rating, upToGrams: undefined, upToBytes: undefined };
    const within = (bytes: number) => SWD_RATINGS.indexOf(carbonPerView(bytes).rating) <= SWD_RATINGS.indexOf(rating);
    // Ratings only get worse with weight: double past the edge, then halve the gap.
    let high = low;
    while (within(high * 2)) high *= 2;
    let lo = high;
    let hi = high * 2;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (within(mid)) lo = mid;
      else hi = mid;
    }
    low = lo + 1;
    return { rating, upToGrams: max, upToBytes: lo };
  });
}

const GZIP = { level: 9 };
const gzipAsync = promisify(gzip);

/**
 * Gzipped sizes of page texts measured before, by a hash of the text: gzip is deterministic, so
 * a page unchanged since the last build (most pages of a warm build) need not be compressed again.
 * Kept in Astro's cache folder between builds (src/integrations/finish-pages.ts); only the sizes
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
