/**
 * The complaint settings page's draft: service levels as typed (blank = none), the weekend, the
 * holidays and make-up working days as editable rows, checked live with the domain's
 * `checkComplaintSettings`; each edit is a method, so the page only renders.
 */
import {
  checkComplaintSettings,
  COMPLAINT_STEPS,
  CN_2026_HOLIDAYS,
  CN_2026_WORKDAYS,
  type ComplaintSettings,
  type ComplaintStep,
  type NamedDay,
  type ServiceProblem
} from '$lib/domain/service';

export type DayList = 'holidays' | 'workdays';

export class ComplaintSettingsDraft {
  levels = $state<Record<ComplaintStep, string>>({ verify: '', review: '', rectify: '', revisit: '', archive: '' });
  weekend = $state<number[]>([]);
  holidays = $state<NamedDay[]>([]);
  workdays = $state<NamedDay[]>([]);

  constructor(from: ComplaintSettings) {
    this.load(from);
  }

  load(from: ComplaintSettings) {
    this.levels = Object.fromEntries(COMPLAINT_STEPS.map((s) => [s, from.levels[s] === null ? '' : String(from.levels[s])])) as Record<
      ComplaintStep,
      string
    >;
    this.weekend = [...from.weekend];
    this.holidays = from.holidays.map((d) => ({ ...d }));
    this.workdays = from.workdays.map((d) => ({ ...d }));
  }

  /** the draft as settings (a level that is not a number stays one, so the check names it) */
  readonly value: ComplaintSettings = $derived({
    levels: Object.fromEntries(
      COMPLAINT_STEPS.map((s) => {
        const text = this.levels[s].trim();
        return [s, text === '' ? null : Number(text)];
      })
    ) as Record<ComplaintStep, number | null>,
    weekend: [...this.weekend].sort((a, b) => a - b),
    holidays: this.holidays.map((d) => ({ ...d })),
    workdays: this.workdays.map((d) => ({ ...d }))
  });

  readonly problems: ServiceProblem[] = $derived.by(() => {
    const r = checkComplaintSettings(this.value);
    return r.ok ? [] : r.problems;
  });

  toggleWeekend(day: number) {
    this.weekend = this.weekend.includes(day) ? this.weekend.filter((d) => d !== day) : [...this.weekend, day];
  }

  add(list: DayList) {
    this[list] = [...this[list], { date: '', name: '' }];
  }

  remove(list: DayList, index: number) {
    this[list] = this[list].filter((_, i) => i !== index);
  }

  /** Back to China's 2026 schedule (the levels and weekend stay). */
  resetCalendar() {
    this.holidays = CN_2026_HOLIDAYS.map((d) => ({ ...d }));
    this.workdays = CN_2026_WORKDAYS.map((d) => ({ ...d }));
  }
}
