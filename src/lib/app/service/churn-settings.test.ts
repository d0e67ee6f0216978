import { describe, expect, it } from 'vitest';
import { churnSettingsProblem, DEFAULT_CHURN_SETTINGS, flagSettingsOf, readChurnSettings } from './churn-settings';

describe('churn settings', () => {
  it.each([
    ['nothing stored', undefined, DEFAULT_CHURN_SETTINGS],
    ['not an object', 'x', DEFAULT_CHURN_SETTINGS],
    ['a grace of 5', { graceDays: 5 }, { ...DEFAULT_CHURN_SETTINGS, graceDays: 5 }],
    ['a grace of 0', { graceDays: 0 }, { ...DEFAULT_CHURN_SETTINGS, graceDays: 0 }],
    ['a negative grace', { graceDays: -1 }, DEFAULT_CHURN_SETTINGS],
    ['a fractional window', { windowDays: 7.5 }, DEFAULT_CHURN_SETTINGS],
    ['a share of 100 %', { ratioPercent: 100 }, { ...DEFAULT_CHURN_SETTINGS, ratioPercent: 100 }],
    ['a share of 101 %', { ratioPercent: 101 }, DEFAULT_CHURN_SETTINGS],
    ['measured by volume', { measure: 'volume' }, { ...DEFAULT_CHURN_SETTINGS, measure: 'volume' }],
    ['an unknown measure', { measure: 'weight' }, DEFAULT_CHURN_SETTINGS]
  ])('read: %s', (_name, value, expected) => {
    expect(readChurnSettings(value)).toEqual(expected);
  });

  it.each([
    [{}, null],
    [{ graceDays: 367 }, { field: 'graceDays', min: 0, max: 366 }],
    [{ windowDays: 0 }, { field: 'windowDays', min: 1, max: 3660 }],
    [{ baselineDays: Number.NaN }, { field: 'baselineDays', min: 1, max: 3660 }],
    [{ ratioPercent: 0 }, { field: 'ratioPercent', min: 1, max: 100 }]
  ])('save %j: problem %j', (patch, expected) => {
    expect(churnSettingsProblem({ ...DEFAULT_CHURN_SETTINGS, ...patch })).toEqual(expected);
  });

  it('the defaults are the engine’s: grace 3, 30 days below half of the 90 before', () => {
    expect(flagSettingsOf(DEFAULT_CHURN_SETTINGS)).toEqual({
      cycle: { graceDays: 3 },
      volume: { windowDays: 30, baselineDays: 90, ratio: 0.5 },
      mood: { lowScore: 2 }
    });
  });
});
