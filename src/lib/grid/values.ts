/** Reading cells out of rows: the raw stored value and the text a person sees. */
import { formatCell } from '$lib/domain/cells';
import type { GridColumn } from './types';

export function cellValue<R>(col: GridColumn<R>, row: R): unknown {
  return col.get ? col.get(row) : (row as Record<string, unknown>)[col.key];
}

export function cellText<R>(col: GridColumn<R>, row: R): string {
  return formatCell(col.spec, cellValue(col, row));
}

/** Empty as a person would see it; an unticked checkbox counts as empty. */
export function isEmptyValue(value: unknown, type?: string): boolean {
  if (value === undefined || value === null || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  if (type === 'checkbox') return value !== true;
  return false;
}

/** Stored values are primitives or arrays of strings (multi); compare them by content. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (isEmptyValue(a) && isEmptyValue(b)) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((v, i) => v === b[i]);
  }
  return false;
}

/** A copy safe to hand to another row (arrays are not shared). */
export function cloneValue(value: unknown): unknown {
  return Array.isArray(value) ? value.slice() : value;
}
