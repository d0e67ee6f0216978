import { describe, expect, it } from 'vitest';
import type { Fen } from '$lib/domain/money';
import { cellsOf, mergePasted, pasteAmountsAt, readStatementCells } from './statement-cells';

describe('the statement sheet', () => {
  it('reads typed 元 into fen per period; blank is not given; bad cells are named', () => {
    const r = readStatementCells([
      { label: '2025', cells: { currentAssets: '5,000,000', cash: '', inventory: '12万' } },
      { label: '2024', cells: { currentAssets: '四百万', equity: '-1,000.50' } }
    ]);
    expect(r.periods).toEqual([
      { label: '2025', statement: { currentAssets: 500_000_000, inventory: 12_000_000 } },
      { label: '2024', statement: { equity: -100_050 } }
    ]);
    expect([...r.invalid]).toEqual(['1:currentAssets']);
  });

  it('a paste replaces the pasted items, keeps the others and adds periods', () => {
    const merged = mergePasted(
      [{ label: '2025', cells: { currentAssets: '1', cash: '2' } }],
      [
        { label: null, values: { currentAssets: 123_456 as Fen, inventory: null } },
        { label: '2024', values: { currentAssets: 100 as Fen } }
      ]
    );
    expect(merged).toEqual([
      { label: '2025', cells: { currentAssets: '1,234.56', cash: '2', inventory: '' } },
      { label: '2024', cells: { currentAssets: '1.00' } }
    ]);
  });

  it('stored periods come back as the same cells', () => {
    const cells = cellsOf([{ label: '2025', statement: { currentAssets: 500_000_000 as Fen, cash: null } }]);
    expect(cells).toEqual([{ label: '2025', cells: { currentAssets: '5,000,000.00' } }]);
    expect(readStatementCells(cells).periods[0].statement).toEqual({ currentAssets: 500_000_000 });
  });
});

describe('a column of amounts pasted at a cell', () => {
  it('fills down the items and across the periods from that cell', () => {
    const next = pasteAmountsAt(
      [{ label: '2025', cells: { cash: '9' } }],
      [
        ['1,000', '900'],
        ['-', '80']
      ],
      0,
      0
    );
    expect(next).toEqual([
      { label: '2025', cells: { currentAssets: '1,000.00', cash: '' } },
      { label: '', cells: { currentAssets: '900.00', cash: '80.00' } }
    ]);
  });
  it('stops at the last item and refuses a block with a cell that is not an amount', () => {
    expect(pasteAmountsAt([{ label: '', cells: {} }], [['1'], ['2']], 17, 0)).toEqual([{ label: '', cells: { closingInventory: '1.00' } }]);
    expect(pasteAmountsAt([{ label: '', cells: {} }], [['1'], ['两百']], 0, 0)).toBeNull();
  });
});
