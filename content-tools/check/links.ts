/**
 * Internal links: every Markdown and HTML link and image in a body, and the guide slugs in
 * `related` and `series.previous/next`, resolved against the site a build would make. A link to
 * a guide must name a published guide (the nearest slug is suggested), a fragment must name a
 * heading that guide has, a path must be a page or a file in `public/`. External URLs are not
 * fetched. Broken links are errors unless the check runs with `links: 'warn'`, except a missing
 * image that the build itself needs (see `bodyLinkDiagnostics`). Pure: the site is described by a
 * `SiteIndex`.
 */
import path from 'node:path/posix';
import type { Diagnostic, Severity } from '../../src/schemas/errors';
import { safeDecodeURIComponent } from '../../src/lib/decode-uri';
import { nearest } from '../../src/lib/nearest';
import { matchRoutes, type Route } from './routes';
import { diagnostic, type GuideRecord } from './types';

export const LINK_RULES = ['broken-link', 'broken-anchor', 'broken-image'] as const;

export interface SiteGuide {
  slug: string;
  anchors: ReadonlySet<string>;
  /** Heading ids alone, for "did you mean". */
  headingIds: readonly string[];
  draft: boolean;
}

export interface SiteIndex {
  /** By id: the slug, or `<code>/<slug>` for a translation. */
  guides: ReadonlyMap<string, SiteGuide>;
  /** Each other language's tag and series slugs, for links to `/<code>/tags/…` and `/<code>/series/…`. */
  languages?: ReadonlyMap<string, { tags: ReadonlySet<string>; series: ReadonlySet<string> }>;
  /** Guide files by their path relative to the guides folder (`web/intro.md`) → id (`intro`, `fr/intro`). */
  guideByFile: ReadonlyMap<string, string>;
  /** Tag slugs that published guides use: the tag pages a build makes. */
  tags: ReadonlySet<string>;
  series: ReadonlySet<string>;
  difficulties: readonly string[];
  routes: readonly Route[];
  /** `/` or `/docs/`: links written with the base path are accepted too. */
  basePath: string;
  /** Whether `public/` has a file at a site path such as `/images/x.svg`. */
  publicFileExists(sitePath: string): boolean;
  /** Whether a file exists at a path relative to the guides folder (relative images). */
  guideFolderFileExists(relativePath: string): boolean;
}

export type Resolution =
  | { ok: true; guide?: string; fragment?: string }
  | {
      ok: false;
      rule: (typeof LINK_RULES)[number];
      message: string;
      /** A file beside the guide: Astro imports a Markdown image at such a path, and stops without it. */
      besideGuide?: true;
    };

const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;
/** Files the build writes outside src/pages/ and public/: the sitemap, the search index, the carbon report. */
const BUILD_OUTPUTS = /^\/(?:sitemap-index\.xml|sitemap-\d+\.xml|carbon-report\.json|pagefind\/.*)$/;
const SOURCE_FILE = /\.(md|mdx|markdown)$/i;

function suggestion(word: string, candidates: Iterable<string>, prefix = ''): string {
  const near = nearest(word, candidates);
  return near ? `; did you mean ${prefix}${near}?` : '';
}

