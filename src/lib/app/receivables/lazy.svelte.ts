/**
 * The receivables stores and worker (data.svelte.ts), loaded after the first paint: the customer
 * book and the navigation use them (the credit flags column, the Today count) but must not wait
 * for them, and they are not part of the first page's JavaScript.
 */
class LazyReceivables {
  module = $state.raw<typeof import('./data.svelte') | null>(null);
  #loading: Promise<void> | null = null;

  /** Start loading (once); resolves when `module` is there. */
  load(): Promise<void> {
    this.#loading ??= import('./data.svelte').then((m) => {
      this.module = m;
    });
    return this.#loading;
  }
}

export const lazyReceivables = new LazyReceivables();
