import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { siteConfigPlugin } from './src/integrations/site-config';
import { loadSiteConfig } from './src/lib/site-config';

const alias = { '~': fileURLToPath(new URL('./src', import.meta.url)) };
// Modules that show the site's name or level labels import content/site.yaml's module, as in a build.
const plugins = [siteConfigPlugin(loadSiteConfig().config)];

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      'tests/components/vitest.config.ts',
      {
        resolve: { alias },
        plugins,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        resolve: { alias },
        plugins,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/support/global-setup.ts'],
          // One browser test file at a time: the machine has two cores and builds need them.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 240_000,
        },
      },
    ],
  },
});
