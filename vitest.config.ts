import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const alias = {
  '~': fileURLToPath(new URL('./src', import.meta.url)),
  // Modules that show the site's name or level labels import content/site.yaml's module; tests get
  // the same exports from a module that loads the file (astro.config.ts's plugin is not loaded here).
  'virtual:greenpath/site': fileURLToPath(new URL('./tests/unit/support/site-module.ts', import.meta.url)),
};

export default defineConfig({
  resolve: { alias },
  test: {
    // `npm run test:unit` measures how much of the pure logic and the content tools the unit tests
    // run, and fails below these floors (set just under what they cover: raise them, never lower).
    coverage: {
      provider: 'v8',
      include: ['src/lib/**', 'content-tools/**'],
      reporter: ['text-summary'],
      thresholds: { statements: 92, branches: 83, functions: 91, lines: 94 },
    },
    projects: [
      'tests/components/vitest.config.ts',
      {
        resolve: { alias },
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        resolve: { alias },
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
