import { describe, expect, it } from 'vitest';
import { mergeMutations } from './merge';
import type { Contact, Customer, FollowUp } from '$lib/domain/records/types';

const env = { deleted: 0 as const, createdAt: 1, createdBy: 'p', updatedAt: 1, updatedBy: 'p' };
const keep: Customer = { ...env, id: 'k', kind: 'unit', name: '杭州顺达物流有限公司', mobile: '13800000000' };
const other: Customer = { ...env, id: 'o', kind: 'unit', name: '杭州顺达物流', industry: '物流', mobile: '13900000000' };
const child: Customer = { ...env, id: 'c', kind: 'unit', name: '顺达物流宁波分公司', parentId: 'o' };
const contacts: Contact[] = [
  { ...env, id: 'ct1', customerId: 'o', name: '李强' },
  { ...env, id: 'ct2', customerId: 'k', name: '王丽' }
];
const followUps: FollowUp[] = [{ ...env, id: 'f1', customerId: 'o', at: '2026-01-01T10:00', channel: 'phone', done: true }];

describe('mergeMutations', () => {
  it('fills blanks, moves contacts, follow-ups and group children, and deletes the other', () => {
    const m = mergeMutations(keep, other, {
      customers: { rows: [keep, other, child] },
      contacts: { rows: contacts },
      followUps: { rows: followUps }
    });
    expect(m[0]).toMatchObject({ type: 'update', table: 'customers', id: 'k', patch: { industry: '物流' } });
    expect((m[0] as { patch: Record<string, unknown> }).patch.notes).toContain('13900000000');
    expect(m).toContainEqual({ type: 'update', table: 'contacts', id: 'ct1', patch: { customerId: 'k' } });
    expect(m).not.toContainEqual(expect.objectContaining({ id: 'ct2' }));
    expect(m).toContainEqual({ type: 'update', table: 'followUps', id: 'f1', patch: { customerId: 'k' } });
    expect(m).toContainEqual({ type: 'update', table: 'customers', id: 'c', patch: { parentId: 'k' } });
    expect(m.at(-1)).toEqual({ type: 'delete', table: 'customers', id: 'o' });
  });
});
