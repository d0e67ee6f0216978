import { describe, expect, it } from 'vitest';
import { generateReceivables } from '$lib/demo/receivables';
import { ladderEffects, ladderTasks } from './ladder';
import { buildLedger, type ReceivablesInput } from './ledger';
import { doneTask, lift, pay, sale, y } from '$lib/demo/receivables-testing';
import { deriveToday, recordTaskDone, type CustomerFlag } from './today';
import { TASK_KINDS } from './types';

const TODAY = '2026-04-14';

// c1/s1 due 03-31 (14 days overdue today); c1/s2 due 04-18 (pre-due); c2/t1 shipped today;
// c2/t2 due 04-07 (7 days overdue today); c3/u1 paid in full.
const BOOK: ReceivablesInput = {
  sales: [
    sale('s1', { deliveryConfirmedOn: '2026-03-03', amount: y(8_000) }),
    sale('s2', { shipDate: '2026-03-19', deliveryConfirmedOn: '2026-03-20', amount: y(2_000) }),
    sale('t1', { customerId: 'c2', shipDate: TODAY }),
    sale('t2', { customerId: 'c2', shipDate: '2026-03-08', deliveryConfirmedOn: '2026-03-09', amount: y(50_000) }),
    sale('u1', { customerId: 'c3', shipDate: '2026-01-01' })
  ],
  payments: [pay('q1', '2026-02-01', y(10_000), { customerId: 'c3' })],
  done: [doneTask('d1', 's1', 'overdue-notice', '2026-04-08', 'notice-sent')]
};

describe('deriveToday', () => {
  it('lists every due task, grouped by kind in ladder order', () => {
    const list = deriveToday(BOOK, TODAY);
    expect(list.groups.map((g) => g.kind)).toEqual([...TASK_KINDS]);
    expect(Object.fromEntries(list.groups.map((g) => [g.kind, g.tasks.map((t) => t.key)]))).toEqual({
      'confirm-delivery': ['t1:confirm-delivery'],
      'pre-due-reminder': ['s2:pre-due-reminder'],
      'overdue-notice': ['t2:overdue-notice'],
      'collection-letter': ['s1:collection-letter'],
      'field-visit': []
    });
    expect(list.total).toBe(4);
  });

  it('gives each task what the call needs', () => {
    const t = deriveToday(BOOK, TODAY).groups[2].tasks[0];
    expect(t).toEqual({
      key: 't2:overdue-notice',
      kind: 'overdue-notice',
      customerId: 'c2',
      saleId: 't2',
      invoiceNo: 'FP-t2',
      on: '2026-04-14',
      daysWaiting: 0,
      dueDate: '2026-04-07',
      daysPastDue: 7,
      open: y(50_000),
      amount: y(50_000),
      attempts: 0,
      outcomes: ['notice-sent', 'payment-promised', 'disputed', 'no-answer']
    });
  });

  it('orders a group by how long the task has waited, then by amount', () => {
    const list = deriveToday(
      {
        sales: [
          sale('a', { dueDate: '2026-04-01', deliveryConfirmedOn: '2026-03-02', amount: y(100) }),
          sale('b', { dueDate: '2026-04-05', deliveryConfirmedOn: '2026-03-02', amount: y(900) }),
          sale('c', { dueDate: '2026-04-05', deliveryConfirmedOn: '2026-03-02', amount: y(100) })
        ],
        payments: []
      },
      '2026-04-20'
    );
    // one task per invoice: the letter (its current rung) passes over the notice
    expect(list.groups[2].tasks).toEqual([]);
    expect(list.groups[3].tasks.map((t) => [t.saleId, t.daysWaiting])).toEqual([
      ['a', 5],
      ['b', 1],
      ['c', 1]
    ]);
  });

  it('reports the effects that came into force today and who is flagged', () => {
    const list = deriveToday(BOOK, TODAY);
    expect(list.effectsToday.map((x) => [x.customerId, x.effect, x.saleId])).toEqual([
      ['c1', 'stop-shipment', 's1'],
      ['c2', 'bad-credit', 't2']
    ]);
    expect(list.flagged).toEqual([{ customerId: 'c1', stopShipmentSince: '2026-04-14', blacklistedSince: null }]);
    const lifted = deriveToday({ ...BOOK, lifts: [lift('l1', { effect: 'stop-shipment', liftedOn: TODAY })] }, TODAY);
    expect(lifted.flagged).toEqual([]);
  });

  it('a done task stays done through an edit, an import in another order, or a sync', () => {
    const before = deriveToday(BOOK, TODAY);
    const reordered = deriveToday({ sales: [...BOOK.sales].reverse(), payments: [...BOOK.payments], done: [...(BOOK.done ?? [])] }, TODAY);
    expect(reordered).toEqual(before);
    const edited = deriveToday({ ...BOOK, sales: BOOK.sales.map((s) => (s.id === 's1' ? { ...s, amount: y(9_000), goods: '配件' } : s)) }, TODAY);
    expect(edited.groups[2].tasks.map((t) => t.key)).not.toContain('s1:overdue-notice');
    // the same call logged on two devices: two records, one done task
    const twice = deriveToday(
      { ...BOOK, done: [...(BOOK.done ?? []), doneTask('d1-other-device', 's1', 'overdue-notice', '2026-04-09', 'payment-promised')] },
      TODAY
    );
    expect(twice.total).toBe(before.total);
  });

  it('agrees with ladderTasks sale by sale on a generated book', () => {
    const g = generateReceivables({ seed: 7, customers: 60, sales: 600, payments: 900, today: '2026-06-30' });
    const input = { sales: g.sales, payments: g.payments, extensions: g.extensions, done: g.done, lifts: g.lifts };
    for (const today of ['2026-06-30', '2026-05-17', '2025-12-31']) {
      const ledger = buildLedger(input);
      const list = deriveToday(ledger, today);
      const expected: string[] = [];
      for (const c of ledger.customers.values()) for (const s of c.sales) for (const t of ladderTasks(s, c.done, today).due) expected.push(t.key);
      const got = list.groups.flatMap((gr) => gr.tasks.map((t) => t.key));
      expect(got.slice().sort()).toEqual(expected.sort());
      expect(new Set(got).size).toBe(got.length);
      const sales = list.groups.flatMap((gr) => gr.tasks.map((t) => t.saleId));
      expect(new Set(sales).size).toBe(sales.length);
      if (today === '2026-06-30') expect(got.length).toBeGreaterThan(5);
    }
  });

  it('agrees with ladderEffects customer by customer on a generated book', () => {
    const g = generateReceivables({ seed: 8, customers: 80, sales: 800, payments: 1_200, today: '2026-06-30' });
    const ledger = buildLedger({ sales: g.sales, payments: g.payments, extensions: g.extensions, done: g.done, lifts: g.lifts });
    for (const today of ['2026-06-30', '2026-02-11']) {
      const list = deriveToday(ledger, today);
      const expected: CustomerFlag[] = [];
      const triggeredToday: string[] = [];
      for (const c of ledger.customers.values()) {
        const e = ladderEffects(c.sales, c.lifts, today);
        if (e.stopShipment.active || e.blacklist.active) {
          expected.push({ customerId: c.customerId, stopShipmentSince: e.stopShipment.since, blacklistedSince: e.blacklist.since });
        }
        for (const x of [...e.badCredit, ...e.stopShipment.triggers, ...e.blacklist.triggers])
          if (x.on === today) triggeredToday.push(`${x.effect}:${x.saleId}`);
      }
      expect(list.flagged).toEqual(expected.sort((a, b) => (a.customerId < b.customerId ? -1 : 1)));
      expect(list.flagged.length).toBeGreaterThan(0);
      expect(list.effectsToday.map((x) => `${x.effect}:${x.saleId}`).sort()).toEqual(triggeredToday.sort());
    }
  });
});

