import { describe, expect, it } from 'vitest';
import { ladderEffects, ladderPosition, ladderTasks, taskKey, type LadderStage } from './ladder';
import { buildLedger, type ReceivablesInput } from './ledger';
import { doneTask, extension, lift, pay, sale, y } from '$lib/demo/receivables-testing';
import type { TaskKind } from './types';

// Shipped 2026-03-01 on 30 days: due 2026-03-31. Delivery confirmed unless a case says otherwise.
const S = sale('s1', { deliveryConfirmedOn: '2026-03-03' });
const UNCONFIRMED = sale('s1');

const CD: TaskKind = 'confirm-delivery';
const PDR: TaskKind = 'pre-due-reminder';
const ON: TaskKind = 'overdue-notice';
const CL: TaskKind = 'collection-letter';
const FV: TaskKind = 'field-visit';

function at(today: string, input: Partial<ReceivablesInput> = {}) {
  const ledger = buildLedger({ sales: [S], payments: [], ...input });
  const c = ledger.customers.get('c1')!;
  const s = c.sales.find((x) => x.sale.id === 's1')!;
  const effects = ladderEffects(c.sales, c.lifts, today);
  return {
    stage: ladderPosition(s, today).stage,
    due: ladderTasks(s, c.done, today).due.map((t) => t.kind),
    badCredit: effects.badCredit.filter((x) => x.lift === null).length,
    stop: effects.stopShipment.active,
    blacklist: effects.blacklist.active
  };
}

type Case = [string, string, Partial<ReceivablesInput>, LadderStage, TaskKind[], number, boolean, boolean];

const paid = (paidOn: string, yuan = 10_000) => ({ payments: [pay('p1', paidOn, y(yuan))] });
const extended = (fields = {}) => ({ extensions: [extension('x1', 's1', fields)] });

