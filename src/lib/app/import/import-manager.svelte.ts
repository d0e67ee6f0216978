/**
 * The import wizard's state and steps, without the screen: file → column mapping → preview →
 * import. Everything heavy (reading, checking, planning, writing) happens behind an `ImportPort`
 * (the import worker on the page, an ImportSession in the Node tests); this class keeps what the
 * user chose and what the worker reported, and ImportWizard.svelte only renders it.
 *
 * The commit and the revert are commands (app/commands/import.ts): one write each, cancellable
 * while running, their failures as sentences in the user's language.
 */
import type { TableName } from '$lib/db/schema';
import type { Actor } from '$lib/db/write-path';
import type { CellType } from '$lib/domain/records/types';
import type { DelimiterChoice } from '$lib/io/csv';
import type { EncodingChoice } from '$lib/io/encoding';
import type { CommitResult, OpenResult, PlanSummary, PreviewRow } from '$lib/io/import-session';
import type { ColumnMapping, Target } from '$lib/io/mapping';
import type { DuplicateMode, RowStatus, ValueMap } from '$lib/io/plan';
import type { Progress } from '$lib/workers/rpc';
import type { Locale } from '$lib/i18n/translate';
import { commitImport, describeIoError, revertImport, type ImportPort } from '$lib/app/commands/import';
import { clock } from '$lib/app/clock.svelte';

export type ImportStep = 'file' | 'mapping' | 'preview' | 'committing' | 'done';
export const IMPORT_STEPS: readonly ImportStep[] = ['file', 'mapping', 'preview', 'committing', 'done'];
export const IMPORT_TABLES = [
  'customers',
  'contacts',
  'followUps',
  'staff',
  'orgUnits',
  'purchases',
  'products'
] as const satisfies readonly TableName[];
export type ImportTable = (typeof IMPORT_TABLES)[number];
export const isImportTable = (t: string): t is ImportTable => (IMPORT_TABLES as readonly string[]).includes(t);
const PAGE = 200;

/** A mapping target as the value of a <select>, and back. */
export function targetValue(t: Target): string {
  return t.kind === 'field' || t.kind === 'linkId' || t.kind === 'contact' ? `${t.kind}:${t.field}` : t.kind;
}

export function parseTarget(value: string, header: string): Target {
  if (value === 'skip' || value === 'id') return { kind: value };
  if (value === 'new') return { kind: 'new', label: header, type: 'text' };
  const [kind, field] = value.split(/:(.*)/s);
  if (kind === 'linkId') return { kind: 'linkId', field };
  if (kind === 'contact') return { kind: 'contact', field };
  return { kind: 'field', field };
}

const replaceAt = <T>(list: readonly T[], index: number, item: T): T[] => list.map((x, i) => (i === index ? item : x));

export interface ImportManagerInit {
  port: ImportPort;
  dbName: string;
  actor: Actor;
  locale: Locale;
  table: TableName;
}

export class ImportManager {
  readonly #port: ImportPort;
  readonly #ready: Promise<unknown>;
  readonly #locale: Locale;
  #commitId = 0;
  #destroyed = false;

  // what the user chooses
  table = $state<TableName>('customers');
  encoding = $state<EncodingChoice>('auto');
  delimiter = $state<DelimiterChoice>('auto');
  sheet = $state('');
  duplicates = $state<DuplicateMode>('skip');
  blankClears = $state(false);

  // what the worker reported
  #step = $state<ImportStep>('file');
  #busy = $state(false);
  #error = $state('');
  #opened = $state.raw<OpenResult | null>(null);
  #fileName = $state('');
  #readFailed = $state(false);
  #mapping = $state.raw<ColumnMapping[]>([]);
  #remembered = $state(false);
  #values = $state.raw<ValueMap>({});
  #summary = $state.raw<PlanSummary | null>(null);
  #filter = $state<RowStatus | 'all'>('all');
  #rows = $state.raw<PreviewRow[]>([]);
  #progress = $state.raw<Progress | null>(null);
  #result = $state.raw<CommitResult | null>(null);

