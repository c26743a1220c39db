// ESLint: typescript-eslint for .ts, eslint-plugin-astro for .astro. Formatting is Prettier's job.
import { defineConfig } from 'eslint/config';
import eslintPluginAstro from 'eslint-plugin-astro';
import tseslint from 'typescript-eslint';

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
);
