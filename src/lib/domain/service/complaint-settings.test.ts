import { describe, expect, it } from 'vitest';
import { checkComplaintSettings, CN_2026_HOLIDAYS, CN_2026_WORKDAYS, DEFAULT_COMPLAINT_SETTINGS, readComplaintSettings } from './complaint-settings';
import { isoWeekday } from '../dates';
import { dayOf } from '../dates';

const D = DEFAULT_COMPLAINT_SETTINGS;

describe('the 2026 starting calendar', () => {
  it('has 33 holiday days and 6 make-up working days, every make-up day on a weekend', () => {
    expect(CN_2026_HOLIDAYS).toHaveLength(3 + 9 + 3 + 5 + 3 + 3 + 7);
    expect(CN_2026_WORKDAYS.map((d) => isoWeekday(dayOf(d.date)) >= 6)).toEqual(CN_2026_WORKDAYS.map(() => true));
    expect(checkComplaintSettings(D).ok).toBe(true);
  });
});

describe('checkComplaintSettings', () => {
  it.each([
    ['the defaults', D, []],
    ['a negative level', { ...D, levels: { ...D.levels, review: -1 } }, ['invalid-setting levels.review']],
    ['a fractional level', { ...D, levels: { ...D.levels, review: 1.5 } }, ['invalid-setting levels.review']],
    ['a level of NaN (typed letters)', { ...D, levels: { ...D.levels, revisit: Number.NaN } }, ['invalid-setting levels.revisit']],
    ['no level is fine', { ...D, levels: { ...D.levels, revisit: null } }, []],
    ['a date that does not exist', { ...D, holidays: [{ date: '2026-02-30', name: 'x' }] }, ['invalid-date calendar.holidays[0]']],
    ['a blank date', { ...D, workdays: [{ date: '', name: 'x' }] }, ['invalid-date calendar.workdays[0]']],
    [
      'a day both a holiday and a make-up day',
      { ...D, holidays: [{ date: '2026-03-03', name: 'a' }], workdays: [{ date: '2026-03-03', name: 'b' }] },
      ['invalid-setting workdays[0].date']
    ],
    ['a week of weekend and no make-up day', { ...D, weekend: [1, 2, 3, 4, 5, 6, 7], workdays: [] }, ['no-working-day weekend']],
    ['a weekday 8', { ...D, weekend: [8] }, ['invalid-setting calendar.weekend[0]']]
  ])('%s', (_name, settings, problems) => {
    const r = checkComplaintSettings(settings);
    expect(r.ok ? [] : r.problems.map((p) => `${p.kind} ${p.at}`)).toEqual(problems);
  });
});

describe('readComplaintSettings', () => {
  it.each([
    ['nothing stored: the defaults', undefined, D, false],
    ['a stored value', { ...D, weekend: [7] }, { ...D, weekend: [7] }, false],
    ['not an object: the defaults, said so', 'oops', D, true],
    ['a level that is text', { ...D, levels: { ...D.levels, verify: '1' } }, D, true],
    ['an invalid date', { ...D, holidays: [{ date: '2026-13-01', name: 'x' }] }, D, true]
  ])('%s', (_name, value, settings, fallback) => {
    expect(readComplaintSettings(value)).toEqual({ settings, fallback });
  });
});
