/**
 * The credit engine's problems in the user's language. The engine speaks English (workflow.ts
 * problems, settings.ts `checkCreditSettings` messages); a zh-CN user never sees them raw: each
 * known text maps to a message key, and anything unknown to a generic sentence.
 */
import type { SettingsProblem } from '$lib/domain/credit/settings';
import { isMessageKey, translate, type Locale, type MessageKey } from '$lib/i18n/translate';

const WORKFLOW: Record<string, MessageKey> = {
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

const known = (key: string): MessageKey | null => (isMessageKey(key) ? key : null);

/** A workflow problem (workflow.ts) as a message key and its parameters. */
export function workflowProblemMessage(problem: string, locale: Locale): { key: MessageKey; params?: Record<string, string> } {
  if (WORKFLOW[problem]) return { key: WORKFLOW[problem] };
  const wrong = /^([\w-]+) is not possible when ([\w-]+)$/.exec(problem);
  const step = wrong && known(`credit.step.${wrong[1]}`);
  const status = wrong && known(`credit.status.${wrong[2]}`);
  if (step && status) return { key: 'credit.problem.wrong-state', params: { step: translate(locale, step), status: translate(locale, status) } };
  return { key: 'credit.problem.other' };
}

export function workflowProblemText(problem: string, locale: Locale): string {
  const m = workflowProblemMessage(problem, locale);
  return translate(locale, m.key, m.params);
}

const SECTION_KEYS: Record<string, MessageKey> = {
  ratios: 'credit.settings.section.ratios',
  daysPerYear: 'credit.settings.daysPerYear',
  evaluationBands: 'credit.settings.section.evaluationBands',
  factors: 'credit.settings.section.factors',
  aspectMax: 'credit.settings.aspectMax',
  gradeBands: 'credit.settings.section.grades',
  gradeFactors: 'credit.settings.gradeFactor',
  limitClasses: 'credit.settings.section.limitClasses'
};

/** What a settings problem says, translated ('credit.settingsProblem.other' when unknown). */
export function settingsProblemWhat(message: string, locale: Locale): { key: MessageKey; text: string } {
  const weights = /^weights sum to (.+), not 100$/.exec(message);
  if (weights) {
    const sum = String(Math.round(Number(weights[1]) * 100) / 100);
    return { key: 'credit.settingsProblem.weights', text: translate(locale, 'credit.settingsProblem.weights', { sum }) };
  }
  const key = message.startsWith('duplicate id')
    ? 'credit.settingsProblem.duplicate id'
    : (known(`credit.settingsProblem.${message}`) ?? 'credit.settingsProblem.other');
  return { key, text: translate(locale, key) };
}

/** A settings problem as "where: what" in `locale` (e.g. "等级系数 % CA3: 等级越差等级系数不能越大"). */
export function settingsProblemText(p: SettingsProblem, locale: Locale): string {
  const parts = p.path.split('.');
  let prefix = '';
  let rest = parts;
  if (parts[0] === 'industries') {
    prefix = `${parts[1]} · `;
    rest = parts.slice(2);
  }
  let where = SECTION_KEYS[rest[0]] ? translate(locale, SECTION_KEYS[rest[0]]) : rest[0];
  const ratioKey = rest[0] === 'ratios' && rest[1] ? known(`credit.ratio.${rest[1]}`) : null;
  if (ratioKey) where = translate(locale, ratioKey);
  else if (rest[0] === 'gradeFactors' && rest[1]) where = `${where} CA${rest[1]}`;
  else if (rest[1] !== undefined && /^\d+$/.test(rest[1])) where = `${where} ${translate(locale, 'credit.settings.row', { n: Number(rest[1]) + 1 })}`;
  return `${prefix}${where}: ${settingsProblemWhat(p.message, locale).text}`;
}
