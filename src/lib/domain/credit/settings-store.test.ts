import { describe, expect, it } from 'vitest';
import { DEFAULT_CREDIT_SETTINGS, type CreditSettings } from './settings';
import { DEFAULT_STORED_CREDIT_SETTINGS, nextCreditSettings, readCreditSettings, resetSection, sectionOf } from './settings-store';

const edited = (patch: Partial<CreditSettings>): CreditSettings => ({ ...DEFAULT_CREDIT_SETTINGS, ...patch });

describe('credit settings: versioned saves, checked reads', () => {
  it('absent → the defaults, version 0; garbage → the defaults, flagged', () => {
    expect(readCreditSettings(undefined)).toEqual({ ...DEFAULT_STORED_CREDIT_SETTINGS, fallback: false });
    expect(readCreditSettings({ version: 'x' }).fallback).toBe(true);
    expect(readCreditSettings({ version: 3, settings: { version: 'v' } }).fallback).toBe(true);
  });

  it('every save bumps the version and names the tables after it', () => {
    const first = nextCreditSettings(DEFAULT_STORED_CREDIT_SETTINGS, edited({ daysPerYear: 365 }));
    expect(first.ok && first.value.version).toBe(1);
    expect(first.ok && first.value.settings.version).toBe('workspace-1');
    if (!first.ok) return;
    const second = nextCreditSettings(first.value, { ...first.value.settings, gradeFactors: { 1: 100, 2: 80, 3: 70, 4: 50, 5: 0, 6: 0 } });
    expect(second.ok && second.value.version).toBe(2);
    if (!second.ok) return;
    const back = readCreditSettings(JSON.parse(JSON.stringify(second.value)));
    expect(back.fallback).toBe(false);
    expect(back.version).toBe(2);
    expect(back.settings.gradeFactors[2]).toBe(80);
    expect(back.settings.daysPerYear).toBe(365);
  });

  it('a save with a problem is refused with the problem; nothing is bumped', () => {
    const r = nextCreditSettings(DEFAULT_STORED_CREDIT_SETTINGS, edited({ gradeFactors: { 1: 100, 2: 90, 3: 95, 4: 50, 5: 0, 6: 0 } }));
    expect(r).toEqual({ ok: false, problems: [{ path: 'gradeFactors.3', message: 'a worse grade must not get a larger share' }] });
  });

  it('an industry override is checked as applied', () => {
    const r = nextCreditSettings(
      DEFAULT_STORED_CREDIT_SETTINGS,
      edited({ industries: { 建材: { name: '建材', evaluationBands: [{ upTo: 1, percent: 10, risk: 'low' }] } } })
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.path)).toEqual(['industries.建材.evaluationBands.0.upTo']);
  });

  it('reset puts one section back and leaves the others', () => {
    const s = edited({
      daysPerYear: 365,
      gradeFactors: { 1: 100, 2: 80, 3: 70, 4: 50, 5: 0, 6: 0 },
      industries: { 建材: { ratios: { grossMargin: { benchmark: 0.2 } }, aspectMax: 5 } }
    });
    const r = resetSection(s, 'ratios');
    expect(r.daysPerYear).toBe(360);
    expect(r.industries).toEqual({ ...DEFAULT_CREDIT_SETTINGS.industries, 建材: { aspectMax: 5 } });
    expect(r.gradeFactors[2]).toBe(80);
    expect(resetSection(s, 'grades').gradeFactors).toEqual(DEFAULT_CREDIT_SETTINGS.gradeFactors);
  });

  it.each([
    ['ratios.currentRatio.benchmark', 'ratios'],
    ['daysPerYear', 'ratios'],
    ['evaluationBands.2.percent', 'evaluationBands'],
    ['factors', 'factors'],
    ['gradeFactors.3', 'grades'],
    ['industries.建材.limitClasses.0.from', 'limitClasses']
  ])('problem %s belongs to %s', (path, section) => {
    expect(sectionOf(path)).toBe(section);
  });
});
