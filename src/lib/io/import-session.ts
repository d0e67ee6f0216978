/**
 * One import from open to commit, as the import worker runs it (and the tests, directly):
 *
 *   open(file)     read and check the file: encoding, delimiter, sheet (source.ts)
 *   suggest(table) a mapping: the one remembered for this file layout, else autoMap's guess
 *   plan(...)      validate every row and sort it (plan.ts); `page` serves the preview
 *   commit()       ONE write through a WritePath on the same workspace database with the same
 *                  actor: new custom columns, inserts, updates, the import's history entry and the
 *                  remembered mapping; atomic, cancellable (aborting rolls everything back)
 *
 * The history entry is a `settings` record `import.<changeSetId>` written in the same write (the
 * write takes the change set id we chose), so reverting the import (WritePath.revert) removes it
 * too: a reverted import shows as a deleted entry, with who reverted it and when.
 */
import { formatCell, type CellSpec } from '$lib/domain/cells';
import { newId, wallTime } from '$lib/db/ids';
import type { KebuDB, TableName } from '$lib/db/schema';
import { WritePath, type Actor, type Mutation } from '$lib/db/write-path';
import { fieldLabel } from '$lib/i18n/field-labels';
import type { Locale } from '$lib/i18n/messages/define';
import { translate } from '$lib/i18n/translate';
import { IoError, writeFailure } from './errors';
import { HISTORY_PREFIX, importHistory, type ImportHistoryValue } from './history';
import { applySaved, autoMap, layoutKey, type ColumnMapping, type ColumnData, type SavedMapping } from './mapping';
import {
  planImport,
  planMutations,
  type ImportPlan,
  type MatchReason,
  type PlanOptions,
  type ProblemCode,
  type RowStatus,
  type ValueMap
} from './plan';
import { cellToText, checkSize, readSource, type ReadOptions, type SourceInfo, type SourceTable } from './source';
import { customColumns, linkSources, specsOf } from './workspace-data';
import { WHOLE_FILE_TABLES } from './row-rules';

const SAMPLE_ROWS = 8;

export interface OpenResult {
  info: SourceInfo;
  fileName: string;
  header: string[];
  sample: string[][];
  rowCount: number;
}

export interface PreviewCell {
  text: string;
  problem?: ProblemCode;
  /** no option or record fitted the value: the label of the column it is kept in */
  aside?: string;
}

/** One row of the preview's value table: a file's word for a choice field, and what it became. */
export interface ValueWord {
  text: string;
  rows: number;
  /** the option the user chose for it ('' = keep aside), if any */
  chosen?: string;
}

/** A choice column whose words are not all the field's options: the allowed ones and the words. */
export interface ValueTable {
  column: number;
  header: string;
  field: string;
  label: string;
  /** where unmatched words are kept */
  asideLabel: string;
  options: { value: string; label: string }[];
  words: ValueWord[];
}

export interface PreviewRow {
  line: number;
  status: RowStatus;
  cells: PreviewCell[];
  /** problems of fields no column is mapped to (a missing required field) */
  missing: { field: string; label: string; problem: ProblemCode }[];
  match?: { id?: string; name?: string; line?: number; reasons: MatchReason[] };
  diff?: { field: string; label: string; before: string; after: string }[];
}

export interface PlanSummary {
  counts: Record<RowStatus, number>;
  total: number;
  newColumns: { label: string; type: string }[];
  /** contacts added with the new customers */
  contacts: number;
  /** per choice column, its words that are not the field's options, for the user to map */
  valueTables: ValueTable[];
  /** the first rows needing attention (rejected, duplicates, updates), then the rest */
  rows: PreviewRow[];
}

export interface CommitResult {
  changeSet: string | null;
  counts: Record<RowStatus, number>;
}

export class ImportSession {
  readonly #db: KebuDB;
  readonly #actor: Actor;
  readonly #locale: Locale;
  #fileName = '';
  #bytes: Uint8Array | null = null;
  #info: SourceInfo | null = null;
  #source: SourceTable | null = null;
  #plan: ImportPlan | null = null;
  #mapping: ColumnMapping[] = [];
  #values: ValueMap = {};
  #specs = new Map<string, CellSpec>();
  #labels = new Map<string, string>();
  #names = new Map<string, string>();
  #writes: WritePath | null = null;

  constructor(db: KebuDB, actor: Actor, locale: Locale) {
    this.#db = db;
    this.#actor = actor;
    this.#locale = locale;
  }

  destroy() {
    this.#writes?.destroy();
    this.#writes = null;
  }

