/**
 * Changes to the view (sort, filters, search, column order, widths, visibility, frozen columns),
 * each a new `ViewState` handed to the page through the grid's bindable `view`.
 */
import type { ColumnFilter, SortKey } from '$lib/domain/records/types';
import type { GridManager } from './grid-manager.svelte';
import * as V from './view';

export class ViewCommands<R extends { id: string }> {
  #m: GridManager<R>;

  constructor(m: GridManager<R>) {
    this.#m = m;
  }

  toggleSort(key: string, additive: boolean): void {
    this.#m.setView(V.toggleSort(this.#m.view, key, additive));
  }

  sortBy(key: string, dir: SortKey['dir'] | null): void {
    this.#m.setView(V.setSort(this.#m.view, key, dir));
  }

  sortOf(key: string): { dir: SortKey['dir']; n: number } | null {
    const i = this.#m.view.sort.findIndex((s) => s.column === key);
    return i < 0 ? null : { dir: this.#m.view.sort[i].dir, n: i + 1 };
  }

  setHidden(key: string, hidden: boolean): void {
    this.#m.setView(V.setHidden(this.#m.view, key, hidden));
  }

  moveColumn(key: string, to: number): void {
    this.#m.setView(V.moveColumn(this.#m.view, this.#m.props.columns, key, to));
  }

  moveColumnBy(key: string, delta: number): void {
    this.#m.setView(V.moveColumnBy(this.#m.view, this.#m.props.columns, key, delta));
  }

  resizeColumn(key: string, width: number): void {
    this.#m.setView(V.setWidth(this.#m.view, key, width));
  }

  resizeBy(key: string, delta: number): void {
    const vc = this.#m.columns.find((c) => c.key === key);
    if (vc) this.resizeColumn(key, vc.width + delta);
  }

  resetWidth(key: string): void {
    const { [key]: _drop, ...widths } = this.#m.view.widths;
    this.#m.setView({ ...this.#m.view, widths });
  }

  freezeUpTo(key: string): void {
    const i = this.#m.columns.findIndex((c) => c.key === key);
    if (i >= 0) this.#m.setView(V.setFrozen(this.#m.view, i + 1));
  }

  unfreeze(): void {
    this.#m.setView(V.setFrozen(this.#m.view, 0));
  }

  addFilter(filter: ColumnFilter): void {
    this.#m.setView(V.addFilter(this.#m.view, filter));
  }

  removeFilter(index: number): void {
    this.#m.setView(V.removeFilter(this.#m.view, index));
  }

  setSearch(text: string): void {
    this.#m.setView(V.setSearch(this.#m.view, text));
  }
}
