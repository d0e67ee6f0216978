/**
 * The preview of an import, and the write it becomes. Every row of the file is read like user
 * input: each mapped cell through `parseCell` with its field's spec (so an import accepts exactly
 * what typing or pasting accepts, labels in either language included), then sorted into
 *
 *   new        inserted (with the file's hidden id when it has one)
 *   update     an existing record: the one with the row's hidden id, or, when the user chose
 *              "update", the probable duplicate; only the fields that differ are written
 *   unchanged  an update with nothing to change
 *   duplicate  a probable duplicate (shared/domain/records.md) of an existing record or of an
 *              earlier row of the file, skipped ("skip"), or "create anyway"
 *   rejected   some cell is invalid or a required field is missing: the row is not written, and
 *              every problem is listed with its column and reason
 *
 * Duplicates are found with the domain's own normalisers (duplicateKeys: credit code, mobile,
 * name) through one hash map per key, so a 100 000-row file against a 100 000-record table is
 * linear. Other tables use the same idea with their own keys (a staff member's mobile or name…).
 * Pure: no storage, no UI; import-session.ts feeds it and turns it into one write.
 */
import { parseCell, type CellError, type CellSpec } from '$lib/domain/cells';
import { roundToFen, yuanText } from '$lib/domain/money';
import { TABLE_FIELDS } from '$lib/domain/records/fields';
import { duplicateKeys } from '$lib/domain/records/duplicates';
import { normalizeCode, normalizeMobile, normalizeName } from '$lib/domain/records/normalize';
import type { CustomColumn } from '$lib/domain/records/types';
import type { Mutation } from '$lib/db/write-path';
import type { TableName } from '$lib/db/schema';
import { customFieldSpec, isValidId } from '$lib/db/validate';
import { sameValue } from '$lib/db/write-path';
import type { ColumnMapping, Target } from './mapping';
import { dateToIso, type RawCell, type SourceTable } from './source';

export type DuplicateMode = 'skip' | 'update' | 'create';
export type RowStatus = 'new' | 'update' | 'unchanged' | 'duplicate' | 'rejected';
export const ROW_STATUSES: readonly RowStatus[] = ['new', 'update', 'unchanged', 'duplicate', 'rejected'];
export type MatchReason = 'id' | 'code' | 'mobile' | 'name' | 'same';
export type ProblemCode = CellError | 'io.row.badId';

export interface PlanOptions {
  duplicates: DuplicateMode;
  /** an empty cell clears the field of an updated record (otherwise empty cells keep what is there) */
  blankClears: boolean;
}

export interface CellProblem {
  /** index of the file's column, -1 for a required field no column is mapped to */
  column: number;
  field: string;
  code: ProblemCode;
}

export interface PlannedRow {
  /** index into the file's rows */
  index: number;
  /** the file's line or row number */
  line: number;
  status: RowStatus;
  problems: CellProblem[];
  /** the existing record this row updates or duplicates */
  targetId?: string;
  /** an earlier row of the file this one duplicates */
  sameAsLine?: number;
  reasons?: MatchReason[];
  /** the record to insert (new) or the patch (update) */
  values?: Record<string, unknown>;
  /** for update: the fields that change */
  changed?: string[];
}

export interface NewColumn {
  id: string;
  key: string;
  label: string;
  type: CustomColumn['type'];
  options?: string[];
  order: number;
}

export interface ImportPlan {
  table: TableName;
  rows: PlannedRow[];
  counts: Record<RowStatus, number>;
  newColumns: NewColumn[];
  /** field keys per file column (after new columns got their keys), '' when skipped */
  fieldOf: string[];
}

type Row = Record<string, unknown> & { id: string; deleted?: 0 | 1 };

