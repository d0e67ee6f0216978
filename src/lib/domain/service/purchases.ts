/**
 * Purchases as the signals and the monthly analysis read them (issue 11 "Purchases"): date and
 * time, customer, amount in integer fen, volume with its unit, payment kind. A credit sale of the
 * receivables module is passed in as a purchase with kind `credit` (the caller maps it), so it
 * counts without being entered twice.
 *
 * Hostile input is refused whole: a negative amount, an amount above `MAX_PURCHASE_FEN`
 * (1 亿元, far beyond any one sale of a small business), a fractional fen, a date before 1900 or
 * after today, an unknown customer. Every problem names the row; nothing is returned partially.
 */
import { isFen } from '../money';
import type { Day } from '../dates';
import { Checker, todayOf, type Outcome } from './problems';
import { MAX_VOLUME } from './signals';

export const PAYMENT_KINDS = ['cash', 'card', 'credit', 'other'] as const;
export type PaymentKind = (typeof PAYMENT_KINDS)[number];

/** 1 亿元 in fen. */
export const MAX_PURCHASE_FEN = 10_000_000_000;

export interface Purchase {
  customerId: string;
  /** date or date-time */
  at: string;
  amountFen: number;
  volume?: number | null;
  unit?: string | null;
  paymentKind: PaymentKind;
  /** the site where it was bought */
  siteId?: string | null;
}

export interface CheckedPurchase extends Purchase {
  day: Day;
}

export function checkPurchases(purchases: readonly Purchase[], customerIds: ReadonlySet<string>, today: string): Outcome<CheckedPurchase[]> {
  const t = todayOf(today);
  if (!t.ok) return t;
  const c = new Checker();
  const out = purchases.map((p, i) => {
    const at = (field: string) => () => `purchases[${i}].${field}`;
    if (!customerIds.has(p.customerId)) c.push('unknown-customer', at('customerId'), p.customerId);
    const day = c.day(p.at, at('at'), t.value);
    if (!isFen(p.amountFen)) c.push('invalid-number', at('amountFen'), p.amountFen);
    else if (p.amountFen < 0) c.push('negative-amount', at('amountFen'), p.amountFen);
    else if (p.amountFen > MAX_PURCHASE_FEN) c.push('absurd-amount', at('amountFen'), p.amountFen);
    if (p.volume != null) c.quantity(p.volume, at('volume'), MAX_VOLUME);
    if (!PAYMENT_KINDS.includes(p.paymentKind)) c.push('invalid-setting', at('paymentKind'), p.paymentKind);
    return { ...p, day };
  });
  return c.result(() => out);
}
