import { planMerge } from '$lib/domain/records/merge';
import type { Contact, Customer, FollowUp } from '$lib/domain/records/types';
import type { Mutation } from '$lib/db/write-path';

/**
 * The one write that merges `other` into `keep` (records.md: "Merging two records keeps every
 * contact, receivable and note of both"): keep's blanks are filled and conflicts noted
 * (`planMerge`), other's contacts, follow-ups and group children move to keep, and other is
 * soft-deleted.
 */
export function mergeMutations(
  keep: Customer,
  other: Customer,
  rows: { customers: { rows: Customer[] }; contacts: { rows: Contact[] }; followUps: { rows: FollowUp[] } }
): Mutation[] {
  const plan = planMerge(keep, other);
  const out: Mutation[] = [];
  if (Object.keys(plan.patch).length) {
    out.push({ type: 'update', table: 'customers', id: keep.id, patch: plan.patch as Record<string, unknown> });
  }
  const move = (table: 'contacts' | 'followUps', list: { id: string; customerId: string }[]) => {
    for (const r of list) {
      if (r.customerId === other.id) out.push({ type: 'update', table, id: r.id, patch: { customerId: keep.id } });
    }
  };
  move('contacts', rows.contacts.rows);
  move('followUps', rows.followUps.rows);
  for (const c of rows.customers.rows) {
    if (c.parentId === other.id && c.id !== keep.id) {
      out.push({ type: 'update', table: 'customers', id: c.id, patch: { parentId: keep.id } });
    }
  }
  out.push({ type: 'delete', table: 'customers', id: other.id });
  return out;
}
