/**
 * Glue the credit screens share: the live stores of the credit tables of the open workspace, the
 * workspace's credit settings, who is acting, and the engine's problems in the user's language
 * (the engine speaks English; zh-CN users never see it raw).
 */
import { TableStore } from '$lib/db/table-store.svelte';
import type { OpenWorkspace } from '$lib/db/workspace';
import { isoDate } from '$lib/domain/credit/applications';
import { CREDIT_SETTINGS_ID, readCreditSettings } from '$lib/domain/credit/settings-store';
import type { SettingsProblem } from '$lib/domain/credit/settings';
import type { ApplicationStatus } from '$lib/domain/credit/workflow';
import type { Staff } from '$lib/domain/records/types';
import { t, type MessageKey } from '$lib/i18n/index.svelte';
import { messages } from '$lib/i18n/messages';
import { session } from './session.svelte';

/** The credit tables of one open workspace, loaded once and shared by every credit screen. */
export class CreditData {
  readonly applications: TableStore<'creditApplications'>;
  readonly steps: TableStore<'creditSteps'>;
  readonly evaluations: TableStore<'creditEvaluations'>;
  readonly agreements: TableStore<'creditAgreements'>;

  constructor(ws: OpenWorkspace) {
    this.applications = new TableStore(ws.db, ws.writes, 'creditApplications');
    this.steps = new TableStore(ws.db, ws.writes, 'creditSteps');
    this.evaluations = new TableStore(ws.db, ws.writes, 'creditEvaluations');
    this.agreements = new TableStore(ws.db, ws.writes, 'creditAgreements');
  }

  get loading(): boolean {
    return this.applications.loading || this.steps.loading;
  }

  destroy() {
    for (const s of [this.applications, this.steps, this.evaluations, this.agreements]) s.destroy();
  }
}

let cached: { ws: OpenWorkspace; data: CreditData } | null = null;

/** The credit stores of `ws` (made on first use; those of a workspace closed since are dropped). */
export function creditData(ws: OpenWorkspace): CreditData {
  if (cached?.ws !== ws) {
    cached?.data.destroy();
    cached = { ws, data: new CreditData(ws) };
  }
  return cached.data;
}

/** The workspace's credit tables and their version (the defaults, version 0, until saved). */
export function creditSettings(ws: OpenWorkspace) {
  return readCreditSettings(ws.settings.get(CREDIT_SETTINGS_ID)?.value);
}

export const today = (): string => isoDate(new Date());

/** A `<input type="datetime-local">` value for now. */
export function nowLocal(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${isoDate(d)}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Active staff, managers only when asked; the one named like the local profile first as default. */
export function staffChoices(ws: OpenWorkspace, managersOnly = false): { options: Staff[]; preferred: string } {
  const options = ws.staff.rows
    .filter((s) => s.active !== false && (!managersOnly || (s as Staff & { manager?: boolean }).manager === true))
    .slice()
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  const me = options.find((s) => s.name === session.profile?.name);
  return { options, preferred: me?.id ?? (options.length === 1 ? options[0].id : '') };
}

export const statusText = (status: ApplicationStatus | null): string =>
  t(status ? (`credit.status.${status}` as MessageKey) : 'credit.status.invalid');

/** The workflow engine's problem (workflow.ts), translated. */
export function workflowProblem(problem: string): string {
  const fixed: Record<string, MessageKey> = {
    'the first step must be apply': 'credit.problem.first-apply',
    'who and when are required': 'credit.problem.who-when',
    'customer required': 'credit.problem.customer',
    'amount must be positive whole fen': 'credit.problem.amount',
    'term must be a positive number of days': 'credit.problem.term',
    'already applied': 'credit.problem.already-applied',
    'only urgent applications take the fast track': 'credit.problem.urgent-only',
    'evaluation due date required': 'credit.problem.due-required',
    'a rejection needs a reason': 'credit.problem.reject-reason',
    'recommended limit must be whole fen ≥ 0': 'credit.problem.recommended-limit',
    'approved limit must be positive whole fen': 'credit.problem.approved-limit',
    'a limit above the recommendation needs a recorded reason': 'credit.problem.above-needs-reason',
    'start and end dates required, start on or before end': 'credit.problem.sign-dates',
    'the agreed limit must be positive and at most the approved limit': 'credit.problem.sign-limit',
    'the agreed term must be positive and at most the approved term': 'credit.problem.sign-term',
    'a revert needs who, when and a reason': 'credit.problem.revert-needs',
    'nothing to revert': 'credit.problem.nothing-to-revert'
  };
  if (fixed[problem]) return t(fixed[problem]);
  const wrong = /^([\w-]+) is not possible when ([\w-]+)$/.exec(problem);
  if (wrong)
    return t('credit.problem.wrong-state', {
      step: t(`credit.step.${wrong[1]}` as MessageKey),
      status: t(`credit.status.${wrong[2]}` as MessageKey)
    });
  return t('credit.problem.other');
}

const known = (key: string): MessageKey | null => (key in messages['zh-CN'] ? (key as MessageKey) : null);

/** A settings problem (settings.ts `checkCreditSettings`) as "where: what", translated. */
export function settingsProblemText(p: SettingsProblem): string {
  const parts = p.path.split('.');
  let prefix = '';
  let rest = parts;
  if (parts[0] === 'industries') {
    prefix = `${parts[1]} · `;
    rest = parts.slice(2);
  }
  const sectionKey: Record<string, MessageKey> = {
    ratios: 'credit.settings.section.ratios',
    daysPerYear: 'credit.settings.daysPerYear',
    evaluationBands: 'credit.settings.section.evaluationBands',
    factors: 'credit.settings.section.factors',
    aspectMax: 'credit.settings.aspectMax',
    gradeBands: 'credit.settings.section.grades',
    gradeFactors: 'credit.settings.gradeFactor',
    limitClasses: 'credit.settings.section.limitClasses'
  };
  let where = sectionKey[rest[0]] ? t(sectionKey[rest[0]]) : rest[0];
  if (rest[0] === 'ratios' && rest[1]) where = t(`credit.ratio.${rest[1]}` as MessageKey);
  else if (rest[0] === 'gradeFactors' && rest[1]) where = `${where} CA${rest[1]}`;
  else if (rest[1] !== undefined && /^\d+$/.test(rest[1])) where = `${where} ${t('credit.settings.row', { n: Number(rest[1]) + 1 })}`;
  const weights = /^weights sum to (.+), not 100$/.exec(p.message);
  const what = weights
    ? t('credit.settingsProblem.weights', { sum: Number(weights[1]).toFixed(2).replace(/\.?0+$/, '') })
    : p.message.startsWith('duplicate id')
      ? t('credit.settingsProblem.duplicate id')
      : t(known(`credit.settingsProblem.${p.message}`) ?? 'credit.settingsProblem.other');
  return `${prefix}${where}:${what}`;
}
