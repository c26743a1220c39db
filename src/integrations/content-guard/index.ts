/**
 * Checks every guide before Astro syncs or renders anything. All problems of all files are
 * reported in one run; errors stop the build before a single file is written, so the last good
 * `dist/` stays where it is: the build prints the list and one "Build refused" line and exits
 * with code 1 (../build-clock/refuse-build.ts). In `astro dev` problems are printed and the server keeps running.
 *
 * The check is the whole content check of content-tools/check/ (the same as
 * `npm run check:content`): schema, encoding and mojibake, broken links and anchors, and the rest.
 * Broken links are errors unless the `links: 'warn'` option, `GREENPATH_LINKS=warn` or
 * `--links=warn` says otherwise; tags outside content/tags.yaml are warnings unless
 * `strictTags`, `GREENPATH_STRICT_TAGS=1` or `--strict-tags`. Warnings
 * never stop a build; past the first few they are counted, not listed. Translations are checked
 * against the site's languages: one with no original is an error, an out-of-date one a warning.
 *
 * It also decides, from the command alone, whether drafts are published: only `astro dev` shows
 * them (read in src/data/guides.ts as import.meta.env.GREENPATH_DRAFTS).
 */
import type { AstroIntegration } from 'astro';
import { formatShort, sortDiagnostics } from '../../schemas/errors';
import { checkContent } from '../../../content-tools/check';
import { readCheckEnv, readCheckFlags, type CheckFlags } from '../../../content-tools/check/flags';
import { guidesDir } from '../../data/guides-dir';
import { BAD_SETTING, counted } from '../../lib/build-refusal';
import { refuseBuild } from '../build-clock/refuse-build';
import { releaseKeptTrees } from '../../markdown/remark-reuse-parse';
import { featuredDiagnostics, type SiteConfigResult } from '../../data/site-config';
import { slugify } from '../../lib/slug';
import { siteLanguages } from '../../lib/languages';
import { loadInterfaceText } from '../../data/interface-text';
import { readFileSync, existsSync } from 'node:fs';

export type ContentGuardOptions = CheckFlags;

/** Warnings listed in full in a build's output; `npm run check:content` lists them all. */
export const LISTED_WARNINGS = 50;

/** `site`: content/site.yaml as astro.config.ts loaded it; its problems are reported with the guides'. */
export default function contentGuard(
  options: ContentGuardOptions = {},
  site?: SiteConfigResult & { file: string },
): AstroIntegration {
  return {
    name: 'greenpath:content-guard',
    hooks: {
      'astro:config:setup': async ({ command, logger, updateConfig }) => {
        updateConfig({ vite: { define: { 'import.meta.env.GREENPATH_DRAFTS': JSON.stringify(command === 'dev') } } });
        if (command === 'preview') return;
        // Flags given to this run win over the environment, which wins over the configured options.
        let flags: CheckFlags;
        try {
          flags = { ...options, ...readCheckEnv(process.env), ...readCheckFlags(process.argv.slice(2)) };
        } catch (error) {
          // A bad --links or GREENPATH_LINKS value: a message for the author, not a crash.
          if (command !== 'build') throw error;
          return refuseBuild(logger, [(error as Error).message], BAD_SETTING);
        }
        // A build's render takes the trees the check parsed instead of parsing each guide again;
        // the languages are the site file's this build uses: its translations are checked against them.
        const languages = site ? { languages: siteLanguages(site.config) } : {};
        const report = await checkContent({
          dir: guidesDir(),
          ...flags,
          ...languages,
          keepTreesForRender: command === 'build',
        });
        const sorted = sortDiagnostics([
          ...report.diagnostics,
          ...siteDiagnostics(site, report.guides, command === 'dev'),
          // The interface text of every language (src/i18n/), which every page renders.
          ...loadInterfaceText(site ? siteLanguages(site.config).map((l) => l.code) : []).diagnostics,
        ]);
        const warnings = sorted.filter((x) => x.severity === 'warning');
        for (const d of warnings.slice(0, LISTED_WARNINGS)) logger.warn(formatShort(d));
        if (warnings.length > LISTED_WARNINGS) {
          logger.warn(
            `… and ${warnings.length - LISTED_WARNINGS} more warnings: \`npm run check:content\` lists them all`,
          );
        }
        logger.info(
          `checked ${report.guides.length} guides in ${Math.round(report.ms)} ms: ${report.errors} errors, ${report.warnings} warnings`,
        );
        const errors = sorted.filter((d) => d.severity === 'error').map(formatShort);
        if (errors.length === 0) return;
        if (command === 'build') {
          const files = new Set(sorted.filter((d) => d.severity === 'error').map((d) => d.file)).size;
          return refuseBuild(logger, errors, `${counted(errors.length, 'content error')} in ${counted(files, 'file')}`);
        }
        for (const line of errors) logger.error(line);
      },
      // The content sync is over: trees it did not take (a guide Astro's content cache had) go.
      'astro:build:start': () => {
        releaseKeptTrees();
      },
    },
  };
}

/** The site configuration's own problems, and featured slugs that name no published guide or learning path. */
function siteDiagnostics(
  site: (SiteConfigResult & { file: string }) | undefined,
  guides: readonly {
    slug: string;
    draft: boolean;
    frontmatter: { series?: { name: string } | undefined } | undefined;
  }[],
  withDrafts: boolean,
) {
  if (!site) return [];
  // Drafts are published by `astro dev` only (src/data/guides.ts).
  const published = guides.filter((g) => withDrafts || !g.draft);
  const source = existsSync(site.file) ? readFileSync(site.file, 'utf8') : '';
  return [
    ...site.diagnostics,
    ...featuredDiagnostics(site.config, site.file, source, {
      guides: published.map((g) => g.slug),
      series: new Set(published.flatMap((g) => (g.frontmatter?.series ? [slugify(g.frontmatter.series.name)] : []))),
    }),
  ];
}
