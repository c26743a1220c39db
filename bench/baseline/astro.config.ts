// The bench's baseline (README.md): stock Astro with the same Markdown pipeline as the site, and Pagefind.
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import type { AstroIntegration } from 'astro';
import { defineConfig } from 'astro/config';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import remarkGfm from 'remark-gfm';

// Pagefind over the whole output, through its Node API, as the site's own search index is built.
const pagefindIndex: AstroIntegration = {
  name: 'baseline:pagefind',
  hooks: {
    'astro:build:done': async ({ dir }) => {
      const site = fileURLToPath(dir);
      try {
        const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
        const added = await index?.addDirectory({ path: site });
        const written = await index?.writeFiles({ outputPath: `${site}/pagefind` });
        const all = [...errors, ...(added?.errors ?? []), ...(written?.errors ?? [])];
        if (!index || all.length > 0) throw new Error(`Pagefind failed:\n${all.join('\n')}`);
      } finally {
        await pagefind.close();
      }
    },
  },
};

export default defineConfig({
  // The bench builds into its own folders; run by hand, it builds into bench/baseline/dist/.
  outDir: process.env['OUT_DIR'] || './dist',
  cacheDir: process.env['CACHE_DIR'] || './node_modules/.astro',
  site: 'http://localhost:4321',
  trailingSlash: 'always',
  output: 'static',
  build: { format: 'directory' },
  devToolbar: { enabled: false },
  markdown: {
    // GFM from remark-gfm, as the site wires it (src/markdown/options.ts); none of the site's own plugins.
    processor: unified({ gfm: false, smartypants: false, remarkPlugins: [remarkGfm] }),
    shikiConfig: {
      themes: { light: 'github-light', dark: 'github-dark-dimmed' },
      defaultColor: false,
    },
  },
  integrations: [mdx(), pagefindIndex],
});
