import adapter from '@sveltejs/adapter-static';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  kit: {
    // A static app: every route is served by the fallback page and rendered in the browser.
    adapter: adapter({ fallback: 'index.html', strict: true }),
    serviceWorker: { register: true }
  }
};

export default config;
