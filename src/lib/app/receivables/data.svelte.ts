/**
 * The receivables side of an open workspace: live stores of its tables and what the screens derive
 * from them for "today" (the clock). One instance per open workspace (`receivablesOf(ws)`).
 *
 * Whole-workspace derivations (Today, aging, DSO) run in a worker (derive.worker.ts) that reads
 * the database itself and is told the ids of every committed write, so the page stays usable with
 * 200 000 sales; one customer's view (panel, statement, new sale check) is built here from that
 * customer's records only. Everything follows the stored records and the clock, so it is right
 * after any edit, import, sync or undo: nothing derived is written back.
 */
import type { TableStore } from '$lib/db/table-store.svelte';
import type { OpenWorkspace } from '$lib/db/workspace';
import type { WorkerClient } from '$lib/workers/rpc';
import {
  agreementInEffect,
  buildLedger,
  customerReceivables,
  type AgingTable,
  type DsoReport,
  type CreditAgreementRow,
  type CustomerReceivables,
  type Ledger,
  type TodayView,
  WATCHED_TABLES,
  type WatchedTable
} from '$lib/domain/receivables';
import type { CreditAgreementTerms } from '$lib/domain/credit/enforcement';
import { clock } from '../clock.svelte';

/** tasks per group the Today page shows (and the worker sends) */
export const TODAY_SHOWN = 200;

export class ReceivablesData {
  readonly agreements: TableStore<'creditAgreements'>;
  readonly sales: TableStore<'creditSales'>;
  readonly payments: TableStore<'payments'>;
  readonly extensions: TableStore<'extensionRequests'>;
  readonly done: TableStore<'ladderTasksDone'>;
  readonly lifts: TableStore<'ladderEffectLifts'>;
  readonly overrides: TableStore<'creditOverrides'>;
  readonly evaluations: TableStore<'creditEvaluations'>;

  /** today's worklist from the worker (the first TODAY_SHOWN tasks of each group); null until the first answer */
  today = $state.raw<TodayView | null>(null);
  #worker: WorkerClient | null = null;
  #ready: Promise<void> | null = null;
  #unsubscribe: (() => void) | null = null;
  #stopEffect: (() => void) | null = null;
  #destroyed = false;

