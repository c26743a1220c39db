// Component tests compile .astro files, so they run through Astro's own Vite config, but not the
// site's astro.config.ts: its integrations check every guide in content/ and write caches, which a
// component render needs none of. `configFile: false` gives Astro's defaults (base `/`) plus the
// few settings below that change what a component renders, and the site file's module.
import { getViteConfig } from 'astro/config';
import siteConfigModule from '../../src/integrations/site-config';
import { loadSiteConfig } from '../../src/data/site-config';

export default getViteConfig(
  {
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
    // Components read the site's name, labels and links from the one site file, as in a build.
    integrations: [siteConfigModule(loadSiteConfig().config)],
  },
);
