import { expect, it } from 'vitest';
import { highlightBoxes } from './highlights';
import { defaultViewState } from './types';
import { resolveColumns } from './view';
import { columns, rows } from './test-fixtures';

it('places cursors by display row and column, skipping hidden ones', () => {
  const view = { ...defaultViewState(columns), hidden: ['qty'], frozen: 1 };
  const cols = resolveColumns(columns, view);
  // display order: r3, r1 (r2, r4, r5 filtered out)
  const positions = new Map([
    [2, 0],
    [0, 1]
  ]);
  const boxes = highlightBoxes(
    [
      { rowId: 'r1', column: 'name', color: 'red', name: '小李' },
      { rowId: 'r1', column: 'city', color: 'blue', name: '老王' },
      { rowId: 'r3', color: 'green', name: 'Ann' },
      { rowId: 'r2', column: 'name', color: 'red', name: 'gone' },
      { rowId: 'r4', column: 'qty', color: 'red', name: 'hidden' },
      { rowId: 'nope', color: 'red', name: 'missing' }
    ],
    rows,
    (i) => positions.get(i) ?? -1,
    cols,
    50,
    999
  );
  expect([...boxes.keys()].sort()).toEqual([0, 1]);
  expect(boxes.get(1)).toEqual([
    { left: 50, width: cols[0].width, frozen: true, color: 'red', name: '小李' },
    { left: 50 + cols[1].left, width: cols[1].width, frozen: false, color: 'blue', name: '老王' }
  ]);
  expect(boxes.get(0)).toEqual([{ left: 0, width: 999, frozen: false, color: 'green', name: 'Ann' }]);
});
