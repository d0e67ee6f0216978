import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

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
    // One write path: only its modules in src/lib/db (and the device registry) may write to Dexie tables.
    files: ['src/**/*.ts', 'src/**/*.svelte'],
    ignores: [
      'src/lib/db/local-write.ts',
      'src/lib/db/undo.ts',
      'src/lib/db/apply-remote.ts',
      'src/lib/db/restore.ts',
      'src/lib/db/hybrid-clock.ts',
      'src/lib/db/write-path.ts',
      'src/lib/db/registry.ts',
      'src/service-worker.ts',
      'src/**/*.test.ts'
    ],
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
