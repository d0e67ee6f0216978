import { afterEach, describe, expect, it } from 'vitest';
import { IoError } from './errors';
import { ImportSession } from './import-session';
import { ALICE, everything, freshWorkspace } from './test-support';

/** A POS / fuel-card export (issue 11 "Purchases"): one date-and-time column, the station, the grade, litres, yuan, how it was paid. */
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

const TODAY = '2026-05-10';
const csv = (rows: string[][]) => new TextEncoder().encode(rows.map((r) => r.join(',')).join('\r\n'));
const HEADER = ['交易时间', '客户名称', '油站', '油品', '加油量', '单位', '实收金额', '支付方式', '流水号'];
const GOOD = csv([
  HEADER,
  ['2026-05-01 08:30:15', '顺达物流', '城东站', '0#柴油', '120.5', 'L', '¥905.00', 'IC卡', 'T0001'],
  ['2026/5/2 17:05', '蜀香餐饮', '城东站', '92#汽油', '40', 'L', '316', '现金', 'T0002'],
  ['2026-05-03', '顺达物流', '', '0#柴油', '', '', '1.2万', '挂账', 'T0003'],
  ['2026-05-04 09:00', '蜀香餐饮', '', '', '', '', '50', '微信支付', '']
]);

async function workspace() {
  const ws = await freshWorkspace();
  cleanups.push(ws.close);
  await ws.writes.write('change.add', [
    { type: 'insert', table: 'customers', record: { id: 'c1', kind: 'unit', name: '顺达物流' } },
    { type: 'insert', table: 'customers', record: { id: 'c2', kind: 'unit', name: '蜀香餐饮' } },
    { type: 'insert', table: 'orgUnits', record: { id: 's1', kind: 'site', name: '城东站' } }
  ]);
  return ws;
}

async function plan(ws: Awaited<ReturnType<typeof workspace>>, bytes: Uint8Array, today: string | undefined = TODAY) {
  const session = new ImportSession(ws.db, ALICE, 'zh-CN');
  cleanups.push(async () => session.destroy());
  await session.open('pos.csv', bytes);
  const { mapping } = await session.suggest('purchases');
  const summary = await session.plan('purchases', mapping, { duplicates: 'skip', blankClears: false, today });
  return { session, mapping, summary };
}

describe('importing purchases', () => {
  it('maps a POS export by its usual column names and imports every row, the time taken from the date column', async () => {
    const ws = await workspace();
    const { session, mapping, summary } = await plan(ws, GOOD);
    expect(mapping.map((m) => (m.target.kind === 'field' ? m.target.field : m.target.kind))).toEqual([
      'date',
      'customerId',
      'orgUnitId',
      'product',
      'volume',
      'unit',
      'amount',
      'paymentKind',
      'receiptNo'
    ]);
    expect(summary.counts).toMatchObject({ new: 4, rejected: 0 });
    await session.commit();
    const rows = (await ws.db.purchases.toArray()).map(({ date, time, customerId, orgUnitId, amount, volume, paymentKind, receiptNo }) => ({
      date,
      time,
      customerId,
      orgUnitId,
      amount,
      volume,
      paymentKind,
      receiptNo
    }));
    expect(rows).toEqual([
      {
        date: '2026-05-01',
        time: '08:30',
        customerId: 'c1',
        orgUnitId: 's1',
        amount: 90_500,
        volume: 120.5,
        paymentKind: 'card',
        receiptNo: 'T0001'
      },
      { date: '2026-05-02', time: '17:05', customerId: 'c2', orgUnitId: 's1', amount: 31_600, volume: 40, paymentKind: 'cash', receiptNo: 'T0002' },
      {
        date: '2026-05-03',
        time: undefined,
        customerId: 'c1',
        orgUnitId: undefined,
        amount: 1_200_000,
        volume: undefined,
        paymentKind: 'credit',
        receiptNo: 'T0003'
      },
      {
        date: '2026-05-04',
        time: '09:00',
        customerId: 'c2',
        orgUnitId: undefined,
        amount: 5_000,
        volume: undefined,
        paymentKind: 'other',
        receiptNo: undefined
      }
    ]);
  });

  it('the same file a second time finds every purchase again (by receipt, else customer, moment and amount)', async () => {
    const ws = await workspace();
    const first = await plan(ws, GOOD);
    await first.session.commit();
    const again = await plan(ws, GOOD);
    // three by their receipt numbers, the last (no receipt, but a time) by customer, moment and amount
    expect(again.summary.counts).toMatchObject({ new: 0, duplicate: 4 });
  });

  it.each([
    ['a negative amount', ['2026-05-01 08:00', '顺达物流', '', '', '', '', '-35', '现金', 'X1'], 6, 'purchase.problem.negative-amount'],
    ['an absurd amount', ['2026-05-01 08:00', '顺达物流', '', '', '', '', '200000000', '现金', 'X1'], 6, 'purchase.problem.absurd-amount'],
    ['a date in 2999', ['2999-01-01 08:00', '顺达物流', '', '', '', '', '35', '现金', 'X1'], 0, 'purchase.problem.future-date'],
    ['an unknown customer', ['2026-05-01 08:00', '不认识的公司', '', '', '', '', '35', '现金', 'X1'], 1, 'cell.error.link'],
    ['a negative volume', ['2026-05-01 08:00', '顺达物流', '', '', '-3', 'L', '35', '现金', 'X1'], 4, 'purchase.problem.negative-amount']
  ])('%s: the row is marked on its column and nothing of the file is imported', async (_name, bad, column, problem) => {
    const ws = await workspace();
    const before = await everything(ws.db);
    const { session, summary } = await plan(ws, csv([HEADER, ...csv0(GOOD), bad]));
    expect(summary.counts).toMatchObject({ new: 4, rejected: 1 });
    const row = summary.rows.find((r) => r.status === 'rejected')!;
    expect(row.line).toBe(6);
    expect(row.cells[column].problem).toBe(problem);
    const err = await session.commit().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IoError);
    expect((err as IoError).code).toBe('io.error.purchasesRejected');
    expect((err as IoError).params).toEqual({ count: 1 });
    expect(await everything(ws.db)).toEqual(before);
  });
});

/** The data rows of a CSV made by `csv` (to add rows to a file). */
function csv0(bytes: Uint8Array): string[][] {
  return new TextDecoder()
    .decode(bytes)
    .split('\r\n')
    .slice(1)
    .map((l) => l.split(','));
}
