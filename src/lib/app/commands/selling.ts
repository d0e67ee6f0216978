/**
 * Selling commands (issue 12): products, opportunities (added by the form, edited in the grid,
 * moved on the board) and the pipeline setting. Each is one write, so one undo, and refuses bad
 * input with its own message before anything is written. The stage rules are the engine's
 * (domain/selling/board.ts on forecast.ts): the screens pass the pipeline they show.
 */
import type { GridCommit } from '$lib/grid/types';
import type { Fen } from '$lib/domain/money';
import { checkPipeline, percentValue, STAGES_SETTING, stageMove, type PipelineStage } from '$lib/domain/selling/board';
import type { Opportunity } from '$lib/domain/selling/records';
import type { MessageKey } from '$lib/i18n/index.svelte';
import { CommandError, insert, run, update, type CommandResult, type Draft, type Patch, type WriteTarget } from './command';

export interface ProductDraft {
  name: string;
  spec?: string;
  unit?: string;
  listPrice: Fen | null;
}

const trimmed = (v: string | undefined) => v?.trim() || undefined;

/** A product of the catalogue: a name; a list price, when given, of zero or more fen. */
export function addProduct(ws: WriteTarget, p: ProductDraft): Promise<CommandResult> {
  return run(ws.writes, 'change.add', () => {
    if (!p.name.trim()) throw new CommandError('selling.product.needsName');
    if (p.listPrice !== null && p.listPrice < 0) throw new CommandError('selling.product.badPrice');
    const record: Draft<'products'> = { name: p.name.trim() };
    if (trimmed(p.spec)) record.spec = trimmed(p.spec);
    if (trimmed(p.unit)) record.unit = trimmed(p.unit);
    if (p.listPrice !== null) record.listPrice = p.listPrice;
    return [insert('products', record)];
  });
}

export interface OpportunityDraft {
  name: string;
  customerId: string | undefined;
  amount: Fen | null;
  /** absent: the stage's default */
  probability?: number;
  windowStart?: string;
  expectedClose: string;
  ownerId?: string;
  salesStage: string;
  howToWin?: string;
  competitors?: string[];
  lostReason?: string;
}

/** Why an opportunity's fields cannot be stored together (null: they can). */
function opportunityProblem(o: Partial<Opportunity>, stages: readonly PipelineStage[]): MessageKey | null {
  if (o.amount !== undefined && o.amount < 0) return 'selling.opp.badAmount';
  if (o.probability !== undefined && !percentValue(o.probability)) return 'selling.opp.badProbability';
  if (o.salesStage !== undefined && !stages.some((s) => s.id === o.salesStage)) return 'selling.opp.unknownStage';
  if (o.windowStart && o.expectedClose && o.windowStart > o.expectedClose) return 'selling.opp.badWindow';
  const stage = stages.find((s) => s.id === o.salesStage);
  if (stage?.outcome === 'lost' && !o.lostReason?.trim()) return 'selling.opp.lostNeedsReason';
  return null;
}

/** A new opportunity, checked whole; a won or lost one records today as its day. */
export function addOpportunity(ws: WriteTarget, o: OpportunityDraft, stages: readonly PipelineStage[], today: string): Promise<CommandResult> {
  return run(ws.writes, 'change.add', () => {
    if (!o.name.trim()) throw new CommandError('selling.opp.needsName');
    if (!o.customerId) throw new CommandError('customer.notFound');
    if (o.amount === null) throw new CommandError('selling.opp.badAmount');
    if (!o.expectedClose) throw new CommandError('selling.opp.needsClose');
    const record: Draft<'opportunities'> = {
      name: o.name.trim(),
      customerId: o.customerId,
      amount: o.amount,
      expectedClose: o.expectedClose,
      salesStage: o.salesStage
    };
    if (o.probability !== undefined) record.probability = o.probability;
    if (o.windowStart) record.windowStart = o.windowStart;
    if (o.ownerId) record.ownerId = o.ownerId;
    if (trimmed(o.howToWin)) record.howToWin = trimmed(o.howToWin);
    const competitors = (o.competitors ?? []).map((c) => c.trim()).filter(Boolean);
    if (competitors.length) record.competitors = competitors;
    if (trimmed(o.lostReason)) record.lostReason = trimmed(o.lostReason);
    const problem = opportunityProblem(record as Partial<Opportunity>, stages);
    if (problem) throw new CommandError(problem);
    if (stages.find((s) => s.id === o.salesStage)?.outcome !== 'open') record.closedOn = today;
    return [insert('opportunities', record)];
  });
}

