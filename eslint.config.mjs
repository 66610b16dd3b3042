// @ts-check
/**
 * One lint for the whole repository: every TypeScript file (server, admin, tests, bench) with typescript-eslint's
 * strict type-checked rules, each project typed by its nearest tsconfig.json; React hooks rules for the admin
 * panel and its tests; plain JavaScript (Strapi entry files, the playground, scripts) with ESLint's recommended
 * rules. Every rule relaxed below says why.
 */
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig([
  globalIgnores([
    '**/dist/',
    'coverage/',
    'playground/.strapi/',
    'playground/.tmp/',
    'playground/build/',
    'playground/types/generated/',
    'bench/.tmp/',
    'bench/results/',
    'tests/.artifacts/',
    'tests/idp/results/',
  ]),
  {
    files: ['**/*.{js,cjs,mjs}'],
    extends: [js.configs.recommended],
    languageOptions: { globals: globals.node, sourceType: 'commonjs' },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { sourceType: 'module' },
  },
  {
    files: ['**/*.{ts,tsx}'],
    extends: [js.configs.recommended, tseslint.configs.strictTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // Numbers and booleans print as they should in messages, URLs and SCIM error details; objects,
      // null/undefined and `any` in a template literal stay errors.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      // `_name` marks a parameter an interface or callback signature requires but the body does not use.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
      // Arrow shorthands such as `(row) => void promise` and `onClick={() => setOpen(false)}` read better than a
      // block; returning a void call from a void arrow changes nothing.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      // React event props and Koa/Strapi hooks take async handlers whose promise the caller ignores by design;
      // promises passed where a value is expected (conditions, spreads, arguments) stay errors.
      '@typescript-eslint/no-misused-promises': [
        'error',
        { checksVoidReturn: { attributes: false, arguments: false } },
      ],
    },
  },
  {
    // Tests: `expect(obj.method)` and jest mocks pass unbound methods on purpose.
    files: ['tests/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    // The suites that talk to a running Strapi read its JSON answers (`res.json.Resources[0].id`) and database
    // rows by path: the assertion that reads a path is what checks it, and a declared type would only repeat the
    // assertion. `any` stays confined to those bodies (no-explicit-any still applies); the server, admin, bench
    // and unit tests keep every no-unsafe rule.
    files: ['tests/{integration,reliability,idp,fresh-app,e2e}/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['admin/src/**/*.{ts,tsx}', 'tests/admin/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat['recommended-latest']],
    languageOptions: { globals: globals.browser },
  },
]);
