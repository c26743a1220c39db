/**
 * The view model of one guide page, computed once from the library (in `getStaticPaths`, where
 * it is also the page's cache key) and handed to the page; the layout and its components only
 * render it. The contents list comes from the headings rendering reports (`buildToc`).
 */
import type { Difficulty } from './difficulty';
import { SITE } from './site';
import { isoDay, isoDuration } from './format';
import type { Guide, Library } from './library';
import type { TranslationNoticeView } from './translation-status';
import { withBase } from './urls';

export interface HeadingInput {
  depth: number;
  slug: string;
  text: string;
}

export interface TocItem {
  slug: string;
  text: string;
  children: TocItem[];
}

export interface GuideLink {
  slug: string;
  title: string;
  description: string;
  difficulty: Difficulty;
  displayMinutes: number;
}

export interface SeriesView {
  name: string;
  slug: string;
  part: number;
  total: number;
  parts: (GuideLink & { current: boolean; part: number })[];
  previous: GuideLink | undefined;
  next: GuideLink | undefined;
}

/** One language's version of a guide, as the language switcher and the hreflang alternates name it. */
export interface GuideVersionLink {
  lang: string;
  /** The language's name in itself: `Français`. */
  name: string;
  dir: 'ltr' | 'rtl';
  href: string;
  /** The original: the `x-default` alternate. */
  original: boolean;
  /** A translation's state against its original; undefined for the original. */
  state: 'current' | 'outdated' | undefined;
}

export interface GuidePageModel {
  guide: Guide;
  series: SeriesView | undefined;
  related: GuideLink[];
  jsonLd: Record<string, unknown>;
  /** The guide in every language it exists in, the original first; empty or one when untranslated. */
  versions: GuideVersionLink[];
  /** On a translation whose original changed after it (src/data/translations-status.ts). */
  translationNotice?: TranslationNoticeView | undefined;
}

/** h2 with their h3 children; deeper levels and any h1 left out. */
export function buildToc(headings: readonly HeadingInput[]): TocItem[] {
  const toc: TocItem[] = [];
  for (const heading of headings) {
    const text = heading.text.trim();
    if (heading.depth === 2) toc.push({ slug: heading.slug, text, children: [] });
    else if (heading.depth === 3) {
      const parent = toc[toc.length - 1];
      if (parent) parent.children.push({ slug: heading.slug, text, children: [] });
      else toc.push({ slug: heading.slug, text, children: [] });
    }
  }
  return toc;
}

export function linkTo(guide: Guide): GuideLink {
  const { slug, title, description, difficulty, displayMinutes } = guide;
  return { slug, title, description, difficulty, displayMinutes };
}

export function buildSeriesView(guide: Guide, library: Library): SeriesView | undefined {
  if (!guide.series) return undefined;
  const summary = library.seriesBySlug.get(guide.series.slug);
  const find = (slug: string | undefined) => (slug ? library.bySlug.get(slug) : undefined);
  const parts = (summary?.guides ?? [guide]).map((g) => ({
    ...linkTo(g),
    current: g.slug === guide.slug,
    part: g.series?.part ?? 0,
  }));
  const previous = find(guide.series.previous);
  const next = find(guide.series.next);
  return {
    name: guide.series.name,
    slug: guide.series.slug,
    part: guide.series.part,
    total: guide.series.total,
    parts,
    previous: previous && linkTo(previous),
    next: next && linkTo(next),
  };
}

/**
 * `base`: the site's base path (`/` or `/docs/`), under which the guide's image is served.
 * `levelLabel`: a level's name in the guide's language (src/data/i18n.ts difficultyLabel), which
 * this module cannot read itself.
 */
export function buildJsonLd(
  guide: Guide,
  canonical: string,
  siteName: string,
  base: string,
  levelLabel: (level: Difficulty) => string,
): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'LearningResource',
    name: guide.title,
    headline: guide.title,
    description: guide.description,
    url: canonical,
    inLanguage: guide.lang,
    learningResourceType: 'guide',
    educationalLevel: levelLabel(guide.difficulty),
    timeRequired: isoDuration(guide.displayMinutes),
    datePublished: isoDay(guide.date),
    dateModified: isoDay(guide.updated ?? guide.date),
    keywords: guide.tags.map((t) => t.label).join(', '),
    isPartOf: { '@type': 'WebSite', name: siteName },
    ...(SITE.footer.licence ? { license: SITE.footer.licence.url } : {}),
    ...(guide.image ? { image: new URL(withBase(guide.image.src, base), canonical).href } : {}),
  };
}

/** JSON for a `<script type="application/ld+json">`: `<` escaped so no string can close the element. */
export function serialiseJsonLd(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export function buildGuidePageModel(
  guide: Guide,
  library: Library,
  canonical: string,
  siteName: string,
  base: string,
  /** A level's name in the guide's language, for its JSON-LD. */
  levelLabel: (level: Difficulty) => string,
  versions: GuideVersionLink[] = [],
): GuidePageModel {
  return {
    versions,
    guide,
    series: buildSeriesView(guide, library),
    related: guide.related
      .map((slug) => library.bySlug.get(slug))
      .filter((g): g is Guide => g !== undefined)
      .map(linkTo),
    jsonLd: buildJsonLd(guide, canonical, siteName, base, levelLabel),
  };
}
