/**
 * The receivables side of an open workspace: live stores of its tables and what the screens derive
 * from them for "today" (the clock). One instance per open workspace (`receivablesOf(ws)`), made
 * when a screen first needs it, so the customer-only pages never load these tables.
 *
 * Everything derived (ledger, Today, each customer's view) follows the stored records and the
 * clock, so it is right after any edit, import, sync or undo: nothing derived is written back.
 */
import { TableStore } from '$lib/db/table-store.svelte';
import type { OpenWorkspace } from '$lib/db/workspace';
import {
  agreementInEffect,
  buildLedger,
  customerReceivables,
  deriveToday,
  type CreditAgreementRow,
  type CustomerReceivables,
  type Ledger,
  type TodayList
} from '$lib/domain/receivables';
import type { CreditAgreementTerms } from '$lib/domain/credit/enforcement';
import { clock } from '../clock.svelte';

export class ReceivablesData {
  readonly agreements: TableStore<'creditAgreements'>;
  readonly sales: TableStore<'creditSales'>;
  readonly payments: TableStore<'payments'>;
  readonly extensions: TableStore<'extensionRequests'>;
  readonly done: TableStore<'ladderTasksDone'>;
  readonly lifts: TableStore<'ladderEffectLifts'>;
  readonly overrides: TableStore<'creditOverrides'>;
  readonly evaluations: TableStore<'creditEvaluations'>;

  constructor(readonly ws: OpenWorkspace) {
    this.agreements = new TableStore(ws.db, ws.writes, 'creditAgreements');
    this.sales = new TableStore(ws.db, ws.writes, 'creditSales');
    this.payments = new TableStore(ws.db, ws.writes, 'payments');
    this.extensions = new TableStore(ws.db, ws.writes, 'extensionRequests');
    this.done = new TableStore(ws.db, ws.writes, 'ladderTasksDone');
    this.lifts = new TableStore(ws.db, ws.writes, 'ladderEffectLifts');
    this.overrides = new TableStore(ws.db, ws.writes, 'creditOverrides');
    this.evaluations = new TableStore(ws.db, ws.writes, 'creditEvaluations');
  }

  get loading(): boolean {
    return this.sales.loading || this.payments.loading || this.done.loading || this.lifts.loading || this.extensions.loading;
  }

  /** the ledger of every customer (does not depend on the day) */
  readonly ledger: Ledger = $derived.by(() =>
    buildLedger({
      sales: this.sales.rows,
      payments: this.payments.rows,
      extensions: this.extensions.rows,
      done: this.done.rows,
      lifts: this.lifts.rows
    })
  );

  /** today's worklist, effects and flagged customers */
  readonly today: TodayList = $derived.by(() => deriveToday(this.ledger, clock.today));

  /** customer id → stop-shipment / blacklist flags in force today (derived ones and a status set by hand) */
  readonly flags: ReadonlyMap<string, { stop: boolean; blacklist: boolean }> = $derived.by(() => {
    const m = new Map<string, { stop: boolean; blacklist: boolean }>();
    for (const f of this.today.flagged) m.set(f.customerId, { stop: f.stopShipmentSince !== null, blacklist: f.blacklistedSince !== null });
    return m;
  });

  /** one customer's receivables view today */
  customer(customerId: string): CustomerReceivables {
    const c = this.ws.customers.get(customerId);
    return customerReceivables(this.ledger, customerId, clock.today, { manuallyBlacklisted: c?.status === 'blacklisted' });
  }

  agreementsOf(customerId: string): CreditAgreementRow[] {
    return this.agreements.rows.filter((a) => a.customerId === customerId).sort((a, b) => b.startDate.localeCompare(a.startDate) || b.id.localeCompare(a.id));
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
    for (const s of [this.agreements, this.sales, this.payments, this.extensions, this.done, this.lifts, this.overrides, this.evaluations]) s.destroy();
  }
}

const made = new WeakMap<OpenWorkspace, ReceivablesData>();

/** The receivables data of an open workspace, made on first use. */
export function receivablesOf(ws: OpenWorkspace): ReceivablesData {
  let r = made.get(ws);
  if (!r) made.set(ws, (r = new ReceivablesData(ws)));
  return r;
}
