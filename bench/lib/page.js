/**
 * Build a benchmark page with Vite into bench/.out/<name> (never build/): the app's `$lib` is
 * aliased, Svelte modules compile, workers are ES modules, and the output folder is kept out of
 * the linter.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { build } from 'vite';
import { log } from './util.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const OUT = fileURLToPath(new URL('../.out/', import.meta.url));

/** @param {string} name  the folder under bench/ whose `page/` is built, e.g. 'io' */
export async function buildBenchPage(name) {
  log(`building the ${name} benchmark page…`);
  mkdirSync(OUT, { recursive: true });
  writeFileSync(`${OUT}eslint.config.js`, '// generated: build output, never linted\nexport default [{ ignores: ["**/*"] }];\n');
  const outDir = `${OUT}${name}/`;
  await build({
    root: `${ROOT}bench/${name}/page/`,
    configFile: false,
    base: './',
    logLevel: 'warn',
    resolve: { alias: { $lib: `${ROOT}src/lib` } },
    // the app's stores are Svelte modules (runes)
    plugins: [svelte({ configFile: false })],
    worker: { format: 'es' },
    build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 5000, target: 'es2022', minify: !process.env.KEBU_BENCH_NOMINIFY }
  });
  return outDir;
}
