import { describe, expect, it } from 'vitest';
import { openAmount } from './allocation';
import { allocatePayments } from './ledger';
import { extension, pay, sale, y } from '$lib/demo/receivables-testing';
import type { CreditSaleRow, PaymentAllocation, PaymentRow } from './types';

/** open amount per sale id after all payments, and the credit left */
function run(sales: CreditSaleRow[], payments: PaymentRow[], overrides?: Map<string, PaymentAllocation[]>) {
  const r = allocatePayments(sales, payments, { overrides });
  return {
    open: Object.fromEntries(r.sales.map((s) => [s.sale.id, openAmount(s) / 100])),
    credit: r.credit / 100,
    problems: r.problems.map((p) => `${p.code}:${p.paymentId}:${p.saleId ?? ''}:${p.amount / 100}`),
    lines: r.payments.flatMap((p) => p.lines.map((l) => `${l.paymentId}→${l.saleId} ${l.amount / 100}${l.manual ? ' manual' : ''}`))
  };
}

const A = sale('A', { shipDate: '2026-01-10', amount: y(1_000) }); // due 02-09
const B = sale('B', { shipDate: '2026-02-01', amount: y(2_000) }); // due 03-03
const C = sale('C', { shipDate: '2026-01-20', amount: y(3_000), termDays: 60 }); // due 03-21

describe('allocatePayments', () => {
  it.each<[string, CreditSaleRow[], PaymentRow[], Record<string, number>, number, string[]]>([
    ['one payment settles one sale', [A], [pay('p1', '2026-02-05', y(1_000))], { A: 0 }, 0, ['p1→A 1000']],
    ['a partial payment', [A], [pay('p1', '2026-02-05', y(400))], { A: 600 }, 0, ['p1→A 400']],
    ['two partial payments', [A], [pay('p2', '2026-02-20', y(600)), pay('p1', '2026-02-05', y(400))], { A: 0 }, 0, ['p1→A 400', 'p2→A 600']],
    [
      'one payment across several invoices, oldest due first',
      [C, B, A],
      [pay('p1', '2026-03-01', y(3_500))],
      { A: 0, B: 0, C: 2_500 },
      0,
      ['p1→A 1000', 'p1→B 2000', 'p1→C 500']
    ],
    [
      'by due date, not ship date (C shipped before B but is due after it)',
      [C, B],
      [pay('p1', '2026-03-01', y(2_000))],
      { B: 0, C: 3_000 },
      0,
      ['p1→B 2000']
    ],
    [
      'same due date: the earlier shipment first',
      [sale('X', { shipDate: '2026-01-15', dueDate: '2026-03-01' }), sale('W', { shipDate: '2026-01-20', dueDate: '2026-03-01' })],
      [pay('p1', '2026-03-01', y(10_000))],
      { X: 0, W: 10_000 },
      0,
      ['p1→X 10000']
    ],
    ['an overpayment is credit', [A], [pay('p1', '2026-02-05', y(1_250))], { A: 0 }, 250, ['p1→A 1000']],
    ['a payment with no sale at all', [], [pay('p1', '2026-02-05', y(500))], {}, 500, []],
    [
      'a manual allocation is respected, the rest goes oldest first',
      [A, B, C],
      [pay('p1', '2026-03-01', y(3_500), { allocations: [{ saleId: 'C', amount: y(3_000) }] })],
      { A: 500, B: 2_000, C: 0 },
      0,
      ['p1→C 3000 manual', 'p1→A 500']
    ],
    [
      'manual lines of a later payment come before automatic ones of an earlier',
      [A, B],
      [pay('p1', '2026-02-01', y(1_000)), pay('p2', '2026-03-01', y(1_000), { allocations: [{ saleId: 'A', amount: y(1_000) }] })],
      { A: 0, B: 1_000 },
      0,
      ['p1→B 1000', 'p2→A 1000 manual']
    ],
    [
      'a manual line beyond what the sale owes is capped and reported',
      [A, B],
      [
        pay('p1', '2026-02-01', y(800), { allocations: [{ saleId: 'A', amount: y(800) }] }),
        pay('p2', '2026-02-02', y(800), { allocations: [{ saleId: 'A', amount: y(800) }] })
      ],
      { A: 0, B: 1_400 },
      0,
      ['p1→A 800 manual', 'p2→A 200 manual', 'p2→B 600']
    ],
    [
      'manual lines beyond the payment are capped and reported',
      [A, B],
      [
        pay('p1', '2026-02-01', y(1_500), {
          allocations: [
            { saleId: 'B', amount: y(1_000) },
            { saleId: 'A', amount: y(1_000) }
          ]
        })
      ],
      { A: 500, B: 1_000 },
      0,
      ['p1→B 1000 manual', 'p1→A 500 manual']
    ],
    [
      'a manual line to an unknown sale is reported and allocated automatically',
      [A],
      [pay('p1', '2026-02-01', y(500), { allocations: [{ saleId: 'nope', amount: y(500) }] })],
      { A: 500 },
      0,
      ['p1→A 500']
    ]
  ])('%s', (_name, sales, payments, open, credit, lines) => {
    const r = run(sales, payments);
    expect(r.open).toEqual(open);
    expect(r.credit).toBe(credit);
    expect(r.lines).toEqual(lines);
  });
});

