/**
 * Complaints in the user's words: a step's name, what an event or an escalation says, a unit's
 * name, the engine's problems and the settings' problems. Typed keys only (template-literal keys
 * of the complaint messages), no casts.
 */
import type { ComplaintStep, ComplaintView, EventRow, KeptEscalation, ServiceProblem } from '$lib/domain/service';
import { t } from '$lib/i18n/index.svelte';

export const stepText = (step: ComplaintStep | null): string => (step ? t(`complaint.step.${step}`) : t('complaint.archived'));

/** What stops the engine from working out a complaint's deadlines, in one line. */
export const viewProblemText = (view: ComplaintView): string | null =>
  view.problems.length === 0
    ? null
    : view.problems.some((p) => p.kind === 'unknown-unit')
      ? t('complaint.problem.unknown-unit')
      : t('complaint.problem.other');

export function escalationText(e: KeptEscalation, unitName: (id: string) => string): string {
  const line = t(`complaint.event.${e.why}`, {
    step: stepText(e.step),
    deadline: e.deadline,
    from: unitName(e.fromUnitId),
    to: unitName(e.toUnitId)
  });
  return e.kept ? line : `${line}${t('complaint.event.derived')}`;
}

/** An event of the history that is not an escalation (escalations come from `view.escalations`). */
export function eventText(e: EventRow): string {
  if (e.kind === 'step') return t('complaint.event.step', { step: stepText(e.step ?? null) });
  if (e.kind === 'pause') return t('complaint.event.pause');
  if (e.kind === 'resume') return t('complaint.event.resume');
  return t('complaint.event.note');
}

export type SettingsList = 'holidays' | 'workdays';

/** A settings problem (`checkComplaintSettings`) as a sentence naming the step or the row. */
export function settingsProblemText(p: ServiceProblem): string {
  const level = /^levels\.(\w+)$/.exec(p.at);
  if (level) return t('complaintSettings.problem.level', { step: stepText(level[1] as ComplaintStep) });
  const row = /^(?:calendar\.)?(holidays|workdays)\[(\d+)\]/.exec(p.at);
  if (row) {
    const list = t(`complaintSettings.${row[1] as SettingsList}`);
    const n = Number(row[2]) + 1;
    return p.kind === 'invalid-setting' ? t('complaintSettings.problem.twice', { list, n }) : t('complaintSettings.problem.date', { list, n });
  }
  return t('complaintSettings.problem.weekend');
}
