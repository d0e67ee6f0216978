import adapter from '@sveltejs/adapter-static';

// KEBU_BUILD_DIR / KEBU_KIT_DIR let a second build (e.g. tests while a benchmark serves build/)
// go elsewhere; scripts/serve.js reads KEBU_BUILD_DIR too.
const buildDir = process.env.KEBU_BUILD_DIR ?? 'build';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  kit: {
    // A static app: every route is served by the fallback page and rendered in the browser.
    adapter: adapter({ pages: buildDir, assets: buildDir, fallback: 'index.html', strict: true }),
    outDir: process.env.KEBU_KIT_DIR ?? '.svelte-kit',
    serviceWorker: { register: true }
  }
};

export default config;
