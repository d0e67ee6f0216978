/**
 * The receivables derivations of a whole workspace, kept up to date change by change: the worker
 * (app/receivables/derive.worker.ts, which reads the rows from storage) holds one of these; the
 * bench and the specs drive it directly. Pure TypeScript over the domain (no svelte, no Dexie):
 * it is given rows and never reads them itself.
 *
 * Incremental by customer: customers are spread over `SHARDS` shards by a hash of their id, each
 * shard has its own ledger (domain `buildLedger`) and its own Today / aging / DSO results. A change
 * marks the shards of the customers it touches (before and after the change, so a record moved
 * to another customer leaves one shard and enters the other); only those shards are rebuilt and
 * re-derived, then the shards' results are merged in the domain's own order. The merged result
 * is the same as deriving over one ledger of every record (engine.test.ts checks this against a
 * full rebuild over seeded random edits).
 *
 * Routing: sales, payments, done-task records and lifts go by their `customerId` (the ledger
 * groups them so). An extension request goes with its sale (the ledger finds a sale named by an
 * extension of the wrong customer among all sales), by its own customer until its sale is known.
 * A customer in the bin (soft-deleted) keeps its records here, left out of its shard's ledger.
 */
import { aging, agingTable, type AgingTable } from './aging';
import { dso, DSO_FORMULA, dsoValue, type DsoFigure, type DsoMonth, type DsoReport } from './dso';
import { buildLedger, type Ledger } from './ledger';
import { deriveToday, finishToday, type TodayList } from './today';
import type { Fen } from '../money';
import { TASK_KINDS, type CreditSaleRow, type ExtensionRequestRow, type LadderEffectLiftRow, type LadderTaskDoneRow, type PaymentRow } from './types';

export const ENGINE_TABLES = ['creditSales', 'payments', 'extensionRequests', 'ladderTasksDone', 'ladderEffectLifts'] as const;
export type EngineTable = (typeof ENGINE_TABLES)[number];
/** what the worker follows: the engine's tables, and customers (for the bin) */
export const WATCHED_TABLES = [...ENGINE_TABLES, 'customers'] as const;
export type WatchedTable = (typeof WATCHED_TABLES)[number];
export type EngineRow = { id: string; customerId: string; deleted?: 0 | 1; saleId?: string; [field: string]: unknown };
type AnyRow = EngineRow;

export const SHARDS = 64;

/** FNV-1a of the id, into `shards` buckets. */
export function shardOf(customerId: string, shards = SHARDS): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < customerId.length; i++) {
    h ^= customerId.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % shards;
}

interface Shard {
  rows: Record<EngineTable, Map<string, AnyRow>>;
  ledger: Ledger | null;
  today: { day: string; list: TodayList } | null;
  aging: { day: string; table: AgingTable } | null;
  dso: { key: string; report: DsoReport } | null;
}

const emptyRows = (): Record<EngineTable, Map<string, AnyRow>> => ({
  creditSales: new Map(),
  payments: new Map(),
  extensionRequests: new Map(),
  ladderTasksDone: new Map(),
  ladderEffectLifts: new Map()
});

const byId = <T extends { customerId: string }>(a: T, b: T) => (a.customerId < b.customerId ? -1 : a.customerId > b.customerId ? 1 : 0);

export class ReceivablesEngine {
  readonly shards: Shard[];
  /** table → record id → the shard holding it */
  readonly #where: Record<EngineTable, Map<string, number>>;
  /** sale id → ids of the extension requests naming it */
  readonly #extsOfSale = new Map<string, Set<string>>();
  /** ids of customers in the bin */
  #binned = new Set<string>();
  /** shards rebuilt by the last `refresh` (for the bench and tests) */
  lastRebuilt = 0;

