/**
 * A seeded generator of receivables for tests and benchmarks (STYLE.md: seeded generators make
 * data). Same options → deep-equal output.
 *
 * What it makes, and why it looks like a real book:
 * - customers of very different size (a few large buyers take most sales), each with a credit
 *   agreement and a payment habit: most pay within a few days of the due date, some weeks late,
 *   a few months late, and about 2 % stop paying altogether;
 * - credit sales over the two years before `today` (a few dated just after it), terms of 15–90
 *   days, amounts from 500 元 to about 200 000 元, most with an invoice number;
 * - exactly `payments` payments, spread over the customers by how much they buy: each one pays
 *   off the oldest invoices up to a point, often an invoice boundary, sometimes mid-invoice
 *   (partial), so one payment often covers several invoices; a few overpay; about 2 % carry a
 *   manual allocation;
 * - delivery confirmations, ~1 % of sales with an extension request (most approved), overdue causes
 *   classified, most past ladder tasks done (some "no answer" attempts), and a few manager lifts.
 * Records are rows (`id`, `deleted: 0` and the fields); the write path adds the rest of the
 * envelope. Ids are `<prefix>-` + 24 hex digits, distinct within a generated set.
 */
import { addDays, dayOf, isoOf, type Day } from '$lib/domain/receivables/dates';
import { LADDER_DAYS, taskKey } from '$lib/domain/receivables/ladder';
import type { Fen } from '$lib/domain/money';
import { fmix32, rngStream, type Rng } from '$lib/domain/records/rng';
import {
  type CreditAgreementRow,
  type CreditSaleRow,
  type ExtensionRequestRow,
  type LadderEffectLiftRow,
  type LadderTaskDoneRow,
  type PaymentMethod,
  type PaymentRow,
  type TaskKind,
  type TaskOutcome
} from '$lib/domain/receivables/types';

export interface GenerateOptions {
  seed: number;
  customers: number;
  sales: number;
  payments: number;
  /** 'YYYY-MM-DD' */
  today: string;
}

