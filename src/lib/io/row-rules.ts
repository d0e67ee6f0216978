/**
 * Rules of a table that its cell types cannot say, run by the plan (plan.ts) on every row an import
 * would insert, after its cells are read like typed input. Purchases (issue 11): the engine's
 * `purchaseProblems` — a negative or absurd amount, a date after today ("a date in 2999"), a
 * customer not in the book — each named on its column; and a POS export's one date-and-time
 * column ("2026-03-05 14:23:11") gives the purchase its time when no column is mapped to the time.
 * Pure: no storage, no UI.
 */
import type { TableName } from '$lib/db/schema';
import { normalizeTime, purchaseProblems, type PurchaseProblem } from '$lib/domain/service/purchase-fields';
import { splitDateTime } from './plan-read';
import type { RawCell } from './source';

export type RowRuleCode = `purchase.problem.${PurchaseProblem['kind']}`;

export interface RowRuleContext {
  /** the app's today (`YYYY-MM-DD`) */
  today: string;
  /** ids of the live customers */
  customerIds: ReadonlySet<string>;
  /** field keys per file column ('' when skipped) */
  fieldOf: readonly string[];
}

export type RowRule = (values: Record<string, unknown>, cells: readonly RawCell[], ctx: RowRuleContext) => { field: string; code: RowRuleCode }[];

/** `2026-03-05 14:23:11`, `2026/3/5 9:05` and Excel's date-times: the time of day, else null. */
export function timeOfCell(raw: RawCell): string | null {
  if (raw instanceof Date) {
    if (Number.isNaN(raw.getTime())) return null;
    const h = raw.getUTCHours();
    const m = raw.getUTCMinutes();
    return h === 0 && m === 0 ? null : `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
  }
  if (typeof raw !== 'string') return null;
  const t = splitDateTime(raw)?.time;
  return t ? normalizeTime(t.replace(/\.\d+$/, '')) : null;
}

const purchases: RowRule = (values, cells, ctx) => {
  if (values.time !== undefined) {
    const t = normalizeTime(values.time) ?? timeOfCell(values.time as RawCell);
    if (t) values.time = t;
  } else if (!ctx.fieldOf.includes('time')) {
    const t = timeOfCell(cells[ctx.fieldOf.indexOf('date')]);
    if (t) values.time = t;
  }
  return purchaseProblems(values, ctx.customerIds, ctx.today).map((p) => ({ field: p.field, code: `purchase.problem.${p.kind}` as const }));
};

export const ROW_RULES: Partial<Record<TableName, RowRule>> = { purchases };

/** Tables whose import is all or nothing: one refused row refuses the file (a purchase list with holes would misstate every signal). */
export const WHOLE_FILE_TABLES: ReadonlySet<TableName> = new Set<TableName>(['purchases']);
