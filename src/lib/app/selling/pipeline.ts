/**
 * The workspace's pipeline as the selling screens read it: the `opportunityStages` setting through
 * the engine's `readStages` (the default pipeline until someone saves one), and a stage's name in
 * the user's language.
 */
import type { OpenWorkspace } from '$lib/db/workspace';
import { readStages, STAGES_SETTING, type PipelineStage } from '$lib/domain/selling/board';
import { DEFAULT_STAGES } from '$lib/domain/selling/forecast';
import { t } from '$lib/i18n/index.svelte';

export function pipelineOf(ws: Pick<OpenWorkspace, 'settings'>): readonly PipelineStage[] {
  return readStages(ws.settings.get(STAGES_SETTING)?.value);
}

type BuiltIn = 'lead' | 'qualified' | 'proposal' | 'negotiation' | 'won' | 'lost';
const isBuiltIn = (id: string): id is BuiltIn => DEFAULT_STAGES.some((s) => s.id === id);

/** The name a person gave the stage, else the built-in stage's name, else its id. */
export function stageName(stage: Pick<PipelineStage, 'id' | 'name'> | null): string {
  if (!stage) return t('selling.stage.unknown');
  if (stage.name) return stage.name;
  return isBuiltIn(stage.id) ? t(`selling.stage.${stage.id}`) : stage.id;
}
