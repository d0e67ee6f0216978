/**
 * A customer's payment behaviour, shown on the customer's page and fed to the payment-record factor
 * 付款记录 of the characteristic model (credit.md §4; receivables.md: bad-credit entries feed it).
 *
 * Average days late, weighted by amount (receivables.md gives no formula; this is ours):
 *   each allocated payment line dated by today weighs its amount × max(0, line day − due day);
 *   each amount still open and past due today weighs open × (today − due day);
 *   average = Σ amount × days / Σ amount.
 * Paying early counts as 0 days, not as a negative (early money must not hide late money); the
 * open overdue amount counts with the days so far (a customer who never pays must not look
 * punctual); amounts not yet due and still open say nothing yet and are left out. `since` limits
 * it to sales due on or after that date (e.g. the last 12 months for an evaluation).
 *
 * The suggested score of the aspect 付款及时性 (timeliness, 0–10) is a default the analyst may
 * change: by average days late 0 → 10, ≤ 3 → 9, ≤ 7 → 8, ≤ 15 → 6, ≤ 30 → 4, ≤ 60 → 2, more → 0,
 * less one point per bad-credit entry in force (at most three), never below 0.
 * `fillPaymentRecord` writes it into a blank timeliness aspect of a characteristic sheet, never
 * over a score a person gave.
 */
import { openOn, type SaleState } from './allocation';
import { dayOf, tryDay, type Day } from '../dates';
import type { AspectSheet } from '../credit/characteristic';
import type { EffectiveCreditSettings } from '../credit/settings';
import type { Fen } from '../money';
import type { CustomerEffects } from './ladder';

export const PAYMENT_BEHAVIOUR_RULE =
  'average days late = Σ(amount × max(0, paid day − due day)) / Σ amount, open overdue amounts counting their days so far';

export interface PaymentBehaviour {
  /** null when nothing has fallen due yet */
  averageDaysLate: number | null;
  /** fen weighed (paid, plus open and past due) */
  weighed: Fen;
  /** fen paid on or before the due date */
  paidOnTime: Fen;
  /** fen paid after the due date */
  paidLate: Fen;
  /** fen open and past due today */
  openOverdue: Fen;
  /** share of `weighed` paid on time, null when nothing weighed */
  onTimeShare: number | null;
  maxDaysLate: number;
  /** sales weighed */
  invoices: number;
  /** bad-credit entries not lifted */
  badCreditEntries: number;
  /** 0–10, for the 付款及时性 aspect; null when nothing weighed */
  suggestedTimeliness: number | null;
  rule: string;
}

const TIMELINESS_TABLE: readonly (readonly [number, number])[] = [
  [0, 10],
  [3, 9],
  [7, 8],
  [15, 6],
  [30, 4],
  [60, 2]
];

/** The default timeliness score for an average of `daysLate` and `badCredit` entries in force. */
export function timelinessScore(daysLate: number, badCredit: number): number {
  let score = 0;
  for (const [upTo, points] of TIMELINESS_TABLE) {
    if (daysLate <= upTo) {
      score = points;
      break;
    }
  }
  return Math.max(0, score - Math.min(3, badCredit));
}

export function paymentBehaviour(
  sales: readonly SaleState[],
  today: string,
  options: { since?: string; effects?: CustomerEffects } = {}
): PaymentBehaviour {
  const t = dayOf(today, 'today');
  const since: Day = options.since === undefined ? -Infinity : dayOf(options.since, 'since');
  let weighed = 0;
  let weightedDays = 0;
  let paidOnTime = 0;
  let paidLate = 0;
  let openOverdue = 0;
  let maxDaysLate = 0;
  let invoices = 0;
  for (const s of sales) {
    if (s.shipDay > t || s.dueDay < since) continue;
    let counted = false;
    for (const line of s.lines) {
      if (line.day > t) continue;
      const late = line.day - s.dueDay;
      counted = true;
      weighed += line.amount;
      if (late > 0) {
        weightedDays += line.amount * late;
        paidLate += line.amount;
        if (late > maxDaysLate) maxDaysLate = late;
      } else paidOnTime += line.amount;
    }
    const late = t - s.dueDay;
    if (late > 0) {
      const open = openOn(s, t);
      if (open > 0) {
        counted = true;
        weighed += open;
        openOverdue += open;
        weightedDays += open * late;
        if (late > maxDaysLate) maxDaysLate = late;
      }
    }
    if (counted) invoices++;
  }
  const badCreditEntries = options.effects ? options.effects.badCredit.filter((x) => x.lift === null && tryDay(x.dueDate) >= since).length : 0;
  const averageDaysLate = weighed > 0 ? weightedDays / weighed : null;
  return {
    averageDaysLate,
    weighed: weighed as Fen,
    paidOnTime: paidOnTime as Fen,
    paidLate: paidLate as Fen,
    openOverdue: openOverdue as Fen,
    onTimeShare: weighed > 0 ? paidOnTime / weighed : null,
    maxDaysLate,
    invoices,
    badCreditEntries,
    suggestedTimeliness: averageDaysLate === null ? null : timelinessScore(averageDaysLate, badCreditEntries),
    rule: PAYMENT_BEHAVIOUR_RULE
  };
}

/** The factor and aspect the behaviour feeds: 付款记录 → 付款及时性. */
export const PAYMENT_RECORD_FACTOR = 'paymentRecord';
export const TIMELINESS_ASPECT = 0;

/**
 * A copy of a characteristic aspect sheet with the payment-record timeliness aspect filled from
 * payment behaviour, when that aspect is blank and there is a suggestion (scaled to aspectMax).
 */
export function fillPaymentRecord(
  sheet: AspectSheet,
  settings: Pick<EffectiveCreditSettings, 'factors' | 'aspectMax'>,
  behaviour: PaymentBehaviour
): { sheet: AspectSheet; filled: boolean } {
  const index = settings.factors.findIndex((f) => f.id === PAYMENT_RECORD_FACTOR);
  const row = sheet[index];
  if (index < 0 || !row || row[TIMELINESS_ASPECT] !== null || behaviour.suggestedTimeliness === null) {
    return { sheet, filled: false };
  }
  const next = sheet.map((r) => [...r]);
  next[index][TIMELINESS_ASPECT] = (behaviour.suggestedTimeliness / 10) * settings.aspectMax;
  return { sheet: next, filled: true };
}
