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
import type { CellError, CellSpec } from '$lib/domain/cells';
import { TABLE_FIELDS } from '$lib/domain/records/fields';
import type { CustomColumn } from '$lib/domain/records/types';
import type { TableName } from '$lib/db/schema';
import { customFieldSpec, isValidId } from '$lib/db/validate';
import { sameValue, type Mutation } from '$lib/db/write-path';
import type { ColumnMapping, Target } from './mapping';
import { ROW_FIELD, type RawCell, type ShapeProblem, type SourceTable } from './source';
import { findMatches, Matcher, SAME_AFTER_NORMALISING, type MatchReason, type MatchState, type Row } from './plan-match';
import { applyContact, AsideColumns, distinctOptions, isBlank, readCell, type NewColumn, type ReadColumn, type WordCounts } from './plan-read';
import { ROW_RULES, type RowRuleCode, type RowRuleContext } from './row-rules';
import { PURCHASE_DEFAULTS } from '$lib/domain/service/purchase-fields';

export type { NewColumn, MatchReason };

export type DuplicateMode = 'skip' | 'update' | 'create';
export type RowStatus = 'new' | 'update' | 'unchanged' | 'duplicate' | 'rejected';
export const ROW_STATUSES: readonly RowStatus[] = ['new', 'update', 'unchanged', 'duplicate', 'rejected'];
export type ProblemCode = CellError | 'io.row.badId' | ShapeProblem | RowRuleCode;

/** The user's reading of a file's words for choice fields: field → the file's text → option ('' = keep aside). */
export type ValueMap = Record<string, Record<string, string>>;

export interface PlanOptions {
  duplicates: DuplicateMode;
  /** the value table the user fills in the preview */
  values?: ValueMap;
  /** an empty cell clears the field of an updated record (otherwise empty cells keep what is there) */
  blankClears: boolean;
  /** the app's today, for the tables' row rules (a purchase cannot be dated after it) */
  today?: string;
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
  /** file columns whose value no option or record fitted: kept in their "（原值）" column */
  aside?: number[];
  /** new customers: the contact person the row names (inserted after the customer) */
  contact?: Record<string, unknown>;
}

export interface ImportPlan {
  table: TableName;
  rows: PlannedRow[];
  counts: Record<RowStatus, number>;
  newColumns: NewColumn[];
  /** field keys per file column (after new columns got their keys), '' when skipped */
  fieldOf: string[];
  /** contacts the import adds (with new customers) */
  contacts: number;
  /** per choice column, the words not recognised by themselves: the preview's value table */
  words: { column: number; field: string; words: { text: string; rows: number }[] }[];
}

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
  /** the label of the column that keeps a file column's values no field could hold */
  asideLabel?: (header: string) => string;
  /** what the table's row rules (row-rules.ts) need: today and the live customers */
  rules?: Omit<RowRuleContext, 'fieldOf'>;
}

/** What an inserted record of each table gets when the file says nothing (like a new grid row). */
export const TABLE_DEFAULTS: Partial<Record<TableName, Record<string, unknown>>> = {
  customers: { kind: 'unit' },
  staff: { active: true },
  orgUnits: { kind: 'site' },
  followUps: { done: false },
  purchases: PURCHASE_DEFAULTS
};

/** Tables whose records link to records of the same table (a group parent, a parent unit). */
const SELF_LINKS: Partial<Record<TableName, string>> = { customers: 'parentId', orgUnits: 'parentId' };

interface Prepared {
  specs: Map<string, CellSpec>;
  newColumns: NewColumn[];
  fieldOf: string[];
  aside: AsideColumns;
  idColumn: number;
  linkIdColumn: Map<string, number>;
}

