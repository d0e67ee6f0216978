/**
 * Import commands: the writes an import screen starts, run in the import worker (an import of
 * 100 000 rows, or its revert, stays off the page's thread). Each is one write of the write path
 * (one undo step) and owns its error text, like every command (command.ts): a screen shows
 * `message` and changes nothing else.
 *
 *   commitImport   the planned import: new columns, rows, contacts, history entry, mapping
 *   revertImport   an earlier import, from its history entry or the wizard's last page
 */
import { IoError } from '$lib/io/errors';
import { fieldLabel } from '$lib/i18n/field-labels';
import type { CommitResult } from '$lib/io/import-session';
import type { Progress } from '$lib/workers/rpc';
import { isMessageKey, translate, type Locale, type MessageKey } from '$lib/i18n/translate';
import { i18n } from '$lib/i18n/index.svelte';
import { CommandError, commandMessage } from './command';

/** What the commands need of the import worker (io/rpc.ts's WorkerClient, or a session in tests). */
export interface ImportPort {
  call<T>(type: string, payload: unknown, onProgress?: (p: Progress) => void, requestId?: (id: number) => void): Promise<T>;
  cancel(id: number): void;
  terminate(): void;
}

export type ImportCommandResult<T> = { ok: true; value: T } | { ok: false; message: string; error: unknown };

/** An io failure (a message key with parameters) as a sentence in `locale`. */
/** A refused value's table, field and problem in words (io.error.writeField). */
function writeField(locale: Locale, p: Record<string, string | number>) {
  const table = String(p.table);
  const tableKey = `io.table.${table}`;
  const field = fieldLabel(locale, String(p.field), table);
  return {
    problem: translate(locale, String(p.problem) as MessageKey),
    // a custom column has no message of its own: its key is what we can name
    field: field.startsWith('field.') ? String(p.field) : field,
    table: isMessageKey(tableKey) ? translate(locale, tableKey) : table
  };
}

export function describeIoError(locale: Locale, e: unknown): string {
  if (!(e instanceof IoError)) return translate(locale, 'io.error.failed');
  const params = { ...e.params };
  // a write problem names its reason by message key
  if (e.code === 'io.error.write' && typeof params.code === 'string') params.code = translate(locale, params.code as MessageKey);
  if (e.code === 'io.error.writeField') Object.assign(params, writeField(locale, params));
  return translate(locale, e.code, params);
}

function failure(error: unknown): { ok: false; message: string; error: unknown } {
  const message = error instanceof IoError ? describeIoError(i18n.locale, error) : commandMessage(error);
  return { ok: false, message, error };
}

async function attempt<T>(f: () => Promise<T>): Promise<ImportCommandResult<T>> {
  try {
    return { ok: true, value: await f() };
  } catch (error) {
    return failure(error);
  }
}

/** Write the import the worker has planned, as one change set; `requestId` tells the id to cancel. */
export function commitImport(
  port: ImportPort,
  opts: { onProgress?: (p: Progress) => void; requestId?: (id: number) => void } = {}
): Promise<ImportCommandResult<CommitResult>> {
  return attempt(() => port.call<CommitResult>('commit', {}, opts.onProgress, opts.requestId));
}

/** Take an earlier import back as one undoable change set. */
export async function revertImport(port: ImportPort, changeSet: string): Promise<ImportCommandResult<true>> {
  const r = await attempt(() => port.call<boolean>('revert', { changeSet }));
  if (!r.ok) return r;
  return r.value ? { ok: true, value: true } : failure(new CommandError('io.revert.nothing'));
}
