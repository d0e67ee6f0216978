/**
 * The stored records of the credit workflow (shared/domain/credit.md §1, §6) and their field
 * specs, in the shape of `records/fields.ts`'s `TABLE_FIELDS`. The agreement and the credit sale
 * itself live with receivables (`../receivables/types.ts`): a credit sale *is* the receivable.
 *
 * - `CreditApplication` holds what the applicant asked for: it is the workflow's `apply` step
 *   (who = `appliedBy`, or the record's creator; when = `createdAt`).
 * - `CreditStepRecord` is every later step (accept, fast-track, reject, evaluate, approve, sign,
 *   revert), append-only, so two people acting on two devices both keep their step and
 *   `replayApplication` (./workflow.ts) decides; the state is derived, never stored.
 * - `CreditEvaluation` keeps the statements, the characteristic sheet AND a copy of the settings
 *   it was scored with, so changing settings never rewrites a past evaluation.
 * - `CreditOverride` is a manager letting a stopped credit sale through (§6): who, when, why and
 *   what was stopped. Append-only.
 */
import { choice, json, link, money, requiredMoney, requiredNumber, requiredText, text, type FieldSpecs, type RecordOf } from '../records/field-kit';
import type { Versioned } from '../records/types';
import type { StopReason } from './enforcement';
import type { CreditStepBody, UrgentKind } from './workflow';

export const URGENT_KINDS = ['group-purchase', 'project-sale', 'government-purchase'] as const satisfies readonly UrgentKind[];
export const CREDIT_STEP_KINDS = ['accept', 'fast-track', 'reject', 'evaluate', 'approve', 'sign', 'revert'] as const;
export type CreditStepKind = (typeof CREDIT_STEP_KINDS)[number];

export const CREDIT_TABLES = ['creditApplications', 'creditSteps', 'creditEvaluations', 'creditOverrides'] as const;
export type CreditTable = (typeof CREDIT_TABLES)[number];

export const CREDIT_FIELDS = {
  creditApplications: {
    customerId: link('customers', true),
    amount: requiredMoney,
    termDays: requiredNumber,
    purpose: requiredText,
    urgent: choice(URGENT_KINDS),
    appliedBy: link('staff'),
    notes: text
  },
  creditSteps: {
    applicationId: link('creditApplications', true),
    kind: choice(CREDIT_STEP_KINDS, true),
    at: requiredNumber,
    by: link('staff', true),
    body: json<Omit<Exclude<CreditStepBody, { kind: 'apply' }>, 'kind'>, true>(true)
  },
  creditEvaluations: {
    applicationId: link('creditApplications'),
    customerId: link('customers', true),
    industry: text,
    statements: json(true),
    aspects: json(true),
    settings: json(true),
    settingsVersion: requiredNumber,
    evaluatedOn: { type: 'date', required: true },
    evaluatedBy: link('staff'),
    recommendedLimit: money,
    creditGrade: text,
    limitClass: text,
    mortgage: text,
    pledge: text,
    notes: text
  },
  creditOverrides: {
    customerId: link('customers', true),
    saleId: link('creditSales', true),
    by: link('staff', true),
    at: requiredNumber,
    reason: requiredText,
    reasons: json<StopReason[], true>(true),
    exposure: requiredMoney,
    limit: money
  }
} as const satisfies Record<CreditTable, FieldSpecs>;

/**
 * What the applicant asked for (the workflow's `apply` step): `amount` in fen (> 0); `urgent` set
 * only for an urgent purchase (only those may take the fast track); `appliedBy` the staff member
 * who applied (the sales person), defaulting to the record's creator.
 */
export interface CreditApplication extends Versioned, RecordOf<typeof CREDIT_FIELDS.creditApplications> {}

/** One workflow step after `apply`: `at` in ms since the epoch, `by` a staff id, `body` the step's own fields. */
export interface CreditStepRecord extends Versioned, RecordOf<typeof CREDIT_FIELDS.creditSteps> {}

/**
 * An evaluation: the statements per period (credit/statement.ts), the characteristic sheet
 * (credit/characteristic.ts) and the full settings it was scored with, as JSON; the results
 * (`recommendedLimit`, `creditGrade`, `limitClass`) are kept for lists, the explanation is
 * recomputed from the inputs. `mortgage` and `pledge` describe the guarantees taken (§7).
 */
export interface CreditEvaluationRecord extends Versioned, RecordOf<typeof CREDIT_FIELDS.creditEvaluations> {}

/**
 * A manager letting a stopped credit sale through (§6): `by` the manager (staff id), `at` in ms
 * since the epoch, `reasons` what stopped the sale, `exposure` including the sale and `limit` then
 * in force (absent without an agreement), in fen.
 */
export interface CreditOverride extends Versioned, RecordOf<typeof CREDIT_FIELDS.creditOverrides> {}
