/**
 * Monthly analysis (月度分析) per org unit and month (service.md "Monthly analysis"; essay 6:
 * "公司、片区、加油站采取月度分析的方式 … 大客户所占站点销量的比例 … 同比增长率 … 持卡消费比率").
 * The README and cases are silent on these figures; the rules chosen (also in ./README.md):
 *
 * - new: customers created within the month; lost: customers with a loss marked within the month
 *   (a customer created and lost in the same month counts, unlike the loss rate's numerator);
 *   customers at end: created by the month's last day and not in a loss spell then.
 * - active: customers with at least one purchase in the month.
 * - sales: the month's purchases in fen; card / credit share = card / credit fen ÷ all fen.
 * - top-10 % share: among the customers who bought in the month, the top ⌈10 % × n⌉ by amount;
 *   their fen ÷ all fen.
 * - growth against the same month last year (同比) of customers at end, active customers and
 *   sales: (this − last year) ÷ last year; null when last year's figure is 0.
 * - flags raised / cleared: flag events whose `raisedOn` / `clearedOn` falls in the month.
 * - complaints: received in the month; archived in the month; steps done in the month late; and
 *   per step the mean working days from receipt to done over the steps done in the month (the
 *   step statuses come from `complaintStatus`, so the calendar and pauses are already counted).
 * Ratios are rounded to 6 decimals; null (never NaN or ∞) when there is nothing to divide by.
 * A customer's purchases, flags and losses count in the customer's org unit and every unit above.
 */
import { isoOf, monthIndexOf, monthLabel, monthStart, parseMonth, type Day, type MonthIndex } from '../dates';
import { COMPLAINT_STEPS, unitChain, type ComplaintStep, type OrgUnitLink, type StepStatus } from './complaints';
import { round6, type LossCustomer } from './loss';
import { Checker, todayOf, type Outcome } from './problems';
import { checkPurchases, type Purchase } from './purchases';

export interface FlagEvent {
  customerId: string;
  raisedOn: string;
  clearedOn?: string | null;
}

export interface ComplaintFigures {
  customerId: string;
  receivedAt: string;
  steps: readonly Pick<StepStatus, 'step' | 'doneOn' | 'late' | 'workingDaysTaken'>[];
}

export interface MonthlyInput {
  customers: readonly LossCustomer[];
  purchases: readonly Purchase[];
  flags?: readonly FlagEvent[];
  complaints?: readonly ComplaintFigures[];
}

export interface MonthlyRow {
  unitId: string | null;
  month: string;
  newCustomers: number;
  activeCustomers: number;
  lostCustomers: number;
  customersAtEnd: number;
  salesFen: number;
  customersGrowth: number | null;
  activeGrowth: number | null;
  salesGrowth: number | null;
  topDecileShare: number | null;
  cardShare: number | null;
  creditShare: number | null;
  flagsRaised: number;
  flagsCleared: number;
  complaintsReceived: number;
  complaintsArchived: number;
  lateSteps: number;
  /** mean working days from receipt, per step done in the month; null when none was */
  stepDays: Record<ComplaintStep, number | null>;
}

interface StepDone {
  step: ComplaintStep;
  month: MonthIndex;
  late: boolean;
  taken: number | null;
}

interface Sums {
  total: number;
  card: number;
  credit: number;
}
interface Cust {
  units: (string | null)[];
  created: Day;
  spells: [Day, Day][];
  months: Map<MonthIndex, Sums>;
  raised: MonthIndex[];
  cleared: MonthIndex[];
  received: MonthIndex[];
  steps: StepDone[];
}

const ratio = (a: number, b: number): number | null => (b === 0 ? null : round6(a / b));
const growth = (now: number, before: number): number | null => (before === 0 ? null : round6((now - before) / before));

function prepare(input: MonthlyInput, units: readonly OrgUnitLink[] | null, t: Day, c: Checker): Map<string, Cust> {
  const custs = new Map<string, Cust>();
  input.customers.forEach((k, i) => {
    const created = c.day(k.createdOn, `customers[${i}].createdOn`, t);
    const spells = (k.losses ?? []).map((s, j): [Day, Day] => [
      c.day(s.on, `customers[${i}].losses[${j}].on`, t),
      s.wonBackOn == null ? Number.POSITIVE_INFINITY : c.day(s.wonBackOn, `customers[${i}].losses[${j}].wonBackOn`, t)
    ]);
    let unitIds: (string | null)[] = k.orgUnitId == null ? [null] : [null, k.orgUnitId];
    if (units && k.orgUnitId != null) {
      const chain = unitChain(units, k.orgUnitId);
      if (!chain.ok) c.problems.push(...chain.problems.map((p) => ({ ...p, at: `customers[${i}].orgUnitId` })));
      else unitIds = [null, ...chain.value.map((u) => u.id)];
    }
    custs.set(k.id, { units: unitIds, created, spells, months: new Map(), raised: [], cleared: [], received: [], steps: [] });
  });
  const checked = checkPurchases(input.purchases, new Set(custs.keys()), isoOf(t));
  if (!checked.ok) c.problems.push(...checked.problems);
  else
    for (const p of checked.value) {
      const k = custs.get(p.customerId) as Cust;
      const m = monthIndexOf(p.day);
      const s = k.months.get(m) ?? { total: 0, card: 0, credit: 0 };
      s.total += p.amountFen;
      if (p.paymentKind === 'card') s.card += p.amountFen;
      if (p.paymentKind === 'credit') s.credit += p.amountFen;
      k.months.set(m, s);
    }
  (input.flags ?? []).forEach((f, i) => {
    const k = custs.get(f.customerId);
    if (!k) return c.push('unknown-customer', `flags[${i}].customerId`, f.customerId);
    k.raised.push(monthIndexOf(c.day(f.raisedOn, `flags[${i}].raisedOn`, t)));
    if (f.clearedOn != null) k.cleared.push(monthIndexOf(c.day(f.clearedOn, `flags[${i}].clearedOn`, t)));
  });
  (input.complaints ?? []).forEach((k, i) => {
    const cust = custs.get(k.customerId);
    if (!cust) return c.push('unknown-customer', `complaints[${i}].customerId`, k.customerId);
    cust.received.push(monthIndexOf(c.day(k.receivedAt, `complaints[${i}].receivedAt`, t)));
    k.steps.forEach((s, j) => {
      if (s.doneOn == null) return;
      const month = monthIndexOf(c.day(s.doneOn, `complaints[${i}].steps[${j}].doneOn`, t));
      cust.steps.push({ step: s.step, month, late: s.late, taken: s.workingDaysTaken });
    });
  });
  return custs;
}