  constructor(readonly ws: OpenWorkspace) {
    this.agreements = ws.store('creditAgreements');
    this.sales = ws.store('creditSales');
    this.payments = ws.store('payments');
    this.extensions = ws.store('extensionRequests');
    this.done = ws.store('ladderTasksDone');
    this.lifts = ws.store('ladderEffectLifts');
    this.overrides = ws.store('creditOverrides');
    this.evaluations = ws.store('creditEvaluations');
    this.#unsubscribe = ws.writes.subscribe((n) => {
      const tables: Partial<Record<WatchedTable, string[] | 'all'>> = {};
      let any = false;
      for (const t of WATCHED_TABLES) {
        if (n.tables[t]) {
          tables[t] = n.tables[t];
          any = true;
        }
      }
      // Today is asked for again only when a shard was rebuilt (most customer edits change nothing here)
      if (!any) return;
      void this.#call<{ rebuilt: number }>('changes', { tables }).then((r) => {
        if (r.rebuilt) void this.#refreshToday();
      });
    });
    // Today follows the clock (an override, or midnight)
    this.#stopEffect = $effect.root(() => {
      $effect(() => {
        void clock.today;
        void this.#refreshToday();
      });
    });
  }

  async #call<T>(type: string, payload: unknown): Promise<T> {
    if (!this.#worker) {
      const { WorkerClient } = await import('$lib/workers/rpc');
      this.#worker = new WorkerClient(new Worker(new URL('./derive.worker.ts', import.meta.url), { type: 'module' }));
      this.#ready = this.#worker.call<unknown>('open', { dbName: this.ws.db.name }).then(() => undefined);
    }
    await this.#ready;
    return this.#worker.call<T>(type, payload);
  }

  #asked = 0;
  async #refreshToday() {
    const ask = ++this.#asked;
    const day = clock.today;
    try {
      const r = await this.#call<{ result: TodayView }>('today', { day, limit: TODAY_SHOWN });
      if (ask === this.#asked && !this.#destroyed) this.today = r.result;
    } catch {
      // the worker was stopped (workspace closed)
    }
  }

  /** aging as of `day`, derived in the worker, with the time it took there */
  agingOf(day: string): Promise<{ ms: number; result: AgingTable }> {
    return this.#call('aging', { day });
  }

  /** DSO as of `day`, derived in the worker */
  dsoOf(day: string): Promise<{ ms: number; result: DsoReport }> {
    return this.#call('dso', { day });
  }

  get loading(): boolean {
    return this.today === null || this.sales.loading || this.payments.loading || this.done.loading || this.lifts.loading || this.extensions.loading;
  }

  // the last few customers' ledgers, each valid while the tables' row arrays are the same
  // (a TableStore publishes a new array on every change), so the panel, the payment form and the
  // extension rows of one customer share one build
  #ledgers = new Map<string, { inputs: readonly unknown[]; ledger: Ledger }>();

  /** the ledger of one customer, from that customer's records only */
  ledgerOf(customerId: string): Ledger {
    const inputs = [this.sales.rows, this.payments.rows, this.extensions.rows, this.done.rows, this.lifts.rows];
    const hit = this.#ledgers.get(customerId);
    if (hit && hit.inputs.every((x, i) => x === inputs[i])) return hit.ledger;
    const ledger = this.#buildCustomerLedger(customerId);
    if (this.#ledgers.size >= 8) this.#ledgers.delete(this.#ledgers.keys().next().value!);
    this.#ledgers.set(customerId, { inputs, ledger });
    return ledger;
  }

  #buildCustomerLedger(customerId: string): Ledger {
    const mine = <T extends { customerId: string }>(rows: readonly T[]) => rows.filter((r) => r.customerId === customerId);
    const sales = mine(this.sales.rows);
    const ids = new Set(sales.map((s) => s.id));
    return buildLedger({
      sales,
      payments: mine(this.payments.rows),
      // an extension goes with its sale (domain/receivables/engine.ts)
      extensions: this.extensions.rows.filter((x) => ids.has(x.saleId)),
      done: mine(this.done.rows),
      lifts: mine(this.lifts.rows)
    });
  }

  /** customer id → stop-shipment / blacklist flags in force today (derived ones and a status set by hand) */
  readonly flags: ReadonlyMap<string, { stop: boolean; blacklist: boolean }> = $derived.by(() => {
    const m = new Map<string, { stop: boolean; blacklist: boolean }>();
    for (const f of this.today?.flagged ?? []) m.set(f.customerId, { stop: f.stopShipmentSince !== null, blacklist: f.blacklistedSince !== null });
    return m;
  });

  /** one customer's receivables view today */
  customer(customerId: string): CustomerReceivables {
    const c = this.ws.customers.get(customerId);
    return customerReceivables(this.ledgerOf(customerId), customerId, clock.today, { manuallyBlacklisted: c?.status === 'blacklisted' });
  }

  agreementsOf(customerId: string): CreditAgreementRow[] {
    return this.agreements.rows
      .filter((a) => a.customerId === customerId)
      .sort((a, b) => b.startDate.localeCompare(a.startDate) || b.id.localeCompare(a.id));
  }

  /**
   * The agreement a new sale draws on: the one in force today; else the latest one (so an expired
   * or not yet started agreement is named as the reason); null when the customer has none.
   */
  agreementFor(customerId: string): { agreement: CreditAgreementRow | null; terms: CreditAgreementTerms | null } {
    const inForce = agreementInEffect(this.agreements.rows, customerId, clock.today);
    const a = inForce ?? this.agreementsOf(customerId)[0] ?? null;
    return { agreement: a, terms: a ? { limit: a.limit, startDate: a.startDate, endDate: a.endDate } : null };
  }

  /** the grade of the customer's latest credit evaluation (XAY 信用等级), if any */
  gradeOf(customerId: string): { grade: string; on: string } | null {
    let best: { creditGrade?: string; evaluatedOn: string; id: string } | null = null;
    for (const e of this.evaluations.rows) {
      if (e.customerId !== customerId || !e.creditGrade) continue;
      if (!best || e.evaluatedOn > best.evaluatedOn || (e.evaluatedOn === best.evaluatedOn && e.id > best.id)) best = e;
    }
    return best?.creditGrade ? { grade: best.creditGrade, on: best.evaluatedOn } : null;
  }

  destroy() {
    this.#destroyed = true;
    this.#unsubscribe?.();
    this.#stopEffect?.();
    this.#worker?.terminate();
    // the stores are the workspace's (ws.store) and close with it
  }
}

let made: ReceivablesData | null = null;

/**
 * The receivables data of an open workspace, made on first use. One workspace is open at a time:
 * asking for another one stops the previous one's worker and stores.
 */
export function receivablesOf(ws: OpenWorkspace): ReceivablesData {
  if (made?.ws !== ws) {
    made?.destroy();
    made = new ReceivablesData(ws);
  }
  return made;
}

/** No workspace is open any more: stop the receivables worker and stores. */
export function releaseReceivables(): null {
  made?.destroy();
  made = null;
  return null;
}
