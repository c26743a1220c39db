// ESLint: typescript-eslint for .ts, eslint-plugin-astro for .astro. Formatting is Prettier's job.
// The type-aware rules read astro:content and import.meta.env types from .astro/types.d.ts, which
// `astro sync` writes: `npm run lint` runs it first, so a fresh checkout lints the same.
import { builtinModules } from 'node:module';
import { defineConfig } from 'eslint/config';
import eslintPluginAstro from 'eslint-plugin-astro';
import tseslint from 'typescript-eslint';

const LIB_RUNS_ANYWHERE =
  'src/lib runs anywhere: Node build code goes in src/integrations/<feature>/ or the content tools; ' +
  'astro:content queries in src/data/.';

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
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
  },
  ...eslintPluginAstro.configs.recommended,
  {
    // Type information comes from TypeScript's project service, which knows .ts files only: the
    // frontmatter and <script> blocks of .astro files (linted as *.astro/*.ts) and plain .js get the
    // syntactic rules; `astro check` type-checks the .astro files.
    // bench/baseline/ is a frozen copy of an older site, never synced, so its astro: types are missing.
    files: ['**/*.astro', '**/*.astro/*.ts', '**/*.astro/*.js', '**/*.js', 'bench/baseline/**'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    files: ['tests/**'],
    rules: {
      // Tests read `any` on purpose: JSON.parse results, Vitest's asymmetric matchers (expect.any) and
      // imported .astro components (typed only inside `astro check`); the assertions are the check.
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      // Fakes of Promise-returning interfaces (loaders) and test callbacks may be async without awaiting.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['src/lib/**'],
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
