/**
 * A worker's view of a workspace: the live rows of the tables links point at, and the grid columns
 * of a table built exactly as the page builds them (grid/columns.ts), from rows read here.
 */
import type { CellSpec } from '$lib/domain/cells';
import type { CustomColumn } from '$lib/domain/records/types';
import type { KebuDB, TableName } from '$lib/db/schema';
import { tableColumns, type LinkSources, type LinkStore } from '$lib/grid/columns';
import type { GridColumn } from '$lib/grid/types';
import { LOCALES, type Locale } from '$lib/i18n/messages/define';

export class RowsStore implements LinkStore {
  readonly rows: readonly { id: string }[];
  readonly #byId: Map<string, { id: string }>;
  constructor(rows: readonly { id: string }[]) {
    this.rows = rows;
    this.#byId = new Map(rows.map((r) => [r.id, r]));
  }
  get(id: string) {
    return this.#byId.get(id);
  }
}

type Live = { id: string; deleted?: number };

export async function liveRows(db: KebuDB, table: TableName): Promise<Record<string, unknown>[]> {
  const all = (await db.table(table).toArray()) as Live[];
  return all.filter((r) => !r.deleted) as Record<string, unknown>[];
}

export async function linkSources(db: KebuDB, preloaded: Partial<Record<TableName, Record<string, unknown>[]>> = {}): Promise<LinkSources> {
  const get = async (t: keyof LinkSources) => new RowsStore((preloaded[t] ?? (await liveRows(db, t))) as { id: string }[]);
  return { staff: await get('staff'), orgUnits: await get('orgUnits'), customers: await get('customers'), contacts: await get('contacts') };
}

export async function customColumns(db: KebuDB): Promise<CustomColumn[]> {
  return (await db.customColumns.toArray()).filter((c) => !c.deleted);
}

export function columnsOf(
  locale: Locale,
  sources: LinkSources,
  table: TableName,
  custom: readonly CustomColumn[]
): GridColumn<Record<string, unknown> & { id: string }>[] {
  return tableColumns(locale, sources, table, custom);
}

/** Field key → spec in `locale`, and the same in the other languages (labels differ). */
export function specsOf(locale: Locale, sources: LinkSources, table: TableName, custom: readonly CustomColumn[]) {
  const toMap = (l: Locale) => new Map<string, CellSpec>(columnsOf(l, sources, table, custom).map((c) => [c.key, c.spec]));
  return { specs: toMap(locale), altSpecs: LOCALES.filter((l) => l !== locale).map(toMap) };
}
