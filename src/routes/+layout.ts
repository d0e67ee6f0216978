import { session } from '$lib/app/session.svelte';
import { i18n } from '$lib/i18n/index.svelte';

// A static, local-first app: no server rendering, every page renders in the browser.
export const ssr = false;
export const prerender = false;

// The session starts reading IndexedDB while the page's components load, not after they mount.
// The UI language's messages load as a chunk of their own (src/lib/i18n/load.ts): nothing
// renders before they are there, so no screen ever shows a message key.
export const load = () => {
  void session.init();
  return i18n.ready;
};
