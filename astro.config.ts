// Wiring only: what the site is built from lives in src/.
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import { isHeadInjectDirectiveWarning } from './src/astro-internals/log-wording';
import { cacheDirFor } from './src/node/build-cache';
import { siteIntegrations } from './src/integrations';
import { loadSiteConfig } from './src/data/site-config';
import { markdownOptions } from './src/markdown/options';
import { cspConfig } from './src/integrations/finish-pages/security-policy';
import { normaliseBase } from './src/lib/urls-base';
import { siteLanguages } from './src/lib/languages';
import { markdownTextFor } from './src/data/markdown-text';

// content/site.yaml (SITE_CONFIG names another file), read and checked once; the content guard
// reports its problems with the guides'.
const siteConfig = loadSiteConfig();
// BASE_PATH=/docs/ SITE_URL=https://example.org npm run build gives a site that works under /docs/;
// without them, site.yaml's `base` and `url` apply.
const outDir = process.env['OUT_DIR'] || './dist';
const base = normaliseBase(process.env['BASE_PATH'] ?? siteConfig.config.base);
const site = process.env['SITE_URL'] || siteConfig.config.url;
const languages = siteLanguages(siteConfig.config);

export default defineConfig({
  // OUT_DIR lets tests and benchmarks build elsewhere without touching the published dist/.
  outDir,
  // Each output folder gets its own caches (src/node/build-cache.ts).
  cacheDir: cacheDirFor(process.env['OUT_DIR']),
  site,
  base,
  trailingSlash: 'always',
  // Astro.currentLocale tells components which language's interface text to show (src/data/i18n.ts):
  // the default language keeps today's URLs, the others live under /<code>/.
  i18n: {
    locales: languages.map((language) => language.code),
    defaultLocale: languages[0]!.code,
    routing: { prefixDefaultLocale: false },
  },
  output: 'static',
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 4 },
  devToolbar: { enabled: false },
  // A strict Content-Security-Policy in every page (src/integrations/finish-pages/security-policy.ts).
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
    // A guide's added words (footnotes, copy buttons, callouts) in its language: src/i18n/.
    processor: unified(markdownOptions({ base, textFor: markdownTextFor(languages) })),
    // Shiki runs among the processor's plugins, which turn its inline styles into classes
    // (src/markdown/options.ts); Astro's own would write styles the Content-Security-Policy blocks.
    syntaxHighlight: false,
  },
  // In the order they must run; each position's reason is in src/integrations/index.ts.
  integrations: siteIntegrations(siteConfig, base),
});