export interface GeneratedReceivables {
  customerIds: string[];
  agreements: CreditAgreementRow[];
  sales: CreditSaleRow[];
  payments: PaymentRow[];
  extensions: ExtensionRequestRow[];
  done: LadderTaskDoneRow[];
  lifts: LadderEffectLiftRow[];
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const hex8 = (n: number): string => HEX[n >>> 24] + HEX[(n >>> 16) & 255] + HEX[(n >>> 8) & 255] + HEX[n & 255];

function idMaker(prefix: string, seed: number, purpose: number): () => string {
  const rng = rngStream(seed, purpose);
  const salt = rng.uint32();
  let n = 0;
  return () => `${prefix}-${hex8(rng.uint32())}${hex8(rng.uint32())}${hex8(fmix32((n++ ^ salt) >>> 0))}`;
}

/** Index into `cumulative` (ascending, last = total) of a uniform draw. */
function pickCumulative(rng: Rng, cumulative: readonly number[]): number {
  const x = rng.next() * cumulative[cumulative.length - 1];
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cumulative[mid] > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

interface Habit {
  /** days late around which this customer pays */
  lateBy: number;
  jitter: number;
  /** sales due after this day are never paid (defaulters) */
  stopsPayingAfter: Day;
}

const METHODS: readonly (readonly [PaymentMethod, number])[] = [
  ['bank-transfer', 70],
  ['acceptance-bill', 15],
  ['cash', 8],
  ['cheque', 4],
  ['goods-offset', 2],
  ['other', 1]
];
const TERMS = [15, 30, 30, 30, 45, 60, 60, 90] as const;
const GOODS = ['农用车', '配件', '轮胎', '柴油机', '三轮车', '电动车', '化肥', '钢材'] as const;
const EXT_REASONS = ['台风影响运输，货款回笼推迟', '下游工程款未到', '春节停工', '洪涝灾害'] as const;

export function generateReceivables(options: GenerateOptions): GeneratedReceivables {
  const { seed } = options;
  for (const [name, n] of [['customers', options.customers], ['sales', options.sales], ['payments', options.payments]] as const) {
    if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${name} must be a whole number ≥ 0: ${n}`);
  }
  if (options.sales > 0 && options.customers === 0) throw new RangeError('sales need customers');
  const today = dayOf(options.today, 'today');
  const cRng = rngStream(seed, 101);
  const sRng = rngStream(seed, 102);
  const pRng = rngStream(seed, 103);
  const xRng = rngStream(seed, 104);
  const dRng = rngStream(seed, 105);
  const ids = {
    customer: idMaker('c', seed, 1),
    agreement: idMaker('ag', seed, 2),
    sale: idMaker('cs', seed, 3),
    payment: idMaker('pm', seed, 4),
    extension: idMaker('ex', seed, 5),
    done: idMaker('td', seed, 6),
    lift: idMaker('lf', seed, 7)
  };

  // ---------------------------------------------------------------- customers and agreements
  const customerIds: string[] = [];
  const agreements: CreditAgreementRow[] = [];
  const habits: Habit[] = [];
  const terms: number[] = [];
  const weightCum: number[] = [];
  let weightSum = 0;
  for (let i = 0; i < options.customers; i++) {
    const id = ids.customer();
    customerIds.push(id);
    const size = cRng.weighted([
      [1, 50],
      [3, 30],
      [10, 15],
      [40, 5]
    ] as const);
    weightSum += size * (0.5 + cRng.next());
    weightCum.push(weightSum);
    const kind = cRng.weighted([
      ['prompt', 55],
      ['slow', 25],
      ['late', 12],
      ['very-late', 6],
      ['defaulter', 2]
    ] as const);
    const lateBy = { prompt: cRng.int(-5, 3), slow: cRng.int(3, 12), late: cRng.int(15, 35), 'very-late': cRng.int(45, 120), defaulter: cRng.int(20, 90) }[kind];
    habits.push({
      lateBy,
      jitter: kind === 'prompt' ? 3 : kind === 'slow' ? 5 : 8,
      stopsPayingAfter: kind === 'defaulter' ? today - cRng.int(30, 400) : Number.POSITIVE_INFINITY
    });
    const term = cRng.pick(TERMS);
    terms.push(term);
    agreements.push({
      id: ids.agreement(),
      deleted: 0,
      customerId: id,
      agreementNo: `XY-${String(i + 1).padStart(6, '0')}`,
      limit: (cRng.int(10, 300) * 1_000_000) as Fen,
      termDays: term,
      startDate: isoOf(today - 1095),
      endDate: isoOf(today + 365),
      signedOn: isoOf(today - 1095)
    });
  }

  // ---------------------------------------------------------------- sales
  const salesOf: number[][] = customerIds.map(() => []);
  const sales: CreditSaleRow[] = [];
  /** per sale: the day it is (finally) paid, or Infinity */
  const paidDay: number[] = [];
  const dueOf: number[] = [];
  for (let i = 0; i < options.sales; i++) {
    const c = pickCumulative(sRng, weightCum);
    const shipDay = today - sRng.int(-3, 720);
    const term = sRng.chance(0.9) ? terms[c] : sRng.pick(TERMS);
    const amount = Math.round(10 ** (4.7 + sRng.next() * 2.6));
    const sale: CreditSaleRow = {
      id: ids.sale(),
      deleted: 0,
      customerId: customerIds[c],
      agreementId: agreements[c].id,
      shipDate: isoOf(shipDay),
      amount: amount as Fen,
      termDays: term,
      goods: sRng.pick(GOODS)
    };
    if (sRng.chance(0.92)) sale.invoiceNo = `FP${String(10_000_000 + i)}`;
    const confirmAfter = sRng.int(1, 6);
    if (shipDay + confirmAfter <= today && sRng.chance(0.9)) sale.deliveryConfirmedOn = isoOf(shipDay + confirmAfter);
    const due = shipDay + term;
    const h = habits[c];
    const pay = due > h.stopsPayingAfter ? Number.POSITIVE_INFINITY : due + h.lateBy + sRng.int(-h.jitter, h.jitter);
    paidDay.push(Math.max(pay, shipDay + 1));
    dueOf.push(due);
    salesOf[c].push(i);
    sales.push(sale);
  }

  // ---------------------------------------------------------------- extensions (before payments: they move due dates)
  const extensions: ExtensionRequestRow[] = [];
  const epochOf: number[] = sales.map(() => 0);
  for (let i = 0; i < sales.length; i++) {
    if (!xRng.chance(0.01)) continue;
    const s = sales[i];
    const due = dueOf[i];
    const requested = due - xRng.int(1, 10);
    if (requested > today || requested < dayOf(s.shipDate)) continue;
    const newDue = due + xRng.int(15, 45);
    const status = requested > today - 5 && xRng.chance(0.5) ? 'requested' : xRng.chance(0.7) ? 'approved' : 'rejected';
    const x: ExtensionRequestRow = {
      id: ids.extension(),
      deleted: 0,
      customerId: s.customerId,
      saleId: s.id,
      requestedOn: isoOf(requested),
      requestedDueDate: isoOf(newDue),
      reason: xRng.pick(EXT_REASONS),
      status
    };
    if (status !== 'requested') {
      x.decidedBy = 'staff-manager';
      x.decidedOn = isoOf(Math.min(today, requested + xRng.int(0, 3)));
    }
    if (status === 'approved') {
      dueOf[i] = newDue;
      epochOf[i] = 1;
      if (Number.isFinite(paidDay[i])) paidDay[i] = Math.max(paidDay[i], newDue - xRng.int(0, 5));
    }
    extensions.push(x);
  }

  // ---------------------------------------------------------------- payments
  const paymentsPer = customerIds.map(() => 0);
  const salesCum: number[] = [];
  const withSales: number[] = [];
  let cum = 0;
  salesOf.forEach((list, c) => {
    if (list.length === 0) return;
    cum += list.length;
    salesCum.push(cum);
    withSales.push(c);
  });
  for (let k = 0; k < options.payments; k++) {
    paymentsPer[withSales.length ? withSales[pickCumulative(pRng, salesCum)] : pRng.int(0, Math.max(0, customerIds.length - 1))]++;
  }
  const payments: PaymentRow[] = [];
  for (let c = 0; c < customerIds.length; c++) {
    const p = paymentsPer[c];
    if (p === 0) continue;
    const order = [...salesOf[c]].sort((a, b) => dueOf[a] - dueOf[b] || a - b);
    // what will have been paid by today, oldest due first (a customer pays in order)
    const paidList: number[] = [];
    for (const i of order) if (paidDay[i] <= today) paidList.push(i);
    const cumAmount: number[] = [];
    let total = 0;
    for (const i of paidList) {
      total += sales[i].amount;
      cumAmount.push(total);
    }
    // cut the paid total into payments: at invoice boundaries first (one payment per invoice),
    // then mid-invoice (partial payments); with fewer payments than invoices, one payment covers
    // several, dated when the first of them is paid
    const cuts = new Set<number>();
    if (total >= p) {
      cuts.add(total);
      if (p >= cumAmount.length) for (const at of cumAmount) cuts.add(at);
      let guard = 0;
      while (cuts.size < p && guard++ < p * 20) {
        cuts.add(p >= cumAmount.length ? pRng.int(1, total - 1) : cumAmount[pRng.int(0, cumAmount.length - 1)]);
      }
    }
    const sorted = [...cuts].sort((a, b) => a - b);
    const perInvoice = p >= cumAmount.length;
    let prev = 0;
    let prevDay = -Infinity;
    let first = 0;
    let last = 0;
    for (const at of sorted) {
      while (first < cumAmount.length - 1 && cumAmount[first] <= prev) first++;
      while (last < cumAmount.length - 1 && cumAmount[last] < at) last++;
      // a slice within one invoice: a partial payment some days before the invoice is paid off;
      // a payment of several invoices: when the first of them is paid
      const i = paidList[perInvoice ? last : first];
      const partial = perInvoice && at < cumAmount[last];
      const target = partial ? Math.max(dayOf(sales[i].shipDate), paidDay[i] - pRng.int(0, 10)) : paidDay[i];
      const day = Math.min(today, Math.max(prevDay, target));
      prevDay = day;
      payments.push(payment(c, at - prev, day, i));
      prev = at;
    }
    // the rest: advances and overpayments, dated anywhere in the last year
    for (let k = sorted.length; k < p; k++) {
      payments.push(payment(c, Math.round(10 ** (4 + pRng.next() * 2)), today - pRng.int(0, 365), -1));
    }
  }

  /** `i`: the sale the payment is meant for (a manual allocation names it), or -1 */
  function payment(c: number, amount: number, day: number, i: number): PaymentRow {
    const row: PaymentRow = {
      id: ids.payment(),
      deleted: 0,
      customerId: customerIds[c],
      paidOn: isoOf(day),
      amount: (pRng.chance(0.01) ? amount + pRng.int(1, 500_000) : amount) as Fen,
      method: pRng.weighted(METHODS)
    };
    if (pRng.chance(0.6)) row.reference = `HD${hex8(pRng.uint32()).toUpperCase()}`;
    if (i >= 0 && pRng.chance(0.02)) {
      row.allocations = [{ saleId: sales[i].id, amount: Math.min(row.amount, sales[i].amount) as Fen }];
    }
    return row;
  }

  // ---------------------------------------------------------------- causes, done tasks, lifts
  const done: LadderTaskDoneRow[] = [];
  const lifts: LadderEffectLiftRow[] = [];
  const liftedCustomers = new Set<number>();
  const customerIndex = new Map(customerIds.map((id, c) => [id, c]));
  const outcomeOf: Record<TaskKind, readonly TaskOutcome[]> = {
    'confirm-delivery': ['arrived-satisfied', 'arrived-satisfied', 'arrived-with-issue'],
    'pre-due-reminder': ['payment-date-agreed', 'will-pay-on-time', 'payment-date-agreed'],
    'overdue-notice': ['notice-sent', 'payment-promised', 'disputed'],
    'collection-letter': ['letter-sent', 'payment-promised'],
    'field-visit': ['visited', 'special-case-opened', 'payment-promised']
  };
  for (let i = 0; i < sales.length; i++) {
    const s = sales[i];
    const ship = dayOf(s.shipDate);
    if (ship > today) continue;
    const due = dueOf[i];
    const paid = paidDay[i];
    if (paid > due + 14 && due + 14 <= today) {
      const r = dRng.next();
      if (r < 0.3) s.overdueCause = 'non-credit';
      else if (r < 0.8) s.overdueCause = 'credit';
    }
    const steps: [TaskKind, number][] = [
      ['pre-due-reminder', Math.max(ship, due - LADDER_DAYS.preDue)],
      ['overdue-notice', due + LADDER_DAYS.overdueNotice],
      ['collection-letter', due + LADDER_DAYS.collectionLetter],
      ['field-visit', due + LADDER_DAYS.fieldVisit]
    ];
    if (!s.deliveryConfirmedOn) steps.unshift(['confirm-delivery', ship]);
    for (const [kind, on] of steps) {
      if (on >= today || on >= paid) continue;
      if (kind === 'pre-due-reminder' && !dRng.chance(0.7)) continue;
      if (!dRng.chance(0.85)) continue;
      const doneOn = Math.min(today, on + dRng.int(0, 3));
      if (dRng.chance(0.1)) done.push(doneRow(s, kind, epochOf[i], kind === 'confirm-delivery' ? 'no-answer' : retryOf(kind), doneOn));
      else done.push(doneRow(s, kind, epochOf[i], dRng.pick(outcomeOf[kind]), doneOn));
    }
    const blacklistDay = due + LADDER_DAYS.blacklist;
    const c = customerIndex.get(s.customerId)!;
    if (paid > blacklistDay && blacklistDay < today && !liftedCustomers.has(c) && dRng.chance(0.1)) {
      liftedCustomers.add(c);
      lifts.push({
        id: ids.lift(),
        deleted: 0,
        customerId: s.customerId,
        effect: dRng.chance(0.5) ? 'blacklist' : 'stop-shipment',
        liftedOn: isoOf(Math.min(today, blacklistDay + dRng.int(1, 20))),
        liftedBy: 'staff-manager',
        reason: '客户已签还款计划，经理批准恢复'
      });
    }
  }

  function retryOf(kind: TaskKind): TaskOutcome {
    return kind === 'overdue-notice' || kind === 'pre-due-reminder' ? 'no-answer' : dRng.pick(outcomeOf[kind]);
  }

  function doneRow(s: CreditSaleRow, kind: TaskKind, epoch: number, outcome: TaskOutcome, day: number): LadderTaskDoneRow {
    const row: LadderTaskDoneRow = {
      id: ids.done(),
      deleted: 0,
      customerId: s.customerId,
      saleId: s.id,
      taskKey: taskKey(s.id, kind, epoch),
      kind,
      outcome,
      doneOn: isoOf(day),
      doneBy: 'staff-collector'
    };
    if (outcome === 'payment-date-agreed' || outcome === 'payment-promised') row.promisedOn = addDays(row.doneOn, 7);
    return row;
  }

  return { customerIds, agreements, sales, payments, extensions, done, lifts };
}
