import { describe, expect, it } from 'vitest';
import type { Fen } from '$lib/domain/money';
import {
  allocationsToStore,
  autoAllocate,
  checkAllocationEdit,
  checkManagerAction,
  creditSaleRecords,
  defaultStaffId,
  type StaffLike
} from './rules';

const boss: StaffLike = { id: 's1', name: '王丽', manager: true, active: true };
const clerk: StaffLike = { id: 's2', name: '李明', manager: false, active: true };
const gone: StaffLike = { id: 's3', name: '赵六', manager: true, active: false };
const deleted: StaffLike = { id: 's4', name: '钱七', manager: true, active: true, deleted: 1 };
const f = (n: number) => n as Fen;

describe('checkManagerAction', () => {
  const cases: [string, StaffLike | undefined, string, string[]][] = [
    ['manager with a reason', boss, '老客户，已承诺付款', []],
    ['no staff', undefined, '理由', ['staff-required']],
    ['deleted staff', deleted, '理由', ['staff-required']],
    ['not a manager', clerk, '理由', ['not-manager']],
    ['inactive manager', gone, '理由', ['not-manager']],
    ['blank reason', boss, '   ', ['reason-required']],
    ['nothing right', clerk, '', ['not-manager', 'reason-required']]
  ];
  it.each(cases)('%s', (_, staff, reason, expected) => {
    expect(checkManagerAction(staff, reason)).toEqual(expected);
  });
});

describe('defaultStaffId', () => {
  const staff = [boss, clerk, gone];
  it.each([
    ['王丽', true, 's1'],
    ['李明', true, ''],
    ['李明', false, 's2'],
    ['赵六', true, ''],
    ['', false, ''],
    [undefined, false, '']
  ] as const)('%s managersOnly=%s → %s', (name, managers, id) => {
    expect(defaultStaffId(staff, name, managers)).toBe(id);
  });
});

describe('creditSaleRecords', () => {
  const draft = { customerId: 'c1', agreementId: 'a1', invoiceNo: ' ', shipDate: '2026-03-01', amount: f(50_000), termDays: 30 };
  const base = {
    today: '2026-03-01',
    blacklisted: false,
    stopShipment: false,
    agreement: { limit: f(100_000), startDate: '2026-01-01', endDate: '2026-12-31' },
    openReceivables: f(40_000),
    unbilledShipments: f(0),
    order: f(50_000)
  };
  it('writes the sale alone within the limit, dropping blank fields', () => {
    const r = creditSaleRecords(draft, 'S1', base, null);
    expect(r.ok && r.override).toBe(null);
    expect(r.ok && r.sale).toEqual({ id: 'S1', customerId: 'c1', agreementId: 'a1', shipDate: '2026-03-01', amount: 50_000, termDays: 30 });
  });
  it('stops over the limit without an override', () => {
    const r = creditSaleRecords(draft, 'S1', { ...base, openReceivables: f(60_000) }, null);
    expect(r.ok).toBe(false);
    expect(r.decision.reasons).toEqual(['over-limit']);
  });
  const stopped = { ...base, openReceivables: f(60_000), stopShipment: true, blacklisted: true };
  it.each([
    ['a clerk', clerk, '理由', ['not-manager']],
    ['a manager without a reason', boss, ' ', ['reason-required']]
  ] as const)('refuses an override by %s', (_, staff, reason, problems) => {
    const r = creditSaleRecords(draft, 'S1', stopped, { staff, reason, at: 1 });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems).toEqual(problems);
  });
  it('a manager with a reason lets it through: sale + override naming it, every reason kept', () => {
    const r = creditSaleRecords(draft, 'S1', stopped, { staff: boss, reason: ' 大客户 ', at: 1234 });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.decision.decision).toBe('allow-by-override');
    expect(r.override).toEqual({
      customerId: 'c1',
      saleId: 'S1',
      by: 's1',
      at: 1234,
      reason: '大客户',
      reasons: ['blacklisted', 'stop-shipment', 'over-limit'],
      exposure: 110_000,
      limit: 100_000
    });
  });
  it('an override without any agreement stores no limit', () => {
    const r = creditSaleRecords(draft, 'S1', { ...base, agreement: null }, { staff: boss, reason: '先发货', at: 1 });
    expect(r.ok && r.override).toMatchObject({ reasons: ['no-agreement'], exposure: 90_000 });
    expect(r.ok && r.override && 'limit' in r.override).toBe(false);
  });
});

describe('allocation editing', () => {
  const open = [
    { saleId: 'a', open: f(1000) },
    { saleId: 'b', open: f(500) },
    { saleId: 'c', open: f(300) }
  ];
  it.each([
    [0, []],
    [700, [{ saleId: 'a', amount: 700 }]],
    [
      1200,
      [
        { saleId: 'a', amount: 1000 },
        { saleId: 'b', amount: 200 }
      ]
    ],
    [
      5000,
      [
        { saleId: 'a', amount: 1000 },
        { saleId: 'b', amount: 500 },
        { saleId: 'c', amount: 300 }
      ]
    ]
  ])('auto-allocates %i oldest first', (amount, lines) => {
    expect(autoAllocate(open, amount)).toEqual(lines);
  });

  it.each([
    [
      'fits',
      [
        { saleId: 'c', amount: 300 },
        { saleId: 'a', amount: 200 }
      ],
      600,
      []
    ],
    ['zero lines are ignored', [{ saleId: 'zzz', amount: 0 }], 600, []],
    ['over the open amount', [{ saleId: 'b', amount: 501 }], 600, [{ code: 'over-open', saleId: 'b', open: 500, amount: 501 }]],
    [
      'over the payment',
      [
        { saleId: 'a', amount: 400 },
        { saleId: 'b', amount: 300 }
      ],
      600,
      [{ code: 'over-payment', total: 700, payment: 600 }]
    ],
    ['unknown sale', [{ saleId: 'x', amount: 1 }], 600, [{ code: 'not-a-sale', saleId: 'x' }]],
    ['negative', [{ saleId: 'a', amount: -1 }], 600, [{ code: 'not-positive', saleId: 'a' }]],
    ['fraction of a fen', [{ saleId: 'a', amount: 1.5 }], 600, [{ code: 'not-positive', saleId: 'a' }]]
  ])('%s', (_, lines, payment, problems) => {
    expect(checkAllocationEdit(lines as { saleId: string; amount: Fen }[], payment, open)).toEqual(problems);
  });

  it.each([
    [
      'the automatic lines are not stored',
      [
        { saleId: 'a', amount: 1000 },
        { saleId: 'b', amount: 200 }
      ],
      1200,
      undefined
    ],
    ['nothing typed → automatic', [{ saleId: 'a', amount: 0 }], 1200, undefined],
    [
      'a manual split is stored without zero lines',
      [
        { saleId: 'a', amount: 0 },
        { saleId: 'c', amount: 300 }
      ],
      1200,
      [{ saleId: 'c', amount: 300 }]
    ]
  ])('%s', (_, lines, payment, stored) => {
    expect(allocationsToStore(lines as { saleId: string; amount: Fen }[], payment, open)).toEqual(stored);
  });
});
