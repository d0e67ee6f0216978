/**
 * The receivables part of a customer's page (receivables.md, Views; the issue): open receivables
 * with the ladder position and due tasks of each, totals, payment behaviour, the ladder's effects,
 * and the customer's standing for entering a new credit sale — which is credit/enforcement.ts's
 * `checkCreditSale` input, so the limit check and the ladder read the same numbers.
 *
 * Exposure (credit.md §6) counts every credit sale's amount still unpaid today: invoiced ones as
 * open receivables, those without an invoice number as shipped-but-unbilled. A sale entered with a
 * future ship date counts in full (it is committed). The blacklist is the derived one, or the
 * customer's own status 'blacklisted' set by hand (e.g. proposed by a CA6 grade), whichever holds.
 */
import { openOn } from './allocation';
import { agingBucket, AGING_BUCKETS, type AgingBucket } from './aging';
import { paymentBehaviour, type PaymentBehaviour } from './behaviour';
import { checkAgreementRow, hasError } from './checks';
import type { CreditAgreementTerms, CreditOverride, CreditSaleCheckInput } from '../credit/enforcement';
import { dayOf, isoOf, tryDay } from '../dates';
import {
  collectEffects,
  ladderPosition,
  ladderTasks,
  noEffects,
  settleEffects,
  type CustomerEffects,
  type LadderPosition,
  type LadderTask
} from './ladder';
import { ledgerOf, type ReceivablesSource } from './ledger';
import type { Fen } from '../money';
import type { CreditAgreementRow } from './types';

export interface OpenReceivable {
  saleId: string;
  invoiceNo?: string;
  shipDate: string;
  dueDate: string;
  baseDueDate: string;
  /** extensions applied */
  extensions: number;
  amount: Fen;
  open: Fen;
  bucket: AgingBucket;
  position: LadderPosition;
  /** tasks due today */
  tasksDue: LadderTask[];
}

export interface CreditStanding {
  blacklisted: boolean;
  stopShipment: boolean;
  /** fen unpaid on invoiced credit sales */
  openReceivables: Fen;
  /** fen unpaid on credit sales without an invoice */
  unbilledShipments: Fen;
}

export interface CustomerReceivables {
  customerId: string;
  asOf: string;
  /** oldest due first */
  open: OpenReceivable[];
  totals: { open: Fen; overdue: Fen; notYetDue: Fen; credit: Fen };
  behaviour: PaymentBehaviour;
  effects: CustomerEffects;
  standing: CreditStanding;
}

export function customerReceivables(
  source: ReceivablesSource,
  customerId: string,
  today: string,
  options: { manuallyBlacklisted?: boolean; behaviourSince?: string } = {}
): CustomerReceivables {
  const t = dayOf(today, 'today');
  const ledger = ledgerOf(source);
  const c = ledger.customers.get(customerId);
  const sales = c?.sales ?? [];
  const effects = noEffects();
  const open: OpenReceivable[] = [];
  let overdue = 0;
  let notYetDue = 0;
  let openReceivables = 0;
  let unbilled = 0;
  let allocated = 0;
  for (const s of sales) {
    collectEffects(s, c?.lifts ?? [], t, effects);
    const shipped = s.shipDay <= t;
    const owed = shipped ? openOn(s, t) : s.sale.amount;
    if (s.sale.invoiceNo) openReceivables += owed;
    else unbilled += owed;
    if (!shipped) continue;
    allocated += s.sale.amount - owed;
    if (owed === 0) continue;
    if (t > s.dueDay) overdue += owed;
    else notYetDue += owed;
    const row: OpenReceivable = {
      saleId: s.sale.id,
      shipDate: s.sale.shipDate,
      dueDate: isoOf(s.dueDay),
      baseDueDate: isoOf(s.baseDueDay),
      extensions: s.epoch,
      amount: s.sale.amount,
      open: owed as Fen,
      bucket: AGING_BUCKETS[agingBucket(t - s.dueDay)],
      position: ladderPosition(s, t),
      tasksDue: ladderTasks(s, c?.done ?? [], t).due
    };
    if (s.sale.invoiceNo) row.invoiceNo = s.sale.invoiceNo;
    open.push(row);
  }
  settleEffects(effects);
  let paid = 0;
  for (const p of c?.payments ?? []) if (p.day <= t) paid += p.payment.amount;
  return {
    customerId,
    asOf: today,
    open,
    totals: {
      open: (overdue + notYetDue) as Fen,
      overdue: overdue as Fen,
      notYetDue: notYetDue as Fen,
      credit: (paid - allocated) as Fen
    },
    behaviour: paymentBehaviour(sales, today, { since: options.behaviourSince, effects }),
    effects,
    standing: {
      blacklisted: effects.blacklist.active || options.manuallyBlacklisted === true,
      stopShipment: effects.stopShipment.active,
      openReceivables: openReceivables as Fen,
      unbilledShipments: unbilled as Fen
    }
  };
}

/**
 * The agreement a customer's credit sale draws on today: valid (start ≤ today ≤ end, both
 * included), the latest start first, then the larger id. Null when none is in force.
 */
export function agreementInEffect(agreements: readonly CreditAgreementRow[], customerId: string, today: string): CreditAgreementRow | null {
  const t = dayOf(today, 'today');
  let best: CreditAgreementRow | null = null;
  for (const a of agreements) {
    if (a.deleted === 1 || a.customerId !== customerId || hasError(checkAgreementRow(a))) continue;
    if (tryDay(a.startDate) > t || tryDay(a.endDate) < t) continue;
    if (!best || a.startDate > best.startDate || (a.startDate === best.startDate && a.id > best.id)) best = a;
  }
  return best;
}

/**
 * The input of credit/enforcement.ts's `checkCreditSale` for a new order of `order` fen, from the
 * customer's standing and the agreement it would draw on.
 */
export function creditSaleCheckInput(
  view: Pick<CustomerReceivables, 'asOf' | 'standing'>,
  agreement: CreditAgreementTerms | null,
  order: Fen,
  override?: CreditOverride | null
): CreditSaleCheckInput {
  const input: CreditSaleCheckInput = {
    today: view.asOf,
    blacklisted: view.standing.blacklisted,
    stopShipment: view.standing.stopShipment,
    agreement: agreement ? { limit: agreement.limit, startDate: agreement.startDate, endDate: agreement.endDate } : null,
    openReceivables: view.standing.openReceivables,
    unbilledShipments: view.standing.unbilledShipments,
    order
  };
  if (override) input.override = override;
  return input;
}
