/**
 * Credit commands (credit.md §1): apply, each workflow step (sign with its agreement), evaluate
 * (the evaluation with its step), and saving the credit settings. Each is one write (one undo),
 * checks the engine's rules before anything is written, and owns its error text: a refusal is a
 * `CommandError` whose message `run` puts in the user's language.
 */
import { newId } from '$lib/db/ids';
import type { ApplicationView } from '$lib/domain/credit/applications';
import { localIsoOf } from '$lib/domain/dates';
import type { CreditStepKind } from '$lib/domain/credit/records';
import { CREDIT_SETTINGS_ID, type StoredCreditSettings } from '$lib/domain/credit/settings-store';
import { applyStep, replayApplication, type CreditStep, type CreditStepBody, type UrgentKind } from '$lib/domain/credit/workflow';
import type { Fen } from '$lib/domain/money';
import { i18n } from '$lib/i18n/index.svelte';
import { workflowProblemMessage } from '../credit-text';
import { now } from '../credit.svelte';
import { CommandError, insert, remove, run, update, type CommandResult, type Draft, type Writer } from './command';

/** What the new-application form gives: `amount` null when the text was not an amount. */
export interface ApplicationInput {
  customerId: string | undefined;
  amount: Fen | null;
  termDays: number;
  purpose: string;
  urgent?: UrgentKind | '';
  appliedBy?: string;
}

/** The application record for `input`, or the refusal (the form's order: customer, amount, term, purpose). */
export function applicationDraft(input: ApplicationInput): Draft<'creditApplications'> {
  if (!input.customerId) throw new CommandError('credit.customerRequired');
  if (input.amount === null || !Number.isSafeInteger(input.amount) || input.amount <= 0) throw new CommandError('credit.amountInvalid');
  if (!Number.isSafeInteger(input.termDays) || input.termDays <= 0) throw new CommandError('credit.termInvalid');
  const purpose = input.purpose.trim();
  if (!purpose) throw new CommandError('credit.purposeRequired');
  const record: Draft<'creditApplications'> = { customerId: input.customerId, amount: input.amount, termDays: input.termDays, purpose };
  if (input.urgent) record.urgent = input.urgent;
  if (input.appliedBy) record.appliedBy = input.appliedBy;
  return record;
}

/** Applies for credit: one write inserts the application, which is its `apply` step. */
export async function applyForCredit(writer: Writer, input: ApplicationInput): Promise<CommandResult & { id?: string }> {
  const r = await run(writer, 'credit.change.apply', () => [insert('creditApplications', applicationDraft(input))]);
  return r.ok ? { ...r, id: r.changeSet.ops[0]?.id } : r;
}

/** The engine's verdict on `step` after the application's effective steps, as a refusal. */
function checkStep(view: Pick<ApplicationView, 'state' | 'replay'>, step: CreditStep): void {
  if (!step.by) throw new CommandError('credit.problem.staff');
  if (!Number.isFinite(step.at)) throw new CommandError('credit.problem.who-when');
  let problem: string | null;
  if (step.kind === 'revert') {
    const r = replayApplication([...view.replay.effective, step]);
    problem = r.refused.length ? r.refused[0].problem : null;
  } else if (!view.state) problem = 'the first step must be apply';
  else {
    const r = applyStep(view.state, step);
    problem = r.ok ? null : r.problem;
  }
  if (problem !== null) {
    const m = workflowProblemMessage(problem, i18n.locale);
    throw new CommandError(m.key, m.params);
  }
}

/** When a step is taken: the time given, or now (when saved); never before the application existed. */
export function stepTime(view: Pick<ApplicationView, 'steps'>, at: number | null, nowMs = now()): number {
  const applied = view.steps[0]?.at ?? 0;
  if (at === null) return Math.max(nowMs, applied);
  if (Number.isFinite(at) && at < applied) throw new CommandError('credit.problem.before-apply');
  return at;
}

export type StepKind = Exclude<CreditStepKind, 'evaluate'>;
export type StepBody<K extends StepKind> = Omit<Extract<CreditStepBody, { kind: K }>, 'kind'>;

