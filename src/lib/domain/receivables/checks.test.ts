import { describe, expect, it } from 'vitest';
import { checkValue } from '../cells';
import { checkReceivableRecord, type RecordProblemCode } from './checks';
import { RECEIVABLE_FIELDS, RECEIVABLE_TABLES } from './fields';
import { buildLedger } from './ledger';
import { doneTask, extension, lift, pay, sale, y } from '$lib/demo/receivables-testing';
import { ALL_TASK_OUTCOMES, TASK_OUTCOMES, type CreditAgreementRow } from './types';

const codes = (problems: { code: RecordProblemCode }[]) => problems.map((p) => p.code);

describe('checkReceivableRecord', () => {
  it('accepts good records of every table', () => {
    const agreement: CreditAgreementRow = { id: 'a1', customerId: 'c1', limit: y(1), termDays: 30, startDate: '2026-01-01', endDate: '2026-12-31' };
    expect(checkReceivableRecord('creditAgreements', agreement)).toEqual([]);
    expect(checkReceivableRecord('creditSales', sale('s1'))).toEqual([]);
    expect(checkReceivableRecord('payments', pay('p1', '2026-01-01', y(5), { allocations: [{ saleId: 's1', amount: y(5) }] }))).toEqual([]);
    expect(checkReceivableRecord('extensionRequests', extension('x1', 's1'))).toEqual([]);
    expect(checkReceivableRecord('ladderTasksDone', doneTask('d1', 's1', 'field-visit', '2026-05-01', 'visited'))).toEqual([]);
    expect(checkReceivableRecord('ladderEffectLifts', lift('l1'))).toEqual([]);
  });

  it.each<[string, () => ReturnType<typeof checkReceivableRecord>, RecordProblemCode[]]>([
    ['a sale of 0', () => checkReceivableRecord('creditSales', sale('s1', { amount: y(0) })), ['amount-not-positive']],
    ['a sale of 1.5 fen', () => checkReceivableRecord('creditSales', sale('s1', { amount: 1.5 as never })), ['amount-not-positive']],
    ['a sale on 2026-02-30', () => checkReceivableRecord('creditSales', sale('s1', { shipDate: '2026-02-30' })), ['date-invalid']],
    ['a negative term', () => checkReceivableRecord('creditSales', sale('s1', { termDays: -1 })), ['term-invalid']],
    ['a due date before shipping', () => checkReceivableRecord('creditSales', sale('s1', { dueDate: '2026-02-01' })), ['due-before-ship']],
    [
      'a payment split beyond itself',
      () => checkReceivableRecord('payments', pay('p1', '2026-01-01', y(5), { allocations: [{ saleId: 's1', amount: y(6) }] })),
      ['allocations-exceed-amount']
    ],
    [
      'a payment split with a blank sale',
      () => checkReceivableRecord('payments', pay('p1', '2026-01-01', y(5), { allocations: [{ saleId: '', amount: y(5) }] })),
      ['allocation-invalid']
    ],
    [
      'an approval without who',
      () => checkReceivableRecord('extensionRequests', extension('x1', 's1', { decidedBy: undefined })),
      ['decision-incomplete']
    ],
    [
      'an outcome of another task',
      () => checkReceivableRecord('ladderTasksDone', doneTask('d1', 's1', 'field-visit', '2026-05-01', 'letter-sent')),
      ['outcome-not-of-kind']
    ],
    [
      'a key of another sale',
      () => checkReceivableRecord('ladderTasksDone', doneTask('d1', 's1', 'field-visit', '2026-05-01', 'visited', { taskKey: 's2:field-visit' })),
      ['task-key-mismatch']
    ],
    ['a lift without a reason', () => checkReceivableRecord('ladderEffectLifts', lift('l1', { reason: '  ' })), ['reason-required']],
    ['a lift without who', () => checkReceivableRecord('ladderEffectLifts', lift('l1', { liftedBy: '' })), ['lifted-by-required']]
  ])('flags %s', (_name, check, expected) => {
    expect(codes(check())).toEqual(expected);
  });

  it('the ledger skips rows with errors and says which', () => {
    const ledger = buildLedger({
      sales: [sale('s1'), sale('bad', { amount: y(-5) })],
      payments: [pay('p1', 'soon', y(5))],
      lifts: [lift('l1', { reason: '' })],
      done: [doneTask('d1', 's1', 'field-visit', '2026-05-01', 'letter-sent')]
    });
    expect(ledger.customers.get('c1')!.sales.map((s) => s.sale.id)).toEqual(['s1']);
    expect(ledger.problems.map((p) => [p.table, p.id, 'record' in p ? p.record.code : p.allocation.code])).toEqual([
      ['creditSales', 'bad', 'amount-not-positive'],
      ['payments', 'p1', 'date-invalid'],
      ['ladderTasksDone', 'd1', 'outcome-not-of-kind'],
      ['ladderEffectLifts', 'l1', 'reason-required']
    ]);
  });
});

describe('RECEIVABLE_FIELDS', () => {
  it('has a spec for every table and every stored field', () => {
    expect(Object.keys(RECEIVABLE_FIELDS)).toEqual([...RECEIVABLE_TABLES]);
    const samples: Record<string, object> = {
      creditSales: sale('s1', {
        agreementId: 'a1',
        dueDate: '2026-04-01',
        goods: 'g',
        orgUnitId: 'o1',
        deliveryConfirmedOn: '2026-03-02',
        overdueCause: 'credit',
        causeNote: 'n',
        notes: 'n'
      }),
      payments: pay('p1', '2026-01-01', y(5), { reference: 'r', allocations: [{ saleId: 's1', amount: y(5) }], notes: 'n' }),
      extensionRequests: extension('x1', 's1', { approvedDueDate: '2026-04-20', decisionNote: 'n' }),
      ladderTasksDone: doneTask('d1', 's1', 'pre-due-reminder', '2026-03-25', 'payment-date-agreed', { promisedOn: '2026-03-31', note: 'n' }),
      ladderEffectLifts: lift('l1', { saleId: 's1' })
    };
    for (const [table, row] of Object.entries(samples)) {
      const spec = RECEIVABLE_FIELDS[table as keyof typeof RECEIVABLE_FIELDS];
      for (const [field, value] of Object.entries(row)) {
        if (field === 'id') continue;
        expect(spec[field], `${table}.${field}`).toBeDefined();
        if (!spec[field].json) expect(checkValue(spec[field], value), `${table}.${field}`).toBeNull();
      }
      for (const [field, fs] of Object.entries(spec)) {
        if (fs.required) expect(row, `${table}.${field} is required`).toHaveProperty(field);
      }
    }
  });

  it('offers every task outcome as a choice', () => {
    expect(RECEIVABLE_FIELDS.ladderTasksDone.outcome.options).toEqual(ALL_TASK_OUTCOMES);
    for (const outcomes of Object.values(TASK_OUTCOMES)) for (const o of outcomes) expect(ALL_TASK_OUTCOMES).toContain(o);
  });
});
