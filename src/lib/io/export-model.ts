/**
 * What an export writes: sheets of typed columns. Each field becomes one column whose cells carry
 * the stored value as a spreadsheet wants it — numbers as numbers, money as yuan with two
 * decimals and a number format, dates as date cells, choices by their label in the user's
 * language, links by the linked record's name, ticks as TRUE/FALSE — and a CSV text for each.
 *
 * Every sheet ends with hidden columns a re-import reads: `kebu:id` (the record's stable id, so
 * the same records are updated) and `kebu:<field>` for each link (the linked record's id, which
 * picks the right one when two records share a name).
 */
import { formatCell, type CellSpec } from '$lib/domain/cells';
import { utcDateOf } from '$lib/domain/dates';
import { yuanFromFen, yuanText } from '$lib/domain/money';
import type { CellType } from '$lib/domain/records/types';
import { ID_HEADER, LINK_ID_PREFIX } from './meta';

export type XCell = string | number | boolean | Date | null;

export interface XColumn {
  key: string;
  header: string;
  type: CellType;
  /** width in characters, fitted to the content */
  width: number;
  hidden?: boolean;
  /** Excel number format */
  numFmt?: string;
  /** the cell as a typed spreadsheet value */
  value(row: Record<string, unknown>): XCell;
  /** the cell as CSV text */
  text(row: Record<string, unknown>): string;
}

export interface XSheet {
  name: string;
  table: string;
  columns: XColumn[];
  rows: readonly Record<string, unknown>[];
}

export interface SourceColumn {
  key: string;
  label: string;
  spec: CellSpec;
}

export const MONEY_FORMAT = '#,##0.00';
export const DATE_FORMAT = 'yyyy-mm-dd';

/** Display width of text: CJK characters take two columns. */
export function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += ch.charCodeAt(0) > 0x2e80 ? 2 : 1;
  return w;
}

export function xColumn(col: SourceColumn, words: { yes: string; no: string }): Omit<XColumn, 'width'> {
  const { key, spec } = col;
  const get = (row: Record<string, unknown>) => row[key];
  const base = { key, header: col.label, type: spec.type };
  switch (spec.type) {
    case 'number':
      return {
        ...base,
        value: (r) => (typeof get(r) === 'number' ? (get(r) as number) : null),
        text: (r) => (typeof get(r) === 'number' ? String(get(r)) : '')
      };
    case 'money':
      return {
        ...base,
        numFmt: MONEY_FORMAT,
        value: (r) => (Number.isSafeInteger(get(r)) ? yuanFromFen(get(r) as number) : null),
        text: (r) => (Number.isSafeInteger(get(r)) ? yuanText(get(r) as number) : '')
      };
    case 'date':
      return {
        ...base,
        numFmt: DATE_FORMAT,
        value: (r) => (typeof get(r) === 'string' ? utcDateOf(get(r)) : null),
        text: (r) => (typeof get(r) === 'string' ? (get(r) as string) : '')
      };
    case 'checkbox':
      return {
        ...base,
        value: (r) => (typeof get(r) === 'boolean' ? (get(r) as boolean) : null),
        text: (r) => (get(r) === true ? words.yes : get(r) === false ? words.no : '')
      };
    case 'text':
      return {
        ...base,
        value: (r) => (typeof get(r) === 'string' && get(r) !== '' ? (get(r) as string) : null),
        text: (r) => (typeof get(r) === 'string' ? (get(r) as string) : '')
      };
    default: {
      // choice, multi, link: as the grid shows them (labels, names)
      const text = (r: Record<string, unknown>) => formatCell(spec, get(r));
      return { ...base, value: (r) => text(r) || null, text };
    }
  }
}

const idColumn = (key: string, header: string): Omit<XColumn, 'width'> => ({
  key: `#${header}`,
  header,
  type: 'text',
  hidden: true,
  value: (r) => (typeof r[key] === 'string' && r[key] !== '' ? (r[key] as string) : null),
  text: (r) => (typeof r[key] === 'string' ? (r[key] as string) : '')
});

/** The sheet of `columns` over `rows`, with the hidden id columns and fitted widths. */
export function buildSheet(
  name: string,
  table: string,
  columns: readonly SourceColumn[],
  rows: readonly Record<string, unknown>[],
  words: { yes: string; no: string }
): XSheet {
  const cols: Omit<XColumn, 'width'>[] = columns.map((c) => xColumn(c, words));
  for (const c of columns) if (c.spec.type === 'link') cols.push(idColumn(c.key, `${LINK_ID_PREFIX}${c.key}`));
  cols.push(idColumn('id', ID_HEADER));
  const sample = rows.length > 2000 ? rows.slice(0, 2000) : rows;
  const fitted = cols.map((c) => {
    let w = textWidth(c.header);
    if (c.type === 'date') w = Math.max(w, 10);
    else for (const r of sample) w = Math.max(w, textWidth(c.type === 'money' ? c.text(r) + ',,,' : c.text(r).split('\n')[0]));
    return { ...c, width: Math.min(60, Math.max(6, w + 2)) };
  });
  return { name, table, columns: fitted, rows };
}

/** A sheet name Excel accepts: no []:*?/\ and at most 31 characters. */
export function sheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, '_').slice(0, 31) || 'Sheet';
}
