// Wiring only: what the site is built from lives in src/.
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import astroVersionCheck from './src/astro-internals/astro-version';
import atomicOutput from './src/integrations/atomic-output';
import buildClock from './src/integrations/build-clock';
import codeColours from './src/integrations/code-colours';
import contentGuard from './src/integrations/content-guard';
import dataStoreModule from './src/astro-internals/data-store-module';
import { isHeadInjectDirectiveWarning } from './src/astro-internals/log-wording';
import devProblems from './src/integrations/dev-problems';
import finishPages from './src/integrations/finish-pages';
import { guideLastmod } from './src/integrations/git-dates/sitemap';
import { cacheDirFor } from './src/lib/build-cache';
import pagefindIndex from './src/integrations/pagefind';
import renderCache from './src/integrations/render-cache';
import siteConfigModule from './src/integrations/site-config';
import { loadSiteConfig } from './src/lib/site-config';
import { guidesDir } from './src/lib/guide-files';
import { markdownOptions } from './src/markdown/options';
import { cspConfig } from './src/lib/security-policy';
import { normaliseBase } from './src/lib/urls-base';

// content/site.yaml (SITE_CONFIG names another file), read and checked once; the content guard
// reports its problems with the guides'.
const siteConfig = loadSiteConfig();
// BASE_PATH=/docs/ SITE_URL=https://example.org npm run build gives a site that works under /docs/;
// without them, site.yaml's `base` and `url` apply.
const outDir = process.env['OUT_DIR'] || './dist';
const base = normaliseBase(process.env['BASE_PATH'] ?? siteConfig.config.base);
const site = process.env['SITE_URL'] || siteConfig.config.url;

export default defineConfig({
  // OUT_DIR lets tests and benchmarks build elsewhere without touching the published dist/.
  outDir,
  // Each output folder gets its own caches (src/lib/build-cache.ts).
  cacheDir: cacheDirFor(process.env['OUT_DIR']),
  site,
  base,
  trailingSlash: 'always',
  output: 'static',
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 4 },
  devToolbar: { enabled: false },
  // A strict Content-Security-Policy in every page (src/lib/security-policy.ts).
  security: { csp: cspConfig() },
  experimental: { incrementalBuild: true },
  // One stylesheet for the whole site: cached after the first page, instead of a file per component.
  vite: {
    build: {
      cssCodeSplit: false,
      rolldownOptions: {
        // Astro marks every MDX module with a directive Rolldown does not know and warns about,
        // once per MDX guide per build, though nothing is wrong: those warnings only bury real ones.
        onLog(level, log, handler) {
          if (isHeadInjectDirectiveWarning(log)) return;
          handler(level, log);
        },
      },
    },
  },
  markdown: {
    processor: unified(markdownOptions({ base })),
    // Shiki runs among the processor's plugins, which turn its inline styles into classes
    // (src/markdown/options.ts); Astro's own would write styles the Content-Security-Policy blocks.
    syntaxHighlight: false,
  },
  integrations: [
    // Keep first: it stops a build that runs past its time limit and times every other integration.
    buildClock(),
    // Warns when the installed astro is not one src/astro-internals/ was checked with.
    astroVersionCheck(),
    contentGuard({}, siteConfig),
    siteConfigModule(siteConfig.config, guidesDir()),
    // In `astro dev` only: checks guides again as they are saved and shows the problems on every page.
    devProblems(),
    renderCache(),
    dataStoreModule(),
    codeColours(),
    mdx(),
    // A guide's URL has its "Updated" date as lastmod (src/integrations/git-dates/sitemap.ts).
    sitemap({ serialize: guideLastmod(base) }),
    // Gives every page its final Content-Security-Policy (and _headers) and its carbon figure
    // (and carbon-report.json); after every integration that writes pages.
    finishPages(),
    // Indexes the finished pages for search; before atomicOutput so a failed index fails the build.
    pagefindIndex(),
    // Keep last: it publishes the finished build.
    atomicOutput(),
  ],
});
