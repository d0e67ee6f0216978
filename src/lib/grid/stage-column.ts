/**
 * The opportunities' stage as a column: a choice among the workspace's pipeline (a setting, so not
 * in the field specs, which say text), labelled with each stage's name. The page's grid and the
 * export worker build it the same way, so a file says "方案报价" where the grid does.
 */
import type { PipelineStage } from '$lib/domain/selling/board';
import { DEFAULT_STAGES } from '$lib/domain/selling/forecast';
import { translate, type Locale } from '$lib/i18n/translate';
import type { GridColumn } from './types';

type BuiltIn = 'lead' | 'qualified' | 'proposal' | 'negotiation' | 'won' | 'lost';
const isBuiltIn = (id: string): id is BuiltIn => DEFAULT_STAGES.some((s) => s.id === id);

/** The name a person gave the stage, else the built-in stage's name, else its id; null: a stage not in the pipeline. */
export function stageLabel(locale: Locale, stage: Pick<PipelineStage, 'id' | 'name'> | null): string {
  if (!stage) return translate(locale, 'selling.stage.unknown');
  if (stage.name) return stage.name;
  return isBuiltIn(stage.id) ? translate(locale, `selling.stage.${stage.id}`) : stage.id;
}

/** `columns` with the `salesStage` column made a choice of the pipeline's stages. */
export function withStageColumn<R>(columns: GridColumn<R>[], locale: Locale, stages: readonly PipelineStage[]): GridColumn<R>[] {
  const spec = {
    type: 'choice' as const,
    options: stages.map((s) => s.id),
    labels: Object.fromEntries(stages.map((s) => [s.id, stageLabel(locale, s)]))
  };
  return columns.map((c) => (c.key === 'salesStage' ? { ...c, width: 110, spec } : c));
}
