/**
 * The complaint settings a workspace keeps (one `settings` record, `complaints`): the service level
 * of each step in working days and the holiday calendar they are counted in. The calendar's days
 * carry a name ("春节", "国庆节调休") for the person editing it; the engine reads only the dates.
 *
 * `readComplaintSettings` never throws: a stored value it cannot read whole gives the defaults and
 * says so (`fallback`), so a bad record from an old version or a peer never breaks the screens.
 */
import { isIsoDate } from '../dates';
import { COMPLAINT_STEPS, DEFAULT_SERVICE_LEVELS, type ServiceLevels } from './complaints';
import { Checker, type Outcome } from './problems';
import { compileCalendar, type HolidayCalendar } from './working-days';

export const COMPLAINT_SETTINGS_ID = 'complaints';

export interface NamedDay {
  date: string;
  name: string;
}

export interface ComplaintSettings {
  levels: ServiceLevels;
  /** ISO weekdays of the weekend (1 Monday … 7 Sunday) */
  weekend: number[];
  holidays: NamedDay[];
  /** make-up working days 调休 */
  workdays: NamedDay[];
}

const days = (from: string, to: string, name: string): NamedDay[] => {
  const out: NamedDay[] = [];
  const [y, m, d0] = from.split('-').map(Number);
  const last = Number(to.slice(8, 10));
  for (let d = d0; d <= last; d++) out.push({ date: `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`, name });
  return out;
};

/**
 * China's public holidays and make-up working days of 2026, the starting calendar a person then
 * edits. Source: 国务院办公厅关于2026年部分节假日安排的通知, dated 4 November 2025, published by
 * Xinhua that day (e.g. https://politics.gmw.cn/2025-11/04/content_38391083.htm); every date below
 * was checked against that text. Holidays (放假): 元旦 1–3 Jan; 春节 15–23 Feb; 清明节 4–6 Apr;
 * 劳动节 1–5 May; 端午节 19–21 Jun; 中秋节 25–27 Sep; 国庆节 1–7 Oct. Make-up working days
 * (调休上班): 4 Jan (Sun); 14 Feb (Sat), 28 Feb (Sat); 9 May (Sat); 20 Sep (Sun), 10 Oct (Sat).
 * Days of a holiday that fall on a weekend are listed too: they are days off either way.
 */
export const CN_2026_HOLIDAYS: readonly NamedDay[] = [
  ...days('2026-01-01', '2026-01-03', '元旦'),
  ...days('2026-02-15', '2026-02-23', '春节'),
  ...days('2026-04-04', '2026-04-06', '清明节'),
  ...days('2026-05-01', '2026-05-05', '劳动节'),
  ...days('2026-06-19', '2026-06-21', '端午节'),
  ...days('2026-09-25', '2026-09-27', '中秋节'),
  ...days('2026-10-01', '2026-10-07', '国庆节')
];
export const CN_2026_WORKDAYS: readonly NamedDay[] = [
  { date: '2026-01-04', name: '元旦调休' },
  { date: '2026-02-14', name: '春节调休' },
  { date: '2026-02-28', name: '春节调休' },
  { date: '2026-05-09', name: '劳动节调休' },
  { date: '2026-09-20', name: '国庆节调休' },
  { date: '2026-10-10', name: '国庆节调休' }
];

export const DEFAULT_COMPLAINT_SETTINGS: ComplaintSettings = {
  levels: { ...DEFAULT_SERVICE_LEVELS },
  weekend: [6, 7],
  holidays: [...CN_2026_HOLIDAYS],
  workdays: [...CN_2026_WORKDAYS]
};

/** The engine's calendar of the settings. */
export const calendarOf = (s: ComplaintSettings): HolidayCalendar => ({
  weekend: s.weekend,
  holidays: s.holidays.map((d) => d.date),
  workdays: s.workdays.map((d) => d.date)
});

/** Problems of a settings value (levels 0…366 or none, weekdays 1…7, real dates, no day listed twice). */
export function checkComplaintSettings(s: ComplaintSettings): Outcome<ComplaintSettings> {
  const c = new Checker();
  for (const step of COMPLAINT_STEPS) {
    const n = s.levels[step];
    if (n !== null) c.whole(n, `levels.${step}`, 0, 366);
  }
  compileCalendar(calendarOf(s), c);
  if (new Set(s.weekend).size >= 7 && s.workdays.length === 0) c.push('no-working-day', 'weekend');
  const seen = new Set<string>();
  for (const [list, at] of [
    [s.holidays, 'holidays'],
    [s.workdays, 'workdays']
  ] as const)
    list.forEach((d, i) => {
      if (seen.has(d.date)) c.push('invalid-setting', `${at}[${i}].date`, d.date);
      seen.add(d.date);
    });
  return c.result(() => s);
}

const isNamedDays = (v: unknown): v is NamedDay[] =>
  Array.isArray(v) && v.every((d) => d !== null && typeof d === 'object' && isIsoDate(d.date) && typeof d.name === 'string');

/** The stored value as settings, or the defaults (`fallback` when a value was there but unreadable). */
export function readComplaintSettings(value: unknown): { settings: ComplaintSettings; fallback: boolean } {
  if (value === undefined || value === null) return { settings: DEFAULT_COMPLAINT_SETTINGS, fallback: false };
  const v = value as Partial<ComplaintSettings>;
  const levels = v.levels as Partial<ServiceLevels> | undefined;
  const okLevels = levels && COMPLAINT_STEPS.every((s) => levels[s] === null || typeof levels[s] === 'number');
  const okWeekend = Array.isArray(v.weekend) && v.weekend.every((w) => typeof w === 'number');
  if (!okLevels || !okWeekend || !isNamedDays(v.holidays) || !isNamedDays(v.workdays))
    return { settings: DEFAULT_COMPLAINT_SETTINGS, fallback: true };
  const settings: ComplaintSettings = {
    levels: levels as ServiceLevels,
    weekend: [...(v.weekend as number[])],
    holidays: v.holidays,
    workdays: v.workdays
  };
  return checkComplaintSettings(settings).ok ? { settings, fallback: false } : { settings: DEFAULT_COMPLAINT_SETTINGS, fallback: true };
}
