/**
 * The customer statement 对账单 (receivables.md): for one customer and a period, the opening
 * balance, every credit sale and payment in the period with a running balance, and the closing
 * balance, for the customer to confirm.
 *
 *   opening = credit sales shipped before `from` − payments dated before `from`
 *   closing = opening + credit sales in the period − payments in the period
 * Both ends of the period are included. A statement is about money, not allocation: a payment
 * counts in full on its date, so an overpayment shows as a negative balance (the customer's
 * credit). Lines are ordered by date; on the same day sales come before payments, then by invoice
 * number or reference, then id. A sale's date on the statement is its ship date (receivables.md
 * keeps one record for the sale and its invoice). The statement also lists the sales still open at
 * the end of the period with their due dates, which is what the customer is asked to confirm.
 */
import { openOn } from './allocation';
import { dayOf, isoOf } from '../dates';
import { ledgerOf, type ReceivablesSource } from './ledger';
import type { Fen } from '../money';
import type { PaymentMethod } from './types';

export interface StatementLine {
  date: string;
  kind: 'sale' | 'payment';
  id: string;
  invoiceNo?: string;
  goods?: string;
  dueDate?: string;
  method?: PaymentMethod;
  reference?: string;
  /** fen the customer owes more (a sale) */
  debit: Fen;
  /** fen the customer paid */
  credit: Fen;
  /** fen owed after this line */
  balance: Fen;
}

export interface CustomerStatement {
  customerId: string;
  from: string;
  to: string;
  openingBalance: Fen;
  lines: StatementLine[];
  salesTotal: Fen;
  paymentsTotal: Fen;
  closingBalance: Fen;
  /** sales still open at the end of `to`, oldest due first */
  openAtEnd: { saleId: string; invoiceNo?: string; shipDate: string; dueDate: string; amount: Fen; open: Fen }[];
}

export function statement(source: ReceivablesSource, customerId: string, from: string, to: string): CustomerStatement {
  const start = dayOf(from, 'from');
  const end = dayOf(to, 'to');
  if (start > end) throw new RangeError(`the period starts after it ends: ${from} … ${to}`);
  const c = ledgerOf(source).customers.get(customerId);
  let opening = 0;
  const lines: (StatementLine & { day: number; order: string })[] = [];
  const openAtEnd: CustomerStatement['openAtEnd'] = [];
  for (const s of c?.sales ?? []) {
    if (s.shipDay < start) opening += s.sale.amount;
    else if (s.shipDay <= end) {
      const line: StatementLine & { day: number; order: string } = {
        day: s.shipDay,
        order: `0${s.sale.invoiceNo ?? ''}\u0000${s.sale.id}`,
        date: s.sale.shipDate,
        kind: 'sale',
        id: s.sale.id,
        dueDate: isoOf(s.dueDay),
        debit: s.sale.amount,
        credit: 0 as Fen,
        balance: 0 as Fen
      };
      if (s.sale.invoiceNo) line.invoiceNo = s.sale.invoiceNo;
      if (s.sale.goods) line.goods = s.sale.goods;
      lines.push(line);
    }
    const open = openOn(s, end);
    if (open > 0) {
      const o: CustomerStatement['openAtEnd'][number] = {
        saleId: s.sale.id,
        shipDate: s.sale.shipDate,
        dueDate: isoOf(s.dueDay),
        amount: s.sale.amount,
        open: open as Fen
      };
      if (s.sale.invoiceNo) o.invoiceNo = s.sale.invoiceNo;
      openAtEnd.push(o);
    }
  }
  for (const p of c?.payments ?? []) {
    if (p.day < start) opening -= p.payment.amount;
    else if (p.day <= end) {
      const line: StatementLine & { day: number; order: string } = {
        day: p.day,
        order: `1${p.payment.reference ?? ''}\u0000${p.payment.id}`,
        date: p.payment.paidOn,
        kind: 'payment',
        id: p.payment.id,
        method: p.payment.method,
        debit: 0 as Fen,
        credit: p.payment.amount,
        balance: 0 as Fen
      };
      if (p.payment.reference) line.reference = p.payment.reference;
      lines.push(line);
    }
  }
  lines.sort((a, b) => a.day - b.day || (a.order < b.order ? -1 : a.order > b.order ? 1 : 0));
  let balance = opening;
  let salesTotal = 0;
  let paymentsTotal = 0;
  const out: StatementLine[] = lines.map(({ day: _day, order: _order, ...line }) => {
    balance += line.debit - line.credit;
    salesTotal += line.debit;
    paymentsTotal += line.credit;
    return { ...line, balance: balance as Fen };
  });
  return {
    customerId,
    from,
    to,
    openingBalance: opening as Fen,
    lines: out,
    salesTotal: salesTotal as Fen,
    paymentsTotal: paymentsTotal as Fen,
    closingBalance: balance as Fen,
    openAtEnd
  };
}