describe('the ladder over dates', () => {
  it.each<Case>([
    // shipment
    ['before shipping', '2026-02-28', {}, 'not-shipped', [], 0, false, false],
    ['ship day, delivery not yet confirmed', '2026-03-01', { sales: [UNCONFIRMED] }, 'just-shipped', [CD], 0, false, false],
    ['6 days after shipping', '2026-03-07', { sales: [UNCONFIRMED] }, 'just-shipped', [CD], 0, false, false],
    ['7 days after: the call stays due until done', '2026-03-08', { sales: [UNCONFIRMED] }, 'in-term', [CD], 0, false, false],
    ['delivery confirmed on the sale', '2026-03-08', {}, 'in-term', [], 0, false, false],
    [
      'confirm-delivery done',
      '2026-03-02',
      { sales: [UNCONFIRMED], done: [doneTask('d1', 's1', CD, '2026-03-02', 'arrived-satisfied')] },
      'just-shipped',
      [],
      0,
      false,
      false
    ],
    [
      'no answer: hidden the rest of the day',
      '2026-03-02',
      { sales: [UNCONFIRMED], done: [doneTask('d1', 's1', CD, '2026-03-02', 'no-answer')] },
      'just-shipped',
      [],
      0,
      false,
      false
    ],
    [
      'no answer: due again the next day',
      '2026-03-03',
      { sales: [UNCONFIRMED], done: [doneTask('d1', 's1', CD, '2026-03-02', 'no-answer')] },
      'just-shipped',
      [CD],
      0,
      false,
      false
    ],
    [
      'a done record dated after today does not count yet',
      '2026-03-02',
      { sales: [UNCONFIRMED], done: [doneTask('d1', 's1', CD, '2026-03-05', 'arrived-satisfied')] },
      'just-shipped',
      [CD],
      0,
      false,
      false
    ],
    // due date
    ['8 days before due', '2026-03-23', {}, 'in-term', [], 0, false, false],
    ['7 days before due', '2026-03-24', {}, 'pre-due', [PDR], 0, false, false],
    ['the due day', '2026-03-31', {}, 'pre-due', [PDR], 0, false, false],
    ['reminder done', '2026-03-31', { done: [doneTask('d1', 's1', PDR, '2026-03-25', 'payment-date-agreed')] }, 'pre-due', [], 0, false, false],
    ['1 day overdue: the reminder has expired', '2026-04-01', {}, 'overdue', [], 0, false, false],
    ['6 days overdue', '2026-04-06', {}, 'overdue', [], 0, false, false],
    ['7 days overdue: notice, bad-credit entry', '2026-04-07', {}, 'overdue-7', [ON], 1, false, false],
    ['13 days overdue', '2026-04-13', {}, 'overdue-7', [ON], 1, false, false],
    ['14 days overdue: letter, stop shipment', '2026-04-14', {}, 'overdue-14', [CL], 1, true, false],
    ['29 days overdue', '2026-04-29', {}, 'overdue-14', [CL], 1, true, false],
    ['30 days overdue: visit, blacklist', '2026-04-30', {}, 'overdue-30', [FV], 1, true, true],
    [
      'steps done stay done',
      '2026-04-30',
      { done: [doneTask('d1', 's1', ON, '2026-04-08', 'notice-sent'), doneTask('d2', 's1', CL, '2026-04-15', 'letter-sent')] },
      'overdue-30',
      [FV],
      1,
      true,
      true
    ],
    // one invoice, one current rung: the latest step whose day has come passes over the earlier ones
    ['the letter passes over an unsent notice', '2026-04-20', {}, 'overdue-14', [CL], 1, true, false],
    [
      'letter done: the passed-over notice does not come back',
      '2026-04-20',
      { done: [doneTask('d1', 's1', CL, '2026-04-15', 'letter-sent')] },
      'overdue-14',
      [],
      1,
      true,
      false
    ],
    [
      'notice tried without an answer: nothing else of the invoice today',
      '2026-04-10',
      { sales: [UNCONFIRMED], done: [doneTask('d1', 's1', ON, '2026-04-10', 'no-answer')] },
      'overdue-7',
      [],
      1,
      false,
      false
    ],
    ['the reminder passes over an unconfirmed delivery', '2026-03-24', { sales: [UNCONFIRMED] }, 'pre-due', [PDR], 0, false, false],
    [
      'a 5-day term: the reminder falls on the ship day',
      '2026-03-01',
      { sales: [sale('s1', { termDays: 5, deliveryConfirmedOn: '2026-03-01' })] },
      'pre-due',
      [PDR],
      0,
      false,
      false
    ],
    // extension
    ['extension approved: no longer overdue', '2026-04-07', extended(), 'in-term', [], 0, false, false],
    [
      'a fresh reminder before the new due date',
      '2026-04-23',
      { ...extended(), done: [doneTask('d1', 's1', PDR, '2026-03-24', 'asks-extension')] },
      'pre-due',
      [PDR],
      0,
      false,
      false
    ],
    ['overdue on the new due date', '2026-05-07', extended(), 'overdue-7', [ON], 1, false, false],
    ['extension rejected', '2026-04-07', extended({ status: 'rejected' }), 'overdue-7', [ON], 1, false, false],
    ['extension still pending', '2026-04-07', extended({ status: 'requested' }), 'overdue-7', [ON], 1, false, false],
    ['extension asked once overdue is ignored', '2026-04-07', extended({ requestedOn: '2026-04-02' }), 'overdue-7', [ON], 1, false, false],
    // partial payment
    ['half paid on the due day: still on the ladder', '2026-04-07', paid('2026-03-31', 5_000), 'overdue-7', [ON], 1, false, false],
    ['half paid: stop at 14 days', '2026-04-14', paid('2026-03-31', 5_000), 'overdue-14', [CL], 1, true, false],
    // full payment
    ['paid in full on time', '2026-04-07', paid('2026-03-31'), 'settled', [], 0, false, false],
    ['paid in full 6 days late', '2026-04-07', paid('2026-04-06'), 'settled', [], 0, false, false],
    ['paid in full on the 7th day late: the entry stands', '2026-04-08', paid('2026-04-07'), 'settled', [], 1, false, false],
    ['paid at 20 days: the stop ends, tasks cancelled', '2026-04-25', paid('2026-04-20'), 'settled', [], 1, false, false],
    ['a payment dated after today does not count yet', '2026-04-07', paid('2026-04-10'), 'overdue-7', [ON], 1, false, false],
    ['paid in full before the sale ships (credit taken up)', '2026-03-05', paid('2026-02-20'), 'settled', [], 0, false, false],
    // after blacklisting
    ['paid after blacklisting: the blacklist stays', '2026-05-10', paid('2026-05-05'), 'settled', [], 1, false, true],
    ['… until a manager lifts it', '2026-05-10', { ...paid('2026-05-05'), lifts: [lift('l1')] }, 'settled', [], 1, false, false],
    ['a lift dated after today is not yet in force', '2026-05-05', { ...paid('2026-05-05'), lifts: [lift('l1')] }, 'settled', [], 1, false, true],
    ['a deleted lift lifts nothing', '2026-05-10', { ...paid('2026-05-05'), lifts: [lift('l1', { deleted: 1 })] }, 'settled', [], 1, false, true],
    // causes and lifts
    ['non-credit cause: no stop', '2026-04-14', { sales: [{ ...S, overdueCause: 'non-credit' }] }, 'overdue-14', [CL], 1, false, false],
    ['credit cause: stop', '2026-04-14', { sales: [{ ...S, overdueCause: 'credit' }] }, 'overdue-14', [CL], 1, true, false],
    [
      'non-credit cause does not spare the blacklist',
      '2026-04-30',
      { sales: [{ ...S, overdueCause: 'non-credit' }] },
      'overdue-30',
      [FV],
      1,
      false,
      true
    ],
    [
      'stop lifted by a manager',
      '2026-04-20',
      { lifts: [lift('l1', { effect: 'stop-shipment', liftedOn: '2026-04-15' })] },
      'overdue-14',
      [CL],
      1,
      false,
      false
    ],
    [
      'bad-credit entry lifted for this sale',
      '2026-04-08',
      { lifts: [lift('l1', { effect: 'bad-credit', saleId: 's1', liftedOn: '2026-04-08' })] },
      'overdue-7',
      [ON],
      0,
      false,
      false
    ]
  ])('%s (%s)', (_name, today, input, stage, due, badCredit, stop, blacklist) => {
    expect(at(today, input)).toEqual({ stage, due, badCredit, stop, blacklist });
  });
});