export interface PlanInput {
  table: TableName;
  source: SourceTable;
  mapping: readonly ColumnMapping[];
  /** field key → spec with labels and link resolvers in the user's language (grid/columns.ts) */
  specs: ReadonlyMap<string, CellSpec>;
  /** the same in the other languages: `单位` and `Unit` both mean `unit` */
  altSpecs?: readonly ReadonlyMap<string, CellSpec>[];
  /** every record of the table, soft-deleted ones included */
  existing: readonly Row[];
  /** custom columns of the workspace (to number new ones) */
  customColumns: readonly CustomColumn[];
  /** ids of every custom column record, removed ones included: a new column cannot reuse them */
  takenColumnIds?: ReadonlySet<string>;
  options: PlanOptions;
  newId: () => string;
}

/** What an inserted record of each table gets when the file says nothing (like a new grid row). */
export const TABLE_DEFAULTS: Partial<Record<TableName, Record<string, unknown>>> = {
  customers: { kind: 'unit' },
  staff: { active: true },
  orgUnits: { kind: 'site' },
  followUps: { done: false }
};

/** Tables whose records link to records of the same table (a group parent, a parent unit). */
const SELF_LINKS: Partial<Record<TableName, string>> = { customers: 'parentId', orgUnits: 'parentId' };

type Keys = [MatchReason, string][];

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const mobileKey = (v: unknown) => (typeof v === 'string' ? (normalizeMobile(v) ?? '') : '');

/** The duplicate keys of a record of each table, strongest first; '' = none. */
const DUPLICATE_KEYS: Partial<Record<TableName, (r: Record<string, unknown>) => Keys>> = {
  customers: (r) => {
    const [code, mobile, name] = duplicateKeys(r as never);
    return [
      ['code', code],
      ['mobile', mobile],
      ['name', name]
    ];
  },
  staff: (r) => [
    ['mobile', mobileKey(r.mobile)],
    ['name', normalizeName(str(r.name))]
  ],
  orgUnits: (r) => [['name', normalizeName(str(r.name))]],
  contacts: (r) => {
    const c = str(r.customerId);
    const mobile = mobileKey(r.mobile);
    const name = normalizeName(str(r.name));
    return [
      ['mobile', c && mobile ? `${c}|${mobile}` : ''],
      ['name', c && name ? `${c}|${name}` : '']
    ];
  },
  followUps: (r) => {
    const c = str(r.customerId);
    return [['same', c && r.at ? `${c}|${str(r.at)}|${str(r.channel)}` : '']];
  }
};

/** Fields whose different spellings mean the same (the duplicate keys): `+86 138…` is `138…`. */
const SAME_AFTER_NORMALISING: Record<string, (a: unknown, b: unknown) => boolean> = {
  name: (a, b) => normalizeName(str(a)) !== '' && normalizeName(str(a)) === normalizeName(str(b)),
  mobile: (a, b) => mobileKey(a) !== '' && mobileKey(a) === mobileKey(b),
  creditCode: (a, b) => normalizeCode(str(a)) !== '' && normalizeCode(str(a)) === normalizeCode(str(b))
};

/** A file's cell as the text a person would type into a cell of this type. */
function cellText(spec: CellSpec, raw: RawCell): string {
  if (raw === null || raw === undefined) return '';
  if (typeof raw === 'string') return raw;
  if (raw instanceof Date) return dateToIso(raw);
  if (typeof raw === 'boolean') return raw ? 'true' : 'false';
  if (spec.type === 'money') {
    const fen = roundToFen(raw);
    return fen === null ? String(raw) : yuanText(fen);
  }
  return String(raw);
}

const NOT_SPACE = /\S/;
const isBlank = (raw: RawCell) => raw === null || raw === undefined || (typeof raw === 'string' && !NOT_SPACE.test(raw));

function parseWith(spec: CellSpec, alts: readonly CellSpec[], raw: RawCell) {
  if (spec.type === 'number' && typeof raw === 'number') return { ok: true as const, value: raw };
  if (spec.type === 'checkbox' && typeof raw === 'boolean') return { ok: true as const, value: raw };
  const text = cellText(spec, raw);
  const r = parseCell(spec, text);
  if (r.ok || r.error !== 'cell.error.choice') return r;
  for (const alt of alts) {
    const again = parseCell(alt, text);
    if (again.ok) return again;
  }
  return r;
}

