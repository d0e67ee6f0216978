/**
 * Typed commands: the one way a screen changes records. A command is a named function of an
 * area (`app/commands/<area>.ts`) that builds the mutations of one write, typed by the tables it
 * writes, and runs them as one write of the write path (so one undo). Screens call commands;
 * they never build a `Mutation` (a lint rule keeps it so).
 *
 * A command owns its error text: `run` turns a refusal (an invalid field, a rule of the area, a
 * storage failure) into a sentence in the user's language, so a screen only shows `message`.
 */
import type { ChangeSet } from '$lib/db/changes';
import type { RecordTables, TableName } from '$lib/db/schema';
import type { Mutation, WriteOptions } from '$lib/db/write-path';
import { describeWriteError } from '$lib/app/errors';
import { i18n, t, type MessageKey } from '$lib/i18n/index.svelte';

/** What a command needs of an open workspace: its write path. */
export interface Writer {
  write(label: string, mutations: Mutation[], opts?: WriteOptions): Promise<ChangeSet>;
}

/** The fields a new record of `T` may be given (the envelope is added by the write path). */
export type Draft<T extends TableName> = Partial<RecordTables[T]> & Record<string, unknown>;
/** A change to some fields of a record of `T`. */
export type Patch<T extends TableName> = Partial<RecordTables[T]> & Record<string, unknown>;

export const insert = <T extends TableName>(table: T, record: Draft<T>): Mutation => ({
  type: 'insert',
  table,
  record: record as Record<string, unknown>
});
export const update = <T extends TableName>(table: T, id: string, patch: Patch<T>): Mutation => ({
  type: 'update',
  table,
  id,
  patch: patch as Record<string, unknown>
});
export const remove = (table: TableName, id: string): Mutation => ({ type: 'delete', table, id });
export const restore = (table: TableName, id: string): Mutation => ({ type: 'restore', table, id });

/** What a command needs of an open workspace (an `OpenWorkspace` is one). */
export interface WriteTarget {
  writes: Writer;
}

/** A refusal by a rule of the area, before anything is written. */
export class CommandError extends Error {
  constructor(
    readonly key: MessageKey,
    readonly params?: Record<string, string | number>
  ) {
    super(key);
  }
}

export type CommandResult = { ok: true; changeSet: ChangeSet } | { ok: false; message: string; error: unknown };

/**
 * Runs one write under `label` and says how it went. `fieldLabel` names a field in the message
 * (the screen knows custom columns' names).
 */
export async function run(
  writer: Writer,
  label: string,
  mutations: Mutation[] | (() => Mutation[] | Promise<Mutation[]>),
  opts: WriteOptions & { fieldLabel?: (field: string) => string } = {}
): Promise<CommandResult> {
  try {
    const list = typeof mutations === 'function' ? await mutations() : mutations;
    const { fieldLabel: _fieldLabel, ...writeOpts } = opts;
    return { ok: true, changeSet: await writer.write(label, list, writeOpts) };
  } catch (error) {
    return { ok: false, message: commandMessage(error, opts.fieldLabel), error };
  }
}

/** The failure's sentence, or null when the command succeeded (what grid commits return). */
export const failureOf = (result: CommandResult): string | null => (result.ok ? null : result.message);

/** A command's failure as a sentence in the user's language. */
export function commandMessage(error: unknown, fieldLabel?: (field: string) => string): string {
  if (error instanceof CommandError) return t(error.key, error.params);
  return describeWriteError(i18n.locale, error, fieldLabel);
}
