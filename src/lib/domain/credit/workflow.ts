/**
 * The credit application workflow (shared/domain/credit.md §1) as a pure fold over recorded steps:
 *
 *   applied ─accept──────▶ under-evaluation ─evaluate─▶ evaluated ─approve─▶ approved ─sign─▶ in-agreement
 *      │    └fast-track──▶ fast-tracked ─────evaluate─┘      └reject─▶ rejected
 *      └reject─▶ rejected
 *
 * Every step records who (`by`) and when (`at`, ms). A step is never edited or removed: it is
 * undone only by a later recorded `revert` step, which returns the application to the state
 * before the latest step still in effect (a revert of a revert is not a thing: revert again to go
 * further back; the first `apply` cannot be reverted).
 *
 * Rules:
 * - Initial review (初审) accepts for evaluation, sends down the fast track, or rejects with a
 *   reason (the reason is kept in `rejection` for the customer's record).
 * - Fast track (绿色通道) needs an urgent application (group purchase, project sale or government
 *   purchase) and an evaluation due date; goods may ship meanwhile. `isEvaluationLate` lists a
 *   fast-tracked application not yet evaluated after its due date (the due day itself is not late).
 * - Approval (审批) needs an evaluation; the approved limit is at most the recommendation, or above
 *   it with a recorded reason. A manager may also reject at this stage (with a reason).
 * - Agreement (信用销售协议): limit, term, start and end dates, start ≤ end. Our choice: the agreed
 *   limit and term may not exceed the approved ones (the approval is what a manager signed off).
 */
import type { Fen } from '../money';

export type UrgentKind = 'group-purchase' | 'project-sale' | 'government-purchase';

export type ApplicationStatus = 'applied' | 'under-evaluation' | 'fast-tracked' | 'evaluated' | 'approved' | 'rejected' | 'in-agreement';

export interface Recorded {
  /** who (staff id) */
  by: string;
  /** when, ms since the epoch */
  at: number;
}

/** What a step says, before who and when are stamped on it. */
export type CreditStepBody =
  | { kind: 'apply'; customerId: string; amount: Fen; termDays: number; purpose: string; urgent: UrgentKind | null }
  | { kind: 'accept' }
  | { kind: 'fast-track'; evaluationDue: string }
  | { kind: 'reject'; reason: string }
  | { kind: 'evaluate'; evaluationId: string; recommendedLimit: Fen; creditGrade: string | null }
  | { kind: 'approve'; limit: Fen; termDays: number; aboveRecommendationReason?: string }
  | { kind: 'sign'; limit: Fen; termDays: number; startDate: string; endDate: string }
  | { kind: 'revert'; reason: string };

export type CreditStep = Recorded & CreditStepBody;

export interface ApplicationState {
  status: ApplicationStatus;
  application: Extract<CreditStep, { kind: 'apply' }>;
  fastTrack: Extract<CreditStep, { kind: 'fast-track' }> | null;
  evaluation: Extract<CreditStep, { kind: 'evaluate' }> | null;
  approval: Extract<CreditStep, { kind: 'approve' }> | null;
  agreement: Extract<CreditStep, { kind: 'sign' }> | null;
  rejection: (Extract<CreditStep, { kind: 'reject' }> & { stage: 'initial-review' | 'approval' }) | null;
}

export type StepResult = { ok: true; state: ApplicationState } | { ok: false; problem: string };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const blank = (s: string | undefined) => !s || !s.trim();
const isFen = (n: number) => Number.isSafeInteger(n) && n >= 0;
const isTerm = (n: number) => Number.isSafeInteger(n) && n > 0;

/** The state after the first step, or the problem with it. */
export function startApplication(step: CreditStep): StepResult {
  if (step.kind !== 'apply') return { ok: false, problem: 'the first step must be apply' };
  if (blank(step.by) || !Number.isFinite(step.at)) return { ok: false, problem: 'who and when are required' };
  if (blank(step.customerId)) return { ok: false, problem: 'customer required' };
  if (!isFen(step.amount) || step.amount === 0) return { ok: false, problem: 'amount must be positive whole fen' };
  if (!isTerm(step.termDays)) return { ok: false, problem: 'term must be a positive number of days' };
  return {
    ok: true,
    state: { status: 'applied', application: step, fastTrack: null, evaluation: null, approval: null, agreement: null, rejection: null }
  };
}

