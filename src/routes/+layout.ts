// A static, local-first app: no server rendering, every page renders in the browser.
export const ssr = false;
export const prerender = false;

import { session } from '$lib/app/session.svelte';

/** The session starts reading IndexedDB while the page's components load, not after they mount. */
export const load = () => {
  void session.init();
};
