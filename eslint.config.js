// @ts-check
// `npm run lint`: ESLint's and typescript-eslint's type-checked recommended rules everywhere, React's hooks
// rules in the browser code. Off below: only rules that fight a deliberate habit of this code, each with why.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  globalIgnores(['dist/', 'coverage/', 'scratch/', 'test/fixtures/', 'examples/']),
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    // The type checker sees what `npm run typecheck` sees: explicit tsconfigs rather than projectService,
    // which only finds files named tsconfig.json, and the root one (the build's) holds src/ alone.
    files: ['src/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts', 'web/scripts/**/*.ts'],
    languageOptions: {
      globals: globals.node,
      parserOptions: { project: './tsconfig.check.json', tsconfigRootDir: import.meta.dirname },
    },
  },
  {
    files: ['web/src/**/*.{ts,tsx}', 'web/vite.config.ts'],
    languageOptions: {
      globals: globals.browser,
      parserOptions: { project: './web/tsconfig.json', tsconfigRootDir: import.meta.dirname },
    },
  },
  { files: ['web/src/**/*.{ts,tsx}'], extends: [reactHooks.configs.flat.recommended] },
  {
    rules: {
      // A switch over a union names every member, so a new member makes each switch decide what it means.
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      // async without await is how this code meets Promise-returning interfaces (Fastify plugins and
      // handlers, Kysely plugins, test fakes); a forgotten await is no-floating-promises' catch.
      '@typescript-eslint/require-await': 'off',
      // A terminal app: its regexes name ESC and C0 controls on purpose, always as \u escapes, which this
      // rule flags too; an invisible control character typed into a regex would be the rare real catch.
      'no-control-regex': 'off',
    },
  },
  {
    files: ['src/store/migrations/**/*.ts'],
    rules: {
      // Kysely's migrations take Kysely<any> on purpose: they must not depend on today's schema types.
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      // Vitest's asymmetric matchers (expect.any, expect.stringMatching) are typed any by design.
      '@typescript-eslint/no-unsafe-assignment': 'off',
    },
  },
  {
    // This file and other plain JavaScript: no tsconfig holds them, so no type-checked rules.
    files: ['**/*.js'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.node },
  },
);
