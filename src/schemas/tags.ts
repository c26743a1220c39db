/** The controlled tag vocabulary's schema (`content/tags.yaml`). */
import { z } from 'astro/zod';
import { textIn } from './site';

/** A text, or one per language code (`{ en: Cloud, fr: Nuage }`): the site's languages show their own. */
const localized = (what: string) =>
  z.union(
    [
      z.string().trim().min(1, { error: what }),
      z.record(
        z.string().regex(/^[a-z]{2,3}(?:-[A-Za-z]{4})?(?:-(?:[A-Z]{2}|\d{3}))?$/, {
          error: 'a language code such as en or pt-BR',
        }),
        z.string().trim().min(1, { error: what }),
      ),
    ],
    { error: `${what}, or one per language code such as { en: …, fr: … }` },
  );

export const tagVocabularySchema = z.record(
  z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'a tag slug in lower case with hyphens' }),
  z.strictObject({
    /** What readers see, or one per language. */
    label: localized('a non-empty label'),
    /** One line shown on the tag's page, or one per language. */
    description: localized('a one-line description'),
  }),
);

/** The file as written: labels and descriptions may be given per language. */
export type LocalizedTagVocabulary = z.infer<typeof tagVocabularySchema>;
/** The vocabulary in one language, as pages and tools read it. */
export type TagVocabulary = Record<string, { label: string; description: string }>;

/**
 * The vocabulary in `lang`: each per-language text in that language, else in `defaultLang`, else
 * the first one written.
 */
export function vocabularyIn(vocabulary: LocalizedTagVocabulary, lang?: string, defaultLang?: string): TagVocabulary {
  const pick = (value: string | Record<string, string>) =>
    typeof value === 'string' ? value : textIn(value, lang ?? defaultLang ?? '', defaultLang ?? lang ?? '');
  return Object.fromEntries(
    Object.entries(vocabulary).map(([slug, tag]) => [
      slug,
      { label: pick(tag.label), description: pick(tag.description) },
    ]),
  );
}
