/** The controlled tag vocabulary's schema (`content/tags.yaml`). */
import { z } from 'astro/zod';

export const tagVocabularySchema = z.record(
  z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'a tag slug in lower case with hyphens' }),
  z.strictObject({
    /** What readers see. */
    label: z.string().trim().min(1, { error: 'a non-empty label' }),
    /** One line shown on the tag's page. */
    description: z.string().trim().min(1, { error: 'a one-line description' }),
  }),
);

export type TagVocabulary = z.infer<typeof tagVocabularySchema>;
