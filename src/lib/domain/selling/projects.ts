/**
 * Stage tracking for long customer projects (sales.md "Stage tracking", essays 7 and 11: the
 * essay cut a power connection's lead time from 61 to 38 days by watching its key stages; the
 * stall rule is shared/fixtures/selling/README.md).
 *
 * Units: whole calendar days; dates `YYYY-MM-DD`; "today" is always a parameter.
 * - Days in stage = (its end, or today while it is current) − its start day.
 * - A stage is stalled when its days exceed the planned duration: on the planned day it is not yet
 *   stalled, one day later it is (planned 10, started 03-01: 03-11 is 10 days, fine; 03-12 stalls).
 * - A project's current stage is its first stage without an end; a project whose every template
 *   stage has ended is complete. Lead time = last end − first start when complete, else today −
 *   first start (reported as in progress). The average lead time counts complete projects only.
 * - Which stages cost the most time: per template stage, the total and average actual days over
 *   every project that entered it, and the days over plan; sorted by total days, most first.
 */
import { isoOf } from '../dates';
import { Checker, fail, ok, type Result } from './problems';

export interface StallInput {
  stageStart: string;
  plannedDays: number;
  today: string;
}

export interface Stall {
  daysInStage: number;
  stalled: boolean;
  /** days past the planned duration (0 when not stalled) */
  overdueDays: number;
  reason: string;
}

export function stallOf(input: StallInput): Result<Stall> {
  const c = new Checker();
  const start = c.day('stageStart', input?.stageStart);
  const planned = c.count('plannedDays', input?.plannedDays);
  const today = c.day('today', input?.today);
  if (!c.clean) return fail(c.problems);
  return ok(stall(start, today, planned));
}

function stall(start: number, end: number, planned: number): Stall {
  const days = end - start;
  return {
    daysInStage: days,
    stalled: days > planned,
    overdueDays: Math.max(0, days - planned),
    reason: `${isoOf(end)} − ${isoOf(start)} = ${days} day(s), planned ${planned}`
  };
}

export interface StageTemplate {
  id: string;
  name: string;
  plannedDays: number;
  owner?: string;
}

export interface ProjectInput {
  id: string;
  /** in template order; stages not yet reached are absent */
  stages: readonly { stageId: string; start: string; end?: string }[];
}

export interface ProjectStageStatus extends Stall {
  stageId: string;
  current: boolean;
}

export interface ProjectStatus {
  id: string;
  currentStageId: string | null;
  complete: boolean;
  leadTimeDays: number;
  stages: ProjectStageStatus[];
  stalledStageIds: string[];
}

export interface StageCost {
  stageId: string;
  projects: number;
  totalDays: number;
  averageDays: number;
  plannedDays: number;
  overPlanDays: number;
}

export interface ProjectReport {
  projects: ProjectStatus[];
  /** null when no project is complete */
  averageLeadTimeDays: number | null;
  stagesByTimeSpent: StageCost[];
}

function checkProject(p: ProjectInput, i: number, template: Map<string, StageTemplate>, c: Checker) {
  const at = `projects[${i}]`;
  if (!Array.isArray(p?.stages)) {
    c.add('unknown-template-stage', `${at}.stages`, p?.stages, 'not a list of stages');
    return [];
  }
  const seen = new Set<string>();
  return p.stages.map((s, j) => {
    const id = c.id(`${at}.stages[${j}].stageId`, s?.stageId, seen);
    if (id && !template.has(id)) c.add('unknown-template-stage', `${at}.stages[${j}].stageId`, id, 'not a stage of the template');
    const start = c.day(`${at}.stages[${j}].start`, s?.start);
    const end = s?.end === undefined ? null : c.day(`${at}.stages[${j}].end`, s.end);
    if (end !== null && end < start) c.add('range-reversed', `${at}.stages[${j}].end`, s.end, `the stage ends before it starts (${s.start})`);
    return { id, start, end };
  });
}

/** Every project's status and the report over them, as of `today`. */
export function projectReport(template: readonly StageTemplate[], projects: readonly ProjectInput[], today: string): Result<ProjectReport> {
  const c = new Checker();
  const todayDay = c.day('today', today);
  const seenT = new Set<string>();
  template.forEach((t, i) => {
    c.id(`template[${i}].id`, t?.id, seenT);
    c.count(`template[${i}].plannedDays`, t?.plannedDays);
  });
  const byId = new Map(template.map((t) => [t.id, t]));
  const seenP = new Set<string>();
  const checked = projects.map((p, i) => ({ id: c.id(`projects[${i}].id`, p?.id, seenP), stages: checkProject(p, i, byId, c) }));
  if (!c.clean) return fail(c.problems);

  const costs = new Map(template.map((t) => [t.id, { stageId: t.id, projects: 0, totalDays: 0, plannedDays: t.plannedDays, overPlanDays: 0 }]));
  const statuses = checked.map((p): ProjectStatus => {
    const current = p.stages.find((s) => s.end === null) ?? null;
    const stages = p.stages.map((s) => {
      const st = stall(s.start, s.end ?? todayDay, byId.get(s.id)!.plannedDays);
      const cost = costs.get(s.id)!;
      cost.projects++;
      cost.totalDays += st.daysInStage;
      cost.overPlanDays += st.overdueDays;
      return { stageId: s.id, current: s === current, ...st };
    });
    const complete = current === null && template.every((t) => p.stages.some((s) => s.id === t.id));
    const first = p.stages.length ? Math.min(...p.stages.map((s) => s.start)) : todayDay;
    const lastEnd = p.stages.reduce((m, s) => Math.max(m, s.end ?? -Infinity), -Infinity);
    return {
      id: p.id,
      currentStageId: current?.id ?? null,
      complete,
      leadTimeDays: complete ? lastEnd - first : Math.max(0, todayDay - first),
      stages,
      stalledStageIds: stages.filter((s) => s.stalled).map((s) => s.stageId)
    };
  });
  const done = statuses.filter((s) => s.complete);
  const stagesByTimeSpent = [...costs.values()]
    .filter((s) => s.projects > 0)
    .map((s) => ({ ...s, averageDays: s.totalDays / s.projects }))
    .sort((a, b) => b.totalDays - a.totalDays || (a.stageId < b.stageId ? -1 : 1));
  return ok({
    projects: statuses,
    averageLeadTimeDays: done.length ? done.reduce((s, p) => s + p.leadTimeDays, 0) / done.length : null,
    stagesByTimeSpent
  });
}
