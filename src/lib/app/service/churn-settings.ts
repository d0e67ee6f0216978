/**
 * The churn signals' settings as the workspace keeps them: one `settings` record, `churnSignals`,
 * holding the cycle grace, the volume windows and share, and what a purchase's "volume" is (its
 * amount, which every purchase and credit sale has, or its volume). Read forgivingly (a missing or
 * out-of-range value is the default), checked strictly when saved.
 */
import { DEFAULT_FLAG_SETTINGS, type FlagSettings } from '$lib/domain/service/flags';

export const CHURN_SETTINGS_ID = 'churnSignals';

export type ChurnMeasure = 'amount' | 'volume';
export const CHURN_MEASURES: readonly ChurnMeasure[] = ['amount', 'volume'];

export interface ChurnSettings {
  graceDays: number;
  windowDays: number;
  baselineDays: number;
  /** the share of the baseline average below which the volume is flagged, in percent (50) */
  ratioPercent: number;
  measure: ChurnMeasure;
}

export const DEFAULT_CHURN_SETTINGS: ChurnSettings = {
  graceDays: DEFAULT_FLAG_SETTINGS.cycle.graceDays,
  windowDays: DEFAULT_FLAG_SETTINGS.volume.windowDays,
  baselineDays: DEFAULT_FLAG_SETTINGS.volume.baselineDays,
  ratioPercent: Math.round(DEFAULT_FLAG_SETTINGS.volume.ratio * 100),
  measure: 'amount'
};

/** The range each number may take (the engine's own bounds). */
export const CHURN_BOUNDS: Record<Exclude<keyof ChurnSettings, 'measure'>, { min: number; max: number }> = {
  graceDays: { min: 0, max: 366 },
  windowDays: { min: 1, max: 3660 },
  baselineDays: { min: 1, max: 3660 },
  ratioPercent: { min: 1, max: 100 }
};
export const CHURN_NUMBERS = Object.keys(CHURN_BOUNDS) as (keyof typeof CHURN_BOUNDS)[];

const inRange = (v: unknown, b: { min: number; max: number }): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= b.min && v <= b.max;

/** The first field out of range, or null when every value may be saved. */
export function churnSettingsProblem(s: ChurnSettings): { field: keyof typeof CHURN_BOUNDS; min: number; max: number } | null {
  for (const f of CHURN_NUMBERS) if (!inRange(s[f], CHURN_BOUNDS[f])) return { field: f, ...CHURN_BOUNDS[f] };
  return null;
}

/** A stored value as settings: each missing or invalid part is its default. */
export function readChurnSettings(value: unknown): ChurnSettings {
  const v = (typeof value === 'object' && value !== null ? value : {}) as Partial<Record<keyof ChurnSettings, unknown>>;
  const out = { ...DEFAULT_CHURN_SETTINGS };
  for (const f of CHURN_NUMBERS) if (inRange(v[f], CHURN_BOUNDS[f])) out[f] = v[f];
  if (CHURN_MEASURES.includes(v.measure as ChurnMeasure)) out.measure = v.measure as ChurnMeasure;
  return out;
}

/** The engine's settings (domain/service/flags.ts). */
export function flagSettingsOf(s: ChurnSettings): FlagSettings {
  return {
    cycle: { graceDays: s.graceDays },
    volume: { windowDays: s.windowDays, baselineDays: s.baselineDays, ratio: s.ratioPercent / 100 },
    mood: DEFAULT_FLAG_SETTINGS.mood
  };
}
