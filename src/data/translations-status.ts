/**
 * The translation status of the published library, for /about/translations/ and the notice on an
 * out-of-date translation (src/components/TranslationNotice.astro): the collection's entries,
 * each with its language (from its file's folder, src/lib/languages.ts), its dates (the git date
 * stored with the entry by src/integrations/git-dates/loader.ts, else its front matter), put
 * through the same `translationStatus` as `npm run check:content -- --translations`.
 *
 * A translation's collection id is `<code>/<slug>` (the routing of src/content.config.ts); the
 * default language's guides keep their slugs as ids.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { guidesDir } from 'virtual:greenpath/site';
import { readGitDate } from '../lib/git-dates';
import { languageOfGuideFile, siteLanguages, type Language } from '../lib/languages';
import { fileInGuidesFolder } from '../lib/repository-links';
import { SITE } from '../lib/site';
import { translationStatus, type LinkedStatusGuide, type TranslationNoticeView } from '../lib/translation-status';
import { isDraft } from '../schemas/guide';
import { INCLUDE_DRAFTS } from './guides';
import { urls, withBase } from './urls';

export const LANGUAGES: Language[] = siteLanguages(SITE);

/** A guide's page in its language: the default's at `/guides/<slug>/`, the others' under `/<code>/`. */
function pageOf(slug: string, language: Language): string {
  const path = urls.guide(slug);
  // The language prefix goes after the base: `/docs/guides/x/` → `/docs/fr/guides/x/`.
  return language.isDefault ? path : withBase(`${language.code}/${path.slice(urls.home().length)}`);
}

function statusEntry(entry: CollectionEntry<'guides'>): LinkedStatusGuide {
  const file = fileInGuidesFolder(entry.filePath ?? entry.id, guidesDir);
  const { language, pathInLanguage } = languageOfGuideFile(file, LANGUAGES);
  const prefix = `${language.code}/`;
  const slug = !language.isDefault && entry.id.startsWith(prefix) ? entry.id.slice(prefix.length) : entry.id;
  const committed = readGitDate(entry.rendered);
  const { title, date, updated, translated, translation_of: translationOf } = entry.data;
  return {
    id: entry.id,
    lang: language.code,
    pathInLanguage,
    slug,
    translationOf,
    title,
    dates: { committed: committed ? new Date(committed) : undefined, edited: updated ?? date, translated },
    href: pageOf(slug, language),
  };
}

// The draft rule is src/data/guides.ts's: what the library publishes is what is reported here.
const entries = await getCollection('guides', (entry) => INCLUDE_DRAFTS || !isDraft(entry.data));

/** Per language: translated, up to date, out of date and missing, originals in title order. */
export const translationStatusOfSite = translationStatus(
  entries.map(statusEntry).sort((a, b) => a.title.localeCompare(b.title, a.lang) || a.id.localeCompare(b.id)),
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