/** Options of a new choice column: the distinct values in its file column. */
function distinctOptions(rows: readonly RawCell[][], col: number, multi: boolean): string[] {
  const seen = new Set<string>();
  for (const r of rows) {
    const raw = r[col];
    if (isBlank(raw)) continue;
    const text = String(raw instanceof Date ? dateToIso(raw) : raw).trim();
    for (const part of multi ? text.split(/[,，;；、\n]/) : [text]) {
      const p = part.trim();
      if (p) seen.add(p);
      if (seen.size >= 500) return [...seen];
    }
  }
  return [...seen];
}

export function planImport(input: PlanInput): ImportPlan {
  const { table, source, mapping, options } = input;
  const fieldSpecs = TABLE_FIELDS[table] ?? {};

  // new custom columns get their ids now, so rows can carry their values
  const order0 = input.customColumns.filter((c) => c.table === table).length;
  const newColumns: NewColumn[] = [];
  const specs = new Map(input.specs);
  const fieldOf = mapping.map((m) => {
    const t: Target = m.target;
    if (t.kind === 'field') return specs.has(t.field) ? t.field : '';
    if (t.kind === 'new') {
      const keep = t.id && isValidId(t.id) && !input.takenColumnIds?.has(t.id) && !newColumns.some((c) => c.id === t.id);
      const id = keep ? t.id! : input.newId();
      const col: NewColumn = { id, key: `x_${id}`, label: t.label.trim() || m.header, type: t.type, order: order0 + newColumns.length + 1 };
      if (t.type === 'choice' || t.type === 'multi') {
        col.options = t.options?.length ? t.options : distinctOptions(source.rows, m.source, t.type === 'multi');
      }
      newColumns.push(col);
      specs.set(col.key, customFieldSpec(col));
      return col.key;
    }
    return '';
  });
  const idColumn = mapping.find((m) => m.target.kind === 'id')?.source ?? -1;
  const linkIdColumn = new Map<string, number>();
  for (const m of mapping) if (m.target.kind === 'linkId') linkIdColumn.set(m.target.field, m.source);

  // existing records: by id (deleted ones too), and by duplicate key (live ones), one map per key
  const byId = new Map<string, Row>();
  for (const r of input.existing) byId.set(r.id, r);
  const keysOf = DUPLICATE_KEYS[table];
  const keyCount = keysOf ? keysOf({}).length : 0;
  const existingKeys = Array.from({ length: keyCount }, () => new Map<string, string>());
  const fileKeys = Array.from({ length: keyCount }, () => new Map<string, number>());
  if (keysOf) {
    for (const r of input.existing) {
      if (r.deleted === 1) continue;
      keysOf(r).forEach(([, key], k) => {
        if (key && !existingKeys[k].has(key)) existingKeys[k].set(key, r.id);
      });
    }
  }

  // the file's own record ids; with a self-link mapped, every row gets its id now, so that a group
  // parent in the same file resolves to the record it becomes
  const rowIds: (string | null)[] = source.rows.map((r) => {
    if (idColumn < 0) return null;
    const v = r[idColumn];
    return isBlank(v) ? null : String(v).trim();
  });
  const selfLink = SELF_LINKS[table];
  if (selfLink && specs.get(selfLink)?.link && (fieldOf.includes(selfLink) || linkIdColumn.has(selfLink))) {
    const nameCol = fieldOf.indexOf('name');
    const byName = new Map<string, string>();
    const nameOf = new Map<string, string>();
    source.rows.forEach((r, i) => {
      const id = (rowIds[i] ??= input.newId());
      const name = nameCol >= 0 ? String(r[nameCol] ?? '').trim() : '';
      nameOf.set(id, name);
      if (name && !byName.has(name)) byName.set(name, id);
    });
    const base = specs.get(selfLink)!;
    const link = base.link!;
    specs.set(selfLink, {
      ...base,
      link: {
        resolve: (text) => link.resolve(text) ?? byName.get(text.trim()) ?? (nameOf.has(text.trim()) ? text.trim() : undefined),
        label: (id) => link.label(id) ?? nameOf.get(id)
      }
    });
  }

  // per mapped column, once: its field, its spec as a parser (never "required": a missing value
  // is checked per record below), the same spec in the other languages, its hidden id column
  const columns = fieldOf
    .map((field, col) => {
      if (!field) return null;
      const spec = { ...specs.get(field)!, required: false };
      const alts = (input.altSpecs ?? []).map((m) => m.get(field)).filter((a): a is CellSpec => !!a).map((a) => ({ ...a, required: false }));
      return { col, field, spec, alts, hint: spec.type === 'link' ? linkIdColumn.get(field) : undefined, plainText: spec.type === 'text' };
    })
    .filter((c) => c !== null);
  const hintOnly = [...linkIdColumn].filter(([field]) => !fieldOf.includes(field) && specs.has(field));
  const required = Object.entries(fieldSpecs)
    .filter(([, spec]) => spec.required && !spec.json)
    .map(([field]) => ({ field, col: fieldOf.indexOf(field) }));

  const counts: Record<RowStatus, number> = { new: 0, update: 0, unchanged: 0, duplicate: 0, rejected: 0 };
  const idRows = new Set<number>();
  const claimed = new Map<string, number>();
  const defaults = TABLE_DEFAULTS[table] ?? {};
  const rows: PlannedRow[] = new Array(source.rows.length);

  for (let index = 0; index < source.rows.length; index++) {
    const cells = source.rows[index];
    const line = source.firstLine + index;
    const problems: CellProblem[] = [];
    let id = rowIds[index];
    const hasFileId = idColumn >= 0 && !isBlank(cells[idColumn]);
    if (hasFileId && id && !isValidId(id)) {
      problems.push({ column: idColumn, field: 'id', code: 'io.row.badId' });
      id = null;
    }
    const existing = id && hasFileId ? byId.get(id) : undefined;
    // an insert starts from the table's defaults; an update only carries what the file says
    const values: Record<string, unknown> = existing ? {} : Object.assign({}, defaults);
    const blanks: string[] = [];

    for (const c of columns) {
      const raw = cells[c.col];
      if (isBlank(raw)) {
        blanks.push(c.field);
        continue;
      }
      if (c.hint !== undefined) {
        // the hidden id column picks among namesakes; the visible name wins when it says otherwise
        const hint = String(cells[c.hint] ?? '').trim();
        if (hint && c.spec.link?.label(hint) === String(raw).trim()) {
          values[c.field] = hint;
          continue;
        }
      }
      if (c.plainText && typeof raw === 'string') {
        // what parseCell does with a text cell, without a result object per cell (most cells)
        values[c.field] = raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
        continue;
      }
      const r = parseWith(c.spec, c.alts, raw);
      if (r.ok) {
        if (r.value !== undefined) values[c.field] = r.value;
        else blanks.push(c.field);
      } else problems.push({ column: c.col, field: c.field, code: r.error });
    }
    for (const [field, col] of hintOnly) {
      const hint = String(cells[col] ?? '').trim();
      if (!hint) continue;
      if (specs.get(field)?.link?.label(hint) !== undefined) values[field] = hint;
      else problems.push({ column: col, field, code: 'cell.error.link' });
    }
    if (!existing) {
      for (const { field, col } of required) {
        const v = values[field];
        if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) {
          if (!problems.some((p) => p.field === field)) problems.push({ column: col, field, code: 'cell.error.required' });
        }
      }
    }

    const planned: PlannedRow = { index, line, status: 'new', problems };
    rows[index] = planned;
    if (problems.length) {
      planned.status = 'rejected';
      counts.rejected++;
      continue;
    }

    const keys = keysOf ? keysOf(existing ? { ...existing, ...values } : values) : [];
    const update = (target: Row, byDuplicate = false) => {
      const patch: Record<string, unknown> = {};
      for (const f in values) {
        const v = values[f];
        if (sameValue(target[f], v)) continue;
        // a probable duplicate keeps its own spelling of what matched it (records keep what was typed)
        if (byDuplicate && SAME_AFTER_NORMALISING[f]?.(target[f], v)) continue;
        patch[f] = v;
      }
      if (options.blankClears) {
        for (const f of blanks) if (target[f] !== undefined && !specs.get(f)?.required) patch[f] = undefined;
      }
      if (target.deleted === 1) patch.deleted = 0;
      planned.targetId = target.id;
      planned.changed = Object.keys(patch);
      planned.values = patch;
      planned.status = planned.changed.length ? 'update' : 'unchanged';
      claimed.set(target.id, line);
    };

    if (id && hasFileId && claimed.has(id)) {
      planned.status = 'duplicate';
      planned.reasons = ['id'];
      planned.sameAsLine = claimed.get(id);
    } else if (existing) {
      planned.reasons = ['id'];
      update(existing);
    } else {
      let match: { id: string; reasons: MatchReason[] } | null = null;
      let sameAs: { line: number; reasons: MatchReason[] } | null = null;
      for (let k = 0; k < keys.length; k++) {
        const [reason, key] = keys[k];
        if (!key) continue;
        const hit = existingKeys[k].get(key);
        if (hit && (!match || match.id === hit)) {
          match ??= { id: hit, reasons: [] };
          match.reasons.push(reason);
        }
        // two rows that both carry a record id are two records of an export, never one
        const earlier = fileKeys[k].get(key);
        if (earlier !== undefined && !(hasFileId && idRows.has(earlier)) && (!sameAs || sameAs.line === earlier)) {
          sameAs ??= { line: earlier, reasons: [] };
          sameAs.reasons.push(reason);
        }
      }
      if (match && options.duplicates !== 'create') {
        planned.reasons = match.reasons;
        planned.targetId = match.id;
        if (options.duplicates === 'update' && !claimed.has(match.id)) update(byId.get(match.id)!, true);
        else {
          planned.status = 'duplicate';
          planned.sameAsLine = claimed.get(match.id);
        }
      } else if (sameAs && options.duplicates !== 'create') {
        planned.status = 'duplicate';
        planned.reasons = sameAs.reasons;
        planned.sameAsLine = sameAs.line;
      } else {
        if (match) {
          planned.reasons = match.reasons;
          planned.targetId = match.id;
        }
        values.id = id ?? input.newId();
        planned.values = values;
      }
    }
    if (planned.status === 'new' || planned.status === 'update') {
      for (let k = 0; k < keys.length; k++) {
        const key = keys[k][1];
        if (key && !fileKeys[k].has(key)) fileKeys[k].set(key, line);
      }
    }
    if (planned.status === 'new' && id) claimed.set(id, line);
    if (hasFileId) idRows.add(line);
    counts[planned.status]++;
  }

  return { table, rows, counts, newColumns, fieldOf };
}

/** The write an import plan becomes: new columns first, then inserts and updates. */
export function planMutations(plan: ImportPlan): Mutation[] {
  const out: Mutation[] = [];
  for (const c of plan.newColumns) {
    const record: Record<string, unknown> = { id: c.id, table: plan.table, label: c.label, type: c.type, order: c.order };
    if (c.options?.length) record.options = c.options;
    out.push({ type: 'insert', table: 'customColumns', record });
  }
  for (const r of plan.rows) {
    if (r.status === 'new') out.push({ type: 'insert', table: plan.table, record: r.values! });
    else if (r.status === 'update') out.push({ type: 'update', table: plan.table, id: r.targetId!, patch: r.values! });
  }
  return out;
}
