/**
 * The listing pages `npm run bench` measures: `/guides/` and the largest tag page, found from
 * the built site's own guides index (the JSON `<guide-filter>` fetches), so the bench needs no
 * second reckoning of tags. The finding is pure; `listingFigures` reads the build. Node only.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { decodeGuidesIndex, type GuidesIndex } from '../../src/lib/guide-card';
import { scanTags } from '../../src/lib/html-scan';
import { siteUrls } from '../../src/lib/urls';
import type { FetchedFile } from './bench-browser';
import { gzipSize, measurePage } from './page-weight';

export interface LargestTag {
  slug: string;
  label: string;
  /** Guides with the tag: the tag page lists them all, page by page. */
  guides: number;
}

/** The tag most guides carry; ties go to the slug first in alphabetical order, so reruns agree. */
export function largestTag(index: GuidesIndex): LargestTag | undefined {
  const counts = new Map<string, number>();
  for (const card of decodeGuidesIndex(index)) {
    for (const slug of card.tags) counts.set(slug, (counts.get(slug) ?? 0) + 1);
  }
  let best: LargestTag | undefined;
  for (const [slug, guides] of counts) {
    if (!best || guides > best.guides || (guides === best.guides && slug < best.slug)) {
      best = { slug, label: index.tags.find(([s]) => s === slug)?.[1] ?? slug, guides };
    }
  }
  return best;
}

/** The guides index URL a listing page's `<guide-filter>` fetches (its `data-index-url`). */
export function guidesIndexUrl(html: string): string | undefined {
  const filter = scanTags(html, new Set(['guide-filter'])).find((tag) => !tag.inTemplate);
  return filter?.attributes.get('data-index-url') || undefined;
}

export interface ListingPage {
  page: string;
  htmlBytes: number;
  htmlGzipBytes: number;
}

export interface ListingFigures {
  guides: ListingPage;
  /** Undefined in a library without tags. */
  largestTag: (ListingPage & { tag: LargestTag }) | undefined;
  /** The guides index `<guide-filter>` fetches, as built. */
  guidesIndex: { url: string; bytes: number; gzipBytes: number } | undefined;
}

function listingPage(outDir: string, page: string): ListingPage {
  const { html } = measurePage(outDir, page);
  return { page, htmlBytes: html.bytes, htmlGzipBytes: html.gzipBytes };
}

/** `/guides/` and the largest tag page of the site built at `outDir` (base `/`, as the bench builds). */
export function listingFigures(outDir: string): ListingFigures {
  const urls = siteUrls('/');
  const guidesPage = urls.guides();
  const guidesHtml = readFileSync(path.join(outDir, guidesPage, 'index.html'), 'utf8');
  const indexUrl = guidesIndexUrl(guidesHtml);
  if (!indexUrl) return { guides: listingPage(outDir, guidesPage), largestTag: undefined, guidesIndex: undefined };
  const index = readFileSync(path.join(outDir, indexUrl));
  const tag = largestTag(JSON.parse(index.toString('utf8')) as GuidesIndex);
  return {
    guides: listingPage(outDir, guidesPage),
    largestTag: tag && { ...listingPage(outDir, urls.tag(tag.slug)), tag },
    guidesIndex: { url: indexUrl, bytes: index.length, gzipBytes: gzipSize(index) },
  };
}

/** What the first filter needed: every file counted, and those that came at idle before the click. */
export function firstFilterNeeded(files: readonly FetchedFile[]): {
  files: number;
  bytes: number;
  /** Gzip -9 where the built file is known, else the bytes as sent. */
  gzipBytes: number;
  atIdle: string[];
} {
  return {
    files: files.length,
    bytes: files.reduce((sum, f) => sum + f.bytes, 0),
    gzipBytes: files.reduce((sum, f) => sum + (f.gzipBytes ?? f.bytes), 0),
    atIdle: files.filter((f) => f.beforeClick).map((f) => f.url),
  };
}
