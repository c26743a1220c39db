import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { guidesDir } from './data/guides-dir';
import { guideSlug } from './lib/slug';
import { guideId, languageOfGuideFile, siteLanguages } from './lib/languages';
import { SITE } from './lib/site';
import { storeBodyFacts } from './data/body-facts';
import { storeGitDates } from './integrations/git-dates/loader';
import { failOnRenderErrors, reportCacheUse } from './data/strict-loader';
import { loadPastRefusedEntries, withoutRawSchemaErrors } from './integrations/dev-problems/loader';
import { guideSchema } from './schemas/guide';

const LANGUAGES = siteLanguages(SITE);

const guides = defineCollection({
  // A guide that fails to render fails the build instead of publishing an empty page; each sync
  // says how many guides it took from the content cache; every guide is stored with its body
  // facts and without its body (src/data/body-facts.ts), and with the date of its last commit
  // (src/integrations/git-dates/loader.ts; outside the cache count, since a new date is no new
  // render). In dev, greenpath:dev-problems reports a refused front matter in place of Zod's raw
  // issues, and the server starts with guides refused.
  loader: withoutRawSchemaErrors(
    failOnRenderErrors(
      storeGitDates(
        reportCacheUse(
          storeBodyFacts(
            loadPastRefusedEntries(
              glob({
                // Files and folders starting with `_` are notes and partials, never guides.
                pattern: ['**/*.{md,mdx}', '!**/_*', '!**/_*/**'],
                base: guidesDir(),
                // The slug is the file name without extension and Jekyll date prefix, unless `slug`
                // overrides it; a translation (in `<code>/`, a code of site.yaml's `languages`) is
                // `<code>/<slug>`, so it never collides with its original.
                generateId: ({ entry, data }) =>
                  guideId(guideSlug(entry, data), languageOfGuideFile(entry, LANGUAGES).language.code, SITE.language),
                // storeBodyFacts computes an MDX guide's facts from its body, then drops it.
                retainBody: true,
              }),
            ),
          ),
        ),
        guidesDir(),
      ),
    ),
  ),
  schema: guideSchema,
});

export const collections = { guides };
