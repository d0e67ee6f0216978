import { mkdirSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { join, relative } from 'node:path';
import adapter from '@sveltejs/adapter-static';

/**
 * The /dev pages (src/dev-routes: the benchmarks' /dev/bench and /dev/grid) are not part of the
 * app and never ship in its build. The benchmark build sets KEBU_DEV_ROUTES=1: its routes are then
 * bench/.out/routes, links to every entry of src/routes plus `dev` → src/dev-routes, and it builds
 * into build-bench/ and .svelte-kit-bench/ so that it never overwrites the app's build.
 */
const devRoutes = process.env.KEBU_DEV_ROUTES === '1';

function routesWithDevPages() {
  const dir = 'bench/.out/routes';
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const name of readdirSync('src/routes')) symlinkSync(relative(dir, join('src/routes', name)), join(dir, name));
  symlinkSync(relative(dir, 'src/dev-routes'), join(dir, 'dev'));
  return dir;
}

// KEBU_BUILD_DIR / KEBU_KIT_DIR let a second build (e.g. tests while a benchmark serves build/)
// go elsewhere; scripts/serve.js reads KEBU_BUILD_DIR too.
const buildDir = process.env.KEBU_BUILD_DIR ?? (devRoutes ? 'build-bench' : 'build');

/** @type {import('@sveltejs/kit').Config} */
const config = {
  kit: {
    // A static app: every route is served by the fallback page and rendered in the browser.
    adapter: adapter({ pages: buildDir, assets: buildDir, fallback: 'index.html', strict: true }),
    outDir: process.env.KEBU_KIT_DIR ?? (devRoutes ? '.svelte-kit-bench' : '.svelte-kit'),
    serviceWorker: { register: true },
    ...(devRoutes ? { files: { routes: routesWithDevPages() } } : {})
  }
};

export default config;
