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
import { dayOf, isoOf, type Day } from '$lib/domain/dates';
import { makeLadderWork } from './receivables-ladder';
import type { Fen } from '$lib/domain/money';
import { fmix32, rngStream, type Rng } from '$lib/domain/records/rng';
import {
  type CreditAgreementRow,
  type CreditSaleRow,
  type ExtensionRequestRow,
  type LadderEffectLiftRow,
  type LadderTaskDoneRow,
  type PaymentMethod,
  type PaymentRow
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

/** What every stage shares: the options, the random streams, the id makers. */
export interface Gen {
  options: GenerateOptions;
  today: Day;
  cRng: Rng;
  sRng: Rng;
  pRng: Rng;
  xRng: Rng;
  dRng: Rng;
  ids: Record<'customer' | 'agreement' | 'sale' | 'payment' | 'extension' | 'done' | 'lift', () => string>;
}

/** The customers' book: agreements, what each buys and how each pays. */
export interface Book {
  customerIds: string[];
  agreements: CreditAgreementRow[];
  habits: Habit[];
  terms: number[];
  /** cumulative buying weight of the customers */
  weightCum: number[];
}

/** The sales and what will happen to each. */
export interface Sold {
  sales: CreditSaleRow[];
  /** per customer: the indexes of its sales */
  salesOf: number[][];
  /** per sale: the day it is (finally) paid, or Infinity */
  paidDay: number[];
  dueOf: number[];
  /** per sale: the ladder epoch (1 after an approved extension) */
  epochOf: number[];
}

function startGen(options: GenerateOptions): Gen {
  const { seed } = options;
  for (const [name, n] of [
    ['customers', options.customers],
    ['sales', options.sales],
    ['payments', options.payments]
  ] as const) {
    if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${name} must be a whole number ≥ 0: ${n}`);
  }
  if (options.sales > 0 && options.customers === 0) throw new RangeError('sales need customers');
  const today = dayOf(options.today, 'today');
  return {
    options,
    today,
    cRng: rngStream(seed, 101),
    sRng: rngStream(seed, 102),
    pRng: rngStream(seed, 103),
    xRng: rngStream(seed, 104),
    dRng: rngStream(seed, 105),
    ids: {
      customer: idMaker('c', seed, 1),
      agreement: idMaker('ag', seed, 2),
      sale: idMaker('cs', seed, 3),
      payment: idMaker('pm', seed, 4),
      extension: idMaker('ex', seed, 5),
      done: idMaker('td', seed, 6),
      lift: idMaker('lf', seed, 7)
    }
  };
}

/** Customers and their agreements, sizes and payment habits. */
function makeBook(g: Gen): Book {
  const { cRng, ids, today } = g;
  const book: Book = { customerIds: [], agreements: [], habits: [], terms: [], weightCum: [] };
  let weightSum = 0;
  for (let i = 0; i < g.options.customers; i++) {
    const id = ids.customer();
    book.customerIds.push(id);
    const size = cRng.weighted([
      [1, 50],
      [3, 30],
      [10, 15],
      [40, 5]
    ] as const);
    weightSum += size * (0.5 + cRng.next());
    book.weightCum.push(weightSum);
    const kind = cRng.weighted([
      ['prompt', 55],
      ['slow', 25],
      ['late', 12],
      ['very-late', 6],
      ['defaulter', 2]
    ] as const);
    const lateBy = {
      prompt: cRng.int(-5, 3),
      slow: cRng.int(3, 12),
      late: cRng.int(15, 35),
      'very-late': cRng.int(45, 120),
      defaulter: cRng.int(20, 90)
    }[kind];
    book.habits.push({
      lateBy,
      jitter: kind === 'prompt' ? 3 : kind === 'slow' ? 5 : 8,
      stopsPayingAfter: kind === 'defaulter' ? today - cRng.int(30, 400) : Number.POSITIVE_INFINITY
    });
    const term = cRng.pick(TERMS);
    book.terms.push(term);
    book.agreements.push({
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
  return book;
}

/** Credit sales over two years, with the day each will be paid by its customer's habit. */
function makeSales(g: Gen, book: Book): Sold {
  const { sRng, ids, today } = g;
  const { customerIds, agreements, terms, habits } = book;
  const sold: Sold = { sales: [], salesOf: customerIds.map(() => []), paidDay: [], dueOf: [], epochOf: [] };
  for (let i = 0; i < g.options.sales; i++) {
    const c = pickCumulative(sRng, book.weightCum);
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
    sold.paidDay.push(Math.max(pay, shipDay + 1));
    sold.dueOf.push(due);
    sold.salesOf[c].push(i);
    sold.sales.push(sale);
  }
  sold.epochOf = sold.sales.map(() => 0);
  return sold;
}

/** Extension requests (before payments: an approved one moves the due date). */
function makeExtensions(g: Gen, sold: Sold): ExtensionRequestRow[] {
  const { xRng, ids, today } = g;
  const { sales, dueOf, paidDay, epochOf } = sold;
  const extensions: ExtensionRequestRow[] = [];
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
  return extensions;
}

/** Exactly `payments` payments, spread over the customers by how many sales each has. */
function makePayments(g: Gen, book: Book, sold: Sold): PaymentRow[] {
  const { pRng } = g;
  const { customerIds } = book;
  const paymentsPer = customerIds.map(() => 0);
  const salesCum: number[] = [];
  const withSales: number[] = [];
  let cum = 0;
  sold.salesOf.forEach((list, c) => {
    if (list.length === 0) return;
    cum += list.length;
    salesCum.push(cum);
    withSales.push(c);
  });
  for (let k = 0; k < g.options.payments; k++) {
    paymentsPer[withSales.length ? withSales[pickCumulative(pRng, salesCum)] : pRng.int(0, Math.max(0, customerIds.length - 1))]++;
  }
  const payments: PaymentRow[] = [];
  for (let c = 0; c < customerIds.length; c++) {
    if (paymentsPer[c] > 0) paymentsOfCustomer(g, book, sold, c, paymentsPer[c], payments);
  }
  return payments;
}

/** The `p` payments of customer `c`, pushed onto `payments`. */
function paymentsOfCustomer(g: Gen, book: Book, sold: Sold, c: number, p: number, payments: PaymentRow[]): void {
  const { pRng, today } = g;
  const { sales, paidDay, dueOf } = sold;
  const order = [...sold.salesOf[c]].sort((a, b) => dueOf[a] - dueOf[b] || a - b);
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
    payments.push(paymentRow(g, book, sold, c, at - prev, day, i));
    prev = at;
  }
  // the rest: advances and overpayments, dated anywhere in the last year
  for (let k = sorted.length; k < p; k++) {
    payments.push(paymentRow(g, book, sold, c, Math.round(10 ** (4 + pRng.next() * 2)), today - pRng.int(0, 365), -1));
  }
}

/** `i`: the sale the payment is meant for (a manual allocation names it), or -1 */
function paymentRow(g: Gen, book: Book, sold: Sold, c: number, amount: number, day: number, i: number): PaymentRow {
  const { pRng, ids } = g;
  const { sales } = sold;
  const row: PaymentRow = {
    id: ids.payment(),
    deleted: 0,
    customerId: book.customerIds[c],
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

export function generateReceivables(options: GenerateOptions): GeneratedReceivables {
  const g = startGen(options);
  const book = makeBook(g);
  const sold = makeSales(g, book);
  const extensions = makeExtensions(g, sold);
  const payments = makePayments(g, book, sold);
  const { done, lifts } = makeLadderWork(g, book, sold);
  return { customerIds: book.customerIds, agreements: book.agreements, sales: sold.sales, payments, extensions, done, lifts };
}
