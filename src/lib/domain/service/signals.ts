/**
 * Churn signals from purchases (service.md "Churn signals"; rules and worked cases in
 * shared/fixtures/service/README.md, essay 6: "超过固定周期3天不进站加油 … 作为'异常情况'").
 *
 * - Visit cycle: the cycle is set by hand, or the median of the last 12 intervals between
 *   consecutive purchase days (several purchases on one day count once; an even count takes the
 *   mean of the two middle ones rounded up to a whole day; fewer than two purchase days: no cycle).
 *   Flagged when days since the last purchase day > cycle + grace (grace 3 days by default).
 * - Volume: the window is the `windowDays` (30) days ending today, today included; the baseline the
 *   `baselineDays` (90) days before it. baseline average = baseline total × window / baseline.
 *   Flagged when the baseline total is above 0 and the window total < ratio (0.5) × baseline average.
 *
 * Units: days are calendar days; volumes are plain non-negative numbers in the purchase's unit
 * (litres, kg, or fen when a business measures in money). Each result carries the numbers that
 * decided it and `raisedOn`, the first day of the current flagged run (what a follow-up must follow).
 */
import { isoOf, type Day } from '../dates';
import { Checker, todayOf, type Outcome } from './problems';

/** A cycle longer than 10 years, a grace longer than a year: settings nobody means. */
const MAX_CYCLE = 3660;
/** Interval count of the median (service.md: "the median of their last 12 intervals"). */
export const CYCLE_INTERVALS = 12;

export interface CycleSettings {
  graceDays: number;
}
export const DEFAULT_CYCLE_SETTINGS: CycleSettings = { graceDays: 3 };

export interface CycleResult {
  /** the usual cycle in days, null with fewer than two purchase days and none set by hand */
  cycleDays: number | null;
  source: 'hand' | 'median' | null;
  /** how many intervals the median used (0 when set by hand) */
  intervals: number;
  lastPurchase: string | null;
  daysSince: number | null;
  graceDays: number;
  flagged: boolean;
  /** the first flagged day: last purchase + cycle + grace + 1 */
  raisedOn: string | null;
}

/** Median of whole-day intervals; an even count takes the two middle ones' mean rounded up. */
export function medianCycle(intervals: readonly number[]): number | null {
  if (intervals.length === 0) return null;
  const s = [...intervals].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid] : Math.ceil((s[mid - 1] + s[mid]) / 2);
}

/** Distinct purchase days, ascending. */
function distinctDays(days: readonly Day[]): Day[] {
  return [...new Set(days)].sort((a, b) => a - b);
}

export interface CycleInput {
  /** purchase dates or date-times (contacts' dates for a business without purchases) */
  purchases: readonly string[];
  /** a cycle set by hand, in days */
  cycleDays?: number | null;
}

export function visitCycle(input: CycleInput, today: string, settings: CycleSettings = DEFAULT_CYCLE_SETTINGS): Outcome<CycleResult> {
  const t = todayOf(today);
  if (!t.ok) return t;
  const c = new Checker();
  const grace = c.whole(settings.graceDays, 'graceDays', 0, 366);
  const hand = input.cycleDays == null ? null : c.whole(input.cycleDays, 'cycleDays', 1, MAX_CYCLE);
  const raw = input.purchases.map((p, i) => c.day(p, () => `purchases[${i}]`, t.value));
  return c.result(() => {
    const days = distinctDays(raw);
    const gaps = days
      .slice(1)
      .map((d, i) => d - days[i])
      .slice(-CYCLE_INTERVALS);
    const cycleDays = hand ?? medianCycle(gaps);
    const last = days.length ? days[days.length - 1] : null;
    const daysSince = last === null ? null : t.value - last;
    const flagged = cycleDays !== null && daysSince !== null && daysSince > cycleDays + grace;
    return {
      cycleDays,
      source: hand !== null ? 'hand' : cycleDays === null ? null : 'median',
      intervals: hand !== null ? 0 : gaps.length,
      lastPurchase: last === null ? null : isoOf(last),
      daysSince,
      graceDays: grace,
      flagged,
      raisedOn: flagged && last !== null && cycleDays !== null ? isoOf(last + cycleDays + grace + 1) : null
    };
  });
}

export interface VolumeSettings {
  windowDays: number;
  baselineDays: number;
  ratio: number;
}
export const DEFAULT_VOLUME_SETTINGS: VolumeSettings = { windowDays: 30, baselineDays: 90, ratio: 0.5 };

/** A single purchase volume above this is not a reading but a typing mistake. */
export const MAX_VOLUME = 1e9;

export interface VolumePurchase {
  date: string;
  volume: number;
}

export interface VolumeResult {
  window: { from: string; to: string; total: number };
  baseline: { from: string; to: string; total: number };
  baselineAverage: number;
  /** ratio × baseline average: the window total must not fall below it */
  threshold: number;
  ratio: number;
  flagged: boolean;
  raisedOn: string | null;
}

/**
 * Sums of volumes over day ranges: binary search for the range, then added in day order (no
 * prefix sums: their differences would turn 49.99 into 49.99000000000001 and move a boundary).
 */
function rangeSums(points: { day: Day; volume: number }[]) {
  points.sort((a, b) => a.day - b.day);
  const index = (day: Day) => {
    let lo = 0;
    let hi = points.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (points[mid].day < day) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return (from: Day, to: Day): number => {
    let total = 0;
    for (let i = index(from); i < points.length && points[i].day <= to; i++) total += points[i].volume;
    return total;
  };
}

export function volumeAnomaly(
  purchases: readonly VolumePurchase[],
  today: string,
  settings: VolumeSettings = DEFAULT_VOLUME_SETTINGS
): Outcome<VolumeResult> {
  const t = todayOf(today);
  if (!t.ok) return t;
  const c = new Checker();
  const w = c.whole(settings.windowDays, 'windowDays', 1, 3660);
  const b = c.whole(settings.baselineDays, 'baselineDays', 1, 3660);
  const ratio = settings.ratio;
  if (typeof ratio !== 'number' || !(ratio > 0 && ratio <= 1)) c.push('invalid-setting', 'ratio', ratio);
  const points = purchases.map((p, i) => ({
    day: c.day(p.date, () => `purchases[${i}].date`, t.value),
    volume: c.quantity(p.volume, () => `purchases[${i}].volume`, MAX_VOLUME)
  }));
  return c.result(() => {
    const sum = rangeSums(points);
    const on = (day: Day) => {
      const windowTotal = sum(day - w + 1, day);
      const baselineTotal = sum(day - w - b + 1, day - w);
      const baselineAverage = (baselineTotal * w) / b;
      return { windowTotal, baselineTotal, baselineAverage, flagged: baselineTotal > 0 && windowTotal < ratio * baselineAverage };
    };
    const now = on(t.value);
    let raised: Day | null = null;
    if (now.flagged) {
      raised = t.value;
      // a run cannot outlast the baseline: once it is empty nothing is flagged
      while (raised > t.value - w - b && on(raised - 1).flagged) raised--;
    }
    return {
      window: { from: isoOf(t.value - w + 1), to: isoOf(t.value), total: now.windowTotal },
      baseline: { from: isoOf(t.value - w - b + 1), to: isoOf(t.value - w), total: now.baselineTotal },
      baselineAverage: now.baselineAverage,
      threshold: ratio * now.baselineAverage,
      ratio,
      flagged: now.flagged,
      raisedOn: raised === null ? null : isoOf(raised)
    };
  });
}
