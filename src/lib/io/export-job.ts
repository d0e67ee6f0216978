/**
 * An export, as the export worker runs it: read the workspace, pick the rows (a grid view — its
 * columns, filters, search and sort, computed with the grid's own query engine — or every table
 * of the workspace), and write `.xlsx` or CSV.
 */
import type { ViewState } from '$lib/domain/records/types';
import type { KebuDB, TableName } from '$lib/db/schema';
import { customerSearchText } from '$lib/domain/records/customer-text';
import { QueryEngine } from '$lib/grid/query';
import { SearchIndex } from '$lib/grid/search-index';
import { resolveColumns } from '$lib/grid/view';
import { withStageColumn } from '$lib/grid/stage-column';
import { readStages, STAGES_SETTING } from '$lib/domain/selling/board';
import { translate, type Locale, type MessageKey } from '$lib/i18n/translate';
import { writeCsv } from './csv';
import { buildSheet, type SourceColumn, type XSheet } from './export-model';
import { META_VERSION, type ExportMeta } from './meta';
import { columnsOf, customColumns, linkSources, liveRows } from './workspace-data';

export type ExportFormat = 'xlsx' | 'csv';

export interface ExportRequest {
  scope: 'view' | 'workspace';
  /** for a view */
  table?: TableName;
  view?: ViewState;
  format: ExportFormat;
  locale: Locale;
  /** file name without extension */
  baseName: string;
}

export interface ExportResult {
  bytes: Uint8Array;
  fileName: string;
  mime: string;
  rows: number;
}

/** The tables of a whole-workspace export, one sheet each, in this order. */
export const EXPORT_TABLES: readonly TableName[] = ['customers', 'contacts', 'followUps', 'staff', 'orgUnits'];

const SHEET_TITLES: Record<string, MessageKey> = {
  customers: 'nav.customers',
  contacts: 'customer.contacts',
  followUps: 'followUp.title',
  staff: 'io.sheet.staff',
  orgUnits: 'io.sheet.orgUnits',
  products: 'nav.products',
  opportunities: 'nav.opportunities'
};

export function tableTitle(locale: Locale, table: string): string {
  return translate(locale, SHEET_TITLES[table] ?? ('nav.customers' as MessageKey));
}

type Row = Record<string, unknown> & { id: string };

/** The rows a grid view shows, in its order, and its visible columns. */
export async function viewRows(
  rows: readonly Row[],
  columns: ReturnType<typeof columnsOf>,
  view: ViewState,
  searchText?: (row: Row) => string
): Promise<{ rows: Row[]; columns: SourceColumn[] }> {
  const visible = resolveColumns(columns, view).map((r) => r.col);
  const index = new SearchIndex<Row>({ schedule: () => () => {} });
  if (view.search.trim()) {
    index.setColumns(visible, searchText);
    index.setRows(rows);
    await index.buildAll();
  }
  const engine = new QueryEngine<Row>(index);
  const order = engine.run({
    rows,
    columns,
    sort: view.sort,
    filters: view.filters,
    search: view.search,
    searchColumns: visible,
    searchText,
    searchVersion: 1
  });
  const out: Row[] = new Array(order.length);
  for (let i = 0; i < order.length; i++) out[i] = rows[order[i]];
  return { rows: out, columns: visible };
}

export async function runExport(db: KebuDB, req: ExportRequest, onProgress?: (done: number, total: number) => void): Promise<ExportResult> {
  const { locale } = req;
  const custom = await customColumns(db);
  const preloaded: Partial<Record<TableName, Row[]>> = {};
  const tables = req.scope === 'view' ? [req.table!] : EXPORT_TABLES;
  for (const t of tables) preloaded[t] = (await liveRows(db, t)) as Row[];
  const sources = await linkSources(db, preloaded);
  const words = { yes: translate(locale, 'common.yes'), no: translate(locale, 'common.no') };
  const sheets: XSheet[] = [];
  for (const table of tables) {
    let columns = columnsOf(locale, sources, table, custom);
    // the stage is a choice of the workspace's pipeline (a setting): exported by its name
    if (table === 'opportunities') columns = withStageColumn(columns, locale, readStages((await db.settings.get(STAGES_SETTING))?.value));
    let rows = preloaded[table]!;
    let cols: SourceColumn[] = columns;
    if (req.scope === 'view' && req.view) {
      const searchText = table === 'customers' ? (customerSearchText as unknown as (r: Row) => string) : undefined;
      ({ rows, columns: cols } = await viewRows(rows, columns, req.view, searchText));
    }
    sheets.push(buildSheet(tableTitle(locale, table), table, cols, rows, words));
  }
  const total = sheets.reduce((n, s) => n + s.rows.length, 0);
  if (req.format === 'csv') {
    const sheet = sheets[0];
    const data = [sheet.columns.map((c) => c.header), ...sheet.rows.map((r) => sheet.columns.map((c) => c.text(r)))];
    const textCols = sheet.columns.map((c) => c.type !== 'number' && c.type !== 'money' && c.type !== 'date');
    const text = writeCsv(data, (row, col) => row === 0 || textCols[col]);
    onProgress?.(total, total);
    return { bytes: new TextEncoder().encode(text), fileName: `${req.baseName}.csv`, mime: 'text/csv;charset=utf-8', rows: total };
  }
  const meta: ExportMeta = {
    version: META_VERSION,
    columns: custom
      .filter((c) => tables.includes(c.table as TableName))
      .map((c) => ({ id: c.id, table: c.table, label: c.label, type: c.type, options: c.options }))
  };
  const { writeXlsx } = await import('./xlsx-write');
  const bytes = await writeXlsx(sheets, meta, onProgress);
  return {
    bytes,
    fileName: `${req.baseName}.xlsx`,
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    rows: total
  };
}
