/**
 * Which column of a file goes into which field. `autoMap` matches headers to fields by the
 * fields' labels in Chinese and English, their synonyms (synonyms.ts) and the workspace's custom
 * columns; the user adjusts the result. A column that matches nothing becomes a new custom text
 * column (nothing in the file is lost unless the user says skip); row-number columns are skipped.
 *
 * The mapping a user settles on is remembered per file layout: `layoutKey` names the layout (the
 * table and the file's normalised headers), and the import stores the mapping as a `settings`
 * record `importMapping.<table>.<hash>` in the same write as the rows (see import-session.ts).
 */
import { TABLE_FIELDS } from '$lib/domain/records/fields';
import { toHalfWidth } from '$lib/domain/records/normalize';
import { CELL_TYPES, type CellType, type CustomColumn } from '$lib/domain/records/types';
import { fieldLabel } from '$lib/i18n/field-labels';
import { LOCALES } from '$lib/i18n/messages/define';
import { ID_HEADER, LINK_ID_PREFIX, type ExportMeta } from './meta';
import { IGNORED_HEADERS, SYNONYMS } from './synonyms';

export type Target =
  | { kind: 'skip' }
  /** a field of the table, or a custom column (`x_<id>`) */
  | { kind: 'field'; field: string }
  /** the hidden stable id of a Kebu export: the row updates that record */
  | { kind: 'id' }
  /** the hidden id companion of a link column: picks the right record among namesakes */
  | { kind: 'linkId'; field: string }
  /** a new custom column of the table */
  | { kind: 'new'; label: string; type: CellType; options?: string[]; id?: string };

export interface ColumnMapping {
  source: number;
  header: string;
  target: Target;
}

/** Case, width, spaces, punctuation, bracketed remarks and "required" marks do not matter. */
export function normalizeHeader(header: string): string {
  return toHalfWidth(header)
    .toLowerCase()
    .replace(/[([【（].*?[)\]】）]/g, '')
    .replace(/[\s*_\-:：.·/\\]/g, '');
}

/** The fields of a table a column can be mapped to (json fields are not). */
export function mappableFields(table: string): string[] {
  const specs = TABLE_FIELDS[table] ?? {};
  return Object.keys(specs).filter((f) => !specs[f].json);
}

/** Normalised header → field, for one table: labels in every language, then synonyms. */
function headerIndex(table: string, custom: readonly CustomColumn[]): Map<string, string> {
  const index = new Map<string, string>();
  const add = (name: string, field: string) => {
    const key = normalizeHeader(name);
    if (key && !index.has(key)) index.set(key, field);
  };
  const fields = mappableFields(table);
  for (const c of custom) if (c.table === table && !c.deleted) add(c.label, `x_${c.id}`);
  for (const locale of LOCALES) for (const f of fields) add(fieldLabel(locale, f, table), f);
  for (const f of fields) add(f, f);
  for (const [f, names] of Object.entries(SYNONYMS[table] ?? {})) for (const n of names) add(n, f);
  return index;
}

/**
 * Suggest a target for every column. Each field is taken by the first column that names it; a
 * later column naming it again becomes a new custom column. `meta` (from a Kebu export) gives
 * the types of custom columns the workspace does not have yet.
 */
export function autoMap(
  table: string,
  header: readonly string[],
  custom: readonly CustomColumn[],
  meta: ExportMeta | null = null
): ColumnMapping[] {
  const index = headerIndex(table, custom);
  const ignored = new Set(IGNORED_HEADERS.map(normalizeHeader));
  const linkFields = new Set(mappableFields(table).filter((f) => TABLE_FIELDS[table][f].type === 'link'));
  const taken = new Set<string>();
  return header.map((h, source) => {
    const raw = h.trim();
    let target: Target;
    if (raw === ID_HEADER) target = taken.has('#id') ? { kind: 'skip' } : { kind: 'id' };
    else if (raw.startsWith(LINK_ID_PREFIX) && linkFields.has(raw.slice(LINK_ID_PREFIX.length))) {
      target = { kind: 'linkId', field: raw.slice(LINK_ID_PREFIX.length) };
    } else {
      const key = normalizeHeader(raw);
      const field = index.get(key);
      if (field && !taken.has(field)) target = { kind: 'field', field };
      else if (!key || ignored.has(key)) target = { kind: 'skip' };
      else {
        const described = meta?.columns.find((c) => c.table === table && c.label === raw);
        target = {
          kind: 'new',
          label: raw,
          type: described && described.type !== 'link' ? described.type : 'text',
          options: described?.options,
          id: described?.id
        };
      }
    }
    if (target.kind === 'field') taken.add(target.field);
    if (target.kind === 'id') taken.add('#id');
    return { source, header: h, target };
  });
}

/** The types a new custom column made by an import can have (a link needs a table to point at). */
export const NEW_COLUMN_TYPES: readonly CellType[] = CELL_TYPES.filter((t) => t !== 'link');

/** 32-bit FNV-1a, as 8 hex digits: short, stable names for file layouts. */
export function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

export const MAPPING_SETTING_PREFIX = 'importMapping.';

/** The settings id under which the mapping of this file layout is remembered. */
export function layoutKey(table: string, header: readonly string[]): string {
  return `${MAPPING_SETTING_PREFIX}${table}.${fnv1a(header.map(normalizeHeader).join('\u0001'))}`;
}

/** A remembered mapping, as stored: targets by header, so a reordered file still matches. */
export interface SavedMapping {
  headers: string[];
  targets: Target[];
}

export function isTarget(t: unknown): t is Target {
  if (typeof t !== 'object' || t === null) return false;
  const o = t as Record<string, unknown>;
  switch (o.kind) {
    case 'skip':
    case 'id':
      return true;
    case 'field':
    case 'linkId':
      return typeof o.field === 'string';
    case 'new':
      return typeof o.label === 'string' && (CELL_TYPES as readonly string[]).includes(o.type as string);
    default:
      return false;
  }
}

/**
 * Apply a remembered mapping to the suggested one: a remembered target replaces the suggestion
 * when it is still possible (its field exists, its custom column is still there).
 */
export function applySaved(
  table: string,
  suggested: ColumnMapping[],
  saved: SavedMapping | null,
  custom: readonly CustomColumn[]
): ColumnMapping[] {
  if (!saved || !Array.isArray(saved.headers) || !Array.isArray(saved.targets)) return suggested;
  const fields = new Set(mappableFields(table));
  for (const c of custom) if (c.table === table && !c.deleted) fields.add(`x_${c.id}`);
  return suggested.map((m) => {
    const i = saved.headers.indexOf(m.header);
    const t = i >= 0 ? saved.targets[i] : undefined;
    if (!isTarget(t)) return m;
    if ((t.kind === 'field' || t.kind === 'linkId') && !fields.has(t.field)) return m;
    if (t.kind === 'new') {
      // the column an earlier import created now exists: map onto it
      const made = custom.find((c) => c.table === table && !c.deleted && c.label === t.label);
      if (made) return { ...m, target: { kind: 'field', field: `x_${made.id}` } };
    }
    return { ...m, target: t };
  });
}
