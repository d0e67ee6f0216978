/**
 * Mood and how flags clear (service.md "Churn signals"; essay 6: "固定客户有抱怨情绪时 … 第一时间给客户沟通",
 * "通过电话回访,查明原因,采取针对性措施并录入系统").
 *
 * - Mood: an open complaint (received on or before today, not closed by today) or the customer's
 *   latest survey score (on or before today) ≤ `lowScore` (2). Scores are whole numbers 1–5. Its `raisedOn` is the
 *   day of the latest reason: a new complaint or a new low score after a follow-up raises it again.
 * - Clearing: a flag raised on day R clears when a done follow-up dated R … today records both its
 *   reason (`purpose`) and its result (`outcome`), non-blank. A follow-up logged before the flag
 *   was raised never clears it; a cleared flag that is raised again (a new `raisedOn`) needs a
 *   new follow-up.
 * `customerFlags` puts the three signals together with their numbers, each open or cleared.
 */
import { dayOfMoment, isoOf, type Day } from '../dates';
import { Checker, todayOf, type Outcome, type ServiceProblem } from './problems';
import {
  DEFAULT_CYCLE_SETTINGS,
  DEFAULT_VOLUME_SETTINGS,
  visitCycle,
  volumeAnomaly,
  type CycleResult,
  type CycleSettings,
  type VolumePurchase,
  type VolumeResult,
  type VolumeSettings
} from './signals';

export interface MoodSettings {
  lowScore: number;
}
export const DEFAULT_MOOD_SETTINGS: MoodSettings = { lowScore: 2 };

export interface ComplaintState {
  id: string;
  receivedAt: string;
  /** archived (归档) on, when closed */
  closedAt?: string | null;
}
export interface SurveyScore {
  on: string;
  score: number;
}

export type MoodReason =
  { kind: 'open-complaint'; complaintId: string; since: string } | { kind: 'low-score'; score: number; on: string; lowScore: number };

export interface MoodResult {
  flagged: boolean;
  reasons: MoodReason[];
  raisedOn: string | null;
}

export function mood(
  complaints: readonly ComplaintState[],
  surveys: readonly SurveyScore[],
  today: string,
  settings: MoodSettings = DEFAULT_MOOD_SETTINGS
): Outcome<MoodResult> {
  const t = todayOf(today);
  if (!t.ok) return t;
  const c = new Checker();
  const low = c.whole(settings.lowScore, 'lowScore', 1, 5);
  const open: { id: string; since: Day }[] = [];
  complaints.forEach((k, i) => {
    const received = c.day(k.receivedAt, `complaints[${i}].receivedAt`, t.value);
    const closed = k.closedAt == null ? null : c.day(k.closedAt, `complaints[${i}].closedAt`);
    if (closed !== null && closed < received) c.push('invalid-date', `complaints[${i}].closedAt`, k.closedAt);
    if (closed === null || closed > t.value) open.push({ id: k.id, since: received });
  });
  let latest: { on: Day; score: number } | null = null;
  surveys.forEach((s, i) => {
    const on = c.day(s.on, `surveys[${i}].on`, t.value);
    if (typeof s.score !== 'number' || !Number.isInteger(s.score) || s.score < 1 || s.score > 5)
      c.push('invalid-score', `surveys[${i}].score`, s.score);
    else if (latest === null || on >= latest.on) latest = { on, score: s.score };
  });
  return c.result(() => {
    const reasons: MoodReason[] = [];
    const starts: Day[] = [];
    for (const o of open.sort((a, b) => a.since - b.since)) {
      reasons.push({ kind: 'open-complaint', complaintId: o.id, since: isoOf(o.since) });
      starts.push(o.since);
    }
    const l = latest as { on: Day; score: number } | null;
    if (l && l.score <= low) {
      reasons.push({ kind: 'low-score', score: l.score, on: isoOf(l.on), lowScore: low });
      starts.push(l.on);
    }
    return { flagged: reasons.length > 0, reasons, raisedOn: starts.length ? isoOf(Math.max(...starts)) : null };
  });
}

