/**
 * What a Kebu `.xlsx` export says about itself, in a very hidden sheet `kebu`: the format version
 * and each exported custom column's type and options, so that importing the file into another
 * workspace can create the columns with the right types.
 */
import type { CellType } from '$lib/domain/records/types';
import { CELL_TYPES } from '$lib/domain/records/types';

export const META_SHEET = 'kebu';
export const META_VERSION = 1;
/** Header of the hidden stable-id column, and prefix of the hidden id columns of link fields. */
export const ID_HEADER = 'kebu:id';
export const LINK_ID_PREFIX = 'kebu:';

export interface MetaColumn {
  /** the column's id in the exporting workspace: reused when the importing one has no such column */
  id?: string;
  table: string;
  label: string;
  type: CellType;
  options?: string[];
}

export interface ExportMeta {
  version: number;
  columns: MetaColumn[];
}

export function metaRows(meta: ExportMeta): string[][] {
  return [
    ['kebu-export', String(meta.version)],
    ['columns', JSON.stringify(meta.columns)]
  ];
}

/** Read the meta sheet's rows; anything malformed is ignored (the file still imports, as text). */
export function parseMeta(rows: string[][]): ExportMeta | null {
  const map = new Map(rows.map((r) => [r[0], r[1]]));
  const version = Number(map.get('kebu-export'));
  if (!Number.isInteger(version) || version < 1) return null;
  let columns: MetaColumn[] = [];
  try {
    const parsed = JSON.parse(map.get('columns') ?? '[]') as unknown;
    if (Array.isArray(parsed)) {
      columns = parsed.filter(
        (c): c is MetaColumn =>
          typeof c === 'object' &&
          c !== null &&
          typeof c.table === 'string' &&
          typeof c.label === 'string' &&
          (c.id === undefined || typeof c.id === 'string') &&
          (CELL_TYPES as readonly string[]).includes(c.type) &&
          (c.options === undefined || (Array.isArray(c.options) && c.options.every((o: unknown) => typeof o === 'string')))
      );
    }
  } catch {
    columns = [];
  }
  return { version, columns };
}
