/**
 * The workspace's pipeline as the selling screens read it: the `opportunityStages` setting through
 * the engine's `readStages` (the default pipeline until someone saves one), and a stage's name in
 * the user's language (grid/stage-column.ts, shared with the export).
 */
import type { OpenWorkspace } from '$lib/db/workspace';
import { readStages, STAGES_SETTING, type PipelineStage } from '$lib/domain/selling/board';
import { stageLabel } from '$lib/grid/stage-column';
import { i18n } from '$lib/i18n/index.svelte';

export function pipelineOf(ws: Pick<OpenWorkspace, 'settings'>): readonly PipelineStage[] {
  return readStages(ws.settings.get(STAGES_SETTING)?.value);
}

/** The name a person gave the stage, else the built-in stage's name, else its id. */
export const stageName = (stage: Pick<PipelineStage, 'id' | 'name'> | null): string => stageLabel(i18n.locale, stage);
