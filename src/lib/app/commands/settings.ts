/** The settings page's writes: each setting is one record of `settings`, written whole. */
import type { RequiredFields } from '$lib/domain/records/completeness';
import { REQUIRED_FIELDS_SETTING } from '$lib/app/settings';
import { insert, run, update, type CommandResult, type WriteTarget } from './command';

/** A setting's value: the record is made the first time, updated after. */
export function saveSetting(ws: WriteTarget, id: string, value: unknown, exists: boolean): Promise<CommandResult> {
  return run(ws.writes, 'change.settings', [exists ? update('settings', id, { value }) : insert('settings', { id, value })]);
}

/** The fields a customer record needs to count as complete, per kind (completeness). */
export function saveRequiredFields(ws: WriteTarget, value: RequiredFields, exists: boolean): Promise<CommandResult> {
  return saveSetting(ws, REQUIRED_FIELDS_SETTING, value, exists);
}
