/**
 * The churn signals (signals.svelte.ts and its worker), loaded after the first paint: the customer
 * book's column, the customer page and Today show them but must not wait for them, and they are
 * not part of the first page's JavaScript.
 */
class LazySignals {
  module = $state.raw<typeof import('./signals.svelte') | null>(null);
  #loading: Promise<void> | null = null;

  /** Start loading (once); resolves when `module` is there. */
  load(): Promise<void> {
    this.#loading ??= import('./signals.svelte').then((m) => {
      this.module = m;
    });
    return this.#loading;
  }
}

export const lazySignals = new LazySignals();
