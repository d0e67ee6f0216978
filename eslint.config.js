import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import { builtinRules } from 'eslint/use-at-your-own-risk';
import svelteConfig from './svelte.config.js';

/**
 * House rules written with ESLint's `no-restricted-syntax`, each under its own name so that each
 * has its own files and exceptions (one `no-restricted-syntax` per file would replace the other).
 */
const restrictedSyntax = builtinRules.get('no-restricted-syntax');
const kebu = { rules: { 'one-clock': restrictedSyntax } };

/**
 * The layers only import downwards: domain ← db ← sync ← grid, io ← routes.
 * Each entry forbids a layer from importing the ones above it.
 */
const layer = (files, forbidden, why) => ({
  files,
  rules: {
    'no-restricted-imports': [
      'error',
      { patterns: forbidden.map((group) => ({ group: [group], message: why })) }
    ]
  }
});

export default ts.config(
  {
    ignores: ['build/', 'build-*/', '.svelte-kit/', '.svelte-kit-*/', 'node_modules/', 'test-results/', 'playwright-report/', 'bench/results/', 'bench/.out/']
  },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      // Large indexes are plain Maps on purpose: reactivity comes from replacing a $state.raw
      // array, not from tracking every entry.
      'svelte/prefer-svelte-reactivity': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }]
    }
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
    languageOptions: {
      parserOptions: { projectService: true, extraFileExtensions: ['.svelte'], parser: ts.parser, svelteConfig }
    }
  },
  {
    // One write path: only write-path.ts (and the device registry) may write to Dexie tables.
    files: ['src/**/*.ts', 'src/**/*.svelte'],
    ignores: ['src/lib/db/write-path.ts', 'src/lib/db/registry.ts', 'src/service-worker.ts', 'src/**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "CallExpression[callee.property.name=/^(put|bulkPut|bulkAdd|bulkUpdate|bulkDelete|modify)$/]",
          message: 'Write through WritePath (src/lib/db/write-path.ts): it validates, logs and makes the change undoable.'
        }
      ]
    }
  },
  {
    // One source of today: screens read "today" and "now" from app/clock.svelte.ts, so moving the
    // day (`?today=`, tests, demos) moves every screen. Nothing else reads the wall clock.
    files: ['src/**/*.ts', 'src/**/*.svelte'],
    ignores: [
      'src/lib/app/clock.svelte.ts', // the clock itself
      'src/lib/db/ids.ts', // wallTime(): ids and the stamps below the app layer, which cannot import the app's clock
      'src/lib/db/write-path.ts', // the hybrid clock: wall time, never backwards (moves with it when it gets its own module)
      'src/**/*.test.ts' // tests may read it
    ],
    plugins: { kebu },
    rules: {
      'kebu/one-clock': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'Read today and now from the clock (src/lib/app/clock.svelte.ts): clock.today, clock.now(), clock.nowLocal().'
        },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'Read now from the clock (src/lib/app/clock.svelte.ts: clock.now()); below the app layer, wallTime() in src/lib/db/ids.ts.'
        }
      ]
    }
  },
  layer(
    ['src/lib/domain/**'],
    ['svelte', 'svelte/*', '$app/*', 'dexie', 'yjs', 'y-*', '$lib/db/*', '$lib/sync/*', '$lib/grid/*', '$lib/io/*', '$lib/i18n/*', '**/db/*', '**/sync/*', '**/grid/*', '**/io/*', '**/i18n/*'],
    'src/lib/domain is pure TypeScript: no UI, storage or sync imports.'
  ),
  layer(
    ['src/lib/db/**'],
    ['$lib/sync/*', '$lib/grid/*', '$lib/io/*', '$app/*', '**/sync/*', '**/grid/*', '**/io/*', '**/routes/*'],
    'src/lib/db may import only the domain layer.'
  ),
  layer(
    ['src/lib/sync/**'],
    ['$lib/grid/*', '$lib/io/*', '**/grid/*', '**/io/*', '**/routes/*'],
    'src/lib/sync sits below the grid and io layers.'
  ),
  layer(
    ['src/lib/grid/**', 'src/lib/io/**'],
    ['**/routes/*', '$lib/components/*', '**/components/*'],
    'the grid and io layers never import routes or app components.'
  )
);
