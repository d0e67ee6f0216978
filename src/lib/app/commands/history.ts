/**
 * Undo and redo, the one way every screen takes a step back or forward (the toolbar, Ctrl+Z /
 * Ctrl+Y in the page and in the grid all come here through the session). A step that would
 * remove or change more than `CONFIRM_ABOVE` records (a demo load, an import) is first put to the
 * person as a question naming how many, and the import's file when it is one; nothing is applied
 * unless they confirm. Smaller steps go through at once.
 */
import type { ChangeSet } from '$lib/db/changes';
import type { KebuDB } from '$lib/db/schema';
import type { HistoryPeek } from '$lib/db/write-path';
import { HISTORY_PREFIX, type ImportHistoryValue } from '$lib/io/history';
import { t } from '$lib/i18n/index.svelte';
import { isMessageKey } from '$lib/i18n/translate';

/** Above this many records an undo or redo asks first. */
export const CONFIRM_ABOVE = 100;

export const needsConfirm = (records: number) => records > CONFIRM_ABOVE;

export type HistoryStep = 'undo' | 'redo';

/** What a step needs of an open workspace. */
export interface HistoryWorkspace {
  db: Pick<KebuDB, 'settings'>;
  writes: {
    peekUndo(): Promise<HistoryPeek | null>;
    peekRedo(): Promise<HistoryPeek | null>;
    undo(): Promise<ChangeSet | null>;
    redo(): Promise<ChangeSet | null>;
  };
}

/** The question put to the person before a large step. */
export interface HistoryQuestion {
  step: HistoryStep;
  /** the label of the change set, in the user's language */
  what: string;
  records: number;
  /** the file, when the step takes back (or brings back) an import */
  file?: string;
}

/** Asks the person; resolves true to go ahead. */
export type Confirm = (q: HistoryQuestion) => Promise<boolean>;

export type HistoryOutcome = { status: 'done'; cs: ChangeSet } | { status: 'nothing' } | { status: 'kept' };

/** A change set's label in the user's language (labels are message keys). */
export const labelText = (label: string) => (isMessageKey(label) ? t(label) : label);

async function importFile(db: HistoryWorkspace['db'], settings: string[]): Promise<string | undefined> {
  const id = settings.find((s) => s.startsWith(HISTORY_PREFIX));
  const value = id ? ((await db.settings.get(id))?.value as ImportHistoryValue | undefined) : undefined;
  return typeof value?.file === 'string' ? value.file : undefined;
}

/** Undo or redo the top of the stack, asking `confirm` first when it touches more than `CONFIRM_ABOVE` records. */
export async function stepHistory(ws: HistoryWorkspace, step: HistoryStep, confirm: Confirm): Promise<HistoryOutcome> {
  const peek = await (step === 'undo' ? ws.writes.peekUndo() : ws.writes.peekRedo());
  if (peek && needsConfirm(peek.records)) {
    const file = await importFile(ws.db, peek.settings);
    const ok = await confirm({ step, what: labelText(peek.label), records: peek.records, ...(file ? { file } : {}) });
    if (!ok) return { status: 'kept' };
  }
  const cs = await (step === 'undo' ? ws.writes.undo() : ws.writes.redo());
  return cs ? { status: 'done', cs } : { status: 'nothing' };
}

/** The toast after a step; null when the person kept everything as it was. */
export function historyMessage(step: HistoryStep, outcome: HistoryOutcome): string | null {
  if (outcome.status === 'kept') return null;
  if (outcome.status === 'nothing') return t(step === 'undo' ? 'undo.nothing' : 'redo.nothing');
  return t(step === 'undo' ? 'undo.done' : 'redo.done', { what: labelText(outcome.cs.label) });
}
