import { describe, expect, it } from 'vitest';
import { CN_2026_HOLIDAYS, DEFAULT_COMPLAINT_SETTINGS } from '$lib/domain/service';
import { ComplaintSettingsDraft } from './settings-draft.svelte';

const kinds = (d: ComplaintSettingsDraft) => d.problems.map((p) => `${p.kind} ${p.at}`);

describe('ComplaintSettingsDraft: the settings page in Node', () => {
  it('drafts the settings as typed and gives them back unchanged', () => {
    const d = new ComplaintSettingsDraft(DEFAULT_COMPLAINT_SETTINGS);
    expect(d.levels).toEqual({ verify: '1', review: '3', rectify: '3', revisit: '7', archive: '' });
    expect(d.value).toEqual(DEFAULT_COMPLAINT_SETTINGS);
    expect(d.problems).toEqual([]);
  });

  it.each([
    ['blank: no service level', ' ', null, []],
    ['a number', ' 2 ', 2, []],
    ['letters', 'abc', Number.NaN, ['invalid-setting levels.verify']],
    ['negative', '-1', -1, ['invalid-setting levels.verify']]
  ])('a level typed %s', (_name, typed, value, problems) => {
    const d = new ComplaintSettingsDraft(DEFAULT_COMPLAINT_SETTINGS);
    d.levels.verify = typed;
    expect(d.value.levels.verify).toBe(value);
    expect(kinds(d)).toEqual(problems);
  });

  it('edits the calendar row by row: add, fill, remove, reset', () => {
    const d = new ComplaintSettingsDraft({ ...DEFAULT_COMPLAINT_SETTINGS, holidays: [], workdays: [] });
    d.add('holidays');
    expect(kinds(d)).toEqual(['invalid-date calendar.holidays[0]']);
    d.holidays[0].date = '2026-03-03';
    d.holidays[0].name = '店庆';
    d.add('workdays');
    d.workdays[0].date = '2026-03-03';
    expect(kinds(d)).toEqual(['invalid-setting workdays[0].date']);
    d.remove('workdays', 0);
    expect(d.value.holidays).toEqual([{ date: '2026-03-03', name: '店庆' }]);
    expect(d.problems).toEqual([]);
    d.toggleWeekend(6);
    expect(d.value.weekend).toEqual([7]);
    d.resetCalendar();
    expect(d.value.holidays).toEqual(CN_2026_HOLIDAYS);
    expect(d.value.weekend).toEqual([7]);
  });
});
