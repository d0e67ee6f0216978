/**
 * The `purchases` table (issue 11 "Purchases"): its field specs, in the shape of
 * `records/fields.ts`'s `TABLE_FIELDS` (so the write path validates, the grid shows, imports map,
 * and sync, backup, undo and merge re-pointing handle it like every other table), and how a stored
 * purchase, or a credit sale of the receivables module, becomes the engine's `Purchase`.
 *
 * A purchase is bought on `date` (an ISO date) at `time` (`HH:mm`, optional), by `customerId`, at
 * the site `orgUnitId`, for `amount` fen, `volume` in `unit` of `product`, paid by `paymentKind`,
 * with the till's `receiptNo` when the export has one (an import finds the same purchase again by it).
 * Cell types cannot say "not negative", "not above 1 亿元" or "not after today":
 * `purchaseProblems` says those with the engine's own `checkPurchases`, and every writer (the grid,
 * the import) refuses a row it finds a problem in.
 */
import { choice, link, number, requiredDate, requiredMoney, text, type FieldSpecs, type RecordOf } from '../records/field-kit';
import type { Versioned } from '../records/types';
import { checkPurchases, PAYMENT_KINDS, type Purchase } from './purchases';
import type { ServiceProblem } from './problems';

export const PURCHASE_SPECS = {
  purchases: {
    date: requiredDate,
    time: text,
    customerId: link('customers', true),
    orgUnitId: link('orgUnits'),
    amount: requiredMoney,
    volume: number,
    unit: text,
    product: text,
    paymentKind: choice(PAYMENT_KINDS, true),
    receiptNo: text,
    notes: text
  }
} as const satisfies Record<'purchases', FieldSpecs>;

export const PURCHASE_FIELDS: Record<'purchases', FieldSpecs> = PURCHASE_SPECS;

/** What a new purchase gets when the grid row or the file does not say how it was paid. */
export const PURCHASE_DEFAULTS = { paymentKind: 'other' } as const;

/** A purchase's time of day as stored: `H:mm` or `HH:mm[:ss]` typed, `HH:mm` kept. */
export function normalizeTime(text: unknown): string | null {
  if (typeof text !== 'string') return null;
  const m = /^\s*(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?\s*$/.exec(text);
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59 || (m[3] !== undefined && Number(m[3]) > 59)) return null;
  return `${m[1].padStart(2, '0')}:${m[2]}`;
}

/** What the engine reads of a stored purchase (its fields as `RecordOf` gives them, loosely typed). */
export interface PurchaseFields {
  customerId?: unknown;
  date?: unknown;
  time?: unknown;
  amount?: unknown;
  volume?: unknown;
  unit?: unknown;
  paymentKind?: unknown;
  orgUnitId?: unknown;
}

/** A stored purchase as the engine's `Purchase`. */
export function purchaseOf(r: PurchaseFields): Purchase {
  const time = normalizeTime(r.time);
  return {
    customerId: String(r.customerId ?? ''),
    at: time ? `${String(r.date)}T${time}` : String(r.date ?? ''),
    amountFen: r.amount as number,
    volume: typeof r.volume === 'number' ? r.volume : null,
    unit: typeof r.unit === 'string' ? r.unit : null,
    paymentKind: r.paymentKind as Purchase['paymentKind'],
    siteId: typeof r.orgUnitId === 'string' ? r.orgUnitId : null
  };
}

/** A credit sale of the receivables module as a purchase (kind credit): it counts without being entered twice. */
export function creditSalePurchase(s: { customerId: string; shipDate: string; amount: number; orgUnitId?: string }): Purchase {
  return {
    customerId: s.customerId,
    at: s.shipDate,
    amountFen: s.amount,
    volume: null,
    unit: null,
    paymentKind: 'credit',
    siteId: s.orgUnitId ?? null
  };
}

/** The engine's field of a problem, as the purchases table's field. */
const FIELD_OF: Record<string, string> = { customerId: 'customerId', at: 'date', amountFen: 'amount', volume: 'volume', paymentKind: 'paymentKind' };

/** The problems `checkPurchases` finds (and a time of day that is none: `invalid-date`). */
export const PURCHASE_PROBLEM_KINDS = [
  'invalid-date',
  'implausible-date',
  'future-date',
  'negative-amount',
  'absurd-amount',
  'invalid-number',
  'invalid-setting',
  'unknown-customer'
] as const satisfies readonly ServiceProblem['kind'][];
export type PurchaseProblemKind = (typeof PURCHASE_PROBLEM_KINDS)[number];
const isPurchaseKind = (k: string): k is PurchaseProblemKind => (PURCHASE_PROBLEM_KINDS as readonly string[]).includes(k);

export interface PurchaseProblem {
  /** the purchases table's field */
  field: string;
  kind: PurchaseProblemKind;
  value?: string;
}

/**
 * What is wrong with one purchase record by the engine's rules (a negative or absurd amount, a
 * date in 2999, an unknown customer…), each on its field; empty when it may be written. The time,
 * when given, must be a time of day.
 */
export function purchaseProblems(r: PurchaseFields, customerIds: ReadonlySet<string>, today: string): PurchaseProblem[] {
  const out: PurchaseProblem[] = [];
  if (r.time !== undefined && r.time !== null && r.time !== '' && normalizeTime(r.time) === null)
    out.push({ field: 'time', kind: 'invalid-date', value: String(r.time) });
  const checked = checkPurchases([purchaseOf(r)], customerIds, today);
  if (!checked.ok) {
    for (const p of checked.problems) {
      const key = /\.(\w+)$/.exec(p.at)?.[1] ?? '';
      out.push({ field: FIELD_OF[key] ?? key, kind: isPurchaseKind(p.kind) ? p.kind : 'invalid-setting', value: p.value });
    }
  }
  return out;
}

/** A stored purchase: the envelope and `PURCHASE_SPECS.purchases`. */
export interface PurchaseRecord extends Versioned, RecordOf<typeof PURCHASE_SPECS.purchases> {}
