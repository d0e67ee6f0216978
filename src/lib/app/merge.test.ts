import { describe, expect, it } from 'vitest';
import { customerLinks, mergeMutations, type LinkedReader } from './merge';
import { TABLE_FIELDS } from '$lib/domain/records/fields';
import { link, text } from '$lib/domain/records/field-kit';
import type { Contact, Customer, CustomColumn, FollowUp } from '$lib/domain/records/types';

const env = { deleted: 0 as const, createdAt: 1, createdBy: 'p', updatedAt: 1, updatedBy: 'p' };
const keep: Customer = { ...env, id: 'k', kind: 'unit', name: '杭州顺达物流有限公司', mobile: '13800000000' };
const other: Customer = { ...env, id: 'o', kind: 'unit', name: '杭州顺达物流', industry: '物流', mobile: '13900000000' };
const child: Customer = { ...env, id: 'c', kind: 'unit', name: '顺达物流宁波分公司', parentId: 'o' };
const contacts: Contact[] = [
  { ...env, id: 'ct1', customerId: 'o', name: '李强', primary: true },
  { ...env, id: 'ct2', customerId: 'k', name: '王丽', primary: true }
];
const followUps: FollowUp[] = [{ ...env, id: 'f1', customerId: 'o', at: '2026-01-01T10:00', channel: 'phone', done: true }];

type Row = { id: string; deleted?: 0 | 1 } & Record<string, unknown>;
/** A reader over in-memory tables, as the command reads them from the database. */
const readerOf =
  (tables: Record<string, readonly object[]>): LinkedReader =>
  (table, field, id) =>
    ((tables[table] ?? []) as Row[]).filter((r) => r[field] === id);

describe('customerLinks', () => {
  it('lists every field of every table whose spec links to customers, from the specs alone', () => {
    const links = customerLinks().map((l) => `${l.table}.${l.field}`);
    expect(links).toEqual(
      expect.arrayContaining([
        'customers.parentId',
        'contacts.customerId',
        'followUps.customerId',
        'creditApplications.customerId',
        'creditEvaluations.customerId',
        'creditOverrides.customerId',
        'creditAgreements.customerId',
        'creditSales.customerId',
        'payments.customerId',
        'extensionRequests.customerId',
        'ladderTasksDone.customerId',
        'ladderEffectLifts.customerId',
        'purchases.customerId'
      ])
    );
    expect(links).not.toContain('followUps.staffId');
  });

  it('includes custom link columns to customers', () => {
    const col: CustomColumn = { ...env, id: 'col1', table: 'followUps', label: '转介绍客户', type: 'link', linkTable: 'customers', order: 1 };
    expect(customerLinks(TABLE_FIELDS, [col])).toContainEqual({ table: 'followUps', field: 'x_col1' });
  });
});

describe('mergeMutations', () => {
  it('fills blanks, moves contacts, follow-ups and group children, keeps one primary contact, deletes the other', () => {
    const { mutations: m, moves } = mergeMutations(keep, other, readerOf({ customers: [keep, other, child], contacts, followUps }));
    expect(m[0]).toMatchObject({ type: 'update', table: 'customers', id: 'k', patch: { industry: '物流' } });
    expect((m[0] as { patch: Record<string, unknown> }).patch.notes).toContain('13900000000');
    expect(m).toContainEqual({ type: 'update', table: 'contacts', id: 'ct1', patch: { customerId: 'k', primary: false } });
    expect(m).not.toContainEqual(expect.objectContaining({ id: 'ct2' }));
    expect(m).toContainEqual({ type: 'update', table: 'followUps', id: 'f1', patch: { customerId: 'k' } });
    expect(m).toContainEqual({ type: 'update', table: 'customers', id: 'c', patch: { parentId: 'k' } });
    expect(m.at(-1)).toEqual({ type: 'delete', table: 'customers', id: 'o' });
    expect(moves).toEqual({ customers: 1, contacts: 1, followUps: 1 });
  });

  it("keeps the other's primary contact when keep has none", () => {
    const { mutations } = mergeMutations(keep, other, readerOf({ contacts: [contacts[0]] }));
    expect(mutations).toContainEqual({ type: 'update', table: 'contacts', id: 'ct1', patch: { customerId: 'k' } });
  });

  it('re-points the records of every table that links to a customer, deleted ones too', () => {
    const tables: Record<string, Row[]> = {};
    const links = customerLinks();
    for (const { table, field } of links) {
      (tables[table] ??= []).push({ ...env, id: `${table}-${field}`, [field]: 'o' });
      (tables[table] ??= []).push({ ...env, id: `${table}-${field}-keep`, [field]: 'k' });
    }
    tables.payments.push({ ...env, deleted: 1, id: 'binned-payment', customerId: 'o' });
    const { mutations, moves } = mergeMutations(keep, other, readerOf(tables));
    for (const { table, field } of links) {
      expect(mutations).toContainEqual({ type: 'update', table, id: `${table}-${field}`, patch: { [field]: 'k' } });
      expect(mutations).not.toContainEqual(expect.objectContaining({ id: `${table}-${field}-keep` }));
      expect(moves[table]).toBeGreaterThanOrEqual(1);
    }
    expect(mutations).toContainEqual({ type: 'update', table: 'payments', id: 'binned-payment', patch: { customerId: 'k' } });
    expect(moves.payments).toBe(1);
  });

  it('re-points a table added to the field specs with a customer link, with no other change', () => {
    const specs = { ...TABLE_FIELDS, visits: { customerId: link('customers', true), referredBy: link('customers'), note: text } };
    const visits = [
      { ...env, id: 'v1', customerId: 'o', referredBy: 'o' },
      { ...env, id: 'v2', customerId: 'k', referredBy: 'o' },
      { ...env, id: 'v3', customerId: 'x' }
    ];
    const { mutations, moves } = mergeMutations(keep, other, readerOf({ visits }), { specs });
    expect(mutations).toContainEqual({ type: 'update', table: 'visits', id: 'v1', patch: { customerId: 'k', referredBy: 'k' } });
    expect(mutations).toContainEqual({ type: 'update', table: 'visits', id: 'v2', patch: { referredBy: 'k' } });
    expect(mutations).not.toContainEqual(expect.objectContaining({ id: 'v3' }));
    expect(moves).toMatchObject({ visits: 2 });
  });

  it('writes the note with the given labels and display values', () => {
    const withManager = { ...other, managerId: 'stf-1' };
    const { mutations } = mergeMutations({ ...keep, managerId: 'stf-2' }, withManager, readerOf({}), {
      note: { header: (n) => `[合并自 ${n}]`, line: (f, v) => `${f === 'managerId' ? '客户经理' : f}：${v === 'stf-1' ? '张三' : String(v)}` }
    });
    const notes = (mutations[0] as unknown as { patch: { notes: string } }).patch.notes;
    expect(notes).toContain('[合并自 杭州顺达物流] 客户经理：张三');
    expect(notes).not.toContain('stf-1');
  });
});
