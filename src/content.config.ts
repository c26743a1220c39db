import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { guidesDir } from './lib/guide-files';
import { guideSlug } from './lib/slug';
import { failOnRenderErrors, reportCacheUse } from './lib/strict-loader';
import { loadPastRefusedEntries, withoutRawSchemaErrors } from './integrations/dev-problems/loader';
import { guideSchema } from './schemas/guide';

const guides = defineCollection({
  // A guide that fails to render fails the build instead of publishing an empty page; each sync
  // says how many guides it took from the content cache. In dev, greenpath:dev-problems reports a
  // refused front matter in place of Zod's raw issues, and the server starts with guides refused.
  loader: withoutRawSchemaErrors(
    failOnRenderErrors(
      reportCacheUse(
        loadPastRefusedEntries(
          glob({
            // Files and folders starting with `_` are notes and partials, never guides.
            pattern: ['**/*.{md,mdx}', '!**/_*', '!**/_*/**'],
            base: guidesDir(),
            // The slug is the file name without extension and Jekyll date prefix, unless `slug` overrides it.
            generateId: ({ entry, data }) => guideSlug(entry, data),
            // Pages are rendered from the stored HTML; src/lib/content.ts reads a body when it needs one.
            retainBody: false,
          }),
        ),
      ),
    ),
  ),
  schema: guideSchema,
});

export const collections = { guides };
