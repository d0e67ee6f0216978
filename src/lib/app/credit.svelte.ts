/**
 * Glue the credit screens share: the live stores of the credit tables of the open workspace, the
 * workspace's credit settings, who is acting, and the engine's problems in the user's language
 * (the engine speaks English; zh-CN users never see it raw).
 */
import type { TableStore } from '$lib/db/table-store.svelte';
import type { OpenWorkspace } from '$lib/db/workspace';
import { CREDIT_SETTINGS_ID, readCreditSettings } from '$lib/domain/credit/settings-store';
import type { SettingsProblem } from '$lib/domain/credit/settings';
import type { ApplicationStatus } from '$lib/domain/credit/workflow';
import type { Staff } from '$lib/domain/records/types';
import { i18n, t } from '$lib/i18n/index.svelte';
import { clock } from './clock.svelte';
import { settingsProblemText as settingsText, workflowProblemText } from './credit-text';
import { session } from './session.svelte';

/** The credit tables of one open workspace, loaded once and shared by every credit screen. */
export class CreditData {
  readonly applications: TableStore<'creditApplications'>;
  readonly steps: TableStore<'creditSteps'>;
  readonly evaluations: TableStore<'creditEvaluations'>;
  readonly agreements: TableStore<'creditAgreements'>;

  constructor(ws: OpenWorkspace) {
    // the workspace's own stores: the receivables screens read the same agreements and evaluations
    this.applications = ws.store('creditApplications');
    this.steps = ws.store('creditSteps');
    this.evaluations = ws.store('creditEvaluations');
    this.agreements = ws.store('creditAgreements');
  }

  get loading(): boolean {
    return this.applications.loading || this.steps.loading;
  }
}

let cached: { ws: OpenWorkspace; data: CreditData } | null = null;

/** The credit stores of `ws` (made on first use; the stores close with the workspace). */
export function creditData(ws: OpenWorkspace): CreditData {
  if (cached?.ws !== ws) {
    cached = { ws, data: new CreditData(ws) };
  }
  return cached.data;
}

/** The workspace's credit tables and their version (the defaults, version 0, until saved). */
export function creditSettings(ws: OpenWorkspace) {
  return readCreditSettings(ws.settings.get(CREDIT_SETTINGS_ID)?.value);
}

/** Today for the credit screens: the app's one clock (`?today=` moves it), never the wall clock. */
export const today = (): string => clock.today;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** The local time of day of the moment `ms`, put on the calendar day `day` (ms). */
export function momentOn(day: string, ms: number): number {
  const d = new Date(ms);
  return new Date(`${day}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`).getTime();
}

/** Now on the app's day (today's date, the time of day of the clock's now), ms: a step's time. */
export const now = (): number => momentOn(clock.today, clock.now());

/** Active staff, managers only when asked; the one named like the local profile first as default. */
export function staffChoices(ws: OpenWorkspace, managersOnly = false): { options: Staff[]; preferred: string } {
  const options = ws.staff.rows
    .filter((s) => s.active !== false && (!managersOnly || s.manager === true))
    .slice()
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  const me = options.find((s) => s.name === session.profile?.name);
  return { options, preferred: me?.id ?? (options.length === 1 ? options[0].id : '') };
}

export const statusText = (status: ApplicationStatus | null): string => t(status ? `credit.status.${status}` : 'credit.status.invalid');

/** A settings version as a person reads it: version 0 is the defaults, never changed; then 第 n 版. */
export const settingsVersionText = (version: number): string =>
  version > 0 ? t('credit.settingsVersion.n', { version }) : t('credit.settingsVersion.default');

/** The workflow engine's problem (workflow.ts), translated (credit-text.ts). */
export const workflowProblem = (problem: string): string => workflowProblemText(problem, i18n.locale);

/** A settings problem (settings.ts `checkCreditSettings`) as "where: what", translated. */
export const settingsProblemText = (p: SettingsProblem): string => settingsText(p, i18n.locale);
