/**
 * The opportunity board's arithmetic and the pipeline setting (issue 12 "Opportunities"): which
 * stages there are, what an opportunity's probability is, the totals and weighted totals of each
 * stage's column, and what moving an opportunity to another stage writes. Pure; the stage rules
 * themselves (open / won / lost, default probabilities, the rounding of amount × probability) are
 * forecast.ts's and exact.ts's.
 *
 * - The pipeline is the `settings` record `opportunityStages`: `{ stages: PipelineStage[] }`, the
 *   engine's `StageSetting` with an optional display name (absent: the built-in stage's name).
 *   It must pass `checkStages` and hold exactly one won and one lost stage; otherwise (never set,
 *   or damaged) the default pipeline is used.
 * - Weighted amount of an opportunity = amount × probability % / 100, rounded half up to the fen
 *   (as in the forecast), and a column's weighted total is the sum of those.
 * - Moving to another stage takes that stage's default probability (the opportunity's own is
 *   cleared); a won or lost stage records the day (`closedOn`), lost needs a non-blank reason; back
 *   to an open stage clears the day and the reason.
 */
import { parseDecimal, percentOfFen, toFen, type Decimal } from './exact';
import { checkStages, DEFAULT_STAGES, type StageOutcome, type StageSetting } from './forecast';
import { Checker } from './problems';

export const STAGES_SETTING = 'opportunityStages';

export interface PipelineStage extends StageSetting {
  /** the name a person gave it; absent: the built-in stage's translated name */
  name?: string;
}

/** The problems `checkPipeline` names (message keys `selling.stages.<code>`). */
export type PipelineProblem = 'bad-stage' | 'no-open' | 'one-won' | 'one-lost' | 'blank-name' | 'same-name';

/** Everything wrong with a pipeline, or [] when it can be saved. */
export function checkPipeline(stages: readonly PipelineStage[]): PipelineProblem[] {
  const problems: PipelineProblem[] = [];
  const c = new Checker();
  checkStages(stages, c);
  if (c.problems.some((p) => p.code !== 'bad-settings' || !p.path.endsWith('stages'))) problems.push('bad-stage');
  if (!stages.some((s) => s.outcome === 'open')) problems.push('no-open');
  if (stages.filter((s) => s.outcome === 'won').length !== 1) problems.push('one-won');
  if (stages.filter((s) => s.outcome === 'lost').length !== 1) problems.push('one-lost');
  const names = stages.filter((s) => s.name !== undefined).map((s) => (typeof s.name === 'string' ? s.name.trim() : ''));
  if (names.some((n) => n === '')) problems.push('blank-name');
  if (new Set(names).size !== names.length) problems.push('same-name');
  return problems;
}

/** The pipeline of a stored setting value: the stages when they pass `checkPipeline`, else the default. */
export function readStages(value: unknown): readonly PipelineStage[] {
  const stages = (value as { stages?: unknown } | null | undefined)?.stages;
  if (!Array.isArray(stages) || stages.some((s) => typeof s !== 'object' || s === null)) return DEFAULT_STAGES;
  return checkPipeline(stages as PipelineStage[]).length ? DEFAULT_STAGES : (stages as PipelineStage[]);
}

/** A percentage as an exact decimal, or null when it is not a number from 0 to 100. */
export function percentValue(p: unknown): Decimal | null {
  const d = typeof p === 'number' && Number.isFinite(p) ? parseDecimal(String(p)) : null;
  return d && d.units >= 0n && d.units <= 100n * 10n ** BigInt(d.scale) ? d : null;
}

export interface BoardOpportunity {
  id: string;
  amount: number;
  probability?: number;
  salesStage: string;
}

/** Its own probability, else its stage's default, else 0 (a stage nobody has any more). */
export function probabilityOf(o: Pick<BoardOpportunity, 'probability' | 'salesStage'>, stages: readonly StageSetting[]): number {
  if (o.probability !== undefined && percentValue(o.probability)) return o.probability;
  return stages.find((s) => s.id === o.salesStage)?.defaultProbabilityPercent ?? 0;
}

/** amount × probability % / 100, half up to the fen; 0 for an amount or probability that is not valid. */
export function weightedFen(amount: number, probability: number): number {
  const p = percentValue(probability);
  if (!p || !Number.isSafeInteger(amount) || amount < 0) return 0;
  return toFen(percentOfFen(amount, p));
}

export interface BoardColumn<O> {
  /** the stage, or null for the opportunities whose stage is not in the pipeline */
  stage: PipelineStage | null;
  items: O[];
  amountFen: number;
  weightedFen: number;
}

export interface Board<O> {
  columns: BoardColumn<O>[];
  /** over the open stages only: what is still in play */
  openAmountFen: number;
  openWeightedFen: number;
}

/**
 * The board: one column per stage in pipeline order with its opportunities (in the order given),
 * their Σ amount and Σ weighted amount; opportunities of an unknown stage in a last column (only
 * when there are any), so nothing is hidden.
 */
export function boardOf<O extends BoardOpportunity>(opportunities: readonly O[], stages: readonly PipelineStage[]): Board<O> {
  const columns: BoardColumn<O>[] = stages.map((stage) => ({ stage, items: [], amountFen: 0, weightedFen: 0 }));
  const byId = new Map(columns.map((c) => [c.stage!.id, c]));
  const unplaced: BoardColumn<O> = { stage: null, items: [], amountFen: 0, weightedFen: 0 };
  for (const o of opportunities) {
    const col = byId.get(o.salesStage) ?? unplaced;
    col.items.push(o);
    const amount = Number.isSafeInteger(o.amount) && o.amount > 0 ? o.amount : 0;
    col.amountFen += amount;
    col.weightedFen += weightedFen(amount, probabilityOf(o, stages));
  }
  if (unplaced.items.length) columns.push(unplaced);
  const open = columns.filter((c) => c.stage?.outcome === 'open');
  return {
    columns,
    openAmountFen: open.reduce((s, c) => s + c.amountFen, 0),
    openWeightedFen: open.reduce((s, c) => s + c.weightedFen, 0)
  };
}

/** The stage `delta` places before (−) or after (+) `id` in the pipeline, or null past either end. */
export function stageBeside(stages: readonly StageSetting[], id: string, delta: number): StageSetting | null {
  const at = stages.findIndex((s) => s.id === id);
  return at < 0 ? null : (stages[at + delta] ?? null);
}

export type StageMove =
  | { ok: true; patch: { salesStage: string; probability: undefined; closedOn: string | undefined; lostReason: string | undefined } }
  | { ok: false; problem: 'unknown-stage' | 'same-stage' | 'lost-needs-reason' };

/** What moving an opportunity from `from` to `to` writes, on `today`, with `reason` when it is lost. */
export function stageMove(stages: readonly StageSetting[], from: string, to: string, today: string, reason?: string): StageMove {
  const target = stages.find((s) => s.id === to);
  if (!target) return { ok: false, problem: 'unknown-stage' };
  if (from === to) return { ok: false, problem: 'same-stage' };
  const outcome: StageOutcome = target.outcome;
  if (outcome === 'lost' && !reason?.trim()) return { ok: false, problem: 'lost-needs-reason' };
  return {
    ok: true,
    patch: {
      salesStage: to,
      probability: undefined,
      closedOn: outcome === 'open' ? undefined : today,
      lostReason: outcome === 'lost' ? reason!.trim() : undefined
    }
  };
}
