import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import { builtinRules } from 'eslint/use-at-your-own-risk';
import svelteConfig from './svelte.config.js';
import { layersRule } from './eslint/layers.js';

/**
 * The layers, declared once. Each layer lists the layers (folders of src/lib, `routes`, `src`)
 * and the packages it may import; everything else is a lint error (`kebu/layers`, eslint/layers.js),
 * and so is a folder of src/lib with no entry. Lower layers never import higher ones:
 *
 *   domain ← db ← sync ← grid | io | workers ← app ← components ← routes
 *   i18n beside domain; ui (the small UI kit) on i18n and domain; demo (generators) on db
 */
const LAYERS = {
  domain: { imports: [], packages: [] },
  i18n: { imports: ['domain'], packages: [] },
  ui: { imports: ['i18n', 'domain'], packages: ['svelte', 'svelte/*'] },
  db: { imports: ['domain'], packages: ['dexie'] },
  sync: { imports: ['db', 'domain'], packages: ['yjs', 'y-*', 'fflate'] },
  demo: { imports: ['db', 'domain'], packages: [] },
  grid: { imports: ['ui', 'sync', 'db', 'domain', 'i18n'], packages: ['svelte', 'svelte/*', 'papaparse', 'pinyin-pro'] },
  workers: { imports: ['sync', 'db', 'domain', 'i18n'], packages: [] },
  // io beside grid, and using the grid's pure view modules: an export writes a grid view
  io: { imports: ['grid', 'workers', 'sync', 'db', 'domain', 'i18n'], packages: ['dexie', 'exceljs', 'fflate', 'papaparse'] },
  app: {
    imports: ['workers', 'io', 'grid', 'demo', 'sync', 'db', 'domain', 'i18n', 'ui'],
    packages: ['svelte', 'svelte/*', 'dexie']
  },
  components: {
    imports: ['app', 'workers', 'io', 'grid', 'sync', 'db', 'domain', 'i18n', 'ui'],
    packages: ['svelte', 'svelte/*', '$app/*', 'chart.js', 'chart.js/*', 'uqr']
  },
  routes: {
    imports: ['components', 'app', 'workers', 'io', 'grid', 'demo', 'sync', 'db', 'domain', 'i18n', 'ui', 'src'],
    packages: ['*']
  },
  // src/service-worker.ts, app.css (which the root layout imports)
  src: { imports: [], packages: ['$service-worker'] }
};

/**
 * House rules written with ESLint's `no-restricted-syntax`, each under its own name so that each
 * has its own files and exceptions (one `no-restricted-syntax` per file would replace the other).
 */
const restrictedSyntax = builtinRules.get('no-restricted-syntax');
const kebu = { rules: { 'one-clock': restrictedSyntax, layers: layersRule(LAYERS) } };

export default ts.config(
  {
    ignores: [
      'build/',
      'build-*/',
      '.svelte-kit/',
      '.svelte-kit-*/',
      'node_modules/',
      'test-results/',
      'playwright-report/',
      'bench/results/',
      'bench/.out/'
    ]
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
          selector: 'CallExpression[callee.property.name=/^(put|bulkPut|bulkAdd|bulkUpdate|bulkDelete|modify)$/]',
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
  {
    // The layers (LAYERS above): every file of src/ imports only what its layer's entry allows.
    files: ['src/**/*.ts', 'src/**/*.svelte'],
    plugins: { kebu },
    rules: { 'kebu/layers': 'error' }
  },
  {
    // Size: files that fit in a head, functions that fit on a screen (tests are tables and scenarios).
    files: ['src/**/*.ts', 'src/**/*.svelte'],
    ignores: ['src/**/*.test.ts'],
    rules: {
      'max-lines': ['error', { max: 450, skipBlankLines: false, skipComments: false }],
      'max-lines-per-function': ['error', { max: 120, skipBlankLines: false, skipComments: false, IIFEs: true }]
    }
  },
  // Screens call typed commands (src/lib/app/commands/), they never build a mutation: no object
  // literal with a mutation's `type` and `table`, no `.writes.write(` call, no `Mutation` import in
  // components or routes. A rule of its own (plugin `kebu-commands`), so it adds to the other
  // blocks' `no-restricted-syntax` / `no-restricted-imports` settings instead of replacing them.
  {
    files: ['src/lib/components/**/*.{ts,svelte}', 'src/routes/**/*.{ts,svelte}'],
    ignores: ['src/**/*.test.ts'],
    plugins: {
      'kebu-commands': {
        rules: {
          'no-mutations': {
            meta: {
              type: 'problem',
              messages: {
                literal: 'Build mutations in a command (src/lib/app/commands/<area>.ts), not in a screen.',
                write: 'Call a command (src/lib/app/commands/<area>.ts) instead of writing through ws.writes.write.',
                type: 'Screens do not handle `Mutation`s: call a command (src/lib/app/commands/<area>.ts).'
              }
            },
            create(context) {
              const MUTATION = /^(insert|update|delete|restore)$/;
              const key = (p) => p.type === 'Property' && (p.key.type === 'Identifier' ? p.key.name : p.key.value);
              return {
                ObjectExpression(node) {
                  const type = node.properties.find((p) => key(p) === 'type');
                  const table = node.properties.some((p) => key(p) === 'table');
                  if (table && type?.value.type === 'Literal' && MUTATION.test(String(type.value.value))) {
                    context.report({ node, messageId: 'literal' });
                  }
                },
                'CallExpression > MemberExpression.callee[property.name="write"] > MemberExpression.object[property.name="writes"]'(node) {
                  context.report({ node: node.parent, messageId: 'write' });
                },
                'ImportSpecifier[imported.name="Mutation"]'(node) {
                  context.report({ node, messageId: 'type' });
                }
              };
            }
          }
        }
      }
    },
    rules: { 'kebu-commands/no-mutations': 'error' }
  }
);
