/**
 * The rules the receivables screens add around the pure domain (domain/receivables,
 * credit/enforcement.ts): who may override a stopped credit sale or lift a ladder effect, what an
 * override writes, and how a person edits the allocation of a payment. Pure: the screens call
 * these and write the result through the one write path; the specs sit beside this file.
 *
 * - A lift or an override is by a staff member marked `manager` (not deleted, not inactive), with
 *   a reason that is not blank. "Who am I" is the local profile, not a staff record, so the person
 *   picks the staff member; the default is the (manager) staff member named like the profile.
 * - A stopped credit sale let through by a manager is ONE write: the sale and a `creditOverrides`
 *   record naming it, the reasons it was stopped, the exposure and the limit then in force.
 * - An allocation is edited as fen per open sale, pre-filled oldest first. It is stored on the
 *   payment only when it differs from the automatic one (types.ts: allocations are manual only).
 */
import { checkCreditSale, type CreditSaleCheckInput, type CreditSaleDecision } from '$lib/domain/credit/enforcement';
import type { Fen } from '$lib/domain/money';
import type { PaymentAllocation } from '$lib/domain/receivables';

export interface StaffLike {
  id: string;
  name: string;
  manager?: boolean;
  active?: boolean;
  deleted?: 0 | 1;
}

export type ManagerProblem = 'staff-required' | 'not-manager' | 'reason-required';

/** Why this person may not lift or override (empty: they may). */
export function checkManagerAction(staff: StaffLike | undefined | null, reason: string): ManagerProblem[] {
  const problems: ManagerProblem[] = [];
  if (!staff || staff.deleted === 1) problems.push('staff-required');
  else if (staff.manager !== true || staff.active === false) problems.push('not-manager');
  if (!reason.trim()) problems.push('reason-required');
  return problems;
}

/** The staff members to pick from: managers only for a lift or an override. */
export function pickableStaff<S extends StaffLike>(staff: readonly S[], managersOnly: boolean): S[] {
  return staff.filter((s) => s.deleted !== 1 && s.active !== false && (!managersOnly || s.manager === true));
}

/** The default pick: the staff member whose name is the profile's, when they may be picked; else none. */
export function defaultStaffId(staff: readonly StaffLike[], profileName: string | undefined, managersOnly: boolean): string {
  const name = profileName?.trim();
  if (!name) return '';
  return pickableStaff(staff, managersOnly).find((s) => s.name.trim() === name)?.id ?? '';
}

export interface SaleDraft {
  customerId: string;
  agreementId?: string;
  invoiceNo?: string;
  shipDate: string;
  amount: Fen;
  termDays: number;
  goods?: string;
  notes?: string;
}

export type OverrideOutcome =
  | { ok: true; decision: CreditSaleDecision; sale: Record<string, unknown>; override: Record<string, unknown> | null }
  | { ok: false; decision: CreditSaleDecision; problems: ManagerProblem[] };

/**
 * The records of entering a credit sale: the sale alone when `checkCreditSale` allows it; the sale
 * and its override when it is stopped and a manager (with a reason) lets it through; otherwise the
 * problems. `saleId` is chosen by the caller so the override can name the sale in the same write.
 */
export function creditSaleRecords(
  draft: SaleDraft,
  saleId: string,
  check: Omit<CreditSaleCheckInput, 'override'>,
  override: { staff: StaffLike | undefined | null; reason: string; at: number } | null
): OverrideOutcome {
  const sale: Record<string, unknown> = { id: saleId, ...stripBlank(draft as unknown as Record<string, unknown>) };
  const plain = checkCreditSale(check);
  if (plain.decision === 'allow') return { ok: true, decision: plain, sale, override: null };
  if (!override) return { ok: false, decision: plain, problems: [] };
  const problems = checkManagerAction(override.staff, override.reason);
  if (problems.length) return { ok: false, decision: plain, problems };
  const decision = checkCreditSale({ ...check, override: { by: override.staff!.id, at: override.at, reason: override.reason.trim() } });
  if (decision.decision !== 'allow-by-override') return { ok: false, decision, problems: ['reason-required'] };
  const record: Record<string, unknown> = {
    customerId: draft.customerId,
    saleId,
    by: override.staff!.id,
    at: override.at,
    reason: override.reason.trim(),
    reasons: decision.reasons,
    exposure: decision.exposure.total
  };
  if (decision.limit !== null) record.limit = decision.limit;
  return { ok: true, decision, sale, override: record };
}

function stripBlank(r: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(r)) {
    if (v === undefined || v === null) continue;
    if (typeof v === 'string' && v.trim() === '') continue;
    out[k] = typeof v === 'string' ? v.trim() : v;
  }
  return out;
}

// ------------------------------------------------------------------ allocation editing

export interface OpenLine {
  saleId: string;
  /** fen open */
  open: Fen;
}

/** The automatic allocation of `amount` fen over `open` (given oldest first): what a new payment would pay. */
export function autoAllocate(open: readonly OpenLine[], amount: number): PaymentAllocation[] {
  let left = Math.max(0, Math.trunc(amount));
  const lines: PaymentAllocation[] = [];
  for (const o of open) {
    if (left <= 0) break;
    const take = Math.min(left, o.open);
    if (take > 0) lines.push({ saleId: o.saleId, amount: take as Fen });
    left -= take;
  }
  return lines;
}

export type AllocationEditProblem =
  | { code: 'not-a-sale'; saleId: string }
  | { code: 'over-open'; saleId: string; open: Fen; amount: Fen }
  | { code: 'not-positive'; saleId: string }
  | { code: 'over-payment'; total: Fen; payment: Fen };

/** What is wrong with the lines a person typed (fen per sale; zero lines are dropped). */
export function checkAllocationEdit(lines: readonly PaymentAllocation[], payment: number, open: readonly OpenLine[]): AllocationEditProblem[] {
  const openBy = new Map(open.map((o) => [o.saleId, o.open]));
  const problems: AllocationEditProblem[] = [];
  let total = 0;
  for (const l of lines) {
    if (l.amount === 0) continue;
    if (!Number.isSafeInteger(l.amount) || l.amount < 0) {
      problems.push({ code: 'not-positive', saleId: l.saleId });
      continue;
    }
    const o = openBy.get(l.saleId);
    if (o === undefined) problems.push({ code: 'not-a-sale', saleId: l.saleId });
    else if (l.amount > o) problems.push({ code: 'over-open', saleId: l.saleId, open: o, amount: l.amount });
    total += l.amount;
  }
  if (total > payment) problems.push({ code: 'over-payment', total: total as Fen, payment: payment as Fen });
  return problems;
}

/**
 * What to store as the payment's `allocations`: nothing when the lines are the automatic
 * allocation (so later payments keep converging, types.ts), else the non-zero lines.
 */
export function allocationsToStore(lines: readonly PaymentAllocation[], payment: number, open: readonly OpenLine[]): PaymentAllocation[] | undefined {
  const kept = lines.filter((l) => l.amount > 0).map((l) => ({ saleId: l.saleId, amount: l.amount }));
  const auto = autoAllocate(open, payment);
  const same = kept.length === auto.length && kept.every((l, i) => l.saleId === auto[i].saleId && l.amount === auto[i].amount);
  return same || kept.length === 0 ? undefined : kept;
}
