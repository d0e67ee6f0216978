/**
 * Fill a workspace with the seeded demo data, in one write (one undo step).
 */
import { generateWorkspace } from '$lib/domain/records/demo';
import type { Mutation, WritePath } from './write-path';
import type { TableName } from './schema';

export interface DemoSize {
  seed?: number;
  customers: number;
  contactsPerCustomer?: number;
  followUpsPerCustomer?: number;
}

export function demoMutations(size: DemoSize): Mutation[] {
  const ws = generateWorkspace({ seed: size.seed ?? 1, ...size });
  const out: Mutation[] = [];
  const add = (table: TableName, rows: object[]) => {
    for (const record of rows) out.push({ type: 'insert', table, record: record as Record<string, unknown> });
  };
  add('orgUnits', ws.orgUnits);
  add('staff', ws.staff);
  add('customers', ws.customers);
  add('contacts', ws.contacts);
  add('followUps', ws.followUps);
  return out;
}

export function loadDemo(writes: WritePath, size: DemoSize = { customers: 300 }) {
  return writes.write('change.demo', demoMutations(size));
}
