// ESLint: typescript-eslint for .ts, eslint-plugin-astro for .astro. Formatting is Prettier's job.
import { builtinModules } from 'node:module';
import { defineConfig } from 'eslint/config';
import eslintPluginAstro from 'eslint-plugin-astro';
import tseslint from 'typescript-eslint';

const LIB_RUNS_ANYWHERE =
  'src/lib runs anywhere: Node build code goes in src/integrations/<feature>/ or the content tools; ' +
  'astro:content queries in src/data/.';

// Files in src/lib/ that still import node: or astro: modules, from before the rule existed. They
// are to move out of src/lib/ (issue 12); take a file off this list when it moves, never add one.
const NOT_YET_MOVED_OUT_OF_LIB = [
  'src/lib/atomic-write.ts',
  'src/lib/body-facts.ts',
  'src/lib/build-cache.ts',
  'src/lib/carbon.ts',
  'src/lib/content-check/analysis-cache.ts',
  'src/lib/content-check/fix.ts',
  'src/lib/content-check/index.ts',
  'src/lib/content-check/links.ts',
  'src/lib/content-check/mdx-imports.ts',
  'src/lib/content.ts',
  'src/lib/guide-files.ts',
  'src/lib/import/run.ts',
  'src/lib/page-keys.ts',
  'src/lib/public-files.ts',
  'src/lib/security-policy.ts',
  'src/lib/tag-vocabulary.ts',
];

export default defineConfig(
  {
    ignores: [
      'dist/',
      '**/.astro/',
      '.greenpath/',
      'node_modules/',
      'bench-results/',
      'lighthouse-reports/',
      'public/pagefind/',
    ],
  },
  ...tseslint.configs.recommended,
  ...eslintPluginAstro.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['src/lib/**'],
    ignores: NOT_YET_MOVED_OUT_OF_LIB,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          // Bare names too ('fs', 'fs/promises'): Node resolves them to the same built-ins.
          paths: builtinModules.map((name) => ({ name, message: LIB_RUNS_ANYWHERE })),
          patterns: [{ group: ['node:*', 'astro:*'], message: LIB_RUNS_ANYWHERE }],
        },
      ],
    },
  },
);
