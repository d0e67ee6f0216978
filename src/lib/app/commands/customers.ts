/**
 * Customer commands: a new customer, a field edited on the customer's page, a customer to the bin.
 * (Grid edits, restores and history go through `records.ts`; merging through `merge.ts`.)
 */
import type { CustomerKind } from '$lib/domain/records/types';
import { CommandError, insert, remove, run, type CommandResult, type WriteTarget } from './command';
import { editField } from './records';

/** A new customer with the name typed: a prospect at first contact (service.md, 三步法). */
export function addCustomer(ws: WriteTarget, kind: CustomerKind, name: string): Promise<CommandResult> {
  return run(ws.writes, 'change.add', () => {
    const trimmed = name.trim();
    if (!trimmed) throw new CommandError('customer.nameRequired');
    return [insert('customers', { kind, name: trimmed, status: 'prospect', stage: 'first-contact' })];
  });
}

/** One field of a customer, as typed on the customer's page. */
export function editCustomerField(ws: WriteTarget, id: string, field: string, value: unknown, fieldLabel?: (field: string) => string) {
  return editField(ws, 'customers', id, field, value, fieldLabel);
}

/** A customer to the bin: their records stay and count nowhere until the customer is restored. */
export function deleteCustomer(ws: WriteTarget, id: string): Promise<CommandResult> {
  return run(ws.writes, 'change.delete', [remove('customers', id)]);
}
