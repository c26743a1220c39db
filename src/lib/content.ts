/**
 * The one query of the guides collection. The draft rule lives here and only here: drafts are
 * part of the library in `astro dev` and never in a build. Everything else imports `library`.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import knownFacts from 'virtual:greenpath/body-facts';
import { lookupFacts } from './body-facts';
import { buildLibrary } from './library';
import { loadTagVocabulary } from './tag-vocabulary';
import { publicFileExists } from './public-files';

export const INCLUDE_DRAFTS: boolean = import.meta.env.GREENPATH_DRAFTS === true;

const entries: CollectionEntry<'guides'>[] = await getCollection(
  'guides',
  (entry) => INCLUDE_DRAFTS || !entry.data.draft,
);

export const library = buildLibrary(
  entries.map((entry) => ({
    id: entry.id,
    data: entry.data,
    body: entry.body ?? '',
    filePath: entry.filePath ?? entry.id,
  })),
  loadTagVocabulary(),
  // The content check has parsed every guide already; its facts save parsing them again.
  { imageExists: publicFileExists, knownFacts: lookupFacts(knownFacts) },
);

const entryBySlug = new Map(entries.map((entry) => [entry.id, entry]));

/** The collection entry behind a guide, for `render()`. */
export function entryFor(slug: string): CollectionEntry<'guides'> {
  const entry = entryBySlug.get(slug);
  if (!entry) throw new Error(`No guide with slug "${slug}"`);
  return entry;
}
