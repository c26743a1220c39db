/**
 * Which guides translate which (src/lib/translations.ts pairs them) and whether each translation
 * is current or out of date (from the files' last commits, else their dates), for the language
 * switcher, the hreflang alternates and the out-of-date notice. Runs inside Vite (pages, components).
 */
import { readGitDate } from '../lib/git-dates';
import { languageOfGuideFile, type Language } from '../lib/languages';
import { fileInGuidesFolder } from '../lib/repository-links';
import type { Guide } from '../lib/library';
import { PAGE_SIZE } from '../lib/pagination';
import { pairTranslations, translationState, type ChangeDates, type TranslationState } from '../lib/translations';
import { entryFor, libraries } from './guides';
import { guidesDir } from './guides-dir';
import { DEFAULT_LANGUAGE, LANGUAGES, languageFor, pathInPageLanguage, urlsFor } from './languages';

export interface Pairable {
  id: string;
  lang: string;
  pathInLanguage: string;
  slug: string;
  translationOf: string | undefined;
  guide: Guide;
}

/** Every published guide of every language, as pairing and the status table see it. */
export const pairable: Pairable[] = [...libraries.values()].flatMap((lib) =>
  lib.guides.map((guide) => ({
    id: guide.id,
    lang: guide.lang,
    pathInLanguage: languageOfGuideFile(fileInGuidesFolder(guide.filePath, guidesDir()), LANGUAGES).pathInLanguage,
    slug: guide.slug,
    translationOf: entryFor(guide.id).data.translation_of,
    guide,
  })),
);

/** Every pairing, and the translations without an original (reported by the content check). */
export const translationPairs = pairTranslations(pairable, DEFAULT_LANGUAGE.code);

/** A guide's last commit, `updated`/`date` and `translated`: what decides whether a translation is current. */
export function changeDates(guide: Guide): ChangeDates {
  const entry = entryFor(guide.id);
  const committed = readGitDate(entry.rendered);
  return {
    committed: committed ? new Date(committed) : undefined,
    edited: entry.data.updated ?? entry.data.date,
    translated: entry.data.translated,
  };
}

export interface GuideVersion {
  language: Language;
  /** The guide in that language. */
  guide: Guide;
  href: string;
  /** Whether this version is the original (the `x-default` alternate). */
  original: boolean;
  /** A translation's state; undefined for the original. */
  state: TranslationState | undefined;
}

/** The original of a guide in any language (itself when it is one), if it has one. */
export function originalOf(guide: Guide): Guide | undefined {
  if (guide.lang === DEFAULT_LANGUAGE.code) return guide;
  return translationPairs.originalOf.get(guide.id)?.guide;
}

/**
 * Every version of a guide that exists, the original first, then the translations in site.yaml's
 * order: what the language switcher lists and the hreflang alternates name.
 */
export function versionsOf(guide: Guide): GuideVersion[] {
  const original = originalOf(guide);
  if (!original) return [];
  const translations = translationPairs.byOriginal.get(original.slug);
  const originalDates = changeDates(original);
  const versions: GuideVersion[] = [];
  for (const language of LANGUAGES) {
    const version = language.isDefault ? original : translations?.get(language.code)?.guide;
    if (!version) continue;
    versions.push({
      language: languageFor(version.lang),
      guide: version,
      href: urlsFor(version.lang).guide(version.slug),
      original: language.isDefault,
      state: language.isDefault ? undefined : translationState(originalDates, changeDates(version)),
    });
  }
  return versions;
}

/**
 * How many guides of the default language have no translation in `code`: those a reader of that
 * language finds only in the other languages' listings. None for the default language.
 */
export function untranslatedCount(code: string): number {
  if (code === DEFAULT_LANGUAGE.code) return 0;
  const originals = libraries.get(DEFAULT_LANGUAGE.code)?.guides ?? [];
  return originals.filter((guide) => !translationPairs.byOriginal.get(guide.slug)?.has(code)).length;
}

/** How many numbered pages a list of `count` items fills (one, even when empty). */
const pagesOf = (count: number) => Math.max(1, Math.ceil(count / PAGE_SIZE));

/**
 * Whether language `code` makes the listing page at `pathInLanguage` (`tags/cloud/page/2/`), the
 * path after its `/<code>/`: every language has the home, /guides/, /tags/, search, the carbon
 * page and each level's first page; a tag, series or numbered page only when its guides are there. Guide pages
 * are not listings: their versions are the translations (versionsOf).
 */
export function listingExists(code: string, pathInLanguage: string): boolean {
  const library = libraries.get(code);
  if (!library) return false;
  if (/^(?:|guides\/|tags\/|search\/|about\/carbon\/)$/.test(pathInLanguage)) return true;
  const numbered = (n: string | undefined, count: number) => n === undefined || Number(n) <= pagesOf(count);
  let match = /^guides\/page\/(\d+)\/$/.exec(pathInLanguage);
  if (match) return numbered(match[1], library.guides.length);
  match = /^tags\/([^/]+)\/(?:page\/(\d+)\/)?$/.exec(pathInLanguage);
  if (match) {
    const tag = library.tagsBySlug.get(match[1] ?? '');
    return tag !== undefined && numbered(match[2], tag.count);
  }
  match = /^difficulty\/([^/]+)\/(?:page\/(\d+)\/)?$/.exec(pathInLanguage);
  if (match) {
    const level = library.difficulties.find((summary) => summary.level === match![1]);
    return level !== undefined && numbered(match[2], level.count);
  }
  match = /^series\/([^/]+)\/(?:page\/(\d+)\/)?$/.exec(pathInLanguage);
  if (!match) return false;
  const series = library.seriesBySlug.get(match[1] ?? '');
  return series !== undefined && numbered(match[2], series.guides.length);
}

/**
 * The languages that make the listing at `href` (a page's URL under the base): what its hreflang
 * alternates name, so part of its cache key (src/data/page-keys.ts) beside the guides it lists.
 */
export function listingLanguages(href: string): string[] {
  const path = pathInPageLanguage(new URL(href, 'https://site.invalid'));
  return LANGUAGES.filter((language) => listingExists(language.code, path)).map((language) => language.code);
}
