/**
 * The rows a grid's view lets through, for a page that shows them another way (the opportunities
 * board): the view's filters, compiled by the grid's own `compileFilters`, and its quick search
 * as a case-insensitive substring of the row's search text. (The grid also matches pinyin; the
 * board matches the text as written.)
 */
import { compileFilters } from '$lib/grid/filter';
import type { GridColumn } from '$lib/grid/types';
import type { ViewState } from '$lib/domain/records/types';

export function rowsInView<R>(
  rows: readonly R[],
  view: Pick<ViewState, 'filters' | 'search'>,
  columns: readonly GridColumn<R>[],
  searchText: (row: R) => string
): R[] {
  const predicates = compileFilters(view.filters, columns);
  const terms = view.search.trim().toLowerCase().split(/\s+/).filter(Boolean);
  return rows.filter((r) => {
    if (!predicates.every((p) => p(r))) return false;
    if (!terms.length) return true;
    const text = searchText(r).toLowerCase();
    return terms.every((term) => text.includes(term));
  });
}