export interface StepInput<K extends StepKind = StepKind> {
  view: Pick<ApplicationView, 'id' | 'customerId' | 'state' | 'replay' | 'steps'>;
  kind: K;
  body: StepBody<K>;
  /** a staff id */
  by: string;
  /** ms; null: now, when saved */
  at: number | null;
  /** the application's agreements (a revert of `sign` withdraws them) */
  agreements: readonly { id: string; applicationId?: string }[];
  /** for `sign` */
  agreementNo?: string;
}

/** The mutations of one step: the step, and for `sign` its agreement, for a revert of `sign` the withdrawal. */
export function stepMutations(input: StepInput, nowMs = now()) {
  const { view, kind, body, by } = input;
  const at = stepTime(view, input.at, nowMs);
  const step = { ...body, kind, by, at } as CreditStep;
  checkStep(view, step);
  const mutations = [insert('creditSteps', { applicationId: view.id, kind, by, at, body: body as Draft<'creditSteps'>['body'] })];
  // reverting the signature withdraws the agreement it wrote, in the same write: no credit sale
  // may draw on an agreement whose signature is no longer in effect
  if (kind === 'revert' && view.replay.effective.at(-1)?.kind === 'sign')
    for (const a of input.agreements) if (a.applicationId === view.id) mutations.push(remove('creditAgreements', a.id));
  if (step.kind === 'sign') {
    const agreement: Draft<'creditAgreements'> = {
      customerId: view.customerId,
      applicationId: view.id,
      limit: step.limit,
      termDays: step.termDays,
      startDate: step.startDate,
      endDate: step.endDate,
      signedBy: by,
      signedOn: localIsoOf(new Date(at))
    };
    const no = input.agreementNo?.trim();
    if (no) agreement.agreementNo = no;
    mutations.push(insert('creditAgreements', agreement));
  }
  return mutations;
}

/** Takes one workflow step (`sign` writes the step and the agreement in one write). */
export function takeCreditStep(writer: Writer, input: StepInput): Promise<CommandResult> {
  return run(writer, input.kind === 'sign' ? 'credit.change.sign' : 'credit.change.step', () => stepMutations(input));
}

export interface EvaluationInput {
  view: Pick<ApplicationView, 'id' | 'customerId' | 'state' | 'replay' | 'steps'>;
  /** the evaluation's own fields (statements, aspects, settings and their version, results…) */
  record: Omit<Draft<'creditEvaluations'>, 'id' | 'applicationId' | 'customerId' | 'evaluatedBy'>;
  recommendation: { limit: Fen; creditGrade: string | null };
  by: string;
}

/** The evaluation record and its `evaluate` step, sharing the evaluation's id. */
export function evaluationMutations(input: EvaluationInput, nowMs = now()) {
  const { view, recommendation, by } = input;
  const evaluationId = newId();
  const at = stepTime(view, null, nowMs);
  const body = { evaluationId, recommendedLimit: recommendation.limit, creditGrade: recommendation.creditGrade };
  checkStep(view, { kind: 'evaluate', ...body, by, at });
  const record: Draft<'creditEvaluations'> = {
    ...input.record,
    id: evaluationId,
    applicationId: view.id,
    customerId: view.customerId,
    evaluatedBy: by
  };
  return [insert('creditEvaluations', record), insert('creditSteps', { applicationId: view.id, kind: 'evaluate', by, at, body })];
}

/** Saves an evaluation: the `creditEvaluations` record and the `evaluate` step in one write. */
export function evaluateApplication(writer: Writer, input: EvaluationInput): Promise<CommandResult> {
  return run(writer, 'credit.change.evaluate', () => evaluationMutations(input));
}

/** Saves the credit settings' next version (checked by `nextCreditSettings`) in one write. */
export function saveCreditSettings(writer: Writer, value: StoredCreditSettings, exists: boolean): Promise<CommandResult> {
  return run(writer, 'credit.change.settings', [
    exists ? update('settings', CREDIT_SETTINGS_ID, { value }) : insert('settings', { id: CREDIT_SETTINGS_ID, value })
  ]);
}