/** One step on top of a state (a revert is handled by `replayApplication`, which keeps history). */
export function applyStep(state: ApplicationState, step: CreditStep): StepResult {
  if (blank(step.by) || !Number.isFinite(step.at)) return { ok: false, problem: 'who and when are required' };
  const next = (patch: Partial<ApplicationState>): StepResult => ({ ok: true, state: { ...state, ...patch } });
  const wrongState = (): StepResult => ({ ok: false, problem: `${step.kind} is not possible when ${state.status}` });
  switch (step.kind) {
    case 'apply':
      return { ok: false, problem: 'already applied' };
    case 'revert':
      return { ok: false, problem: 'revert is applied by replayApplication' };
    case 'accept':
      return state.status === 'applied' ? next({ status: 'under-evaluation' }) : wrongState();
    case 'fast-track':
      if (state.status !== 'applied') return wrongState();
      if (!state.application.urgent) return { ok: false, problem: 'only urgent applications take the fast track' };
      if (!ISO_DATE.test(step.evaluationDue)) return { ok: false, problem: 'evaluation due date required' };
      return next({ status: 'fast-tracked', fastTrack: step });
    case 'reject':
      if (blank(step.reason)) return { ok: false, problem: 'a rejection needs a reason' };
      if (state.status === 'applied') return next({ status: 'rejected', rejection: { ...step, stage: 'initial-review' } });
      if (state.status === 'evaluated') return next({ status: 'rejected', rejection: { ...step, stage: 'approval' } });
      return wrongState();
    case 'evaluate':
      if (state.status !== 'under-evaluation' && state.status !== 'fast-tracked') return wrongState();
      if (!isFen(step.recommendedLimit)) return { ok: false, problem: 'recommended limit must be whole fen ≥ 0' };
      return next({ status: 'evaluated', evaluation: step });
    case 'approve': {
      if (state.status !== 'evaluated' || !state.evaluation) return wrongState();
      if (!isFen(step.limit) || step.limit === 0) return { ok: false, problem: 'approved limit must be positive whole fen' };
      if (!isTerm(step.termDays)) return { ok: false, problem: 'term must be a positive number of days' };
      if (step.limit > state.evaluation.recommendedLimit && blank(step.aboveRecommendationReason))
        return { ok: false, problem: 'a limit above the recommendation needs a recorded reason' };
      return next({ status: 'approved', approval: step });
    }
    case 'sign': {
      if (state.status !== 'approved' || !state.approval) return wrongState();
      if (!ISO_DATE.test(step.startDate) || !ISO_DATE.test(step.endDate) || step.startDate > step.endDate)
        return { ok: false, problem: 'start and end dates required, start on or before end' };
      if (!isFen(step.limit) || step.limit === 0 || step.limit > state.approval.limit)
        return { ok: false, problem: 'the agreed limit must be positive and at most the approved limit' };
      if (!isTerm(step.termDays) || step.termDays > state.approval.termDays)
        return { ok: false, problem: 'the agreed term must be positive and at most the approved term' };
      return next({ status: 'in-agreement', agreement: step });
    }
  }
}

export interface ReplayResult {
  /** null when there is no valid first step */
  state: ApplicationState | null;
  /** the steps in effect (reverted ones and their reverts removed), oldest first */
  effective: CreditStep[];
  /** steps that could not be applied, skipped */
  refused: { index: number; problem: string }[];
}

/** The application's state from its recorded steps, oldest first. */
export function replayApplication(steps: readonly CreditStep[]): ReplayResult {
  const refused: ReplayResult['refused'] = [];
  const stack: { state: ApplicationState; step: CreditStep }[] = [];
  steps.forEach((step, index) => {
    if (stack.length === 0) {
      const r = startApplication(step);
      if (r.ok) stack.push({ state: r.state, step });
      else refused.push({ index, problem: r.problem });
      return;
    }
    if (step.kind === 'revert') {
      if (blank(step.by) || !Number.isFinite(step.at) || blank(step.reason))
        refused.push({ index, problem: 'a revert needs who, when and a reason' });
      else if (stack.length === 1) refused.push({ index, problem: 'nothing to revert' });
      else stack.pop();
      return;
    }
    const r = applyStep(stack[stack.length - 1].state, step);
    if (r.ok) stack.push({ state: r.state, step });
    else refused.push({ index, problem: r.problem });
  });
  return {
    state: stack.length ? stack[stack.length - 1].state : null,
    effective: stack.map((s) => s.step),
    refused
  };
}

/** A fast-tracked application whose evaluation is past its due date (today is 'YYYY-MM-DD'). */
export function isEvaluationLate(state: ApplicationState, today: string): boolean {
  return state.status === 'fast-tracked' && state.fastTrack !== null && today > state.fastTrack.evaluationDue;
}