  /** Read a file; again with other options (encoding, delimiter, sheet) to re-read the same bytes. */
  async open(fileName: string, file: Blob | Uint8Array | null, opts: ReadOptions = {}): Promise<OpenResult> {
    if (file) {
      checkSize(file instanceof Blob ? file.size : file.length);
      this.#bytes = file instanceof Blob ? new Uint8Array(await file.arrayBuffer()) : file;
      this.#fileName = fileName;
    }
    if (!this.#bytes) throw new IoError('io.error.empty');
    this.#plan = null;
    const { info, table } = await readSource(this.#fileName, this.#bytes, opts);
    this.#info = info;
    this.#source = table;
    return {
      info,
      fileName: this.#fileName,
      header: table.header,
      sample: table.rows.slice(0, SAMPLE_ROWS).map((r) => r.map(cellToText)),
      rowCount: table.rows.length
    };
  }

  /** The mapping for `table` (and the value table the user filled): remembered for this layout, else guessed. */
  async suggest(table: TableName): Promise<{ mapping: ColumnMapping[]; remembered: boolean; values: ValueMap }> {
    const source = this.#need();
    const custom = await customColumns(this.#db);
    const { specs, altSpecs } = specsOf(this.#locale, await linkSources(this.#db), table, custom);
    const data: ColumnData = {
      rows: source.rows,
      specs: (field) => [specs.get(field), ...altSpecs.map((m) => m.get(field))].filter((x): x is CellSpec => !!x)
    };
    const suggested = autoMap(table, source.header, custom, this.#info?.meta ?? null, data);
    const saved = await this.#db.settings.get(layoutKey(table, source.header));
    if (!saved || saved.deleted) return { mapping: suggested, remembered: false, values: {} };
    const value = saved.value as SavedMapping;
    return { mapping: applySaved(table, suggested, value, custom), remembered: true, values: isValueMap(value?.values) ? value.values : {} };
  }

  async plan(table: TableName, mapping: ColumnMapping[], options: PlanOptions, pageSize = 200): Promise<PlanSummary> {
    const source = this.#need();
    const custom = await customColumns(this.#db);
    const existing = (await this.#db.table(table).toArray()) as (Record<string, unknown> & { id: string })[];
    const sources = await linkSources(
      this.#db,
      table === 'customers' || table === 'staff' || table === 'orgUnits' ? { [table]: existing.filter((r) => !r.deleted) } : {}
    );
    const { specs, altSpecs } = specsOf(this.#locale, sources, table, custom);
    const plan = planImport({
      table,
      source,
      mapping,
      specs,
      altSpecs,
      existing,
      customColumns: custom,
      takenColumnIds: new Set(await this.#db.customColumns.toCollection().primaryKeys()),
      options,
      newId: () => newId(),
      asideLabel: (header) => translate(this.#locale, 'io.aside.column', { column: header }),
      rules: options.today ? { today: options.today, customerIds: new Set(sources.customers.rows.map((r) => r.id)) } : undefined
    });
    this.#plan = plan;
    this.#mapping = mapping;
    this.#values = options.values ?? {};
    this.#specs = specs;
    this.#labels = new Map();
    for (const c of custom) if (c.table === table) this.#labels.set(`x_${c.id}`, c.label);
    for (const c of plan.newColumns) this.#labels.set(c.key, c.label);
    this.#names = new Map();
    this.#existing = new Map();
    for (const r of existing) {
      this.#existing.set(r.id, r);
      if (typeof r.name === 'string') this.#names.set(r.id, r.name);
    }
    const attention = plan.rows.filter((r) => r.status !== 'new');
    const first = [...attention.slice(0, pageSize), ...plan.rows.filter((r) => r.status === 'new').slice(0, pageSize)].slice(0, pageSize);
    return {
      counts: plan.counts,
      total: plan.rows.length,
      newColumns: plan.newColumns.map((c) => ({ label: c.label, type: c.type })),
      contacts: plan.contacts,
      valueTables: this.#valueTables(plan, options.values ?? {}),
      rows: first.map((r) => this.#preview(r.index))
    };
  }

  /** Preview rows of one status (or all), for paging through a large file. */
  page(status: RowStatus | 'all', offset: number, limit: number): PreviewRow[] {
    const plan = this.#plan;
    if (!plan) return [];
    const rows = status === 'all' ? plan.rows : plan.rows.filter((r) => r.status === status);
    return rows.slice(offset, offset + limit).map((r) => this.#preview(r.index));
  }

  #valueTables(plan: ImportPlan, values: ValueMap): ValueTable[] {
    const header = this.#source?.header ?? [];
    return plan.words.map(({ column, field, words }) => {
      const spec = this.#specs.get(field);
      const chosen = values[field] ?? {};
      return {
        column,
        header: header[column] ?? '',
        field,
        label: this.#label(field),
        asideLabel: translate(this.#locale, 'io.aside.column', { column: header[column] ?? '' }),
        options: (spec?.options ?? []).map((o) => ({ value: o, label: spec?.labels?.[o] ?? o })),
        words: words.map((w) => (w.text in chosen ? { ...w, chosen: chosen[w.text] } : w))
      };
    });
  }

  #label(field: string): string {
    return this.#labels.get(field) ?? fieldLabel(this.#locale, field, this.#plan?.table);
  }

  #preview(index: number): PreviewRow {
    const plan = this.#plan!;
    const source = this.#source!;
    const r = plan.rows[index];
    const cells: PreviewCell[] = source.rows[index].map((c) => ({ text: cellToText(c) }));
    const missing: PreviewRow['missing'] = [];
    for (const p of r.problems) {
      if (p.column >= 0 && cells[p.column]) cells[p.column].problem = p.code;
      else missing.push({ field: p.field, label: this.#label(p.field), problem: p.code });
    }
    for (const col of r.aside ?? []) {
      if (cells[col]) cells[col].aside = translate(this.#locale, 'io.aside.column', { column: source.header[col] ?? '' });
    }
    const out: PreviewRow = { line: r.line, status: r.status, cells, missing };
    if (r.reasons) {
      out.match = { id: r.targetId, name: r.targetId ? this.#names.get(r.targetId) : undefined, line: r.sameAsLine, reasons: r.reasons };
    }
    if (r.status === 'update' && r.changed && r.targetId) {
      const before = this.#existingRow(r.targetId);
      out.diff = r.changed
        .filter((f) => f !== 'deleted')
        .map((f) => {
          const spec = this.#specs.get(f) ?? { type: 'text' as const };
          return { field: f, label: this.#label(f), before: formatCell(spec, before?.[f]), after: formatCell(spec, r.values?.[f]) };
        });
    }
    return out;
  }

  #existing = new Map<string, Record<string, unknown>>();
  #existingRow(id: string) {
    return this.#existing.get(id);
  }

  /** Write the planned import as one change set. */
  async commit(opts: { signal?: AbortSignal; onProgress?: (done: number, total: number) => void } = {}): Promise<CommitResult> {
    const plan = this.#plan;
    const source = this.#need();
    if (!plan) throw new IoError('io.error.failed');
    if (WHOLE_FILE_TABLES.has(plan.table) && plan.counts.rejected > 0)
      throw new IoError('io.error.purchasesRejected', { count: plan.counts.rejected });
    const mutations: Mutation[] = planMutations(plan);
    if (!mutations.length) return { changeSet: null, counts: plan.counts };
    const changeSet = newId();
    const history: ImportHistoryValue = {
      table: plan.table,
      file: this.#fileName,
      sheet: this.#info?.sheet,
      at: wallTime(),
      by: this.#actor.id,
      byName: this.#actor.name,
      changeSet,
      counts: plan.counts,
      columns: plan.newColumns.length
    };
    mutations.push({ type: 'insert', table: 'settings', record: { id: `${HISTORY_PREFIX}${changeSet}`, value: history } });
    // remember the mapping of this layout; a column the import creates is remembered as that column
    const key = layoutKey(plan.table, source.header);
    const remembered: SavedMapping = {
      headers: source.header,
      targets: this.#mapping.map((m, i) => {
        const field = plan.fieldOf[i];
        return m.target.kind === 'new' && field ? { kind: 'field', field } : m.target;
      }),
      values: this.#values
    };
    const current = await this.#db.settings.get(key);
    mutations.push(
      current
        ? { type: 'update', table: 'settings', id: key, patch: { value: remembered, ...(current.deleted ? { deleted: 0 } : {}) } }
        : { type: 'insert', table: 'settings', record: { id: key, value: remembered } }
    );
    this.#writes ??= new WritePath(this.#db, this.#actor);
    try {
      await this.#writes.write('change.import', mutations, { id: changeSet, ...opts });
    } catch (e) {
      // cancelled only when the user cancelled: a full storage also aborts the transaction
      throw await writeFailure(e, opts.signal);
    }
    return { changeSet, counts: plan.counts };
  }

  /** Revert an earlier import (from the history) as one undoable change set. */
  async revert(changeSet: string): Promise<boolean> {
    this.#writes ??= new WritePath(this.#db, this.#actor);
    return (await this.#writes.revert(changeSet, 'change.revertImport')) !== null;
  }

  #need(): SourceTable {
    if (!this.#source) throw new IoError('io.error.empty');
    return this.#source;
  }
}

function isValueMap(v: unknown): v is ValueMap {
  if (typeof v !== 'object' || v === null) return false;
  return Object.values(v).every((m) => typeof m === 'object' && m !== null && Object.values(m).every((x) => typeof x === 'string'));
}

export { importHistory, HISTORY_PREFIX, type ImportHistoryValue };
