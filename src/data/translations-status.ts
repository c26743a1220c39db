/**
 * The translation status of the published library, for /about/translations/ and the notice on an
 * out-of-date translation (src/components/TranslationNotice.astro): the guides and pairs of
 * ./translations.ts put through the same `translationStatus` as
 * `npm run check:content -- --translations`.
 */
import { translationStatus, type TranslationNoticeView } from '../lib/translation-status';
import { LANGUAGES, urlsFor } from './languages';
import { changeDates, pairable } from './translations';

/** Per language: translated, up to date, out of date and missing, originals in title order. */
export const translationStatusOfSite = translationStatus(
  pairable
    .map(({ id, lang, pathInLanguage, slug, translationOf, guide }) => ({
      id,
      lang,
      pathInLanguage,
      slug,
      translationOf,
      title: guide.title,
      dates: changeDates(guide),
      href: urlsFor(lang).guide(slug),
    }))
    .sort((a, b) => a.title.localeCompare(b.title, a.lang) || a.id.localeCompare(b.id)),
  LANGUAGES,
);

const outdatedById = new Map(
  translationStatusOfSite.languages.flatMap((language) =>
    language.outdated.map((pair) => [pair.translation.id, pair] as const),
  ),
);

/**
 * What TranslationNotice shows on a translation's page (by collection id), when the translation is
 * out of date: it goes in the page's model (`GuidePageModel.translationNotice`), so the page's
 * cache key changes when the original does.
 */
export function translationNoticeFor(id: string): TranslationNoticeView | undefined {
  const pair = outdatedById.get(id);
  if (!pair) return undefined;
  const { original } = pair;
  return { original: { href: original.href, title: original.title, lang: original.lang }, dates: pair.dates };
}
