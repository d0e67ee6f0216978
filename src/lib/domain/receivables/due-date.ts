/**
 * The due date of a credit sale (receivables.md, Records): ship date + the sale's term, unless a
 * due date was set on the sale; then moved by each approved extension request 延期申请. The ladder
 * runs on this effective due date. The history keeps the base date and every change.
 *
 * Rules (ours where receivables.md is silent):
 * - Approved extensions apply in the order they were decided (`decidedOn`, then `requestedOn`,
 *   then id), each moving the due date to `approvedDueDate` (the manager's date) or else the
 *   requested one.
 * - A request must be submitted before the receivable is overdue: `requestedOn` on or before the
 *   due date in effect (the due day itself is not yet overdue). A later one is ignored, with the
 *   reason, even if approved: the write path should refuse it, but data arrives from imports and
 *   peers too.
 * - An extension that does not move the due date later is ignored ('not-later'): an extension
 *   never shortens the term.
 * - `epoch` counts the extensions applied. The due-date tasks of the ladder carry it in their key,
 *   so a pre-due reminder done before an extension does not silence the one before the new date.
 */
import { isoOf, tryDay, type Day } from '../dates';
import type { CreditSaleRow, ExtensionRequestRow } from './types';

export type DueDateSource = 'term' | 'set' | 'extension';

export interface DueDateChange {
  dueDate: string;
  source: DueDateSource;
  extensionId?: string;
  requestedOn?: string;
  decidedOn?: string;
  decidedBy?: string;
  reason?: string;
}

export type IgnoredExtensionReason = 'other-sale' | 'invalid-date' | 'requested-after-due' | 'not-later';

export interface DueDateResult {
  /** the due date the ladder runs on */
  dueDate: string;
  /** before any extension */
  baseDueDate: string;
  /** the number of extensions applied */
  epoch: number;
  /** base first, then each applied extension */
  history: DueDateChange[];
  /** requests awaiting a decision */
  pending: ExtensionRequestRow[];
  rejected: ExtensionRequestRow[];
  ignored: { extension: ExtensionRequestRow; reason: IgnoredExtensionReason }[];
}

/** Ship day + term, or the due date set on the sale. NaN when the dates are not real. */
export function baseDueDay(sale: CreditSaleRow, shipDay: Day): Day {
  if (sale.dueDate) return tryDay(sale.dueDate);
  return shipDay + sale.termDays;
}

const decisionOrder = (a: ExtensionRequestRow, b: ExtensionRequestRow): number => {
  const da = a.decidedOn || a.requestedOn;
  const db = b.decidedOn || b.requestedOn;
  if (da !== db) return da < db ? -1 : 1;
  if (a.requestedOn !== b.requestedOn) return a.requestedOn < b.requestedOn ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
};

/**
 * The due day after the approved extensions among `extensions` (already those of this sale, not
 * deleted). Fast path for the ledger; `effectiveDueDate` gives the reasons.
 */
export function extendedDueDay(base: Day, extensions: readonly ExtensionRequestRow[], explain?: DueDateResult): { dueDay: Day; epoch: number } {
  const approved = extensions.filter((x) => x.status === 'approved');
  if (approved.length > 1) approved.sort(decisionOrder);
  let due = base;
  let epoch = 0;
  for (const x of approved) {
    const requested = tryDay(x.requestedOn);
    const to = tryDay(x.approvedDueDate || x.requestedDueDate);
    let reason: IgnoredExtensionReason | null = null;
    if (Number.isNaN(requested) || Number.isNaN(to)) reason = 'invalid-date';
    else if (requested > due) reason = 'requested-after-due';
    else if (to <= due) reason = 'not-later';
    if (reason) {
      explain?.ignored.push({ extension: x, reason });
      continue;
    }
    due = to;
    epoch++;
    explain?.history.push({
      dueDate: isoOf(to),
      source: 'extension',
      extensionId: x.id,
      requestedOn: x.requestedOn,
      decidedOn: x.decidedOn,
      decidedBy: x.decidedBy,
      reason: x.reason
    });
  }
  return { dueDay: due, epoch };
}

/** The effective due date of `sale` and how it came about. */
export function effectiveDueDate(sale: CreditSaleRow, extensions: readonly ExtensionRequestRow[]): DueDateResult {
  const shipDay = tryDay(sale.shipDate);
  const base = baseDueDay(sale, shipDay);
  if (Number.isNaN(base)) throw new RangeError(`credit sale ${sale.id} has no valid ship or due date`);
  const baseDueDate = isoOf(base);
  const result: DueDateResult = {
    dueDate: baseDueDate,
    baseDueDate,
    epoch: 0,
    history: [{ dueDate: baseDueDate, source: sale.dueDate ? 'set' : 'term' }],
    pending: [],
    rejected: [],
    ignored: []
  };
  const own: ExtensionRequestRow[] = [];
  for (const x of extensions) {
    if (x.deleted === 1) continue;
    if (x.saleId !== sale.id) result.ignored.push({ extension: x, reason: 'other-sale' });
    else if (x.status === 'requested') result.pending.push(x);
    else if (x.status === 'rejected') result.rejected.push(x);
    else own.push(x);
  }
  const { dueDay, epoch } = extendedDueDay(base, own, result);
  result.dueDate = isoOf(dueDay);
  result.epoch = epoch;
  return result;
}