describe('allocatePayments: manual lines, customers, extensions, deletions, arrival order', () => {
  it('reports what could not be applied as asked', () => {
    expect(
      run(
        [A, B],
        [
          pay('p1', '2026-02-01', y(800), { allocations: [{ saleId: 'A', amount: y(800) }] }),
          pay('p2', '2026-02-02', y(800), { allocations: [{ saleId: 'A', amount: y(800) }] })
        ]
      ).problems
    ).toEqual(['sale-over-allocated:p2:A:600']);
    expect(
      run(
        [A, B],
        [
          pay('p1', '2026-02-01', y(1_500), {
            allocations: [
              { saleId: 'B', amount: y(1_000) },
              { saleId: 'A', amount: y(1_000) }
            ]
          })
        ]
      ).problems
    ).toEqual(['lines-exceed-payment:p1:A:500']);
    expect(run([A], [pay('p1', '2026-02-01', y(500), { allocations: [{ saleId: 'nope', amount: y(500) }] })]).problems).toEqual([
      'sale-not-found:p1:nope:500'
    ]);
  });

  it('takes an allocation being edited instead of the saved one', () => {
    const r = run([A, B], [pay('p1', '2026-03-01', y(1_000))], new Map([['p1', [{ saleId: 'B', amount: y(1_000) }]]]));
    expect(r.open).toEqual({ A: 1_000, B: 1_000 });
    expect(r.lines).toEqual(['p1→B 1000 manual']);
  });

  it('never allocates one customer’s payment to another’s sale', () => {
    const r = run([A, sale('D', { customerId: 'c2' })], [pay('p1', '2026-02-01', y(5_000), { customerId: 'c2' })]);
    expect(r.open).toEqual({ A: 1_000, D: 5_000 });
    expect(r.credit).toBe(0);
  });

  it('orders by the due date after extensions', () => {
    // A is due 02-09 but extended to 03-31: B (due 03-03) is now the oldest
    const r = allocatePayments([A, B], [pay('p1', '2026-03-01', y(2_000))], {
      extensions: [extension('x1', 'A', { requestedOn: '2026-02-01', requestedDueDate: '2026-03-31' })]
    });
    expect(r.sales.map((s) => [s.sale.id, openAmount(s) / 100])).toEqual([
      ['B', 0],
      ['A', 1_000]
    ]);
  });

  it('ignores deleted sales and payments', () => {
    const r = run([A, { ...B, deleted: 1 }], [pay('p1', '2026-02-01', y(3_000)), pay('p2', '2026-02-01', y(9_000), { deleted: 1 })]);
    expect(r.open).toEqual({ A: 0 });
    expect(r.credit).toBe(2_000);
  });

  it('converges whatever order the records arrive in (two devices, same records)', () => {
    const sales = [A, B, C];
    const payments = [
      pay('p1', '2026-02-05', y(700)),
      pay('p2', '2026-02-05', y(900)),
      pay('p3', '2026-03-10', y(2_500), { allocations: [{ saleId: 'C', amount: y(1_000) }] })
    ];
    const one = run(sales, payments);
    const two = run([...sales].reverse(), [...payments].reverse());
    expect(two).toEqual(one);
  });
});

describe('openAmount as of a date', () => {
  const r = allocatePayments([A], [pay('p1', '2026-02-05', y(400)), pay('p2', '2026-02-20', y(600))]);
  const a = r.sales[0];
  it.each([
    ['2026-01-09', 0], // not shipped yet
    ['2026-01-10', 1_000],
    ['2026-02-04', 1_000],
    ['2026-02-05', 600],
    ['2026-02-19', 600],
    ['2026-02-20', 0]
  ])('on %s: %i 元', (asOf, open) => {
    expect(openAmount(a, asOf) / 100).toBe(open);
  });

  it('a payment before the shipment counts from the ship date', () => {
    const early = allocatePayments([A], [pay('p1', '2026-01-01', y(1_000))]).sales[0];
    expect(early.lines[0].day).toBe(early.shipDay);
    expect(openAmount(early, '2026-01-10')).toBe(0);
    expect(openAmount(early, '2026-01-09')).toBe(0);
  });
});
