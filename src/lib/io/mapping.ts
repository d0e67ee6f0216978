/**
 * Which column of a file goes into which field. `autoMap` matches headers to fields by the
 * fields' labels in Chinese and English, their synonyms (synonyms.ts) and the workspace's custom
 * columns; the user adjusts the result. A column that matches nothing becomes a new custom column
 * typed by its values (money, date, number or text: values.ts detectType), so nothing in the file
 * is lost unless the user says skip; row-number columns are skipped. A column named like a choice
 * field whose words are mostly not that field's options (another system's stages) becomes a new
 * choice column of its own words instead. In a customers file, the contact person's columns
 * (联系人, 联系人手机…) map to the customer's contact (`contact` targets).
 *
 * The mapping a user settles on is remembered per file layout: `layoutKey` names the layout (the
 * table and the file's normalised headers), and the import stores the mapping as a `settings`
 * record `importMapping.<table>.<hash>` in the same write as the rows (see import-session.ts).
 */
import type { CellSpec } from '$lib/domain/cells';
import { TABLE_FIELDS } from '$lib/domain/records/fields';
import { toHalfWidth } from '$lib/domain/records/normalize';
import { CELL_TYPES, type CellType, type CustomColumn } from '$lib/domain/records/types';
import { fieldLabel } from '$lib/i18n/field-labels';
import { LOCALES } from '$lib/i18n/messages/define';
import { ID_HEADER, LINK_ID_PREFIX, type ExportMeta } from './meta';
import type { RawCell } from './source';
import { CONTACT_SYNONYMS, IGNORED_HEADERS, SYNONYMS } from './synonyms';
import { detectType, resolveChoice } from './values';

export type Target =
  | { kind: 'skip' }
  /** a field of the table, or a custom column (`x_<id>`) */
  | { kind: 'field'; field: string }
  /** the hidden stable id of a Kebu export: the row updates that record */
  | { kind: 'id' }
  /** the hidden id companion of a link column: picks the right record among namesakes */
  | { kind: 'linkId'; field: string }
  /** a new custom column of the table */
  | { kind: 'new'; label: string; type: CellType; options?: string[]; id?: string }
  /** a field of the row's contact person (customers only): the row becomes a customer with a contact */
  | { kind: 'contact'; field: string };

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
/** The file's rows and the fields' specs, for choosing by values. */
export interface ColumnData {
  rows: readonly (readonly RawCell[])[];
  /** a field's spec in every language (option labels), to read the file's words */
  specs: (field: string) => readonly CellSpec[];
}

/** Rows looked at to judge a column by its values. */
const JUDGED_ROWS = 2000;
/** A choice column of its own words is made for at most this many distinct words. */
const MAX_OPTIONS = 50;

function distinctTexts(data: ColumnData, column: number): string[] {
  const seen = new Set<string>();
  for (const r of data.rows.slice(0, JUDGED_ROWS)) {
    const v = r[column];
    const text = v === null || v === undefined || v instanceof Date ? '' : String(v).trim();
    if (text) seen.add(text);
  }
  return [...seen];
}

/** At least half of a column's distinct words are options of the choice field. */
function fitsChoice(table: string, field: string, words: readonly string[], data: ColumnData): boolean {
  if (!words.length) return true;
  const specs = data.specs(field);
  const fit = words.filter((w) => resolveChoice(table, field, specs, w) !== undefined).length;
  return fit * 2 >= words.length;
}

function newTarget(table: string, raw: string, source: number, meta: ExportMeta | null, data: ColumnData | null, ownWords?: string[]): Target {
  const described = meta?.columns.find((c) => c.table === table && c.label === raw);
  if (described) {
    return { kind: 'new', label: raw, type: described.type !== 'link' ? described.type : 'text', options: described.options, id: described.id };
  }
  if (ownWords && ownWords.length <= MAX_OPTIONS) return { kind: 'new', label: raw, type: 'choice', options: ownWords };
  const type = data
    ? detectType(
        raw,
        data.rows.slice(0, JUDGED_ROWS).map((r) => r[source])
      )
    : 'text';
  return { kind: 'new', label: raw, type };
}

export function autoMap(
  table: string,
  header: readonly string[],
  custom: readonly CustomColumn[],
  meta: ExportMeta | null = null,
  data: ColumnData | null = null
): ColumnMapping[] {
  const index = headerIndex(table, custom);
  const contactIndex = new Map<string, string>();
  if (table === 'customers') {
    for (const [f, names] of Object.entries(CONTACT_SYNONYMS)) for (const n of names) contactIndex.set(normalizeHeader(n), f);
  }
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
      const contact = contactIndex.get(key);
      const choice = field && data && TABLE_FIELDS[table][field]?.type === 'choice' ? distinctTexts(data, source) : null;
      if (field && !taken.has(field) && (!choice || fitsChoice(table, field, choice, data!))) target = { kind: 'field', field };
      else if (!field && contact && !taken.has(`contact:${contact}`)) target = { kind: 'contact', field: contact };
      else if (!key || ignored.has(key)) target = { kind: 'skip' };
      else target = newTarget(table, raw, source, meta, data, choice ?? undefined);
    }
    if (target.kind === 'field') taken.add(target.field);
    if (target.kind === 'contact') taken.add(`contact:${target.field}`);
    if (target.kind === 'id') taken.add('#id');
    return { source, header: h, target };
  });
}

/** The fields of a customer's contact person a customers file may carry (`contact` targets). */
export const CONTACT_FIELDS = ['name', 'title', 'mobile', 'phone', 'email', 'wechat'] as const;

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
  /** the value table the user filled (field → the file's word → option) */
  values?: Record<string, Record<string, string>>;
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
    case 'contact':
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
export function applySaved(table: string, suggested: ColumnMapping[], saved: SavedMapping | null, custom: readonly CustomColumn[]): ColumnMapping[] {
  if (!saved || !Array.isArray(saved.headers) || !Array.isArray(saved.targets)) return suggested;
  const fields = new Set(mappableFields(table));
  for (const c of custom) if (c.table === table && !c.deleted) fields.add(`x_${c.id}`);
  return suggested.map((m) => {
    const i = saved.headers.indexOf(m.header);
    const t = i >= 0 ? saved.targets[i] : undefined;
    if (!isTarget(t)) return m;
    if ((t.kind === 'field' || t.kind === 'linkId') && !fields.has(t.field)) return m;
    if (t.kind === 'contact' && (table !== 'customers' || !(CONTACT_FIELDS as readonly string[]).includes(t.field))) return m;
    if (t.kind === 'new') {
      // the column an earlier import created now exists: map onto it
      const made = custom.find((c) => c.table === table && !c.deleted && c.label === t.label);
      if (made) return { ...m, target: { kind: 'field', field: `x_${made.id}` } };
    }
    return { ...m, target: t };
  });
}
