// A static, local-first app: no server rendering, every page renders in the browser.
export const ssr = false;
export const prerender = false;