export interface LoggedFollowUp {
  id: string;
  /** date or date-time of the contact */
  at: string;
  done: boolean;
  /** the reason of the contact */
  purpose?: string;
  /** its result */
  outcome?: string;
}

export interface Clearing {
  cleared: boolean;
  followUpId: string | null;
  on: string | null;
}

/** Whether a flag raised on `raisedOn` is cleared by today; the earliest follow-up that clears it. */
export function clearing(raisedOn: string, followUps: readonly LoggedFollowUp[], today: string): Clearing {
  const raised = dayOfMoment(raisedOn);
  const t = dayOfMoment(today);
  let best: { id: string; day: Day } | null = null;
  for (const f of followUps) {
    const day = dayOfMoment(f.at);
    if (!f.done || Number.isNaN(day) || day < raised || day > t) continue;
    if (!f.purpose?.trim() || !f.outcome?.trim()) continue;
    if (best === null || day < best.day) best = { id: f.id, day };
  }
  return best ? { cleared: true, followUpId: best.id, on: isoOf(best.day) } : { cleared: false, followUpId: null, on: null };
}

export interface FlagSettings {
  cycle: CycleSettings;
  volume: VolumeSettings;
  mood: MoodSettings;
}
export const DEFAULT_FLAG_SETTINGS: FlagSettings = {
  cycle: DEFAULT_CYCLE_SETTINGS,
  volume: DEFAULT_VOLUME_SETTINGS,
  mood: DEFAULT_MOOD_SETTINGS
};

export interface CustomerSignalsInput {
  purchases: readonly VolumePurchase[];
  cycleDays?: number | null;
  complaints?: readonly ComplaintState[];
  surveys?: readonly SurveyScore[];
  followUps?: readonly LoggedFollowUp[];
}

export type Flag =
  | ({ kind: 'cycle'; raisedOn: string; detail: CycleResult } & Clearing)
  | ({ kind: 'volume'; raisedOn: string; detail: VolumeResult } & Clearing)
  | ({ kind: 'mood'; raisedOn: string; detail: MoodResult } & Clearing);

/** Every flag of one customer today, open or cleared, each with the numbers that raised it. */
export function customerFlags(input: CustomerSignalsInput, today: string, settings: FlagSettings = DEFAULT_FLAG_SETTINGS): Outcome<Flag[]> {
  const cycle = visitCycle({ purchases: input.purchases.map((p) => p.date), cycleDays: input.cycleDays }, today, settings.cycle);
  const volume = volumeAnomaly(input.purchases, today, settings.volume);
  const m = mood(input.complaints ?? [], input.surveys ?? [], today, settings.mood);
  const problems: ServiceProblem[] = [];
  for (const r of [cycle, volume, m]) if (!r.ok) problems.push(...r.problems);
  if (!cycle.ok || !volume.ok || !m.ok) {
    const seen = new Set<string>();
    return { ok: false, problems: problems.filter((p) => !seen.has(JSON.stringify(p)) && !!seen.add(JSON.stringify(p))) };
  }
  const follow = input.followUps ?? [];
  const flags: Flag[] = [];
  if (cycle.value.raisedOn)
    flags.push({ kind: 'cycle', raisedOn: cycle.value.raisedOn, detail: cycle.value, ...clearing(cycle.value.raisedOn, follow, today) });
  if (volume.value.raisedOn)
    flags.push({ kind: 'volume', raisedOn: volume.value.raisedOn, detail: volume.value, ...clearing(volume.value.raisedOn, follow, today) });
  if (m.value.raisedOn) flags.push({ kind: 'mood', raisedOn: m.value.raisedOn, detail: m.value, ...clearing(m.value.raisedOn, follow, today) });
  return { ok: true, value: flags };
}
