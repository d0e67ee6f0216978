import { describe, expect, it } from 'vitest';
import { columnAt, hitTest, prefixSums, revealCell, visibleColumns, visibleRows, type Layout } from './geometry';

const layout = (widths: number[], frozen = 0): Layout => ({
  rowHeight: 32,
  headerHeight: 34,
  rowHeaderWidth: 50,
  prefix: prefixSums(widths),
  frozen
});

describe('columnAt', () => {
  const p = prefixSums([100, 50, 200]);
  it.each([
    [-5, 0],
    [0, 0],
    [99.9, 0],
    [100, 1],
    [149, 1],
    [150, 2],
    [349, 2],
    [10000, 2]
  ])('x=%d → %d', (x, col) => expect(columnAt(p, x)).toBe(col));
  it('is -1 without columns', () => expect(columnAt(prefixSums([]), 10)).toBe(-1));
});

describe('visibleRows', () => {
  const l = layout([100]);
  it.each([
    [0, 334, 100, 0, 0, 10],
    [32, 334, 100, 0, 1, 11],
    [40, 334, 100, 0, 1, 11],
    [0, 334, 5, 0, 0, 5],
    [3200, 334, 100000, 3, 97, 113],
    [0, 0, 100, 2, 0, 2],
    [0, 334, 0, 2, 0, 0]
  ])('scrollTop=%d height=%d rows=%d overscan=%d → [%d, %d)', (scrollTop, height, rows, overscan, start, end) => {
    expect(visibleRows(l, { scrollTop, scrollLeft: 0, width: 500, height }, rows, overscan)).toEqual({ start, end });
  });
});

describe('visibleColumns', () => {
  const widths = [100, 100, 100, 100, 100, 100];
  it('covers the viewport', () => {
    const l = layout(widths);
    expect(visibleColumns(l, { scrollTop: 0, scrollLeft: 0, width: 250, height: 300 })).toEqual({ start: 0, end: 2 });
    expect(visibleColumns(l, { scrollTop: 0, scrollLeft: 150, width: 250, height: 300 })).toEqual({ start: 1, end: 4 });
    expect(visibleColumns(l, { scrollTop: 0, scrollLeft: 150, width: 250, height: 300 }, 1)).toEqual({ start: 0, end: 5 });
  });
  it('starts after frozen columns', () => {
    const l = layout(widths, 2);
    // frozen width 200; body width 450 → data x [200+scrollLeft, 450+scrollLeft)
    expect(visibleColumns(l, { scrollTop: 0, scrollLeft: 0, width: 500, height: 300 })).toEqual({ start: 2, end: 5 });
    expect(visibleColumns(l, { scrollTop: 0, scrollLeft: 100, width: 500, height: 300 })).toEqual({ start: 3, end: 6 });
  });
  it('is empty when every column is frozen', () => {
    expect(visibleColumns(layout([100, 100], 2), { scrollTop: 0, scrollLeft: 0, width: 500, height: 300 })).toEqual({ start: 2, end: 2 });
  });
});

describe('revealCell', () => {
  const l = layout([100, 100, 100, 100, 100, 100], 1);
  const vp = { scrollTop: 320, scrollLeft: 100, width: 350, height: 34 + 320 };
  it('keeps a visible cell still', () => expect(revealCell(l, vp, 12, 2)).toEqual({ scrollTop: 320, scrollLeft: 100 }));
  it('scrolls up and left', () => expect(revealCell(l, vp, 3, 1)).toEqual({ scrollTop: 96, scrollLeft: 0 }));
  it('scrolls down and right', () => expect(revealCell(l, vp, 30, 5)).toEqual({ scrollTop: 32 * 31 - 320, scrollLeft: 600 - 300 }));
  it('never scrolls for a frozen column', () => expect(revealCell(l, vp, 12, 0).scrollLeft).toBe(100));
});

describe('hitTest', () => {
  const l = layout([100, 100, 100], 1);
  const vp = { scrollTop: 64, scrollLeft: 50, width: 300, height: 300 };
  it.each([
    [10, 10, { kind: 'corner' }],
    [60, 10, { kind: 'header', col: 0 }],
    [10, 40, { kind: 'row-header', row: 2 }],
    [60, 40, { kind: 'cell', row: 2, col: 0 }],
    // x 160 → dx 110 ≥ frozen 100 → data x 160 → column 1
    [160, 40, { kind: 'cell', row: 2, col: 1 }],
    [260, 40, { kind: 'cell', row: 2, col: 2 }],
    [60, 9000, { kind: 'cell', row: 9, col: 0 }]
  ])('(%d, %d)', (x, y, hit) => expect(hitTest(l, vp, 10, x, y)).toEqual(hit));
});
