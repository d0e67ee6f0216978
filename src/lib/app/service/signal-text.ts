/**
 * A churn flag in words, in the user's language, with the numbers that raised it ("usual cycle 6
 * days, 11 days since the last purchase"). The engine's results carry numbers only
 * (domain/service/flags.ts); this is where they become sentences, for the customer page, the grid
 * column and Today alike.
 */
import { daysBetween } from '$lib/domain/dates';
import { formatYuan } from '$lib/domain/money';
import type { Flag, MoodReason } from '$lib/domain/service/flags';
import { listOf, translate, type Locale, type MessageKey } from '$lib/i18n/translate';
import type { ChurnMeasure } from './churn-settings';

const KIND: Record<Flag['kind'], MessageKey> = { cycle: 'signal.kind.cycle', volume: 'signal.kind.volume', mood: 'signal.kind.mood' };

export const flagKindLabel = (locale: Locale, kind: Flag['kind']): string => translate(locale, KIND[kind]);

/** A total in the measure of the settings: yuan for amounts (fen), else the plain volume. */
function quantity(locale: Locale, value: number, measure: ChurnMeasure): string {
  if (measure === 'amount') return translate(locale, 'signal.yuan', { amount: formatYuan(Math.round(value)) });
  return String(Math.round(value * 100) / 100);
}

function moodReason(locale: Locale, r: MoodReason): string {
  return r.kind === 'open-complaint'
    ? translate(locale, 'signal.mood.complaint', { since: r.since })
    : translate(locale, 'signal.mood.score', { score: r.score, on: r.on });
}

/** Why a flag is raised, in numbers. */
export function flagReason(locale: Locale, flag: Flag, measure: ChurnMeasure): string {
  switch (flag.kind) {
    case 'cycle': {
      const d = flag.detail;
      return translate(locale, d.source === 'hand' ? 'signal.cycle.hand' : 'signal.cycle.median', {
        cycle: d.cycleDays ?? 0,
        since: d.daysSince ?? 0,
        grace: d.graceDays
      });
    }
    case 'volume': {
      const d = flag.detail;
      const window = daysBetween(d.window.from, d.window.to) + 1;
      const baseline = daysBetween(d.baseline.from, d.baseline.to) + 1;
      return translate(locale, 'signal.volume', {
        window,
        baseline,
        total: quantity(locale, d.window.total, measure),
        average: quantity(locale, d.baselineAverage, measure),
        percent: Math.round(d.ratio * 100)
      });
    }
    case 'mood':
      return listOf(
        locale,
        flag.detail.reasons.map((r) => moodReason(locale, r))
      );
  }
}

/** The open flags of a customer as one line: "Visit cycle: usual cycle 6 days, …; Volume drop: …". */
export function openFlagsText(locale: Locale, flags: readonly Flag[], measure: ChurnMeasure): string {
  return listOf(
    locale,
    flags
      .filter((f) => !f.cleared)
      .map((f) => translate(locale, 'common.labelValue', { label: flagKindLabel(locale, f.kind), value: flagReason(locale, f, measure) }))
  );
}
