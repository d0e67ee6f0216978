import { describe, expect, it } from 'vitest';
import type { ColumnFilter } from '$lib/domain/records/types';
import { compileFilter, filterValueError, opsFor } from './filter';
import { columns, rows } from './test-fixtures';

const col = (key: string) => columns.find((c) => c.key === key);
const ids = (f: ColumnFilter) => {
  const p = compileFilter(f, col(f.column));
  return p ? rows.filter(p).map((r) => r.id) : null;
};

describe('compileFilter', () => {
  it.each<[ColumnFilter, string[] | null]>([
    [{ column: 'name', op: 'contains', value: '石油' }, ['r1']],
    [{ column: 'name', op: 'contains', value: 'apple' }, ['r3']],
    [{ column: 'name', op: 'not-contains', value: '北' }, ['r2', 'r3', 'r5']],
    [{ column: 'city', op: 'eq', value: ' 杭州 ' }, ['r2']],
    [{ column: 'city', op: 'neq', value: '杭州' }, ['r1', 'r3', 'r4', 'r5']],
    [{ column: 'amount', op: 'gte', value: '50' }, ['r1', 'r2']],
    [{ column: 'amount', op: 'lt', value: '1' }, ['r4', 'r5']],
    [{ column: 'amount', op: 'eq', value: '¥1,200' }, ['r1']],
    [{ column: 'amount', op: 'empty' }, ['r3']],
    [{ column: 'amount', op: 'not-empty' }, ['r1', 'r2', 'r4', 'r5']],
    [{ column: 'qty', op: 'gt', value: '2' }, ['r1', 'r2']],
    [{ column: 'qty', op: 'neq', value: '2' }, ['r1', 'r2', 'r3', 'r4']],
    [{ column: 'since', op: 'lt', value: '2024/6/1' }, ['r1', 'r2']],
    [{ column: 'since', op: 'gte', value: '2025年12月31日' }, ['r4']],
    [{ column: 'tier', op: 'eq', value: 'vip' }, ['r2']],
    [{ column: 'tier', op: 'empty' }, ['r4']],
    [{ column: 'tags', op: 'eq', value: '重点' }, ['r3']],
    [{ column: 'tags', op: 'contains', value: '客户' }, ['r1', 'r3']],
    [{ column: 'vip', op: 'eq', value: '是' }, ['r1']],
    [{ column: 'vip', op: 'neq', value: 'true' }, ['r2', 'r3', 'r4', 'r5']],
    [{ column: 'owner', op: 'eq', value: '李强' }, ['r2']],
    [{ column: 'owner', op: 'contains', value: '王' }, ['r1']],
    // unusable conditions filter nothing
    [{ column: 'qty', op: 'gt', value: 'abc' }, null],
    [{ column: 'name', op: 'contains', value: '' }, null],
    [{ column: 'nope', op: 'contains', value: 'x' }, null]
  ])('%j', (f, expected) => expect(ids(f)).toEqual(expected));
});

describe('filterValueError', () => {
  it('parses the value with the column type', () => {
    expect(filterValueError({ column: 'qty', op: 'gt', value: 'x' }, col('qty')!)).toBe('cell.error.number');
    expect(filterValueError({ column: 'since', op: 'eq', value: '2024-02-30' }, col('since')!)).toBe('cell.error.date');
    expect(filterValueError({ column: 'qty', op: 'empty' }, col('qty')!)).toBeNull();
    expect(filterValueError({ column: 'name', op: 'contains', value: 'x' }, col('name')!)).toBeNull();
  });
  it('offers operators per type', () => {
    expect(opsFor('checkbox')).toEqual(['eq', 'neq']);
    expect(opsFor('money')).toContain('gte');
    expect(opsFor('text')).not.toContain('gt');
  });
});