/** New custom columns get their ids now (so rows can carry their values); the file's columns their fields. */
function prepareColumns(input: PlanInput): Prepared {
  const { table, source, mapping } = input;
  const order0 = input.customColumns.filter((c) => c.table === table).length;
  const newColumns: NewColumn[] = [];
  const specs = new Map(input.specs);
  const newColumn = (label: string, type: NewColumn['type'] = 'text', wanted?: string): NewColumn => {
    const keep = wanted && isValidId(wanted) && !input.takenColumnIds?.has(wanted) && !newColumns.some((c) => c.id === wanted);
    const id = keep ? wanted : input.newId();
    const col: NewColumn = { id, key: `x_${id}`, label, type, order: order0 + newColumns.length + 1 };
    newColumns.push(col);
    specs.set(col.key, customFieldSpec(col));
    return col;
  };
  const fieldOf = mapping.map((m) => {
    const t: Target = m.target;
    if (t.kind === 'field') return specs.has(t.field) ? t.field : '';
    if (t.kind !== 'new') return '';
    const col = newColumn(t.label.trim() || m.header, t.type, t.id);
    if (t.type === 'choice' || t.type === 'multi') {
      col.options = t.options?.length ? t.options : distinctOptions(source.rows, m.source, t.type === 'multi');
      specs.set(col.key, customFieldSpec(col));
    }
    return col.key;
  });
  const aside = new AsideColumns({
    table,
    header: source.header,
    existing: input.customColumns,
    label: input.asideLabel ?? ((h) => `${h}（原值）`),
    newColumn: (label) => newColumn(label)
  });
  const idColumn = mapping.find((m) => m.target.kind === 'id')?.source ?? -1;
  const linkIdColumn = new Map<string, number>();
  for (const m of mapping) if (m.target.kind === 'linkId') linkIdColumn.set(m.target.field, m.source);
  return { specs, newColumns, fieldOf, aside, idColumn, linkIdColumn };
}

/**
 * With a self-link mapped (a group parent), every row gets its id now, so that a parent in the
 * same file resolves to the record it becomes.
 */
function resolveSelfLinks(input: PlanInput, p: Prepared, rowIds: (string | null)[]) {
  const selfLink = SELF_LINKS[input.table];
  if (!selfLink || !p.specs.get(selfLink)?.link || !(p.fieldOf.includes(selfLink) || p.linkIdColumn.has(selfLink))) return;
  const nameCol = p.fieldOf.indexOf('name');
  const byName = new Map<string, string>();
  const nameOf = new Map<string, string>();
  input.source.rows.forEach((r, i) => {
    const id = (rowIds[i] ??= input.newId());
    const name = nameCol >= 0 ? String(r[nameCol] ?? '').trim() : '';
    nameOf.set(id, name);
    if (name && !byName.has(name)) byName.set(name, id);
  });
  const base = p.specs.get(selfLink)!;
  const link = base.link!;
  p.specs.set(selfLink, {
    ...base,
    link: {
      resolve: (text) => link.resolve(text) ?? byName.get(text.trim()) ?? (nameOf.has(text.trim()) ? text.trim() : undefined),
      label: (id) => link.label(id) ?? nameOf.get(id)
    }
  });
}

/** Per mapped column, once: its field, its spec as a parser (never "required": checked per record). */
function readColumns(input: PlanInput, p: Prepared): ReadColumn[] {
  const notRequired = (a: CellSpec) => ({ ...a, required: false });
  return p.fieldOf
    .map((field, col) => {
      if (!field) return null;
      const base = p.specs.get(field)!;
      const spec = notRequired(base);
      const alts = (input.altSpecs ?? [])
        .map((m) => m.get(field))
        .filter((a): a is CellSpec => !!a)
        .map(notRequired);
      const hint = spec.type === 'link' ? p.linkIdColumn.get(field) : undefined;
      return { col, field, spec, alts, hint, plainText: spec.type === 'text', userMap: input.options.values?.[field], asideOk: !base.required };
    })
    .filter((c) => c !== null);
}

