// Component tests compile .astro files, so they run through Astro's own Vite config, but not the
// site's astro.config.ts: its integrations check every guide in content/ and write caches, which a
// component render needs none of. `configFile: false` gives Astro's defaults (base `/`) plus the
// few settings below that change what a component renders.
import { fileURLToPath } from 'node:url';
import { getViteConfig } from 'astro/config';

export default getViteConfig(
  {
    // Components read the site's name, labels and links from content/site.yaml's module; here it
    // comes from the same stand-in the unit tests use (it loads the file and exports what the
    // build's module exports), imported by Vite rather than by this config, so the config itself
    // loads no TypeScript.
    resolve: {
      alias: {
        '~': fileURLToPath(new URL('../../src', import.meta.url)),
        'virtual:greenpath/site': fileURLToPath(new URL('../unit/support/site-module.ts', import.meta.url)),
      },
    },
    test: {
      name: 'components',
      root: new URL('../..', import.meta.url).pathname,
      include: ['tests/components/**/*.test.ts'],
      environment: 'node',
    },
  },
  {
    configFile: false,
    logLevel: 'warn',
    // As in astro.config.ts; with it on, every element gets data-astro-source-* attributes.
    devToolbar: { enabled: false },
    trailingSlash: 'always',
  },
);