describe('ladderPosition', () => {
  it.each([
    ['2026-03-10', 'in-term', -21, { stage: 'pre-due', on: '2026-03-24' }],
    ['2026-03-24', 'pre-due', -7, { stage: 'overdue', on: '2026-04-01' }],
    ['2026-04-01', 'overdue', 1, { stage: 'overdue-7', on: '2026-04-07' }],
    ['2026-04-20', 'overdue-14', 20, { stage: 'overdue-30', on: '2026-04-30' }],
    ['2026-05-30', 'overdue-30', 60, null]
  ])('on %s: %s, %i days past due, next %j', (today, stage, daysPastDue, next) => {
    const s = buildLedger({ sales: [S], payments: [] }).customers.get('c1')!.sales[0];
    expect(ladderPosition(s, today)).toMatchObject({ stage, daysPastDue, next, dueDate: '2026-03-31', open: y(10_000), settledOn: null });
  });

  it('says when it was settled', () => {
    const s = buildLedger({ sales: [S], payments: [pay('p1', '2026-03-20', y(4_000)), pay('p2', '2026-04-02', y(6_000))] }).customers.get('c1')!
      .sales[0];
    expect(ladderPosition(s, '2026-04-05')).toMatchObject({ stage: 'settled', open: 0, settledOn: '2026-04-02', next: null });
    expect(ladderPosition(s, '2026-04-01')).toMatchObject({ stage: 'overdue', open: y(6_000), settledOn: null });
  });
});

