/**
 * Loss rate (顾客损失率) per org unit and month (service.md "Lost customers"; essay 6: "对流失客户开展
 * '退出调查',控制'顾客损失率',顾客损失率一旦上升,就表明公司在顾客满意方面仍不尽人意"; rules in
 * shared/fixtures/service/README.md).
 *
 * For a month: customers at its start = created before its first day and not lost then (a loss
 * spell runs from the day marked lost up to the day won back; won back on or before the first
 * day counts as there). Lost = those of them with a loss marked within the month (once each).
 * Rate = lost / at start, rounded to 6 decimals; null when nobody was there at the start.
 * A unit's figures include the customers of every unit below it. Warning: the rate rose two
 * months running (month − 2 < month − 1 < month, all three known).
 */
import { monthIndexOf, monthLabel, monthStart, parseMonth, type Day, type MonthIndex } from '../dates';
import { Checker, todayOf, type Outcome } from './problems';
import { unitChain, type OrgUnitLink } from './complaints';

export interface LossSpell {
  on: string;
  wonBackOn?: string | null;
}
export interface LossCustomer {
  id: string;
  orgUnitId?: string | null;
  createdOn: string;
  losses?: readonly LossSpell[];
}

export interface LossFigures {
  customersAtStart: number;
  lost: number;
  lossRate: number | null;
}

export interface LossRow extends LossFigures {
  /** null: the whole business */
  unitId: string | null;
  month: string;
  /** rose two months running */
  warning: boolean;
}

export const round6 = (x: number): number => Math.round(x * 1e6) / 1e6;

interface Checked {
  units: (string | null)[];
  created: Day;
  spells: [Day, Day][];
}

function figures(cs: readonly Checked[], month: MonthIndex): LossFigures {
  const first = monthStart(month);
  const next = monthStart(month + 1);
  let atStart = 0;
  let lost = 0;
  for (const k of cs) {
    if (k.created >= first || k.spells.some(([on, back]) => on < first && back > first)) continue;
    atStart++;
    if (k.spells.some(([on]) => on >= first && on < next)) lost++;
  }
  return { customersAtStart: atStart, lost, lossRate: atStart === 0 ? null : round6(lost / atStart) };
}

function check(customers: readonly LossCustomer[], units: readonly OrgUnitLink[] | null, today: Day | undefined, c: Checker): Checked[] {
  return customers.map((k, i) => {
    const created = c.day(k.createdOn, `customers[${i}].createdOn`, today);
    const spells = (k.losses ?? []).map((s, j): [Day, Day] => {
      const on = c.day(s.on, `customers[${i}].losses[${j}].on`, today);
      const back = s.wonBackOn == null ? Number.POSITIVE_INFINITY : c.day(s.wonBackOn, `customers[${i}].losses[${j}].wonBackOn`, today);
      if (on < created) c.push('invalid-date', `customers[${i}].losses[${j}].on`, s.on);
      if (back < on) c.push('invalid-date', `customers[${i}].losses[${j}].wonBackOn`, s.wonBackOn);
      return [on, back];
    });
    let unitIds: (string | null)[] = [null];
    if (units && k.orgUnitId != null) {
      const chain = unitChain(units, k.orgUnitId);
      if (!chain.ok) c.problems.push(...chain.problems.map((p) => ({ ...p, at: `customers[${i}].orgUnitId` })));
      else unitIds = [null, ...chain.value.map((u) => u.id)];
    } else if (!units && k.orgUnitId != null) unitIds = [null, k.orgUnitId];
    return { units: unitIds, created, spells };
  });
}

/** Loss figures of one month over all the given customers. */
export function lossRate(customers: readonly LossCustomer[], month: string, today?: string): Outcome<LossFigures> {
  const rows = lossRates(customers, [month], null, today);
  if (!rows.ok) return rows;
  const row = rows.value.find((r) => r.unitId === null) as LossRow;
  return { ok: true, value: { customersAtStart: row.customersAtStart, lost: row.lost, lossRate: row.lossRate } };
}

/**
 * Rows per unit (and null for the whole business) and month, with the warning. `units` rolls a
 * customer up to every unit above theirs; without it a customer counts in their own unit only.
 */
export function lossRates(
  customers: readonly LossCustomer[],
  months: readonly string[],
  units: readonly OrgUnitLink[] | null,
  today?: string
): Outcome<LossRow[]> {
  const c = new Checker();
  let t: Day | undefined;
  if (today !== undefined) {
    const r = todayOf(today);
    if (!r.ok) return r;
    t = r.value;
  }
  const idx = months.map((m, i) => {
    const v = parseMonth(m);
    if (Number.isNaN(v)) c.push('invalid-date', `months[${i}]`, m);
    else if (t !== undefined && v > monthIndexOf(t)) c.push('future-date', `months[${i}]`, m);
    return v;
  });
  const checked = check(customers, units, t, c);
  return c.result(() => {
    const byUnit = new Map<string | null, Checked[]>();
    byUnit.set(null, []);
    for (const k of checked)
      for (const u of k.units) {
        const list = byUnit.get(u) ?? [];
        list.push(k);
        byUnit.set(u, list);
      }
    const rows: LossRow[] = [];
    for (const [unitId, cs] of byUnit)
      for (const m of idx) {
        const now = figures(cs, m);
        const r1 = figures(cs, m - 1).lossRate;
        const r2 = figures(cs, m - 2).lossRate;
        const warning = now.lossRate !== null && r1 !== null && r2 !== null && r2 < r1 && r1 < now.lossRate;
        rows.push({ unitId, month: monthLabel(m), ...now, warning });
      }
    return rows;
  });
}
