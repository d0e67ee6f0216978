/**
 * Purchase commands (issue 11): what a person types, pastes or fills in the purchases grid, and
 * the churn signals' settings. A purchase is checked by the engine's rules before anything is
 * written (`purchaseProblems`: a negative or absurd amount, a date after today, a customer not in
 * the book): one refused cell refuses the whole commit, named in the user's language. Imports
 * check the same rules in the import worker (io/row-rules.ts).
 */
import type { GridCommit } from '$lib/grid/types';
import { formatYuan } from '$lib/domain/money';
import { normalizeTime, PURCHASE_DEFAULTS, purchaseProblems, type PurchaseFields } from '$lib/domain/service/purchase-fields';
import { CHURN_SETTINGS_ID, churnSettingsProblem, type ChurnSettings } from '$lib/app/service/churn-settings';
import { t, type MessageKey } from '$lib/i18n/index.svelte';
import { CommandError, run, type CommandResult, type WriteTarget } from './command';
import { gridCommitLabel, gridMutations } from './records';
import { saveSetting } from './settings';

export interface PurchaseBook {
  /** a stored purchase by id */
  purchase(id: string): PurchaseFields | undefined;
  /** ids of the live customers */
  customerIds: ReadonlySet<string>;
  /** the app's today */
  today: string;
}

/** A time of day typed `9:05` is kept `09:05`; anything else is left for the check to name. */
function normalized(commit: Pick<GridCommit, 'edits' | 'newRows'>): Pick<GridCommit, 'edits' | 'newRows'> {
  const time = (v: unknown) => normalizeTime(v) ?? v;
  return {
    edits: commit.edits.map((e) => (e.column === 'time' ? { ...e, value: time(e.value) } : e)),
    newRows: commit.newRows.map((r) => (r.time === undefined ? r : { ...r, time: time(r.time) }))
  };
}

/** The first problem of the records a commit would leave, on a field it writes (or any, for a new row). */
function firstProblem(commit: Pick<GridCommit, 'edits' | 'newRows'>, book: PurchaseBook) {
  const merged = new Map<string, { record: Record<string, unknown>; fields: Set<string> }>();
  for (const e of commit.edits) {
    const m = merged.get(e.rowId) ?? { record: { ...book.purchase(e.rowId) }, fields: new Set<string>() };
    m.record[e.column] = e.value;
    m.fields.add(e.column);
    merged.set(e.rowId, m);
  }
  for (const { record, fields } of merged.values()) {
    const p = purchaseProblems(record, book.customerIds, book.today).find((q) => fields.has(q.field));
    if (p) return { p, record };
  }
  for (const row of commit.newRows) {
    const record: Record<string, unknown> = { ...PURCHASE_DEFAULTS, ...row };
    const p = purchaseProblems(record, book.customerIds, book.today)[0];
    if (p) return { p, record };
  }
  return null;
}

/** A grid commit on the purchases table: checked whole, then one write. */
export function commitPurchaseEdits(
  ws: WriteTarget,
  commit: Pick<GridCommit, 'edits' | 'newRows'>,
  book: PurchaseBook,
  fieldLabel: (field: string) => string
): Promise<CommandResult> {
  const c = normalized(commit);
  return run(
    ws.writes,
    gridCommitLabel(c),
    () => {
      const bad = firstProblem(c, book);
      if (bad) {
        const v = bad.record[bad.p.field];
        const value = bad.p.field === 'amount' && typeof v === 'number' ? formatYuan(v) : v === undefined ? '' : String(v);
        throw new CommandError('purchase.refused', { field: fieldLabel(bad.p.field), value, problem: t(`purchase.problem.${bad.p.kind}`) });
      }
      return gridMutations('purchases', c, PURCHASE_DEFAULTS);
    },
    { fieldLabel }
  );
}

const SETTING_LABEL: Record<keyof ChurnSettings, MessageKey> = {
  graceDays: 'settings.graceDays',
  windowDays: 'settings.windowDays',
  baselineDays: 'settings.baselineDays',
  ratioPercent: 'settings.ratioPercent',
  measure: 'settings.measure'
};

/** The churn signals' settings, written whole; a number out of its range refuses the save. */
export function saveChurnSettings(ws: WriteTarget, settings: ChurnSettings, exists: boolean): Promise<CommandResult> {
  const problem = churnSettingsProblem(settings);
  if (problem) {
    const error = new CommandError('settings.wholeBetween', { field: t(SETTING_LABEL[problem.field]), min: problem.min, max: problem.max });
    return run(ws.writes, 'change.settings', () => {
      throw error;
    });
  }
  return saveSetting(ws, CHURN_SETTINGS_ID, { ...settings }, exists);
}
