/**
 * Which guide a translation translates, and whether it is out of date. A translation sits in
 * `content/guides/<code>/` under its original's file name (Jekyll date prefix included; `.md` and
 * `.mdx` are one name), or names its original's slug in `translation_of`. Pure: the build, the
 * content check's `--translations` report and /about/translations/ share it.
 */

export interface TranslatableGuide {
  /** The collection id or file path: what problems name. */
  id: string;
  /** The language's code (the default language's for originals). */
  lang: string;
  /** The file's path inside its language's folder, such as `2025-03-14-page-weight.md`. */
  pathInLanguage: string;
  slug: string;
  /** The original's slug, from `translation_of`. */
  translationOf?: string | undefined;
}

export interface TranslationProblem {
  id: string;
  lang: string;
  /** What the translation says its original is: a slug or a file name. */
  named: string;
  reason: 'no-original' | 'duplicate';
  /** For a duplicate, the translation that came first. */
  other?: string;
}

export interface TranslationPairs<G extends TranslatableGuide> {
  /** Each original's slug → its translations by language code. */
  byOriginal: Map<string, Map<string, G>>;
  /** Each translation's id → its original. */
  originalOf: Map<string, G>;
  problems: TranslationProblem[];
}

const withoutExtension = (pathInLanguage: string) => pathInLanguage.replace(/\.mdx?$/i, '').toLowerCase();

/** Pairs every translation with its original; a translation with none is a problem, not a guess. */
export function pairTranslations<G extends TranslatableGuide>(
  guides: readonly G[],
  defaultLanguage: string,
): TranslationPairs<G> {
  const originals = guides.filter((guide) => guide.lang === defaultLanguage);
  const bySlug = new Map(originals.map((guide) => [guide.slug, guide]));
  const byFile = new Map(originals.map((guide) => [withoutExtension(guide.pathInLanguage), guide]));
  const byOriginal = new Map<string, Map<string, G>>();
  const originalOf = new Map<string, G>();
  const problems: TranslationProblem[] = [];
  for (const guide of guides) {
    if (guide.lang === defaultLanguage) continue;
    const named = guide.translationOf ?? guide.pathInLanguage;
    const original = guide.translationOf
      ? bySlug.get(guide.translationOf)
      : byFile.get(withoutExtension(guide.pathInLanguage));
    if (!original) {
      problems.push({ id: guide.id, lang: guide.lang, named, reason: 'no-original' });
      continue;
    }
    const translations = byOriginal.get(original.slug) ?? new Map<string, G>();
    const earlier = translations.get(guide.lang);
    if (earlier) {
      problems.push({ id: guide.id, lang: guide.lang, named, reason: 'duplicate', other: earlier.id });
      continue;
    }
    translations.set(guide.lang, guide);
    byOriginal.set(original.slug, translations);
    originalOf.set(guide.id, original);
  }
  return { byOriginal, originalOf, problems };
}

export interface ChangeDates {
  /** The date of the last commit that changed the file, when git knows it. */
  committed?: Date | undefined;
  /** The guide's `updated` field, else its `date`. */
  edited: Date;
  /** A translation's `translated` field. */
  translated?: Date | undefined;
}

export type TranslationState = 'current' | 'outdated';

/** The two dates a translation's state is decided by, and where they came from. */
export interface ComparedDates {
  original: Date;
  translation: Date;
  /** `git` when both files have a last commit; else the front matter's dates. */
  source: 'git' | 'front matter';
}

/**
 * Which dates decide a translation's state: the last commits of both files when git has both,
 * else the original's `updated`/`date` against the translation's `translated` (or its own
 * `updated`/`date`). Reports show these dates, so a reader sees what the state was decided on.
 */
export function comparedDates(original: ChangeDates, translation: ChangeDates): ComparedDates {
  if (original.committed && translation.committed) {
    return { original: original.committed, translation: translation.committed, source: 'git' };
  }
  return {
    original: original.edited,
    translation: translation.translated ?? translation.edited,
    source: 'front matter',
  };
}

/** A translation is out of date when its original changed after it did, by `comparedDates`. */
export function translationState(original: ChangeDates, translation: ChangeDates): TranslationState {
  const dates = comparedDates(original, translation);
  return dates.original.getTime() > dates.translation.getTime() ? 'outdated' : 'current';
}
