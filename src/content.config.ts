import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { guidesDir } from './lib/guide-files';
import { guideSlug } from './lib/slug';
import { guideSchema } from './schemas/guide';

const guides = defineCollection({
  loader: glob({
    // Files and folders starting with `_` are notes and partials, never guides.
    pattern: ['**/*.{md,mdx}', '!**/_*', '!**/_*/**'],
    base: guidesDir(),
    // The slug is the file name without extension and Jekyll date prefix, unless `slug` overrides it.
    generateId: ({ entry, data }) => guideSlug(entry, data),
  }),
  schema: guideSchema,
});

export const collections = { guides };
