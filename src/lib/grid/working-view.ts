/**
 * The working view of a table as the page keeps it between visits (RecordGrid: localStorage per
 * workspace and table). What comes back is what a person left, except the quick search: it is a
 * momentary question, kept through a reload on the same day and dropped on a later day, so
 * nobody opens the customer list in the morning to find it silently narrowed by yesterday's
 * search. Column conditions and sorting do come back: they stay in sight as chips and header
 * arrows. See README.md, "The working view".
 */
import type { ViewState } from '$lib/domain/records/types';
import { defaultViewState } from './types';

interface Stored extends Partial<ViewState> {
  /** the day (`YYYY-MM-DD`) the view was last kept */
  day?: string;
}

/** The text to keep for a view on `today`. */
export function storeWorkingView(view: ViewState, today: string): string {
  return JSON.stringify({ ...view, day: today } satisfies Stored);
}

/**
 * The view kept in `text` (or the default view for these columns when there is none or it is
 * unreadable): columns that no longer exist are dropped and new ones appended; a quick search
 * from another day than `today` is cleared.
 */
export function restoreWorkingView(text: string | null, columns: readonly { key: string }[], today: string): ViewState {
  const base = defaultViewState(columns);
  let saved: Stored | null;
  try {
    saved = JSON.parse(text ?? 'null') as Stored | null;
  } catch {
    return base;
  }
  if (!saved || typeof saved !== 'object') return base;
  const known = new Set(columns.map((c) => c.key));
  const order = (Array.isArray(saved.order) ? saved.order : []).filter((k) => known.has(k));
  for (const c of columns) if (!order.includes(c.key)) order.push(c.key);
  const { day, ...view } = saved;
  const search = day === today && typeof view.search === 'string' ? view.search : '';
  return { ...base, ...view, order, search };
}