function complaintFigures(cs: readonly Cust[], m: MonthIndex) {
  const sums = new Map<ComplaintStep, { n: number; days: number }>();
  let received = 0;
  let archived = 0;
  let lateSteps = 0;
  for (const k of cs) {
    received += k.received.filter((x) => x === m).length;
    for (const s of k.steps) {
      if (s.month !== m) continue;
      if (s.step === 'archive') archived++;
      if (s.late) lateSteps++;
      if (s.taken === null) continue;
      const sum = sums.get(s.step) ?? { n: 0, days: 0 };
      sums.set(s.step, { n: sum.n + 1, days: sum.days + s.taken });
    }
  }
  const stepDays = Object.fromEntries(
    COMPLAINT_STEPS.map((step) => {
      const sum = sums.get(step);
      return [step, sum ? round6(sum.days / sum.n) : null];
    })
  ) as Record<ComplaintStep, number | null>;
  return { complaintsReceived: received, complaintsArchived: archived, lateSteps, stepDays };
}

const presentAt = (k: Cust, day: Day): boolean => k.created <= day && !k.spells.some(([on, back]) => on <= day && back > day);

function row(unitId: string | null, cs: readonly Cust[], m: MonthIndex): MonthlyRow {
  const first = monthStart(m);
  const last = monthStart(m + 1) - 1;
  const lastYearEnd = monthStart(m - 11) - 1;
  let sales = 0;
  let card = 0;
  let credit = 0;
  let salesBefore = 0;
  let activeBefore = 0;
  const amounts: number[] = [];
  const r = { newCustomers: 0, lostCustomers: 0, customersAtEnd: 0, atEndBefore: 0, flagsRaised: 0, flagsCleared: 0 };
  for (const k of cs) {
    if (k.created >= first && k.created <= last) r.newCustomers++;
    if (k.spells.some(([on]) => on >= first && on <= last)) r.lostCustomers++;
    if (presentAt(k, last)) r.customersAtEnd++;
    if (presentAt(k, lastYearEnd)) r.atEndBefore++;
    r.flagsRaised += k.raised.filter((x) => x === m).length;
    r.flagsCleared += k.cleared.filter((x) => x === m).length;
    const s = k.months.get(m);
    if (s && s.total > 0) amounts.push(s.total);
    if (s) [sales, card, credit] = [sales + s.total, card + s.card, credit + s.credit];
    const b = k.months.get(m - 12);
    if (b) salesBefore += b.total;
    if (b && b.total > 0) activeBefore++;
  }
  amounts.sort((a, b) => b - a);
  const top = amounts.slice(0, Math.ceil(amounts.length * 0.1)).reduce((a, b) => a + b, 0);
  return {
    unitId,
    month: monthLabel(m),
    newCustomers: r.newCustomers,
    activeCustomers: amounts.length,
    lostCustomers: r.lostCustomers,
    customersAtEnd: r.customersAtEnd,
    salesFen: sales,
    customersGrowth: growth(r.customersAtEnd, r.atEndBefore),
    activeGrowth: growth(amounts.length, activeBefore),
    salesGrowth: growth(sales, salesBefore),
    topDecileShare: ratio(top, sales),
    cardShare: ratio(card, sales),
    creditShare: ratio(credit, sales),
    flagsRaised: r.flagsRaised,
    flagsCleared: r.flagsCleared,
    ...complaintFigures(cs, m)
  };
}

/** Rows per unit (null: the whole business) and month; `units` rolls customers up the tree. */
export function monthlyAnalysis(
  input: MonthlyInput,
  months: readonly string[],
  units: readonly OrgUnitLink[] | null,
  today: string
): Outcome<MonthlyRow[]> {
  const t = todayOf(today);
  if (!t.ok) return t;
  const c = new Checker();
  const idx = months.map((m, i) => {
    const v = parseMonth(m);
    if (Number.isNaN(v)) c.push('invalid-date', `months[${i}]`, m);
    else if (v > monthIndexOf(t.value)) c.push('future-date', `months[${i}]`, m);
    return v;
  });
  const custs = prepare(input, units, t.value, c);
  return c.result(() => {
    const byUnit = new Map<string | null, Cust[]>([[null, []]]);
    for (const k of custs.values())
      for (const u of k.units) {
        const list = byUnit.get(u) ?? [];
        list.push(k);
        byUnit.set(u, list);
      }
    const rows: MonthlyRow[] = [];
    for (const [unitId, cs] of byUnit) for (const m of idx) rows.push(row(unitId, cs, m));
    return rows;
  });
}
