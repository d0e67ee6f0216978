/**
 * Opportunity stages and the forecast by month (sales.md "Opportunities", "Forecast"; the rounding
 * is shared/fixtures/selling/README.md).
 *
 * Units: amounts integer fen, probabilities percent (0–100, decimals allowed), months `YYYY-MM`.
 * - Stages are settings: an ordered pipeline, each stage open, won or lost, with a default
 *   probability used when an opportunity has none of its own.
 * - Weighted forecast of a month = Σ over OPEN opportunities whose expected close date falls in
 *   it (first and last day included) of amount × probability % / 100, each rounded half up to fen
 *   before summing. Won and lost opportunities never count in the forecast.
 * - Beside it: won per month (won opportunities by `closedOn`, else by expected close) and
 *   collected per month (payments by date; reverted payments are left out).
 * - A month appears when something falls in it (a 0 % opportunity still makes its month appear).
 */
import { monthIndexOf, monthLabel } from '../dates';
import { percentOfFen, type Decimal } from './exact';
import { Checker, fail, ok, type Result } from './problems';

export type StageOutcome = 'open' | 'won' | 'lost';

export interface StageSetting {
  id: string;
  outcome: StageOutcome;
  defaultProbabilityPercent: number;
}

export const DEFAULT_STAGES: readonly StageSetting[] = [
  { id: 'lead', outcome: 'open', defaultProbabilityPercent: 10 },
  { id: 'qualified', outcome: 'open', defaultProbabilityPercent: 25 },
  { id: 'proposal', outcome: 'open', defaultProbabilityPercent: 50 },
  { id: 'negotiation', outcome: 'open', defaultProbabilityPercent: 75 },
  { id: 'won', outcome: 'won', defaultProbabilityPercent: 100 },
  { id: 'lost', outcome: 'lost', defaultProbabilityPercent: 0 }
];

export interface OpportunityInput {
  id?: string;
  amountFen: number;
  /** absent: the stage's default */
  probabilityPercent?: number;
  /** YYYY-MM-DD */
  expectedClose: string;
  stage: string;
  /** the day it was won or lost */
  closedOn?: string;
}

export interface CollectionInput {
  id?: string;
  date: string;
  amountFen: number;
  reverted?: boolean;
}

export interface ForecastInput {
  from: string;
  to: string;
  opportunities: readonly OpportunityInput[];
  collections?: readonly CollectionInput[];
  stages?: readonly StageSetting[];
}

export interface ForecastMonth {
  month: string;
  weightedFen: number;
  /** Σ amount of the open opportunities counted, unweighted */
  openFen: number;
  wonFen: number;
  collectedFen: number;
  /** indexes into `opportunities` of the open ones counted in this month */
  counted: number[];
}

export interface Forecast {
  months: ForecastMonth[];
  weightedTotalFen: number;
  wonTotalFen: number;
  collectedTotalFen: number;
}

/** Checks a stage list: unique ids, probabilities 0–100, at least one open stage. */
export function checkStages(stages: readonly StageSetting[], c: Checker, path = 'stages'): Map<string, StageSetting> {
  const seen = new Set<string>();
  const byId = new Map<string, StageSetting>();
  stages.forEach((s, i) => {
    c.id(`${path}[${i}].id`, s?.id, seen);
    c.percent(`${path}[${i}].defaultProbabilityPercent`, s?.defaultProbabilityPercent);
    if (!['open', 'won', 'lost'].includes(s?.outcome)) c.add('bad-settings', `${path}[${i}].outcome`, s?.outcome, 'a stage is open, won or lost');
    byId.set(s?.id, s);
  });
  if (!stages.some((s) => s?.outcome === 'open')) c.add('bad-settings', path, stages.length, 'the pipeline needs an open stage');
  return byId;
}

interface Row {
  month: number;
  weighted: bigint;
  open: bigint;
  won: bigint;
  collected: bigint;
  counted: number[];
}

/** The forecast by month from `from` to `to` (inclusive), or the problems of its input. */
export function forecastByMonth(input: ForecastInput): Result<Forecast> {
  const c = new Checker();
  const stages = checkStages(input.stages ?? DEFAULT_STAGES, c);
  const first = monthIndexOf(c.month('from', input.from));
  const last = monthIndexOf(c.month('to', input.to));
  if (c.clean && last < first) c.add('range-reversed', 'to', input.to, `the window ends before it starts (${input.from})`);
  const opps = (input.opportunities ?? []).map((o, i) => {
    const at = `opportunities[${i}]`;
    const stage = stages.get(o?.stage);
    if (!stage) c.add('unknown-stage', `${at}.stage`, o?.stage, 'not a stage of the pipeline');
    const probability: Decimal = c.percent(`${at}.probabilityPercent`, o?.probabilityPercent ?? stage?.defaultProbabilityPercent ?? 0);
    const closeDay = c.day(`${at}.expectedClose`, o?.expectedClose);
    const closedDay = o?.closedOn === undefined ? closeDay : c.day(`${at}.closedOn`, o.closedOn);
    return { amount: c.fen(`${at}.amountFen`, o?.amountFen), probability, closeDay, closedDay, outcome: stage?.outcome };
  });
  const pays = (input.collections ?? []).map((p, i) => ({
    day: c.day(`collections[${i}].date`, p?.date),
    amount: c.fen(`collections[${i}].amountFen`, p?.amountFen),
    reverted: p?.reverted === true
  }));
  if (!c.clean) return fail(c.problems);

  const rows = new Map<number, Row>();
  const row = (m: number): Row | null => {
    if (m < first || m > last) return null;
    let r = rows.get(m);
    if (!r) rows.set(m, (r = { month: m, weighted: 0n, open: 0n, won: 0n, collected: 0n, counted: [] }));
    return r;
  };
  opps.forEach((o, i) => {
    if (o.outcome === 'open') {
      const r = row(monthIndexOf(o.closeDay));
      if (!r) return;
      r.weighted += percentOfFen(o.amount, o.probability);
      r.open += BigInt(o.amount);
      r.counted.push(i);
    } else if (o.outcome === 'won') {
      const r = row(monthIndexOf(o.closedDay));
      if (r) r.won += BigInt(o.amount);
    }
  });
  for (const p of pays) {
    const r = p.reverted ? null : row(monthIndexOf(p.day));
    if (r) r.collected += BigInt(p.amount);
  }
  const months = [...rows.values()]
    .sort((a, b) => a.month - b.month)
    .map((r) => ({
      month: monthLabel(r.month),
      weightedFen: Number(r.weighted),
      openFen: Number(r.open),
      wonFen: Number(r.won),
      collectedFen: Number(r.collected),
      counted: r.counted
    }));
  const sum = (f: (m: ForecastMonth) => number) => months.reduce((s, m) => s + f(m), 0);
  return ok({
    months,
    weightedTotalFen: sum((m) => m.weightedFen),
    wonTotalFen: sum((m) => m.wonFen),
    collectedTotalFen: sum((m) => m.collectedFen)
  });
}
