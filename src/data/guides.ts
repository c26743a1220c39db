/**
 * The one query of the guides collection. Drafts (`isDraft`, src/schemas/guide.ts) are part of
 * the library in `astro dev` and never in a build. Everything else imports `library` (the default
 * language's) or `libraryFor(code)`: one library per language, so a language's listings, facets,
 * series and related guides hold only its guides.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { readBodyFacts } from './body-facts';
import { readGitDate } from '../lib/git-dates';
import { buildLibrary, type Library } from '../lib/library';
import type { BodyFacts } from '../lib/markdown-text';
import { isDraft } from '../schemas/guide';
import { loadTagVocabulary } from './tag-vocabulary';
import { publicFileExists } from './public-files';
import { splitGuideId } from '../lib/languages';
import { DEFAULT_LANGUAGE, LANGUAGES } from './languages';

export const INCLUDE_DRAFTS: boolean = import.meta.env.GREENPATH_DRAFTS === true;

const entries: CollectionEntry<'guides'>[] = await getCollection(
  'guides',
  (entry) => INCLUDE_DRAFTS || !isDraft(entry.data),
);

/** A guide's body facts, stored with its entry (./body-facts.ts). */
function factsOf(entry: CollectionEntry<'guides'>): BodyFacts {
  const facts = readBodyFacts(entry.rendered);
  if (facts) return facts;
  // Only a guide that failed to render has none: a build stops on it (./strict-loader.ts), while
  // `astro dev` reports it and keeps serving the rest of the site.
  if (import.meta.env.DEV) return { words: 0, readingMinutes: 1, firstParagraph: undefined };
  throw new Error(`${entry.filePath ?? entry.id}: the collection entry has no body facts (see src/data/body-facts.ts)`);
}

/** The entries of each language, by code; a translation's id is `<code>/<slug>` (src/content.config.ts). */
const entriesByLanguage = new Map<string, CollectionEntry<'guides'>[]>(LANGUAGES.map((l) => [l.code, []]));
for (const entry of entries) entriesByLanguage.get(splitGuideId(entry.id, DEFAULT_LANGUAGE.code).lang)?.push(entry);

/** Each language's library, by code. */
export const libraries: ReadonlyMap<string, Library> = new Map(
  [...entriesByLanguage].map(([lang, inLanguage]) => [
    lang,
    buildLibrary(
      inLanguage.map((entry) => ({
        id: entry.id,
        slug: splitGuideId(entry.id, DEFAULT_LANGUAGE.code).slug,
        data: entry.data,
        facts: factsOf(entry),
        filePath: entry.filePath ?? entry.id,
        gitDate: readGitDate(entry.rendered),
      })),
      // Tag labels and descriptions in the library's language, the default's where none is given.
      loadTagVocabulary(undefined, undefined, lang, DEFAULT_LANGUAGE.code),
      { imageExists: publicFileExists, lang },
    ),
  ]),
);

/** The default language's library: the guides at the plain URLs (`/guides/x/`). */
export const library: Library = libraries.get(DEFAULT_LANGUAGE.code)!;

/** A language's library; the default language's for any other code. */
export function libraryFor(code: string): Library {
  return libraries.get(code) ?? library;
}

const entryById = new Map(entries.map((entry) => [entry.id, entry]));

/** The collection entry behind a guide (its `id`: the slug, or `<code>/<slug>`), for `render()`. */
export function entryFor(id: string): CollectionEntry<'guides'> {
  const entry = entryById.get(id);
  if (!entry) throw new Error(`No guide with id "${id}"`);
  return entry;
}
