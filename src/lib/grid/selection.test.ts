import { describe, expect, it } from 'vitest';
import { clampRect, moveCell, rectCells, rectContains, rectOf, type Move } from './selection';

describe('moveCell', () => {
  it.each<[Move, number, number]>([
    ['up', 4, 3],
    ['down', 6, 3],
    ['left', 5, 2],
    ['right', 5, 4],
    ['row-start', 5, 0],
    ['row-end', 5, 9],
    ['top', 0, 3],
    ['bottom', 99, 3],
    ['first', 0, 0],
    ['last', 99, 9],
    ['page-up', 0, 3],
    ['page-down', 15, 3]
  ])('%s', (move, r, c) => expect(moveCell({ r: 5, c: 3 }, move, 100, 10, 10)).toEqual({ r, c }));
  it('stays inside the grid', () => {
    expect(moveCell({ r: 0, c: 0 }, 'up', 100, 10, 10)).toEqual({ r: 0, c: 0 });
    expect(moveCell({ r: 99, c: 9 }, 'right', 100, 10, 10)).toEqual({ r: 99, c: 9 });
  });
});

describe('rects', () => {
  it('normalises, contains, counts and clamps', () => {
    const r = rectOf({ r: 5, c: 1 }, { r: 2, c: 3 });
    expect(r).toEqual({ r0: 2, c0: 1, r1: 5, c1: 3 });
    expect(rectContains(r, 2, 3)).toBe(true);
    expect(rectContains(r, 6, 3)).toBe(false);
    expect(rectCells(r)).toBe(12);
    expect(clampRect(r, 4, 2)).toEqual({ r0: 2, c0: 1, r1: 3, c1: 1 });
  });
});
