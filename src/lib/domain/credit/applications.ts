/**
 * Credit applications as the screens list them (credit.md §1): the stored application record and
 * its stored steps turned into the workflow's `CreditStep`s and folded with `replayApplication`.
 * The state is never stored; every list and board is derived here, so two devices that hold the
 * same records show the same thing.
 *
 * - The application record is the `apply` step: who = `appliedBy`, else the record's creator;
 *   when = `createdAt`.
 * - Later steps are replayed in the order they were RECORDED (`createdAt`, the write path's hybrid
 *   clock, which orders writes the same way on every device; then id), not by the time a person
 *   says the step was taken (`at`, which may be back-dated to the minute): an approval entered
 *   after an evaluation follows it even when its stated time is earlier.
 * - What a person may do next depends only on the state: `nextActions`.
 */
import type { Fen } from '../money';
import type { CreditApplication, CreditStepKind, CreditStepRecord } from './records';
import {
  isEvaluationLate,
  replayApplication,
  type ApplicationState,
  type ApplicationStatus,
  type CreditStep,
  type ReplayResult,
  type UrgentKind
} from './workflow';

/** The workflow's statuses in board order (left to right). */
export const BOARD_STATUSES: readonly ApplicationStatus[] = [
  'applied',
  'fast-tracked',
  'under-evaluation',
  'evaluated',
  'approved',
  'in-agreement',
  'rejected'
];

/** A stored record as these functions read it: the envelope beyond id, deleted and creation is unused. */
export type ApplicationRecord = Omit<CreditApplication, 'updatedAt' | 'updatedBy' | '_f' | 'deleted' | 'createdAt' | 'createdBy'> & {
  deleted?: 0 | 1;
  createdAt?: number;
  createdBy?: string;
};
export type StepRecord = Omit<CreditStepRecord, 'updatedAt' | 'updatedBy' | '_f' | 'deleted' | 'createdAt' | 'createdBy'> & {
  deleted?: 0 | 1;
  /** when it was recorded (ms); absent → `at` */
  createdAt?: number;
};

const recorded = (s: StepRecord): number => s.createdAt ?? s.at;

/** The application's steps, `apply` first, then the rest in the order they were taken. */
export function stepsOf(app: ApplicationRecord, steps: readonly StepRecord[]): CreditStep[] {
  const apply: CreditStep = {
    kind: 'apply',
    by: app.appliedBy || app.createdBy || '?',
    at: app.createdAt ?? 0,
    customerId: app.customerId,
    amount: app.amount,
    termDays: app.termDays,
    purpose: app.purpose,
    urgent: app.urgent ?? null
  };
  const later = steps
    .filter((s) => s.applicationId === app.id && !s.deleted)
    .slice()
    .sort((a, b) => recorded(a) - recorded(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((s) => ({ ...(s.body as object), kind: s.kind, by: s.by, at: s.at }) as CreditStep);
  return [apply, ...later];
}

export interface ApplicationView {
  id: string;
  customerId: string;
  amount: Fen;
  termDays: number;
  purpose: string;
  urgent: UrgentKind | null;
  /** null only when the application record itself is unusable (see `replay.refused`) */
  state: ApplicationState | null;
  status: ApplicationStatus | null;
  /** the fast track's evaluation due date, while it is in effect */
  evaluationDue: string | null;
  late: boolean;
  /** every step, `apply` first, in replay order (`replay` indexes into this) */
  steps: CreditStep[];
  replay: ReplayResult;
  /** when the latest step in effect was taken (ms) */
  lastAt: number;
}

export function applicationView(app: ApplicationRecord, steps: readonly StepRecord[], today: string): ApplicationView {
  const all = stepsOf(app, steps);
  const replay = replayApplication(all);
  const state = replay.state;
  const last = replay.effective[replay.effective.length - 1];
  return {
    id: app.id,
    customerId: app.customerId,
    amount: app.amount,
    termDays: app.termDays,
    purpose: app.purpose,
    urgent: app.urgent ?? null,
    state,
    status: state?.status ?? null,
    evaluationDue: state?.fastTrack?.evaluationDue ?? null,
    late: state ? isEvaluationLate(state, today) : false,
    steps: all,
    replay,
    lastAt: last?.at ?? app.createdAt ?? 0
  };
}

/** Every live application with its derived state, the most recently moved first. */
export function applicationList(apps: readonly ApplicationRecord[], steps: readonly StepRecord[], today: string): ApplicationView[] {
  const byApp = new Map<string, StepRecord[]>();
  for (const s of steps) {
    if (s.deleted) continue;
    const list = byApp.get(s.applicationId);
    if (list) list.push(s);
    else byApp.set(s.applicationId, [s]);
  }
  return apps
    .filter((a) => !a.deleted)
    .map((a) => applicationView(a, byApp.get(a.id) ?? [], today))
    .sort((a, b) => b.lastAt - a.lastAt || (a.id < b.id ? 1 : -1));
}

/** The steps a person may take next (revert whenever something after `apply` is in effect). */
export function nextActions(view: Pick<ApplicationView, 'state' | 'replay'>): CreditStepKind[] {
  const state = view.state;
  if (!state) return [];
  const actions: CreditStepKind[] = [];
  switch (state.status) {
    case 'applied':
      actions.push('accept');
      if (state.application.urgent) actions.push('fast-track');
      actions.push('reject');
      break;
    case 'under-evaluation':
    case 'fast-tracked':
      actions.push('evaluate');
      break;
    case 'evaluated':
      actions.push('approve', 'reject');
      break;
    case 'approved':
      actions.push('sign');
      break;
    default:
      break;
  }
  if (view.replay.effective.length > 1) actions.push('revert');
  return actions;
}

/** Group views by status, in board order. */
export function boardColumns(views: readonly ApplicationView[]): { status: ApplicationStatus; items: ApplicationView[] }[] {
  return BOARD_STATUSES.map((status) => ({ status, items: views.filter((v) => v.status === status) }));
}
