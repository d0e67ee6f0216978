import { describe, expect, it } from 'vitest';
import { defaultViewState } from './types';
import { planClear, planFillDown, planPaste, rangeTexts, type PlanContext } from './edits';
import { selectionStats } from './stats';
import { resolveColumns } from './view';
import { cellText } from './values';
import { columns, rows, type TRow } from './test-fixtures';

const ctx: PlanContext<TRow> = {
  rows,
  order: Int32Array.from([0, 1, 2, 3, 4]),
  columns: resolveColumns(columns, defaultViewState(columns))
};
const col = (key: string) => ctx.columns.findIndex((c) => c.key === key);
const at = (r: number, key: string) => ({ r0: r, c0: col(key), r1: r, c1: col(key) });

describe('planPaste', () => {
  it('writes a block to the right and down, parsing by type', () => {
    const plan = planPaste(ctx, [['上海', '1,234.5', '7']], at(0, 'city'));
    expect(plan).toEqual({
      ok: true,
      commit: {
        edits: [
          { rowId: 'r1', column: 'city', value: '上海' },
          { rowId: 'r1', column: 'amount', value: 123450 },
          { rowId: 'r1', column: 'qty', value: 7 }
        ],
        newRows: []
      },
      skipped: []
    });
  });

  it('fills a range with a single value and skips unchanged cells', () => {
    const plan = planPaste(ctx, [['B']], { r0: 0, c0: col('tier'), r1: 4, c1: col('tier') });
    expect(plan.ok && plan.commit.edits.map((e) => e.rowId)).toEqual(['r1', 'r2', 'r3', 'r4']);
  });

  it('makes new rows past the last row and skips empty ones', () => {
    const plan = planPaste(
      ctx,
      [
        ['新公司', '杭州'],
        ['', ''],
        ['另一家', '']
      ],
      at(4, 'name')
    );
    expect(plan.ok && plan.commit).toEqual({
      edits: [
        { rowId: 'r5', column: 'name', value: '新公司' },
        { rowId: 'r5', column: 'city', value: '杭州' }
      ],
      newRows: [{ name: '另一家' }]
    });
  });

  it.each([
    {
      what: 'a bad number among good ones',
      data: [['1'], ['x'], ['5']],
      at: at(1, 'qty'),
      edits: [
        ['r2', 'qty', 1],
        ['r4', 'qty', 5]
      ],
      newRows: [],
      skipped: [{ row: 3, column: '数量', error: 'cell.error.number' }]
    },
    {
      what: 'a blank required cell',
      data: [['']],
      at: at(0, 'name'),
      edits: [],
      newRows: [],
      skipped: [{ row: 1, column: '名称', error: 'cell.error.required' }]
    },
    {
      what: 'a bad amount and a bad date in one row, the good cells of the row kept',
      data: [['上海', 'abc', '7', '2025-02-30', 'A']],
      at: at(0, 'city'),
      edits: [
        ['r1', 'city', '上海'],
        ['r1', 'qty', 7]
      ],
      newRows: [],
      skipped: [
        { row: 1, column: '金额', error: 'cell.error.money' },
        { row: 1, column: '日期', error: 'cell.error.date' }
      ]
    },
    {
      what: 'new rows: a bad cell left out, a row without its required name left out whole',
      data: [
        ['新公司', '杭州', 'abc'],
        ['', '上海']
      ],
      at: { r0: 5, c0: col('name'), r1: 5, c1: col('name') },
      edits: [],
      newRows: [{ name: '新公司', city: '杭州' }],
      skipped: [
        { row: 6, column: '金额', error: 'cell.error.money' },
        { row: 7, column: '名称', error: 'cell.error.required' }
      ]
    }
  ])('keeps the good cells of a paste and lists the bad ones: $what', ({ data, at: range, edits, newRows, skipped }) => {
    const plan = planPaste(ctx, data, range);
    expect(plan.commit.edits.map((e) => [e.rowId, e.column, e.value])).toEqual(edits);
    expect(plan.commit.newRows).toEqual(newRows);
    expect(plan.skipped).toEqual(skipped);
  });

  it('skips readonly columns and drops columns past the last', () => {
    const plan = planPaste(ctx, [['李强', 'X-1', 'extra']], at(0, 'owner'));
    expect(plan.ok && plan.commit.edits).toEqual([{ rowId: 'r1', column: 'owner', value: 's2' }]);
  });

  it('tiles a block over a range it fits a whole number of times', () => {
    const plan = planPaste(ctx, [['1'], ['2']], { r0: 0, c0: col('qty'), r1: 3, c1: col('qty') });
    // r3 already holds 1
    expect(plan.ok && plan.commit.edits.map((e) => [e.rowId, e.value])).toEqual([
      ['r1', 1],
      ['r2', 2],
      ['r4', 2]
    ]);
  });
});

describe('planClear / planFillDown', () => {
  it('clears non-empty editable cells', () => {
    const plan = planClear(ctx, { r0: 0, c0: col('amount'), r1: 4, c1: col('qty') });
    expect(plan.ok && plan.commit.edits.length).toBe(8);
    expect(planClear(ctx, at(0, 'name'))).toMatchObject({ ok: false, problem: { row: 1, column: '名称' } });
    expect(planClear(ctx, at(0, 'code'))).toEqual({ ok: true, commit: { edits: [], newRows: [] } });
  });

  it('fills down from the first row, or from the row above', () => {
    const plan = planFillDown(ctx, { r0: 0, c0: col('tags'), r1: 2, c1: col('tags') });
    expect(plan.ok && plan.commit.edits).toEqual([
      { rowId: 'r2', column: 'tags', value: ['老客户'] },
      { rowId: 'r3', column: 'tags', value: ['老客户'] }
    ]);
    const one = planFillDown(ctx, at(1, 'city'));
    expect(one.ok && one.commit.edits).toEqual([{ rowId: 'r2', column: 'city', value: '石家庄' }]);
  });
});

describe('copy texts and stats', () => {
  it('copies displayed texts', () => {
    const texts = rangeTexts(ctx, { r0: 0, c0: col('amount'), r1: 1, c1: col('qty') }, (r, c) => cellText(c.col, r));
    expect(texts).toEqual([
      ['1,200.00', '3'],
      ['50.00', '10']
    ]);
  });
  it('sums numbers and money apart', () => {
    const s = selectionStats(ctx, { r0: 0, c0: col('amount'), r1: 4, c1: col('qty') });
    expect(s).toEqual({ cells: 10, number: { count: 4, sum: 16 }, money: { count: 4, sum: 124999 } });
    expect(selectionStats(ctx, at(0, 'qty'))).toEqual({ cells: 1, number: null, money: null });
    expect(selectionStats(ctx, { r0: 0, c0: 0, r1: 4, c1: 1 })).toMatchObject({ number: null, money: null });
  });
});