describe('recordTaskDone', () => {
  const task = (kind: (typeof TASK_KINDS)[number]) => ({ key: `s1:${kind}`, kind, saleId: 's1', customerId: 'c1' });

  it.each([
    ['a delivery confirmed', 'confirm-delivery', 'arrived-satisfied', {}, { deliveryConfirmedOn: '2026-03-02' }],
    ['no answer', 'confirm-delivery', 'no-answer', {}, null],
    ['a payment date agreed', 'pre-due-reminder', 'payment-date-agreed', { promisedOn: '2026-03-31' }, null],
    ['the letter, classifying the cause', 'collection-letter', 'letter-sent', { cause: 'non-credit' }, { overdueCause: 'non-credit' }]
  ] as const)('%s', (_name, kind, outcome, extra, salePatch) => {
    const w = recordTaskDone(task(kind), outcome, 's9', '2026-03-02', extra);
    expect(w.done).toMatchObject({ customerId: 'c1', saleId: 's1', taskKey: `s1:${kind}`, kind, outcome, doneOn: '2026-03-02', doneBy: 's9' });
    expect(w.salePatch).toEqual(salePatch);
  });

  it('refuses an outcome of another task, a bad date, and a cause outside the letter', () => {
    expect(() => recordTaskDone(task('field-visit'), 'letter-sent', 's9', '2026-03-02')).toThrow(RangeError);
    expect(() => recordTaskDone(task('field-visit'), 'visited', 's9', '2026-02-30')).toThrow(RangeError);
    expect(() => recordTaskDone(task('overdue-notice'), 'notice-sent', 's9', '2026-03-02', { cause: 'credit' })).toThrow(RangeError);
  });

  it('what it writes makes the task done in Today', () => {
    const before = deriveToday(BOOK, TODAY);
    const t = before.groups[2].tasks[0];
    const w = recordTaskDone(t, 'notice-sent', 's9', TODAY);
    const after = deriveToday({ ...BOOK, done: [...(BOOK.done ?? []), { id: 'new', ...w.done }] }, TODAY);
    expect(after.groups[2].tasks).toEqual([]);
    expect(after.total).toBe(before.total - 1);
  });
});
