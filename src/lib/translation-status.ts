/**
 * The translation status of a site: per language other than the default, which guides are
 * translated, which translations are up to date or out of date (with the dates that decided it),
 * and which originals have no translation yet. Pure: `npm run check:content -- --translations`
 * (content-tools/check/translations.ts, from the guide files and git) and the page
 * /about/translations/ (src/data/translations-status.ts, from the collection) both build their
 * table with `translationStatus`, so the two cannot disagree on the rules.
 */
import type { Language } from './languages';
import {
  comparedDates,
  pairTranslations,
  translationState,
  type ChangeDates,
  type ComparedDates,
  type TranslatableGuide,
  type TranslationProblem,
  type TranslationState,
} from './translations';

export interface StatusGuide extends TranslatableGuide {
  title: string;
  dates: ChangeDates;
}

/** A guide with its page, as /about/translations/ lists it. */
export interface LinkedStatusGuide extends StatusGuide {
  href: string;
}

/** What a reader of an out-of-date translation is shown (src/components/TranslationNotice.astro). */
export interface TranslationNoticeView {
  /** The original guide: its page, title and language (for `hreflang` and `lang`). */
  original: { href: string; title: string; lang: string };
  /** The dates the state was decided on (`comparedDates`). */
  dates: ComparedDates;
}

export interface TranslationPair<G> {
  original: G;
  translation: G;
  state: TranslationState;
  /** The dates the state was decided on. */
  dates: ComparedDates;
}

export interface LanguageStatus<G> {
  language: Language;
  /** Every translation in this language with its original, in the originals' order. */
  translations: TranslationPair<G>[];
  current: TranslationPair<G>[];
  outdated: TranslationPair<G>[];
  /** Originals with no translation in this language. */
  missing: G[];
}

export interface TranslationStatus<G> {
  defaultLanguage: Language;
  /** The guides in the default language, in the order given. */
  originals: G[];
  /** One per language other than the default, in the site's order; none on a one-language site. */
  languages: LanguageStatus<G>[];
  /** Translations with no original, or a second translation of one original in one language. */
  problems: TranslationProblem[];
}

/** The status table of `guides` (originals and translations, each with its language code). */
export function translationStatus<G extends StatusGuide>(
  guides: readonly G[],
  languages: readonly Language[],
): TranslationStatus<G> {
  const defaultLanguage = languages.find((language) => language.isDefault) ?? languages[0];
  if (!defaultLanguage) throw new Error('translationStatus: a site has at least its default language');
  const { byOriginal, problems } = pairTranslations(guides, defaultLanguage.code);
  const originals = guides.filter((guide) => guide.lang === defaultLanguage.code);
  const status = languages
    .filter((language) => !language.isDefault)
    .map((language): LanguageStatus<G> => {
      const translations: TranslationPair<G>[] = [];
      const missing: G[] = [];
      for (const original of originals) {
        const translation = byOriginal.get(original.slug)?.get(language.code);
        if (!translation) {
          missing.push(original);
          continue;
        }
        translations.push({
          original,
          translation,
          state: translationState(original.dates, translation.dates),
          dates: comparedDates(original.dates, translation.dates),
        });
      }
      return {
        language,
        translations,
        current: translations.filter((pair) => pair.state === 'current'),
        outdated: translations.filter((pair) => pair.state === 'outdated'),
        missing,
      };
    });
  return { defaultLanguage, originals, languages: status, problems };
}

/**
 * The two dates of a comparison as reports write them: days (`2025-03-05`), or to the minute in
 * UTC when both fall on one day, so "changed after" is visible in what is shown.
 */
export function formatComparedDates(dates: ComparedDates): { original: string; translation: string } {
  const day = (date: Date) => date.toISOString().slice(0, 10);
  if (day(dates.original) !== day(dates.translation)) {
    return { original: day(dates.original), translation: day(dates.translation) };
  }
  const minute = (date: Date) => `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  return { original: minute(dates.original), translation: minute(dates.translation) };
}