  readonly toWrite = $derived(this.#summary ? this.#summary.counts.new + this.#summary.counts.update : 0);
  readonly header = $derived(this.#opened?.header ?? []);
  /** the step shown as current in the step list (committing and done are the last step) */
  readonly stepIndex = $derived(Math.min(IMPORT_STEPS.indexOf(this.#step), 3));
  /** rows of the current filter in the whole file */
  readonly filterTotal = $derived(this.#summary ? (this.#filter === 'all' ? this.#summary.total : this.#summary.counts[this.#filter]) : 0);
  readonly canOpenMapping = $derived(!!this.#opened && !this.#busy && !this.#readFailed);

  constructor(init: ImportManagerInit) {
    this.#port = init.port;
    this.#locale = init.locale;
    this.table = init.table;
    this.#ready = init.port.call('init', { dbName: init.dbName, actor: { ...init.actor }, locale: init.locale });
    // a failed start is reported by the first step that waits for it, not as an unhandled rejection
    this.#ready.catch(() => undefined);
  }

  get step() {
    return this.#step;
  }
  get busy() {
    return this.#busy;
  }
  get error() {
    return this.#error;
  }
  get opened() {
    return this.#opened;
  }
  get fileName() {
    return this.#fileName;
  }
  get readFailed() {
    return this.#readFailed;
  }
  get mapping() {
    return this.#mapping;
  }
  get remembered() {
    return this.#remembered;
  }
  get values() {
    return this.#values;
  }
  get summary() {
    return this.#summary;
  }
  get filter() {
    return this.#filter;
  }
  get rows() {
    return this.#rows;
  }
  get progress() {
    return this.#progress;
  }
  get result() {
    return this.#result;
  }

  /** Up to three sample values of a file column, for the mapping table. */
  sample(column: number): string {
    return (this.#opened?.sample ?? [])
      .map((r) => r[column])
      .filter((v) => v)
      .slice(0, 3)
      .join(' · ');
  }

  async #run<T>(f: () => Promise<T>): Promise<T | undefined> {
    this.#busy = true;
    this.#error = '';
    try {
      await this.#ready;
      return await f();
    } catch (e) {
      this.#error = describeIoError(this.#locale, e);
      return undefined;
    } finally {
      this.#busy = false;
    }
  }

  /** A new file starts afresh (options back to automatic). */
  chooseFile(file: File | Blob, name = (file as File).name ?? '') {
    this.encoding = 'auto';
    this.delimiter = 'auto';
    this.sheet = '';
    this.#opened = null;
    return this.#open(file, name);
  }

  /** Read the same file again with the encoding, delimiter or sheet now chosen. */
  reread() {
    return this.#open(null, this.#fileName);
  }

  async #open(file: Blob | null, fileName: string) {
    this.#readFailed = false;
    const options = { encoding: this.encoding, delimiter: this.delimiter, sheet: this.sheet || undefined };
    const r = await this.#run(() => this.#port.call<OpenResult>('open', { fileName, file, options }));
    if (r) {
      this.#opened = r;
      this.#fileName = r.fileName;
      this.sheet = r.info.sheet ?? '';
    } else this.#readFailed = true;
  }

  async toMapping() {
    const r = await this.#run(() =>
      this.#port.call<{ mapping: ColumnMapping[]; remembered: boolean; values?: ValueMap }>('suggest', { table: this.table })
    );
    if (r) {
      this.#mapping = r.mapping;
      this.#remembered = r.remembered;
      this.#values = r.values ?? {};
      this.#step = 'mapping';
    }
  }

  setTarget(index: number, value: string) {
    const m = this.#mapping[index];
    this.#mapping = replaceAt(this.#mapping, index, { ...m, target: parseTarget(value, m.header) });
  }

  setNewColumn(index: number, patch: { label?: string; type?: CellType }) {
    const m = this.#mapping[index];
    if (m.target.kind !== 'new') return;
    const target = { ...m.target, ...patch, options: patch.type ? undefined : m.target.options };
    this.#mapping = replaceAt(this.#mapping, index, { ...m, target });
  }

  /** The preview's value table: a file's word for a choice field becomes `option` ('' = keep it aside). */
  setValue(field: string, text: string, option: string) {
    this.#values = { ...this.#values, [field]: { ...this.#values[field], [text]: option } };
    return this.plan();
  }

  async plan() {
    const payload = {
      table: this.table,
      mapping: this.#mapping,
      options: { duplicates: this.duplicates, blankClears: this.blankClears, values: this.#values, today: clock.today }
    };
    const r = await this.#run(() => this.#port.call<PlanSummary>('plan', payload));
    if (r) {
      this.#summary = r;
      this.#filter = 'all';
      this.#rows = r.rows;
      this.#step = 'preview';
    }
  }

  async showFilter(next: RowStatus | 'all') {
    this.#filter = next;
    const r = await this.#run(() => this.#port.call<PreviewRow[]>('page', { status: next, offset: 0, limit: PAGE }));
    if (r) this.#rows = r;
  }

  async more() {
    const r = await this.#run(() => this.#port.call<PreviewRow[]>('page', { status: this.#filter, offset: this.#rows.length, limit: PAGE }));
    if (r) this.#rows = [...this.#rows, ...r];
  }

  back() {
    if (this.#step === 'mapping') this.#step = 'file';
    else if (this.#step === 'preview') this.#step = 'mapping';
  }

  async commit() {
    this.#step = 'committing';
    this.#error = '';
    this.#progress = { done: 0, total: this.toWrite };
    const r = await commitImport(this.#port, {
      onProgress: (p) => (this.#progress = p),
      requestId: (id) => (this.#commitId = id)
    });
    if (this.#destroyed) return;
    if (r.ok) {
      this.#result = r.value;
      this.#step = 'done';
    } else {
      this.#error = r.message;
      this.#step = 'preview';
    }
  }

  cancelCommit() {
    this.#port.cancel(this.#commitId);
  }

  /** Take back the import just made; true when it was. */
  async revert(): Promise<boolean> {
    const changeSet = this.#result?.changeSet;
    if (!changeSet) return false;
    this.#busy = true;
    const r = await revertImport(this.#port, changeSet);
    this.#busy = false;
    if (!r.ok) this.#error = r.message;
    return r.ok;
  }

  /** Closing asks a running import to stop first (nothing is left behind); true when it may close now. */
  requestClose(): boolean {
    if (this.#step !== 'committing') return true;
    this.cancelCommit();
    return false;
  }

  destroy() {
    this.#destroyed = true;
    this.#port.terminate();
  }
}
