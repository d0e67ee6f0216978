/**
 * Property tests (fast-check, with shrinking) for payment allocation (allocation.ts's rules, run by
 * `buildLedger`): on random customers, sales, payments and manual lines, the allocation never
 * over-allocates, spends what it can, goes oldest first, moves whole fen only, and does not depend
 * on the order the records arrived in.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AllocationResult } from './ledger';
import { allocatePayments } from './ledger';
import type { Fen } from '../money';
import type { CreditSaleRow, PaymentAllocation, PaymentRow } from './types';

const CUSTOMERS = ['c1', 'c2', 'c3'];
// few dates and terms, so that equal due dates and equal ship dates are common
const DATES = ['2026-01-05', '2026-01-20', '2026-02-01', '2026-02-15', '2026-03-01'];
const TERMS = [0, 15, 30];

const saleArb = (id: string) =>
  fc
    .record({
      customerId: fc.constantFrom(...CUSTOMERS),
      shipDate: fc.constantFrom(...DATES),
      termDays: fc.constantFrom(...TERMS),
      amount: fc.integer({ min: 1, max: 500_000 })
    })
    .map((r): CreditSaleRow => ({ id, ...r, amount: r.amount as Fen }));

const manualArb = (saleIds: readonly string[]) =>
  fc.array(
    fc.record({
      // a manual line may name a sale that is not there, or another customer's
      saleId: fc.constantFrom(...saleIds, 'missing'),
      amount: fc.integer({ min: 1, max: 500_000 })
    }),
    { maxLength: 3 }
  );

const worldArb = fc.tuple(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 12 })).chain(([ns, np]) => {
  const saleIds = Array.from({ length: ns }, (_, k) => `s${String(k).padStart(2, '0')}`);
  const sales = fc.tuple(...saleIds.map(saleArb));
  const payments = fc.tuple(
    ...Array.from({ length: np }, (_, k) =>
      fc
        .record({
          customerId: fc.constantFrom(...CUSTOMERS),
          paidOn: fc.constantFrom(...DATES),
          amount: fc.integer({ min: 1, max: 800_000 }),
          manual: fc.option(manualArb(saleIds), { freq: 3 })
        })
        .map(({ manual, ...r }): PaymentRow => {
          const p: PaymentRow = { id: `p${String(k).padStart(2, '0')}`, method: 'bank-transfer', ...r, amount: r.amount as Fen };
          if (manual && manual.length > 0) p.allocations = manual as PaymentAllocation[];
          return p;
        })
    )
  );
  return fc.record({ sales, payments });
});

const automaticOnly = worldArb.map((w) => ({ ...w, payments: w.payments.map(({ allocations: _, ...p }) => p as PaymentRow) }));

/** fen allocated per sale id and per payment id, from the lines */
function sums(r: AllocationResult) {
  const bySale = new Map<string, number>();
  const byPayment = new Map<string, number>();
  for (const p of r.payments) {
    for (const l of p.lines) {
      bySale.set(l.saleId, (bySale.get(l.saleId) ?? 0) + l.amount);
      byPayment.set(l.paymentId, (byPayment.get(l.paymentId) ?? 0) + l.amount);
    }
  }
  return { bySale, byPayment };
}

const lineKeys = (r: AllocationResult) =>
  r.payments.flatMap((p) => p.lines.map((l) => `${l.paymentId}→${l.saleId} ${l.amount} ${l.day}${l.manual ? ' manual' : ''}`)).sort();

function shuffled<T>(list: readonly T[], keys: readonly number[]): T[] {
  return list
    .map((x, i) => ({ x, k: keys[i % Math.max(1, keys.length)] ?? 0, i }))
    .sort((a, b) => a.k - b.k || b.i - a.i)
    .map((e) => e.x);
}

