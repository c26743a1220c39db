/**
 * Loads the controlled tag list. Node only (build time and scripts). A missing file is an empty
 * vocabulary, so imported or benchmark collections with tags of their own still build.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { tagVocabularySchema, vocabularyIn, type TagVocabulary } from '../schemas/tags';

export const DEFAULT_TAGS_FILE = 'content/tags.yaml';

/**
 * The vocabulary with its labels and descriptions in `lang` (content/tags.yaml may give them per
 * language; a language without its own text gets `defaultLang`'s, else the first written).
 */
export function loadTagVocabulary(
  file: string = DEFAULT_TAGS_FILE,
  root: string = process.cwd(),
  lang?: string,
  defaultLang?: string,
): TagVocabulary {
  const abs = path.resolve(root, file);
  if (!existsSync(abs)) return {};
  const result = tagVocabularySchema.safeParse(parse(readFileSync(abs, 'utf8')) ?? {});
  if (!result.success) {
    const lines = result.error.issues.map((i) => `${file}: ${i.path.join('.')}: expected ${i.message}`);
    throw new Error(`The tag vocabulary is invalid:\n${lines.join('\n')}`);
  }
  return vocabularyIn(result.data, lang, defaultLang);
}