describe('ladderTasks', () => {
  it('lists all five with their status and reasons', () => {
    const ledger = buildLedger({ sales: [S], payments: [], done: [doneTask('d1', 's1', ON, '2026-04-08', 'notice-sent')] });
    const c = ledger.customers.get('c1')!;
    const plan = ladderTasks(c.sales[0], c.done, '2026-04-15');
    expect(plan.tasks.map((t) => [t.kind, t.status, t.reason ?? '', t.on])).toEqual([
      [CD, 'cancelled', 'delivery-confirmed', '2026-03-01'],
      [PDR, 'expired', 'due-date-passed', '2026-03-24'],
      [ON, 'done', '', '2026-04-07'],
      [CL, 'due', '', '2026-04-14'],
      [FV, 'upcoming', '', '2026-04-30']
    ]);
    expect(plan.tasks[2].done?.id).toBe('d1');
    expect(plan.due.map((t) => [t.key, t.daysWaiting])).toEqual([['s1:collection-letter', 1]]);
  });

  it('keys due-date tasks by the number of extensions applied', () => {
    expect(taskKey('s1', PDR)).toBe('s1:pre-due-reminder');
    expect(taskKey('s1', PDR, 1)).toBe('s1:pre-due-reminder:e1');
    expect(taskKey('s1', CD, 2)).toBe('s1:confirm-delivery');
    const ledger = buildLedger({ sales: [S], payments: [], extensions: [extension('x1', 's1')] });
    expect(ladderTasks(ledger.customers.get('c1')!.sales[0], [], '2026-04-23').due.map((t) => t.key)).toEqual(['s1:pre-due-reminder:e1']);
  });

  it('counts attempts without an answer', () => {
    const done = [doneTask('d1', 's1', ON, '2026-04-07', 'no-answer'), doneTask('d2', 's1', ON, '2026-04-08', 'no-answer')];
    const ledger = buildLedger({ sales: [S], payments: [], done });
    const task = ladderTasks(ledger.customers.get('c1')!.sales[0], done, '2026-04-09').due[0];
    expect(task).toMatchObject({ kind: ON, attempts: 2, status: 'due' });
  });

  it('a done task stays done after the sale is edited', () => {
    const done = [doneTask('d1', 's1', ON, '2026-04-08', 'notice-sent')];
    for (const edited of [
      { ...S, amount: y(12_000) },
      { ...S, shipDate: '2026-03-02' },
      { ...S, invoiceNo: 'FP-NEW' }
    ]) {
      const ledger = buildLedger({ sales: [edited], payments: [], done });
      const c = ledger.customers.get('c1')!;
      expect(ladderTasks(c.sales[0], c.done, '2026-04-10').due).toEqual([]);
    }
  });
});

describe('ladderEffects', () => {
  it('a later trigger applies a lifted effect again', () => {
    const s2 = sale('s2', { shipDate: '2026-03-10', deliveryConfirmedOn: '2026-03-11' }); // due 04-09, 14 days on 04-23
    const ledger = buildLedger({ sales: [S, s2], payments: [], lifts: [lift('l1', { effect: 'stop-shipment', liftedOn: '2026-04-15' })] });
    const c = ledger.customers.get('c1')!;
    expect(ladderEffects(c.sales, c.lifts, '2026-04-22').stopShipment).toMatchObject({ active: false, since: null });
    const e = ladderEffects(c.sales, c.lifts, '2026-04-23');
    expect(e.stopShipment).toMatchObject({ active: true, since: '2026-04-23' });
    expect(e.stopShipment.triggers.map((x) => [x.saleId, x.on, x.lift?.id ?? null])).toEqual([
      ['s1', '2026-04-14', 'l1'],
      ['s2', '2026-04-23', null]
    ]);
  });

  it('gives each entry its sale, day and days overdue', () => {
    const ledger = buildLedger({ sales: [S], payments: [pay('p1', '2026-05-05', y(10_000))] });
    const c = ledger.customers.get('c1')!;
    const e = ladderEffects(c.sales, c.lifts, '2026-05-10');
    expect(e.badCredit).toEqual([
      expect.objectContaining({
        effect: 'bad-credit',
        saleId: 's1',
        invoiceNo: 'FP-s1',
        on: '2026-04-07',
        daysOverdue: 35,
        settledOn: '2026-05-05',
        open: 0
      })
    ]);
    expect(e.blacklist).toMatchObject({ active: true, since: '2026-04-30' });
    expect(e.stopShipment.triggers).toEqual([]);
  });

  it('lists the sales exempt from the stop by their cause', () => {
    const ledger = buildLedger({ sales: [{ ...S, overdueCause: 'non-credit' }], payments: [] });
    const c = ledger.customers.get('c1')!;
    const e = ladderEffects(c.sales, c.lifts, '2026-04-20');
    expect(e.stopShipment.exempt.map((x) => x.saleId)).toEqual(['s1']);
    expect(e.stopShipment.active).toBe(false);
  });
});