describe('payment allocation: properties', () => {
  it('never allocates more than a sale owes or a payment holds, and only between one customer’s records', () => {
    fc.assert(
      fc.property(worldArb, ({ sales, payments }) => {
        const r = allocatePayments(sales, payments);
        const { bySale, byPayment } = sums(r);
        const saleOf = new Map(sales.map((s) => [s.id, s]));
        for (const s of r.sales) {
          expect(bySale.get(s.sale.id) ?? 0).toBe(s.allocated);
          expect(s.allocated).toBeLessThanOrEqual(s.sale.amount);
        }
        for (const p of r.payments) {
          expect(byPayment.get(p.payment.id) ?? 0).toBe(p.applied);
          expect(p.applied).toBeLessThanOrEqual(p.payment.amount);
          expect(p.applied + p.unapplied).toBe(p.payment.amount);
          for (const l of p.lines) expect(saleOf.get(l.saleId)?.customerId).toBe(p.payment.customerId);
        }
      })
    );
  });

  it('spends each customer’s payments until they or the customer’s sales run out (manual lines included)', () => {
    fc.assert(
      fc.property(worldArb, ({ sales, payments }) => {
        const r = allocatePayments(sales, payments);
        for (const c of CUSTOMERS) {
          const owed = sales.filter((s) => s.customerId === c).reduce((n, s) => n + s.amount, 0);
          const paid = payments.filter((p) => p.customerId === c).reduce((n, p) => n + p.amount, 0);
          const allocated = r.sales.filter((s) => s.sale.customerId === c).reduce((n, s) => n + s.allocated, 0);
          expect(allocated).toBe(Math.min(owed, paid));
        }
        const paidAll = payments.reduce((n, p) => n + p.amount, 0);
        const allocatedAll = r.sales.reduce((n, s) => n + s.allocated, 0);
        expect(r.credit).toBe(paidAll - allocatedAll);
      })
    );
  });

  it('moves whole fen only: every line is a positive integer', () => {
    fc.assert(
      fc.property(worldArb, ({ sales, payments }) => {
        const r = allocatePayments(sales, payments);
        for (const p of r.payments) {
          for (const l of p.lines) {
            expect(Number.isSafeInteger(l.amount)).toBe(true);
            expect(l.amount).toBeGreaterThan(0);
          }
        }
        expect(Number.isSafeInteger(r.credit)).toBe(true);
      })
    );
  });

  it('goes oldest first: without manual lines, a sale gets money only when every older sale of its customer is paid', () => {
    fc.assert(
      fc.property(automaticOnly, ({ sales, payments }) => {
        const r = allocatePayments(sales, payments);
        for (const c of CUSTOMERS) {
          const mine = r.sales.filter((s) => s.sale.customerId === c);
          // in the ledger's order: due date, ship date, id
          for (let i = 1; i < mine.length; i++) {
            const [a, b] = [mine[i - 1], mine[i]];
            expect(
              a.dueDay < b.dueDay || (a.dueDay === b.dueDay && (a.shipDay < b.shipDay || (a.shipDay === b.shipDay && a.sale.id < b.sale.id)))
            ).toBe(true);
          }
          const firstOpen = mine.findIndex((s) => s.allocated < s.sale.amount);
          if (firstOpen >= 0) for (const later of mine.slice(firstOpen + 1)) expect(later.allocated).toBe(0);
        }
      })
    );
  });

  it('does not depend on the order the records arrive in (equal dates are ordered by id)', () => {
    fc.assert(
      fc.property(worldArb, fc.array(fc.integer(), { minLength: 1, maxLength: 30 }), ({ sales, payments }, keys) => {
        const a = allocatePayments(sales, payments);
        const b = allocatePayments(shuffled(sales, keys), shuffled(payments, [...keys].reverse()));
        expect(lineKeys(b)).toEqual(lineKeys(a));
        expect(b.credit).toBe(a.credit);
        expect(b.problems.map((p) => JSON.stringify(p)).sort()).toEqual(a.problems.map((p) => JSON.stringify(p)).sort());
      })
    );
  });

  it('is idempotent: storing the automatic split as manual lines changes nothing', () => {
    fc.assert(
      fc.property(automaticOnly, ({ sales, payments }) => {
        const first = allocatePayments(sales, payments);
        const linesOf = new Map(
          first.payments.map((p) => [p.payment.id, p.lines.map((l): PaymentAllocation => ({ saleId: l.saleId, amount: l.amount as Fen }))])
        );
        const stored = payments.map((p) => ({ ...p, allocations: linesOf.get(p.id) ?? [] }));
        const again = allocatePayments(sales, stored);
        const plain = (r: AllocationResult) => lineKeys(r).map((k) => k.replace(' manual', ''));
        expect(plain(again)).toEqual(plain(first));
        expect(again.credit).toBe(first.credit);
        expect(again.problems).toEqual([]);
      })
    );
  });
});
