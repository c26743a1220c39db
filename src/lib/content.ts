/**
 * The one query of the guides collection. Drafts (`isDraft`, src/schemas/guide.ts) are part of
 * the library in `astro dev` and never in a build. Everything else imports `library`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { getCollection, type CollectionEntry } from 'astro:content';
import { lookupFacts, readKnownFacts } from './body-facts';
import { guideBody } from './frontmatter';
import { buildLibrary } from './library';
import { isDraft } from '../schemas/guide';
import { loadTagVocabulary } from './tag-vocabulary';
import { publicFileExists } from './public-files';

export const INCLUDE_DRAFTS: boolean = import.meta.env.GREENPATH_DRAFTS === true;

const entries: CollectionEntry<'guides'>[] = await getCollection(
  'guides',
  (entry) => INCLUDE_DRAFTS || !isDraft(entry.data),
);

/**
 * A guide's body. The collection does not keep bodies (`retainBody: false` in
 * src/content.config.ts: a quarter of Astro's data store, which every build serialises, bundles
 * and loads again), so it is read from the file: its facts are looked up by its text, and a guide
 * changed since the content check (in `astro dev`) is simply parsed again.
 */
function bodyOf(entry: CollectionEntry<'guides'>): string {
  if (entry.body !== undefined) return entry.body;
  if (!entry.filePath) throw new Error(`Guide "${entry.id}" has no file to read its body from`);
  return guideBody(readFileSync(path.resolve(entry.filePath), 'utf8'));
}

export const library = buildLibrary(
  entries.map((entry) => ({
    id: entry.id,
    data: entry.data,
    body: bodyOf(entry),
    filePath: entry.filePath ?? entry.id,
  })),
  loadTagVocabulary(),
  // The content check has parsed every guide already; its facts save parsing them again.
  {
    imageExists: publicFileExists,
    knownFacts: lookupFacts(readKnownFacts(import.meta.env.GREENPATH_BODY_FACTS)),
  },
);

const entryBySlug = new Map(entries.map((entry) => [entry.id, entry]));

/** The collection entry behind a guide, for `render()`. */
export function entryFor(slug: string): CollectionEntry<'guides'> {
  const entry = entryBySlug.get(slug);
  if (!entry) throw new Error(`No guide with slug "${slug}"`);
  return entry;
}