/** An opportunity to another stage (the board): its default probability, the day when closed, the reason when lost. */
export function moveOpportunity(
  ws: WriteTarget,
  opp: Pick<Opportunity, 'id' | 'salesStage'>,
  to: string,
  stages: readonly PipelineStage[],
  today: string,
  reason?: string
): Promise<CommandResult> {
  return run(ws.writes, 'change.moveStage', () => {
    const move = stageMove(stages, opp.salesStage, to, today, reason);
    if (!move.ok) throw new CommandError(`selling.move.${move.problem}`);
    return [update('opportunities', opp.id, move.patch)];
  });
}

/**
 * A commit of the opportunities grid: the same write as any grid's (records.ts
 * `commitGridEdits`), but each row as it would be afterwards is checked first (probability 0–100,
 * amount, a known stage, a reason for lost, the window in order), and a stage typed or pasted
 * moves like a move on the board unless the same commit sets the probability, day or reason.
 */
export function commitOpportunityEdits(
  ws: WriteTarget,
  commit: Pick<GridCommit, 'edits' | 'newRows'>,
  get: (id: string) => Opportunity | undefined,
  stages: readonly PipelineStage[],
  today: string,
  defaults: Draft<'opportunities'>,
  fieldLabel?: (field: string) => string
): Promise<CommandResult> {
  return run(
    ws.writes,
    commit.newRows.length || commit.edits.length > 1 ? 'change.paste' : 'change.edit',
    () => {
      const patches = new Map<string, Record<string, unknown>>();
      for (const e of commit.edits) patches.set(e.rowId, { ...patches.get(e.rowId), [e.column]: e.value });
      const mutations = [...patches].map(([id, patch]) => {
        const before = get(id);
        const typed = { ...patch } as Patch<'opportunities'>;
        if (before && 'salesStage' in patch && patch.salesStage !== before.salesStage) {
          const move = stageMove(stages, before.salesStage, String(patch.salesStage), today, String(patch.lostReason ?? before.lostReason ?? ''));
          if (move.ok) for (const [k, v] of Object.entries(move.patch)) if (!(k in patch)) (typed as Record<string, unknown>)[k] = v;
        }
        const problem = opportunityProblem({ ...before, ...typed } as Partial<Opportunity>, stages);
        if (problem) throw new CommandError(problem);
        return update('opportunities', id, typed);
      });
      for (const row of commit.newRows) {
        const record: Record<string, unknown> = { ...defaults };
        for (const [k, v] of Object.entries(row)) if (v !== undefined) record[k] = v;
        const problem = opportunityProblem(record as Partial<Opportunity>, stages);
        if (problem) throw new CommandError(problem);
        if (stages.find((s) => s.id === record.salesStage)?.outcome !== 'open' && !record.closedOn) record.closedOn = today;
        mutations.push(insert('opportunities', record as Draft<'opportunities'>));
      }
      return mutations;
    },
    { fieldLabel }
  );
}

/**
 * The pipeline (settings page): checked whole; a stage that opportunities are still in cannot
 * leave it (`inUse`: the stage ids of live opportunities, each with the name the page shows).
 */
export function saveStages(
  ws: WriteTarget,
  stages: readonly PipelineStage[],
  inUse: ReadonlyMap<string, string>,
  exists: boolean
): Promise<CommandResult> {
  return run(ws.writes, 'change.settings', () => {
    const problem = checkPipeline(stages)[0];
    if (problem) throw new CommandError(`selling.stages.${problem}`);
    const kept = new Set(stages.map((s) => s.id));
    const removed = [...inUse].find(([id]) => !kept.has(id));
    if (removed) throw new CommandError('selling.stages.inUse', { stage: removed[1] });
    const value = { stages: stages.map((s) => ({ ...s, ...(s.name !== undefined ? { name: s.name.trim() } : {}) })) };
    return [exists ? update('settings', STAGES_SETTING, { value }) : insert('settings', { id: STAGES_SETTING, value })];
  });
}
