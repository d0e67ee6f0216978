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
import type { Fen } from '../money';
import { choice, json, link, requiredMoney, requiredNumber, requiredText, text, type FieldSpecs } from '../records/field-kit';
import type { Versioned } from '../records/types';
import type { StopReason } from './enforcement';
import type { CreditStepBody, UrgentKind } from './workflow';

export const URGENT_KINDS = ['group-purchase', 'project-sale', 'government-purchase'] as const satisfies readonly UrgentKind[];
export const CREDIT_STEP_KINDS = ['accept', 'fast-track', 'reject', 'evaluate', 'approve', 'sign', 'revert'] as const;
export type CreditStepKind = (typeof CREDIT_STEP_KINDS)[number];

export interface CreditApplication extends Versioned {
  customerId: string;
  /** fen, > 0 */
  amount: Fen;
  termDays: number;
  purpose: string;
  /** set only for an urgent purchase: only those may take the fast track */
  urgent?: UrgentKind;
  /** the staff member who applied (the sales person); defaults to the record's creator */
  appliedBy?: string;
  notes?: string;
}

/** One workflow step after `apply`. `body` is the step's own fields, without `kind`. */
export interface CreditStepRecord extends Versioned {
  applicationId: string;
  kind: CreditStepKind;
  /** when, ms since the epoch */
  at: number;
  /** who (a staff id) */
  by: string;
  body: Omit<Exclude<CreditStepBody, { kind: 'apply' }>, 'kind'>;
}

export interface CreditEvaluationRecord extends Versioned {
  applicationId?: string;
  customerId: string;
  industry?: string;
  /** the financial statements per period (credit/statement.ts `FinancialStatement`), JSON */
  statements: unknown;
  /** the characteristic sheet (credit/characteristic.ts `AspectSheet`), JSON */
  aspects: unknown;
  /** the settings the evaluation was scored with (a full `CreditSettings` copy), JSON */
  settings: unknown;
  settingsVersion: number;
  evaluatedOn: string;
  evaluatedBy?: string;
  /** the results, kept for lists; the full explanation is recomputed from the inputs above */
  recommendedLimit?: Fen;
  creditGrade?: string;
  limitClass?: string;
  /** guarantees taken (§7): a mortgage 抵押 and a pledge 质押, as described by the reviewer */
  mortgage?: string;
  pledge?: string;
  notes?: string;
}

export interface CreditOverride extends Versioned {
  customerId: string;
  saleId: string;
  /** the manager (staff id) */
  by: string;
  /** ms since the epoch */
  at: number;
  reason: string;
  /** what stopped the sale */
  reasons: StopReason[];
  /** fen: exposure including the sale, and the limit then in force (absent without an agreement) */
  exposure: Fen;
  limit?: Fen;
}

export const CREDIT_TABLES = ['creditApplications', 'creditSteps', 'creditEvaluations', 'creditOverrides'] as const;
export type CreditTable = (typeof CREDIT_TABLES)[number];



export const CREDIT_FIELDS: Record<CreditTable, FieldSpecs> = {
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
    body: json(true)
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
    recommendedLimit: { type: 'money' },
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
    reasons: json(true),
    exposure: requiredMoney,
    limit: { type: 'money' }
  }
};