/** Contact columns of a customers file: contact field → file column. */
function contactColumns(input: PlanInput): [string, number][] {
  if (input.table !== 'customers') return [];
  return input.mapping.flatMap((m) => (m.target.kind === 'contact' ? [[m.target.field, m.source] as [string, number]] : []));
}

interface RowRead {
  values: Record<string, unknown>;
  blanks: string[];
  problems: CellProblem[];
  aside: number[];
  contact?: Record<string, unknown>;
}

function readRow(ctx: RowContext, cells: readonly RawCell[], values: Record<string, unknown>, isNew: boolean): RowRead {
  const out: RowRead = { values, blanks: [], problems: [], aside: [] };
  for (const c of ctx.columns) {
    const raw = cells[c.col];
    if (isBlank(raw)) {
      out.blanks.push(c.field);
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
    const r = readCell(ctx.table, c, raw, ctx.words);
    if (r.ok === 'aside') {
      values[ctx.prepared.aside.keyFor(c.col)] = String(raw instanceof Date ? raw.toISOString().slice(0, 10) : raw).trim();
      out.aside.push(c.col);
    } else if (r.ok) {
      if (r.value !== undefined) values[c.field] = r.value;
      else out.blanks.push(c.field);
    } else out.problems.push({ column: c.col, field: c.field, code: r.error });
  }
  for (const [field, col] of ctx.hintOnly) {
    const hint = String(cells[col] ?? '').trim();
    if (!hint) continue;
    if (ctx.prepared.specs.get(field)?.link?.label(hint) !== undefined) values[field] = hint;
    else out.problems.push({ column: col, field, code: 'cell.error.link' });
  }
  if (ctx.contacts.length && isNew) {
    const contact: Record<string, unknown> = {};
    for (const [field, col] of ctx.contacts) {
      const raw = cells[col];
      if (!isBlank(raw)) contact[field] = String(raw).trim();
    }
    out.contact = applyContact(values, contact, ctx.kindFromFile && values.kind !== undefined);
  }
  if (isNew) {
    for (const { field, col } of ctx.required) {
      const v = values[field];
      if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) {
        if (!out.problems.some((p) => p.field === field)) out.problems.push({ column: col, field, code: 'cell.error.required' });
      }
    }
  }
  return out;
}

interface RowContext {
  table: TableName;
  prepared: Prepared;
  columns: ReadColumn[];
  hintOnly: [string, number][];
  contacts: [string, number][];
  kindFromFile: boolean;
  required: { field: string; col: number }[];
  words: WordCounts;
}

export function planImport(input: PlanInput): ImportPlan {
  const { table, source } = input;
  const prepared = prepareColumns(input);
  const { fieldOf, idColumn } = prepared;
  // the file's own record ids
  const rowIds: (string | null)[] = source.rows.map((r) => {
    if (idColumn < 0) return null;
    const v = r[idColumn];
    return isBlank(v) ? null : String(v).trim();
  });
  resolveSelfLinks(input, prepared, rowIds);
  const ctx: RowContext = {
    table,
    prepared,
    columns: readColumns(input, prepared),
    hintOnly: [...prepared.linkIdColumn].filter(([field]) => !fieldOf.includes(field) && prepared.specs.has(field)),
    contacts: contactColumns(input),
    kindFromFile: fieldOf.includes('kind'),
    required: Object.entries(TABLE_FIELDS[table] ?? {})
      .filter(([, spec]) => spec.required && !spec.json)
      .map(([field]) => ({ field, col: fieldOf.indexOf(field) })),
    words: new Map()
  };
  const matcher = new Matcher(table, input.existing);
  const state: MatchState = { idRows: new Set(), claimed: new Map() };
  const counts: Record<RowStatus, number> = { new: 0, update: 0, unchanged: 0, duplicate: 0, rejected: 0 };
  const rows: PlannedRow[] = new Array(source.rows.length);
  let contacts = 0;
  for (let index = 0; index < source.rows.length; index++) {
    const planned = planRow(input, ctx, matcher, state, rowIds, index);
    rows[index] = planned;
    counts[planned.status]++;
    if (planned.status === 'new' && planned.contact) contacts++;
    else delete planned.contact;
  }
  const words = [...ctx.words].map(([column, m]) => ({ column, field: fieldOf[column], words: [...m].map(([text, rows]) => ({ text, rows })) }));
  return { table, rows, counts, newColumns: prepared.newColumns, fieldOf, contacts, words };
}