  constructor(readonly shardCount = SHARDS) {
    this.shards = Array.from({ length: shardCount }, () => ({ rows: emptyRows(), ledger: null, today: null, aging: null, dso: null }));
    this.#where = {
      creditSales: new Map(),
      payments: new Map(),
      extensionRequests: new Map(),
      ladderTasksDone: new Map(),
      ladderEffectLifts: new Map()
    };
  }

  #dirty(s: number) {
    const shard = this.shards[s];
    shard.ledger = null;
    shard.today = null;
    shard.aging = null;
    shard.dso = null;
  }

  #place(table: EngineTable, row: AnyRow, s: number) {
    const before = this.#where[table].get(row.id);
    if (before !== undefined && before !== s) {
      this.shards[before].rows[table].delete(row.id);
      this.#dirty(before);
    }
    this.shards[s].rows[table].set(row.id, row);
    this.#where[table].set(row.id, s);
    this.#dirty(s);
  }

  #remove(table: EngineTable, id: string) {
    const before = this.#where[table].get(id);
    if (before === undefined) return;
    this.shards[before].rows[table].delete(id);
    this.#where[table].delete(id);
    this.#dirty(before);
  }

  #shardOfExtension(x: AnyRow): number {
    const saleShard = x.saleId !== undefined ? this.#where.creditSales.get(x.saleId) : undefined;
    return saleShard ?? shardOf(x.customerId, this.shardCount);
  }

  /** Put (insert or replace) rows of `table`; deleted or customer-less rows are taken out. */
  upsert(table: EngineTable, rows: readonly AnyRow[]) {
    for (const row of rows) {
      const at = table === 'extensionRequests' ? this.#where.extensionRequests.get(row.id) : undefined;
      const oldExt = at === undefined ? undefined : this.shards[at].rows.extensionRequests.get(row.id);
      if (oldExt?.saleId !== undefined && oldExt.saleId !== row.saleId) this.#extsOfSale.get(oldExt.saleId)?.delete(row.id);
      if (row.deleted === 1 || typeof row.customerId !== 'string') {
        if (table === 'extensionRequests' && oldExt?.saleId !== undefined) this.#extsOfSale.get(oldExt.saleId)?.delete(row.id);
        this.#remove(table, row.id);
        if (table === 'creditSales') this.#rehome(row.id);
        continue;
      }
      if (table === 'extensionRequests') {
        if (row.saleId !== undefined) {
          let set = this.#extsOfSale.get(row.saleId);
          if (!set) this.#extsOfSale.set(row.saleId, (set = new Set()));
          set.add(row.id);
        }
        this.#place(table, row, this.#shardOfExtension(row));
        continue;
      }
      const s = shardOf(row.customerId, this.shardCount);
      const moved = table === 'creditSales' && this.#where.creditSales.get(row.id) !== s;
      this.#place(table, row, s);
      if (moved) this.#rehome(row.id);
    }
  }

  /** Take rows out by id (hard deletes, or rows that vanished). */
  remove(table: EngineTable, ids: readonly string[]) {
    for (const id of ids) {
      if (table === 'extensionRequests') {
        const s = this.#where.extensionRequests.get(id);
        const saleId = s === undefined ? undefined : this.shards[s].rows.extensionRequests.get(id)?.saleId;
        if (saleId !== undefined) this.#extsOfSale.get(saleId)?.delete(id);
      }
      this.#remove(table, id);
      if (table === 'creditSales') this.#rehome(id);
    }
  }

  /** Replace a whole table (a first load, or a change too large to list). */
  load(table: EngineTable, rows: readonly AnyRow[]) {
    if (table === 'extensionRequests') {
      for (const [id] of this.#where[table]) this.#remove(table, id);
      this.#extsOfSale.clear();
      this.upsert(table, rows);
    } else if (!this.#loadFresh(table, rows)) this.upsert(table, rows);
    if (table === 'creditSales') for (const saleId of this.#extsOfSale.keys()) this.#rehome(saleId);
  }

  /**
   * `load`'s fast path (opening a workspace puts half a million rows): empty the table, then put
   * each row straight into its shard, two map writes a row instead of `upsert`'s five lookups.
   * False, with the table left empty, when one id came twice under customers of different shards
   * (then `upsert` sorts it out row by row, the later row kept).
   */
  #loadFresh(table: Exclude<EngineTable, 'extensionRequests'>, rows: readonly AnyRow[]): boolean {
    const where = this.#where[table];
    for (let s = 0; s < this.shardCount; s++) {
      const held = this.shards[s].rows[table];
      if (held.size === 0) continue;
      held.clear();
      this.#dirty(s);
    }
    where.clear();
    const touched = new Uint8Array(this.shardCount);
    for (const row of rows) {
      if (row.deleted === 1 || typeof row.customerId !== 'string') continue;
      const s = shardOf(row.customerId, this.shardCount);
      this.shards[s].rows[table].set(row.id, row);
      where.set(row.id, s);
      touched[s] = 1;
    }
    let held = 0;
    for (let s = 0; s < this.shardCount; s++) {
      held += this.shards[s].rows[table].size;
      if (touched[s]) this.#dirty(s);
    }
    if (held === where.size) return true;
    for (const shard of this.shards) shard.rows[table].clear();
    where.clear();
    return false;
  }

  /**
   * Customers in the bin (soft-deleted): their records stay, but count nowhere (no task on Today,
   * no aging row, no part of DSO) until the customer is restored. `all` replaces what was known.
   */
  customers(rows: readonly { id: string; deleted?: 0 | 1 }[], all = false) {
    const binned = all ? new Set<string>() : this.#binned;
    const changed: string[] = [];
    for (const row of rows) {
      if (row.deleted === 1) {
        if (!this.#binned.has(row.id)) changed.push(row.id);
        binned.add(row.id);
      } else if (!all && binned.delete(row.id)) changed.push(row.id);
    }
    if (all) {
      for (const id of this.#binned) if (!binned.has(id)) changed.push(id);
      this.#binned = binned;
    }
    for (const id of changed) this.#dirty(shardOf(id, this.shardCount));
  }

  /** Extension requests follow their sale to its shard. */
  #rehome(saleId: string) {
    const exts = this.#extsOfSale.get(saleId);
    if (!exts) return;
    for (const id of exts) {
      const s = this.#where.extensionRequests.get(id);
      if (s === undefined) continue;
      const row = this.shards[s].rows.extensionRequests.get(id)!;
      this.#place('extensionRequests', row, this.#shardOfExtension(row));
    }
  }

  #ledger(s: number): Ledger {
    const shard = this.shards[s];
    if (!shard.ledger) {
      this.lastRebuilt++;
      const r = shard.rows;
      const binned = this.#binned;
      // a binned customer's records stay out; extension requests go with their sale
      const live = (rows: Map<string, AnyRow>) => (binned.size ? [...rows.values()].filter((x) => !binned.has(x.customerId)) : [...rows.values()]);
      shard.ledger = buildLedger({
        sales: live(r.creditSales) as CreditSaleRow[],
        payments: live(r.payments) as PaymentRow[],
        extensions: [...r.extensionRequests.values()] as ExtensionRequestRow[],
        done: live(r.ladderTasksDone) as LadderTaskDoneRow[],
        lifts: live(r.ladderEffectLifts) as LadderEffectLiftRow[]
      });
    }
    return shard.ledger;
  }

  /** Build the ledgers of the shards a change touched; returns how many were rebuilt. */
  refresh(): number {
    this.lastRebuilt = 0;
    for (let s = 0; s < this.shardCount; s++) this.#ledger(s);
    return this.lastRebuilt;
  }

  today(day: string): TodayList {
    const parts: TodayList[] = [];
    for (let s = 0; s < this.shardCount; s++) {
      const shard = this.shards[s];
      if (shard.today?.day !== day) shard.today = { day, list: deriveToday(this.#ledger(s), day) };
      parts.push(shard.today.list);
    }
    return mergeToday(day, parts);
  }

  aging(day: string): AgingTable {
    const parts: AgingTable[] = [];
    for (let s = 0; s < this.shardCount; s++) {
      const shard = this.shards[s];
      if (shard.aging?.day !== day) shard.aging = { day, table: aging(this.#ledger(s), day) };
      parts.push(shard.aging.table);
    }
    return mergeAging(day, parts);
  }

  dso(day: string, options: { periodDays?: number; months?: number } = {}): DsoReport {
    const key = `${day}|${options.periodDays ?? 90}|${options.months ?? 12}`;
    const parts: DsoReport[] = [];
    for (let s = 0; s < this.shardCount; s++) {
      const shard = this.shards[s];
      if (shard.dso?.key !== key) shard.dso = { key, report: dso(this.#ledger(s), day, options) };
      parts.push(shard.dso.report);
    }
    return mergeDso(day, options.periodDays ?? 90, parts);
  }
}

/** Today as the page receives it: at most `limit` tasks per group (with each group's full count). */
export interface TodayView extends TodayList {
  /** tasks per group before trimming, in the groups' order */
  counts: number[];
}

/**
 * Trim Today for sending to the page: copying 7 000 tasks out of the worker costs the page a long
 * task, and it shows the first `limit` of each group anyway. Flags are kept whole (the customer
 * grid marks every flagged customer).
 */
export function trimToday(list: TodayList, limit: number): TodayView {
  return {
    ...list,
    groups: list.groups.map((g) => ({ kind: g.kind, tasks: g.tasks.slice(0, limit) })),
    effectsToday: list.effectsToday.slice(0, limit),
    counts: list.groups.map((g) => g.tasks.length)
  };
}

// ---------------------------------------------------------------- merging shard results

/** Today's lists of disjoint customer sets, as one list (deriveToday's order: `finishToday`). */
export function mergeToday(day: string, parts: readonly TodayList[]): TodayList {
  return finishToday(
    day,
    TASK_KINDS.map((_, k) => parts.flatMap((p) => p.groups[k].tasks)),
    parts.flatMap((p) => p.effectsToday),
    parts.flatMap((p) => p.flagged)
  );
}

/** Aging tables of disjoint customer sets, as one table (aging's order and totals: `agingTable`). */
export function mergeAging(day: string, parts: readonly AgingTable[]): AgingTable {
  const buckets = [0, 0, 0, 0, 0];
  let credit = 0;
  let invoices = 0;
  for (const p of parts) {
    for (let k = 0; k < buckets.length; k++) buckets[k] += p.totals.buckets[k];
    credit += p.totals.credit;
    invoices += p.totals.invoices;
  }
  return agingTable(
    day,
    parts.flatMap((p) => p.rows),
    { buckets, credit, invoices }
  );
}

/** dso.ts's figure from summed parts (its formula, `dsoValue`, so the same number). */
function sumFigures<F extends DsoFigure>(figs: readonly F[], base: F): F {
  let opening = 0;
  let closing = 0;
  let sales = 0;
  for (const f of figs) {
    opening += f.openingReceivables;
    closing += f.closingReceivables;
    sales += f.creditSales;
  }
  const out = { ...base, openingReceivables: opening as Fen, closingReceivables: closing as Fen, creditSales: sales as Fen } as F;
  delete out.reason;
  return Object.assign(out, dsoValue(opening, closing, sales, base.days));
}

/** DSO reports of disjoint customer sets, as one report. */
export function mergeDso(day: string, periodDays: number, parts: readonly DsoReport[]): DsoReport {
  const first = parts[0];
  return {
    formula: DSO_FORMULA,
    asOf: day,
    periodDays,
    overall: sumFigures(
      parts.map((p) => p.overall),
      first.overall
    ),
    customers: parts.flatMap((p) => p.customers).sort(byId),
    trend: first.trend.map((m, k) =>
      sumFigures<DsoMonth>(
        parts.map((p) => p.trend[k]),
        m
      )
    )
  };
}
