import { describe, expect, it } from 'vitest';
import { defaultViewState } from './types';
import { dropColumn, moveColumn, moveColumnBy, resolveColumns, setHidden, setWidth, toggleSort } from './view';
import { columns } from './test-fixtures';

const base = defaultViewState(columns);

describe('resolveColumns', () => {
  it('follows order, hides, appends unknown columns, computes offsets', () => {
    const view = { ...setHidden(base, 'city', true), order: ['qty', 'name'], frozen: 1, widths: { qty: 50 } };
    const r = resolveColumns(columns, view);
    expect(r.map((c) => c.key).slice(0, 3)).toEqual(['qty', 'name', 'amount']);
    expect(r.find((c) => c.key === 'city')).toBeUndefined();
    expect(r[0]).toMatchObject({ width: 50, left: 0, frozen: true, index: 0 });
    expect(r[1]).toMatchObject({ left: 50, frozen: false });
  });
  it('clamps widths', () => {
    expect(resolveColumns(columns, setWidth(base, 'name', 5))[0].width).toBe(48);
    expect(resolveColumns(columns, setWidth(base, 'name', 1e9))[0].width).toBe(1200);
  });
});

describe('toggleSort', () => {
  it('cycles asc → desc → none', () => {
    const a = toggleSort(base, 'name', false);
    expect(a.sort).toEqual([{ column: 'name', dir: 'asc' }]);
    const b = toggleSort(a, 'name', false);
    expect(b.sort).toEqual([{ column: 'name', dir: 'desc' }]);
    expect(toggleSort(b, 'name', false).sort).toEqual([]);
  });
  it('adds, flips and removes secondary keys', () => {
    const a = toggleSort(toggleSort(base, 'city', false), 'qty', true);
    expect(a.sort).toEqual([
      { column: 'city', dir: 'asc' },
      { column: 'qty', dir: 'asc' }
    ]);
    const b = toggleSort(a, 'qty', true);
    expect(b.sort[1]).toEqual({ column: 'qty', dir: 'desc' });
    expect(toggleSort(b, 'qty', true).sort).toEqual([{ column: 'city', dir: 'asc' }]);
    expect(toggleSort(b, 'name', false).sort).toEqual([{ column: 'name', dir: 'asc' }]);
  });
});

describe('moveColumn', () => {
  const keys = (v: typeof base) => resolveColumns(columns, v).map((c) => c.key);
  it('moves among visible columns, keeping hidden ones in place', () => {
    const v = setHidden(base, 'city', true);
    expect(keys(moveColumn(v, columns, 'amount', 0)).slice(0, 3)).toEqual(['amount', 'name', 'qty']);
    expect(keys(moveColumn(v, columns, 'name', 1)).slice(0, 3)).toEqual(['amount', 'name', 'qty']);
    const last = moveColumn(v, columns, 'name', 99);
    expect(keys(last).at(-1)).toBe('name');
    expect(last.order).toContain('city');
  });
  it('moves by one step', () => {
    expect(keys(moveColumnBy(base, columns, 'city', -1)).slice(0, 2)).toEqual(['city', 'name']);
    expect(moveColumnBy(base, columns, 'name', -1)).toBe(base);
  });
});

it('dropColumn forgets a column everywhere', () => {
  const v = {
    ...base,
    hidden: ['qty'],
    widths: { qty: 80 },
    sort: [{ column: 'qty', dir: 'asc' as const }],
    filters: [{ column: 'qty', op: 'empty' as const }]
  };
  const d = dropColumn(v, 'qty');
  expect(d.order).not.toContain('qty');
  expect(d).toMatchObject({ hidden: [], widths: {}, sort: [], filters: [] });
});

describe('frozen columns on a narrow grid', () => {
  it.each([
    [Infinity, 1],
    [400, 1],
    [100, 0]
  ])('with %s px for frozen columns, %s column stays frozen', (max, frozen) => {
    const resolved = resolveColumns(columns, { ...defaultViewState(columns), widths: { name: 200 } }, max);
    expect(resolved.filter((c) => c.frozen).length).toBe(frozen);
  });
});
