/**
 * Every integration the site runs, in the order it must run: Astro calls each hook in this order,
 * so the order is part of what the build does. astro.config.ts spreads this list and adds nothing;
 * tests/unit/integration-order.test.ts checks the positions that matter by name.
 */
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';
import astroVersionCheck from '../astro-internals/astro-version';
import dataStoreModule from '../astro-internals/data-store-module';
import atomicOutput from './atomic-output';
import buildClock from './build-clock';
import codeColours from './code-colours';
import contentGuard from './content-guard';
import devProblems from './dev-problems';
import finishPages from './finish-pages';
import pagefindIndex from './pagefind';
import renderCache from './render-cache';
import siteConfigModule from './site-config';
import { guideLastmod } from './git-dates/sitemap';
import { siteLanguages } from '../lib/languages';
import { guidesDir } from '../data/guides-dir';
import type { SiteConfigResult } from '../data/site-config';

/**
 * `site` is content/site.yaml as astro.config.ts read and checked it, once; `base` the base path
 * the sitemap's guide URLs start with.
 */
/** @astrojs/sitemap's `i18n` option for a site with several languages; nothing for one. */
function sitemapLanguages(site: SiteConfigResult): {
  i18n?: { defaultLocale: string; locales: Record<string, string> };
} {
  const languages = siteLanguages(site.config);
  if (languages.length < 2) return {};
  return {
    i18n: {
      defaultLocale: languages[0]!.code,
      locales: Object.fromEntries(languages.map((language) => [language.code, language.code])),
    },
  };
}

export function siteIntegrations(site: SiteConfigResult & { file: string }, base = '/'): AstroIntegration[] {
  return [
    // First: it stops a build that runs past its time limit and times every integration after it.
    buildClock(),
    // Before anything reads Astro's internals: warns when the installed astro is not one
    // src/astro-internals/ was checked with.
    astroVersionCheck(),
    // Before Astro syncs or renders anything, so a bad guide (or a bad site.yaml) refuses the build
    // with nothing written.
    contentGuard({}, site),
    // Before anything imports `virtual:greenpath/site`: the site file's values and accent colours.
    siteConfigModule(site.config, guidesDir()),
    // In `astro dev` only: checks guides again as they are saved and shows the problems on every page.
    devProblems(),
    // Before the content sync: clears the content cache when the code that renders guides changed.
    renderCache(),
    // Replaces Astro's data-store module with one read at run time (see its file).
    dataStoreModule(),
    // Adds the stylesheet for code colour classes to every page.
    codeColours(),
    mdx(),
    // A guide's URL has its "Updated" date as lastmod (./git-dates/sitemap.ts).
    // With more than one language, each page lists its versions in the others as `xhtml:link`
    // alternates: pages are paired by their path after the language's `/<code>/`.
    sitemap({ serialize: guideLastmod(base), ...sitemapLanguages(site) }),
    // After every integration that writes pages (mdx, sitemap): gives each page its final
    // Content-Security-Policy (and _headers) and its carbon figure (and carbon-report.json).
    finishPages(),
    // After finishPages, so it indexes finished pages; before atomicOutput, so a failed index fails the build.
    pagefindIndex(),
    // Last: it publishes the finished build in place of the previous one.
    atomicOutput(),
  ];
}
