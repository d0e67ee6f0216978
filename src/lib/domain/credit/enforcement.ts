/**
 * Using the limit (shared/domain/credit.md §6): may this credit sale be entered?
 *
 *   exposure = open receivables + shipped-but-unbilled credit sales + the order being entered
 * The sale is stopped, with every reason that applies, when
 * - the customer is blacklisted ('blacklisted');
 * - the customer is under a stop-shipment flag (receivables.md, 14 days overdue) ('stop-shipment');
 * - there is no credit agreement ('no-agreement'), or today is before its start date
 *   ('agreement-not-started') or after its end date ('agreement-expired');
 * - exposure would exceed the agreement's limit ('over-limit'). Exposure equal to the limit is
 *   allowed ("take exposure above the limit" is what stops).
 * A manager may override a stop; the override must say who, when and why (a non-blank reason),
 * and the decision carries it so it stays on the record. Whether the person is a manager is the
 * caller's check (roles live outside the domain).
 *
 * Choices where credit.md is silent: the end date is the last valid day (inclusive); a credit sale
 * before the start date or with no agreement at all is stopped the same way as an expired one.
 * Dates are calendar dates 'YYYY-MM-DD' in the user's time zone (compared as strings).
 * No table of credit.md is involved here, so this function takes no settings.
 */
import type { Fen } from '../money';

export type StopReason = 'blacklisted' | 'stop-shipment' | 'no-agreement' | 'agreement-not-started' | 'agreement-expired' | 'over-limit';

export interface CreditAgreementTerms {
  /** fen */
  limit: Fen;
  /** 'YYYY-MM-DD', first valid day */
  startDate: string;
  /** 'YYYY-MM-DD', last valid day */
  endDate: string;
}

export interface CreditOverride {
  /** who overrode (a staff id) */
  by: string;
  /** when (ms since the epoch) */
  at: number;
  /** why; required */
  reason: string;
}

export interface CreditSaleCheckInput {
  /** 'YYYY-MM-DD' */
  today: string;
  blacklisted: boolean;
  stopShipment: boolean;
  agreement: CreditAgreementTerms | null;
  /** fen */
  openReceivables: Fen;
  /** fen: shipped on credit, not yet invoiced */
  unbilledShipments: Fen;
  /** fen: the order being entered */
  order: Fen;
  override?: CreditOverride | null;
}

export type OverrideProblem = 'by-required' | 'reason-required' | 'at-required';

export interface CreditSaleDecision {
  decision: 'allow' | 'stop' | 'allow-by-override';
  reasons: StopReason[];
  exposure: { openReceivables: Fen; unbilledShipments: Fen; order: Fen; total: Fen };
  limit: Fen | null;
  /** limit − exposure (negative when over); null without an agreement */
  headroom: Fen | null;
  /** how far exposure exceeds the limit; 0 when within */
  overBy: Fen;
  /** the override that let a stopped sale through */
  override: CreditOverride | null;
  /** why a given override was not accepted */
  overrideProblems: OverrideProblem[];
  formula: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function assertDate(label: string, value: string) {
  if (!ISO_DATE.test(value)) throw new RangeError(`${label} is not a YYYY-MM-DD date: ${value}`);
}

function assertFen(label: string, value: number) {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${label} is not a whole number of fen: ${value}`);
  if (value < 0) throw new RangeError(`${label} is negative: ${value}`);
}

export function checkCreditSale(input: CreditSaleCheckInput): CreditSaleDecision {
  assertDate('today', input.today);
  assertFen('openReceivables', input.openReceivables);
  assertFen('unbilledShipments', input.unbilledShipments);
  assertFen('order', input.order);
  const total = (input.openReceivables + input.unbilledShipments + input.order) as Fen;
  const reasons: StopReason[] = [];
  if (input.blacklisted) reasons.push('blacklisted');
  if (input.stopShipment) reasons.push('stop-shipment');

  const agreement = input.agreement;
  let limit: Fen | null = null;
  let headroom: Fen | null = null;
  let overBy = 0 as Fen;
  if (!agreement) reasons.push('no-agreement');
  else {
    assertDate('agreement.startDate', agreement.startDate);
    assertDate('agreement.endDate', agreement.endDate);
    assertFen('agreement.limit', agreement.limit);
    if (input.today < agreement.startDate) reasons.push('agreement-not-started');
    if (input.today > agreement.endDate) reasons.push('agreement-expired');
    limit = agreement.limit;
    headroom = (limit - total) as Fen;
    if (total > limit) {
      reasons.push('over-limit');
      overBy = (total - limit) as Fen;
    }
  }

  const overrideProblems: OverrideProblem[] = [];
  const o = input.override ?? null;
  if (o && reasons.length > 0) {
    if (!o.by?.trim()) overrideProblems.push('by-required');
    if (!Number.isFinite(o.at)) overrideProblems.push('at-required');
    if (!o.reason?.trim()) overrideProblems.push('reason-required');
  }
  const overridden = o !== null && reasons.length > 0 && overrideProblems.length === 0;
  return {
    decision: reasons.length === 0 ? 'allow' : overridden ? 'allow-by-override' : 'stop',
    reasons,
    exposure: {
      openReceivables: input.openReceivables,
      unbilledShipments: input.unbilledShipments,
      order: input.order,
      total
    },
    limit,
    headroom,
    overBy,
    override: overridden ? o : null,
    overrideProblems,
    formula: 'exposure = openReceivables + unbilledShipments + order; stop when exposure > limit'
  };
}