function planRow(input: PlanInput, ctx: RowContext, matcher: Matcher, state: MatchState, rowIds: (string | null)[], index: number): PlannedRow {
  const { options } = input;
  const { idColumn, specs } = ctx.prepared;
  const cells = input.source.rows[index];
  const line = input.source.firstLine + index;
  const early: CellProblem[] = [];
  const shape = input.source.shape?.get(index);
  if (shape) early.push({ column: -1, field: ROW_FIELD, code: shape });
  let id = rowIds[index];
  const hasFileId = idColumn >= 0 && !isBlank(cells[idColumn]);
  if (hasFileId && id && !isValidId(id)) {
    early.push({ column: idColumn, field: 'id', code: 'io.row.badId' });
    id = null;
  }
  const existing = id && hasFileId ? matcher.byId.get(id) : undefined;
  // an insert starts from the table's defaults; an update only carries what the file says
  const read = readRow(ctx, cells, existing ? {} : Object.assign({}, TABLE_DEFAULTS[input.table] ?? {}), !existing);
  const { values, blanks } = read;
  const problems = [...early, ...read.problems];
  const rule = ROW_RULES[input.table];
  // the table's own rules, on what the record would be; a field already refused is not named twice
  for (const p of rule && input.rules
    ? rule(existing ? { ...existing, ...values } : values, cells, { ...input.rules, fieldOf: ctx.prepared.fieldOf })
    : [])
    if (!problems.some((q) => q.field === p.field)) problems.push({ column: ctx.prepared.fieldOf.indexOf(p.field), field: p.field, code: p.code });
  const planned: PlannedRow = { index, line, status: 'new', problems };
  if (read.aside.length) planned.aside = read.aside;
  if (problems.length) {
    planned.status = 'rejected';
    return planned;
  }

  const keys = matcher.keysOf ? matcher.keysOf(existing ? { ...existing, ...values } : values) : [];
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
    state.claimed.set(target.id, line);
  };

  if (id && hasFileId && state.claimed.has(id)) {
    planned.status = 'duplicate';
    planned.reasons = ['id'];
    planned.sameAsLine = state.claimed.get(id);
  } else if (existing) {
    planned.reasons = ['id'];
    update(existing);
  } else {
    const { match, sameAs } = findMatches(matcher, state, keys, hasFileId);
    if (match && options.duplicates !== 'create') {
      planned.reasons = match.reasons;
      planned.targetId = match.id;
      if (options.duplicates === 'update' && !state.claimed.has(match.id)) update(matcher.byId.get(match.id)!, true);
      else {
        planned.status = 'duplicate';
        planned.sameAsLine = state.claimed.get(match.id);
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
      if (read.contact) planned.contact = { ...read.contact, id: input.newId(), customerId: values.id };
    }
  }
  if (planned.status === 'new' || planned.status === 'update') {
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k][1];
      if (key && !matcher.fileKeys[k].has(key)) matcher.fileKeys[k].set(key, line);
    }
  }
  if (planned.status === 'new' && id) state.claimed.set(id, line);
  if (hasFileId) state.idRows.add(line);
  return planned;
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
    if (r.status === 'new') {
      out.push({ type: 'insert', table: plan.table, record: r.values! });
      if (r.contact) out.push({ type: 'insert', table: 'contacts', record: r.contact });
    } else if (r.status === 'update') out.push({ type: 'update', table: plan.table, id: r.targetId!, patch: r.values! });
  }
  return out;
}