/** Resolves one URL written in `from`'s body. */
export function resolveLink(
  url: string,
  from: Pick<GuideRecord, 'slug' | 'relativePath' | 'draft'> & { id?: string; lang?: string },
  site: SiteIndex,
  image = false,
): Resolution {
  const brokenRule = image ? 'broken-image' : 'broken-link';
  if (url.trim() === '') return { ok: false, rule: brokenRule, message: 'the link has no target' };
  if (EXTERNAL.test(url)) return { ok: true };
  const hashAt = url.indexOf('#');
  const pathPart = (hashAt === -1 ? url : url.slice(0, hashAt)).replace(/\?.*$/, '');
  const fragment = hashAt === -1 ? undefined : safeDecodeURIComponent(url.slice(hashAt + 1));
  const here = path.dirname(from.relativePath);

  // A translation's page is `/<code>/guides/<slug>/`, its entry `<code>/<slug>`.
  const fromId = from.id ?? from.slug;
  const fromPage =
    fromId === from.slug ? `/guides/${from.slug}/` : `/${fromId.slice(0, -from.slug.length)}guides/${from.slug}/`;
  if (pathPart === '') return fragment === undefined ? { ok: true } : checkFragment(fromId, fragment, site, url);

  let sitePath: string;
  if (pathPart.startsWith('/')) {
    sitePath = pathPart;
    if (site.basePath !== '/' && sitePath.startsWith(site.basePath))
      sitePath = `/${sitePath.slice(site.basePath.length)}`;
  } else if (SOURCE_FILE.test(pathPart)) {
    const target = path.normalize(path.join(here, safeDecodeURIComponent(pathPart)));
    const id = site.guideByFile.get(target);
    if (id) {
      // A translation's id is `<code>/<slug>`, its page `/<code>/guides/<slug>/`.
      const page = id.includes('/') ? `/${id.replace('/', '/guides/')}/` : `/guides/${id}/`;
      return {
        ok: false,
        rule: 'broken-link',
        message: `${url} links to the source file ${target}, which the site does not publish; link to ${page}${fragment ? `#${fragment}` : ''}`,
      };
    }
    return {
      ok: false,
      rule: brokenRule,
      message: `${url} links to ${target}, and there is no such guide file${suggestion(target, site.guideByFile.keys())}`,
    };
  } else if (image) {
    // Relative images are resolved from the guide's own folder, as Astro does.
    const target = path.normalize(path.join(here, safeDecodeURIComponent(pathPart)));
    if (site.guideFolderFileExists(target)) return { ok: true };
    return {
      ok: false,
      rule: 'broken-image',
      message: `${url}: expected an image file at ${target} beside the guide, found none`,
      besideGuide: true,
    };
  } else {
    sitePath = new URL(pathPart, `https://site.invalid${fromPage}`).pathname;
  }
  sitePath = safeDecodeURIComponent(sitePath);

  // Routes first: most links name a guide, and that needs no look at the disk.
  const matches = matchRoutes(site.routes, sitePath);
  const problems: string[] = [];
  for (const match of matches) {
    const [param, value] = Object.entries(match.params)[0] ?? [];
    if (param === undefined || value === undefined) return { ok: true };
    // `/guides/x/` is the default language's guide, also from a translation; `/fr/guides/x/` the French one.
    const { lang } = match.route;
    if (param === 'slug') {
      const id = lang ? `${lang}/${value}` : value;
      const guide = site.guides.get(id);
      if (!guide) {
        if (lang) {
          problems.push(
            `${url} links to a translation that does not exist: no guide in ${lang}/ has the slug "${value}"`,
          );
          continue;
        }
        const near = nearest(value, site.guides.keys());
        problems.push(
          `${url} links to a guide that does not exist: no guide has the slug "${value}"${near ? `; did you mean /guides/${near}/?` : ''}`,
        );
        continue;
      }
      if (guide.draft && !from.draft) {
        problems.push(`${url} links to a draft; builds leave "${value}" out, so the link would be broken`);
        continue;
      }
      if (fragment !== undefined) return checkFragment(id, fragment, site, url);
      return { ok: true, guide: id };
    }
    const inLanguage = lang ? site.languages?.get(lang) : undefined;
    const known =
      param === 'tag'
        ? (inLanguage?.tags ?? site.tags)
        : param === 'series'
          ? (inLanguage?.series ?? site.series)
          : param === 'level'
            ? new Set(site.difficulties)
            : undefined;
    if (!known) return { ok: true };
    if (known.has(value)) return { ok: true };
    problems.push(
      `${url} links to a ${param} page that a build does not make: no published guide has the ${param} "${value}"${suggestion(value, known)}`,
    );
  }
  if (site.publicFileExists(sitePath) || BUILD_OUTPUTS.test(sitePath)) return { ok: true };
  if (problems[0]) return { ok: false, rule: brokenRule, message: problems[0] };
  const looksLikeFile = /\.[a-z0-9]{1,5}$/i.test(sitePath);
  return {
    ok: false,
    rule: brokenRule,
    message: looksLikeFile
      ? `${url}: expected a file at public${sitePath}, found none`
      : `${url} links to ${sitePath}, and the site has no page there`,
  };
}

function checkFragment(slug: string, fragment: string, site: SiteIndex, url: string): Resolution {
  const guide = site.guides.get(slug);
  if (!guide || guide.anchors.has(fragment)) return { ok: true, guide: slug, fragment };
  const near = nearest(fragment, guide.headingIds);
  return {
    ok: false,
    rule: 'broken-anchor',
    message: `${url}: the guide "${slug}" has no heading with the id "${fragment}"${near ? `; did you mean #${near}?` : ''}`,
  };
}

/**
 * Broken links and images in one guide's body, with `severity`. One kind is an error whatever
 * `severity` says: a Markdown image (`![…](…)`) at a relative path that names no file. Astro
 * imports such an image while it builds and stops with `ImageNotFound` when it is missing, so
 * the guide cannot be published without it; an HTML `<img>` or a `/public` path it leaves alone.
 */
export function bodyLinkDiagnostics(guide: GuideRecord, site: SiteIndex, severity: Severity = 'error'): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const link of guide.analysis.links) {
    const image = link.kind === 'image' || link.kind === 'html-image';
    const result = resolveLink(link.url, guide, site, image);
    if (result.ok) continue;
    if (severity !== 'error' && result.besideGuide && link.kind === 'image') {
      const message = `${result.message}; the build cannot publish the guide without it, so this is an error even when links only warn`;
      out.push(diagnostic(guide, link, 'error', result.rule, message));
    } else {
      out.push(diagnostic(guide, link, severity, result.rule, result.message));
    }
  }
  return out;
}

/** `related` and `series.previous/next` must name published guides. */
export function referenceDiagnostics(guide: GuideRecord, site: SiteIndex, severity: Severity = 'error'): Diagnostic[] {
  const data = guide.parsed.data;
  const refs: { path: (string | number)[]; slug: unknown }[] = [];
  if (Array.isArray(data['related'])) data['related'].forEach((slug, i) => refs.push({ path: ['related', i], slug }));
  const series = data['series'];
  if (series && typeof series === 'object') {
    for (const key of ['previous', 'next'] as const) {
      const slug = (series as Record<string, unknown>)[key];
      if (slug !== undefined) refs.push({ path: ['series', key], slug });
    }
  }
  const out: Diagnostic[] = [];
  for (const { path: fieldPath, slug } of refs) {
    if (typeof slug !== 'string' || slug.trim() === '') continue;
    const field = fieldPath
      .map((p) => (typeof p === 'number' ? `[${p}]` : p))
      .join('.')
      .replace('.[', '[');
    const target = site.guides.get(slug);
    let message: string | undefined;
    if (!target) {
      const near = nearest(slug, site.guides.keys());
      message = `${field}: expected the slug of a guide, found "${slug}", which no guide has${near ? `; did you mean "${near}"?` : ''}`;
    } else if (target.draft && !guide.draft) {
      message = `${field}: expected the slug of a published guide, found "${slug}", a draft that builds leave out`;
    }
    if (message) out.push(diagnostic(guide, guide.parsed.locate(fieldPath), severity, 'broken-link', message, field));
  }
  return out;
}
