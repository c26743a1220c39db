/**
 * The one query of the guides collection. Drafts (`isDraft`, src/schemas/guide.ts) are part of
 * the library in `astro dev` and never in a build. Everything else imports `library`.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { readBodyFacts } from './body-facts';
import { readGitDate } from '../lib/git-dates';
import { buildLibrary } from '../lib/library';
import type { BodyFacts } from '../lib/markdown-text';
import { isDraft } from '../schemas/guide';
import { loadTagVocabulary } from './tag-vocabulary';
import { publicFileExists } from './public-files';

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

export const library = buildLibrary(
  entries.map((entry) => ({
    id: entry.id,
    data: entry.data,
    facts: factsOf(entry),
    filePath: entry.filePath ?? entry.id,
    gitDate: readGitDate(entry.rendered),
  })),
  loadTagVocabulary(),
  { imageExists: publicFileExists },
);

const entryBySlug = new Map(entries.map((entry) => [entry.id, entry]));

/** The collection entry behind a guide, for `render()`. */
export function entryFor(slug: string): CollectionEntry<'guides'> {
  const entry = entryBySlug.get(slug);
  if (!entry) throw new Error(`No guide with slug "${slug}"`);
  return entry;
}
