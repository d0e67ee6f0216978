/**
 * The churn signals of every customer, kept up to date from the rows of four tables: purchases,
 * credit sales (each counts as a purchase, kind credit: entered once, in receivables), follow-ups
 * (which clear a flag) and customers (a cycle set by hand, the bin). The rules are the engine's
 * (`customerFlags`, domain/service/flags.ts); this class only keeps the rows per customer and
 * recomputes the customers a change touched, or all of them when the day or the settings change.
 * No storage and no UI: the signals worker (signals.worker.ts) feeds it, the tests do directly.
 *
 * As of `today`: purchases dated after it are not yet there. A row the write path could not have
 * written (a negative amount, a date that is no date) is left out rather than refusing the
 * customer's whole result. Mood has no input until complaints and surveys exist.
 */
import { isIsoDate } from '$lib/domain/dates';
import { isFen } from '$lib/domain/money';
import { customerFlags, type Flag, type LoggedFollowUp } from '$lib/domain/service/flags';
import { MAX_PURCHASE_FEN } from '$lib/domain/service/purchases';
import { MAX_VOLUME } from '$lib/domain/service/signals';
import { flagSettingsOf, type ChurnSettings } from './churn-settings';

export const SIGNAL_TABLES = ['purchases', 'creditSales', 'followUps', 'customers'] as const;
export type SignalTable = (typeof SIGNAL_TABLES)[number];

/** A row of any of the four tables as read from storage. */
export type SignalRow = { id: string; deleted?: 0 | 1 } & Record<string, unknown>;

interface Point {
  customerId: string;
  date: string;
  amount: number;
  volume: number | null;
}

export interface CustomerSignals {
  customerId: string;
  flags: Flag[];
}

const CYCLE_MAX = 3660;

function pointOf(table: 'purchases' | 'creditSales', r: SignalRow): Point | null {
  const date = table === 'purchases' ? r.date : r.shipDate;
  const amount = r.amount;
  if (typeof r.customerId !== 'string' || !isIsoDate(date) || !isFen(amount) || amount < 0 || amount > MAX_PURCHASE_FEN) return null;
  const v = r.volume;
  const volume = table === 'purchases' && typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= MAX_VOLUME ? v : null;
  return { customerId: r.customerId, date, amount, volume };
}

function followUpOf(r: SignalRow): (LoggedFollowUp & { customerId: string }) | null {
  if (typeof r.customerId !== 'string' || typeof r.at !== 'string') return null;
  const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
  return { id: r.id, customerId: r.customerId, at: r.at, done: r.done === true, purpose: text(r.purpose), outcome: text(r.outcome) };
}

/** Rows of one kind, by id and by customer. */
class Grouped<T extends { customerId: string }> {
  readonly byId = new Map<string, T>();
  readonly byCustomer = new Map<string, Map<string, T>>();

  /** Puts (or, with null, removes) one row; returns the customers whose rows changed. */
  set(id: string, item: T | null, touched: Set<string>) {
    const old = this.byId.get(id);
    if (old) {
      this.byCustomer.get(old.customerId)?.delete(id);
      touched.add(old.customerId);
      this.byId.delete(id);
    }
    if (!item) return;
    this.byId.set(id, item);
    let m = this.byCustomer.get(item.customerId);
    if (!m) this.byCustomer.set(item.customerId, (m = new Map()));
    m.set(id, item);
    touched.add(item.customerId);
  }

  of(customerId: string): Iterable<T> {
    return this.byCustomer.get(customerId)?.values() ?? [];
  }

  clear(touched: Set<string>) {
    for (const c of this.byCustomer.keys()) touched.add(c);
    this.byId.clear();
    this.byCustomer.clear();
  }
}

export class SignalsEngine {
  readonly #points = new Grouped<Point>();
  readonly #followUps = new Grouped<LoggedFollowUp & { customerId: string }>();
  /** customer id → the cycle set by hand */
  readonly #cycle = new Map<string, number>();
  readonly #binned = new Set<string>();
  readonly #dirty = new Set<string>();
  #result = new Map<string, Flag[]>();
  #asOf = '';

  /** Replace every row of `table` (the first read, or a change too large to list). */
  load(table: SignalTable, rows: readonly SignalRow[]) {
    if (table === 'purchases' || table === 'creditSales') {
      for (const key of [...this.#points.byId.keys()]) if (key.startsWith(`${table}:`)) this.#points.set(key, null, this.#dirty);
    } else if (table === 'followUps') this.#followUps.clear(this.#dirty);
    else {
      for (const c of [...this.#cycle.keys(), ...this.#binned]) this.#dirty.add(c);
      this.#cycle.clear();
      this.#binned.clear();
    }
    this.upsert(table, rows);
  }

  /** Rows written (a deleted row leaves the signals). */
  upsert(table: SignalTable, rows: readonly SignalRow[]) {
    for (const r of rows) {
      const live = r.deleted !== 1;
      if (table === 'purchases' || table === 'creditSales') this.#points.set(`${table}:${r.id}`, live ? pointOf(table, r) : null, this.#dirty);
      else if (table === 'followUps') this.#followUps.set(r.id, live ? followUpOf(r) : null, this.#dirty);
      else {
        const c = r.cycleDays;
        if (live && typeof c === 'number' && Number.isInteger(c) && c >= 1 && c <= CYCLE_MAX) this.#cycle.set(r.id, c);
        else this.#cycle.delete(r.id);
        if (live) this.#binned.delete(r.id);
        else this.#binned.add(r.id);
        this.#dirty.add(r.id);
      }
    }
  }

  /** Rows gone from storage altogether. */
  remove(table: SignalTable, ids: readonly string[]) {
    this.upsert(
      table,
      ids.map((id) => ({ id, deleted: 1 }))
    );
  }

  /**
   * Every customer's flags (open or cleared) as of `today`, only customers with a flag; `recomputed`
   * says how many customers were worked out again.
   */
  flags(today: string, settings: ChurnSettings): { signals: CustomerSignals[]; recomputed: number } {
    const key = `${today}|${JSON.stringify(settings)}`;
    let customers: Iterable<string> = this.#dirty;
    if (key !== this.#asOf) {
      this.#asOf = key;
      this.#result = new Map();
      customers = new Set([...this.#points.byCustomer.keys(), ...this.#followUps.byCustomer.keys(), ...this.#cycle.keys()]);
    }
    const engine = flagSettingsOf(settings);
    let recomputed = 0;
    for (const c of customers) {
      recomputed++;
      const flags = this.#binned.has(c) ? [] : this.#customer(c, today, settings, engine);
      if (flags.length) this.#result.set(c, flags);
      else this.#result.delete(c);
    }
    this.#dirty.clear();
    return { signals: [...this.#result].map(([customerId, flags]) => ({ customerId, flags })), recomputed };
  }

  #customer(c: string, today: string, settings: ChurnSettings, engine: ReturnType<typeof flagSettingsOf>): Flag[] {
    const purchases: { date: string; volume: number }[] = [];
    for (const p of this.#points.of(c)) {
      if (p.date > today) continue;
      purchases.push({ date: p.date, volume: settings.measure === 'amount' ? p.amount : (p.volume ?? 0) });
    }
    // without a purchase there is no cycle and no volume; mood (complaints, surveys) would need its own input
    if (!purchases.length) return [];
    const r = customerFlags({ purchases, cycleDays: this.#cycle.get(c) ?? null, followUps: [...this.#followUps.of(c)] }, today, engine);
    return r.ok ? r.value : [];
  }
}
