import { describe, expect, it } from 'vitest';
import { ENVELOPE_FIELDS, planMerge } from './merge';
import type { Customer } from './types';

function customer(fields: Partial<Customer>): Customer {
  return {
    id: 'c-x',
    deleted: 0,
    createdAt: 1,
    createdBy: 'p-1',
    updatedAt: 2,
    updatedBy: 'p-1',
    _f: { name: { at: 2, by: 'p-1' } },
    kind: 'unit',
    name: '',
    ...fields
  };
}

const keep = (fields: Partial<Customer>) => customer({ id: 'keep', name: '杭州顺达物流有限公司', ...fields });
const other = (fields: Partial<Customer>) =>
  customer({
    id: 'other',
    name: '杭州顺达物流',
    deleted: 0,
    createdAt: 5,
    createdBy: 'p-2',
    updatedAt: 6,
    updatedBy: 'p-2',
    _f: { mobile: { at: 6, by: 'p-2' } },
    ...fields
  });

describe('planMerge', () => {
  it.each<[string, Customer, Customer, ReturnType<typeof planMerge>]>([
    [
      'blanks in keep are filled from other; a different name is noted',
      keep({ mobile: '', address: undefined, industry: '物流' }),
      other({ mobile: '13800138000', address: '文三路 90 号', industry: '物流' }),
      {
        // the other name is kept in the notes too, so a search for it still finds the customer
        patch: { mobile: '13800138000', address: '文三路 90 号', notes: '[合并 杭州顺达物流] name: 杭州顺达物流' },
        conflicts: [{ field: 'name', kept: '杭州顺达物流有限公司', other: '杭州顺达物流' }]
      }
    ],
    [
      "keep's values win and other's go to the notes",
      keep({ name: '顺达', tier: 'A', mobile: '13800138000', notes: '老客户' }),
      other({ name: '顺达', tier: 'B', mobile: '13900139000' }),
      {
        patch: { notes: '老客户\n[合并 顺达] tier: B\n[合并 顺达] mobile: 13900139000' },
        conflicts: [
          { field: 'tier', kept: 'A', other: 'B' },
          { field: 'mobile', kept: '13800138000', other: '13900139000' }
        ]
      }
    ],
    [
      'formatting differences are not conflicts',
      keep({ name: '顺达', mobile: '13800138000', creditCode: '91350100M000100Y43', phone: '0571-88881234' }),
      other({
        name: ' 顺达 ',
        mobile: '+86 138 0013 8000',
        creditCode: '91350100m000100y43',
        phone: '(0571) 8888 1234'
      }),
      { patch: {}, conflicts: [] }
    ],
    [
      'tags and segments are unioned',
      keep({ name: '顺达', tags: ['重点客户', '长期合作'], segments: ['中小企业'] }),
      other({ name: '顺达', tags: ['长期合作', '回款慢'], segments: ['中小企业'] }),
      { patch: { tags: ['重点客户', '长期合作', '回款慢'] }, conflicts: [] }
    ],
    [
      'custom fields follow the same rules',
      keep({ name: '顺达', x_contract: 'HT-001', x_region: '', x_lines: ['柴油'] }),
      other({ name: '顺达', x_contract: 'HT-009', x_region: '浙北', x_lines: ['汽油', '柴油'], x_count: 0 }),
      {
        patch: {
          x_region: '浙北',
          x_lines: ['柴油', '汽油'],
          x_count: 0,
          notes: '[合并 顺达] x_contract: HT-009'
        },
        conflicts: [{ field: 'x_contract', kept: 'HT-001', other: 'HT-009' }]
      }
    ],
    [
      "other's notes are kept under keep's",
      keep({ name: '顺达', notes: '每月 25 日对账' }),
      other({ name: '顺达', notes: '只接受专票' }),
      {
        patch: { notes: '每月 25 日对账\n[合并 顺达] notes: 只接受专票' },
        conflicts: [{ field: 'notes', kept: '每月 25 日对账', other: '只接受专票' }]
      }
    ],
    [
      "other's notes fill empty notes",
      keep({ name: '顺达' }),
      other({ name: '顺达', notes: '只接受专票' }),
      { patch: { notes: '只接受专票' }, conflicts: [] }
    ],
    [
      'a parent is taken from other',
      keep({ name: '顺达' }),
      other({ name: '顺达', parentId: 'group' }),
      { patch: { parentId: 'group' }, conflicts: [] }
    ],
    ['keep never becomes its own parent', keep({ name: '顺达' }), other({ name: '顺达', parentId: 'keep' }), { patch: {}, conflicts: [] }],
    [
      'a parent link to the merged-away record moves to its parent',
      keep({ name: '顺达', parentId: 'other' }),
      other({ name: '顺达', parentId: 'group' }),
      { patch: { parentId: 'group' }, conflicts: [] }
    ],
    [
      'a parent link to the merged-away record is cleared when it has no parent',
      keep({ name: '顺达', parentId: 'other' }),
      other({ name: '顺达' }),
      { patch: { parentId: undefined }, conflicts: [] }
    ],
    [
      'different parents conflict',
      keep({ name: '顺达', parentId: 'g1' }),
      other({ name: '顺达', parentId: 'g2' }),
      {
        patch: { notes: '[合并 顺达] parentId: g2' },
        conflicts: [{ field: 'parentId', kept: 'g1', other: 'g2' }]
      }
    ]
  ])('%s', (_label, k, o, expected) => {
    const plan = planMerge(k, o);
    expect(plan).toEqual(expected);
    expect(Object.keys(plan.patch)).toEqual(Object.keys(expected.patch));
  });

  it('never touches the envelope', () => {
    const k = keep({ deleted: 0 });
    const o = other({ deleted: 1 });
    delete k._f;
    const plan = planMerge(k, o);
    for (const field of ENVELOPE_FIELDS) expect(plan.patch).not.toHaveProperty(field);
  });

  it('does not change either record', () => {
    const k = keep({ tags: ['a'], notes: 'x' });
    const o = other({ tags: ['b'], notes: 'y', tier: 'C' });
    const before = [structuredClone(k), structuredClone(o)];
    planMerge(k, o);
    expect([k, o]).toEqual(before);
  });

  // Merged either way round, nothing of either record is lost.
  const a = customer({
    id: 'a',
    kind: 'unit',
    name: '杭州顺达物流有限公司',
    creditCode: '91350100M000100Y43',
    tier: 'A',
    mobile: '13800138000',
    tags: ['重点客户'],
    notes: '每月对账',
    x_contract: 'HT-001'
  });
  const b = customer({
    id: 'b',
    kind: 'unit',
    name: '顺达物流',
    tier: 'B',
    address: '文三路 90 号',
    mobile: '+86 13800138000',
    tags: ['回款慢'],
    segments: ['中小企业'],
    notes: '只接受专票',
    x_contract: 'HT-002',
    x_region: '浙北'
  });
  it.each([
    ['a into b', b, a],
    ['b into a', a, b]
  ])('%s loses nothing', (_label, k, o) => {
    const merged = { ...k, ...planMerge(k, o).patch } as Record<string, unknown>;
    const notes = String(merged.notes);
    for (const source of [k, o] as unknown as Record<string, unknown>[]) {
      for (const [field, value] of Object.entries(source)) {
        if (ENVELOPE_FIELDS.has(field)) continue;
        const kept = merged[field];
        if (Array.isArray(value)) {
          for (const item of value) expect(kept).toContain(item);
        } else if (field === 'mobile') {
          expect(String(kept).replace(/\D/g, '').slice(-11)).toBe('13800138000');
        } else if (kept !== value) {
          expect(notes).toContain(String(value));
        }
      }
    }
  });
});
