/**
 * Responsibility: the 1:15 minimum and visits due per tier and period (service.md "Account managers
 * and responsibility"; essay 6: "每人至少维护15位以上客户", "公司零售部门每季度对VIP客户进行回访;
 * 片区负责参与维护A类以上的单位客户,加油站负责参与维护B类以上的个人客户").
 *
 * - 1:15: every active staff member should look after at least `minimum` (15) customers that are
 *   not lost; shortfall = minimum − customers, never below 0. Customers whose manager is absent,
 *   unknown or inactive are listed as unassigned (they count for nobody).
 * - Visits: per tier, which level visits (company / area / site), per calendar period (month,
 *   quarter, half-year, year) how many visits. Any done contact dated in the period and on or
 *   before today counts as a visit, whatever its channel (the essay counts calls, texts and visits
 *   alike). remaining = required − done (≥ 0); the previous period's shortfall is what is overdue
 *   (nothing for a customer created in the current period).
 *   Defaults: VIP company quarterly 1, A area quarterly 1, B site monthly 1, C site none.
 */
import { isoOf, monthIndexOf, monthStart, type Day } from '../dates';
import { TIERS, type OrgUnitKind, type Tier } from '../records/types';
import { Checker, todayOf, type Outcome } from './problems';

export const DEFAULT_MINIMUM_CUSTOMERS = 15;

export interface StaffRef {
  id: string;
  active: boolean;
}
export interface ManagedCustomer {
  id: string;
  managerId?: string | null;
  tier?: Tier | null;
  lost?: boolean;
  /** a customer created during the current period owes nothing for the previous one */
  createdOn?: string | null;
}

export interface ManagerLoad {
  staffId: string;
  customers: number;
  minimum: number;
  shortfall: number;
  under: boolean;
}

export function managerLoads(
  staff: readonly StaffRef[],
  customers: readonly ManagedCustomer[],
  minimum: number = DEFAULT_MINIMUM_CUSTOMERS
): Outcome<{ rows: ManagerLoad[]; unassigned: string[] }> {
  const c = new Checker();
  const min = c.whole(minimum, 'minimum', 0, 100000);
  return c.result(() => {
    const counts = new Map<string, number>();
    for (const s of staff) if (s.active) counts.set(s.id, 0);
    const unassigned: string[] = [];
    for (const k of customers) {
      if (k.lost) continue;
      const n = k.managerId == null ? undefined : counts.get(k.managerId);
      if (n === undefined) unassigned.push(k.id);
      else counts.set(k.managerId as string, n + 1);
    }
    const rows = [...counts].map(([staffId, n]) => ({ staffId, customers: n, minimum: min, shortfall: Math.max(0, min - n), under: n < min }));
    return { rows, unassigned };
  });
}

export const VISIT_PERIODS = ['month', 'quarter', 'half-year', 'year'] as const;
export type VisitPeriod = (typeof VISIT_PERIODS)[number];
const PERIOD_MONTHS: Record<VisitPeriod, number> = { month: 1, quarter: 3, 'half-year': 6, year: 12 };

export interface VisitRule {
  level: OrgUnitKind;
  period: VisitPeriod;
  visits: number;
}
export type VisitRules = Record<Tier, VisitRule>;
export const DEFAULT_VISIT_RULES: VisitRules = {
  VIP: { level: 'company', period: 'quarter', visits: 1 },
  A: { level: 'area', period: 'quarter', visits: 1 },
  B: { level: 'site', period: 'month', visits: 1 },
  C: { level: 'site', period: 'year', visits: 0 }
};

/** The calendar period of `kind` holding `day`, and the one before it. */
export function periodOf(day: Day, kind: VisitPeriod): { from: Day; to: Day; previousFrom: Day } {
  const len = PERIOD_MONTHS[kind];
  const m = monthIndexOf(day);
  const first = m - (((m % len) + len) % len);
  return { from: monthStart(first), to: monthStart(first + len) - 1, previousFrom: monthStart(first - len) };
}

export interface VisitContact {
  customerId: string;
  at: string;
  done: boolean;
}

export interface VisitDue {
  customerId: string;
  tier: Tier;
  level: OrgUnitKind;
  period: { kind: VisitPeriod; from: string; to: string };
  required: number;
  done: number;
  remaining: number;
  /** visits the previous period still owes */
  overdue: number;
}

export function visitsDue(
  customers: readonly ManagedCustomer[],
  contacts: readonly VisitContact[],
  today: string,
  rules: VisitRules = DEFAULT_VISIT_RULES
): Outcome<VisitDue[]> {
  const t = todayOf(today);
  if (!t.ok) return t;
  const c = new Checker();
  for (const tier of TIERS) {
    const r = rules[tier];
    if (!r || !VISIT_PERIODS.includes(r.period)) c.push('invalid-setting', `visitRules.${tier}.period`, r?.period);
    else c.whole(r.visits, `visitRules.${tier}.visits`, 0, 366);
  }
  const known = new Set(customers.map((k) => k.id));
  const created = customers.map((k, i) => (k.createdOn == null ? null : c.day(k.createdOn, `customers[${i}].createdOn`, t.value)));
  const days = new Map<string, Day[]>();
  contacts.forEach((f, i) => {
    if (!known.has(f.customerId)) return c.push('unknown-customer', `contacts[${i}].customerId`, f.customerId);
    const d = c.day(f.at, `contacts[${i}].at`);
    if (!f.done || d > t.value) return;
    const list = days.get(f.customerId) ?? [];
    list.push(d);
    days.set(f.customerId, list);
  });
  return c.result(() => {
    const out: VisitDue[] = [];
    for (const [i, k] of customers.entries()) {
      if (k.lost || !k.tier) continue;
      const rule = rules[k.tier];
      const p = periodOf(t.value, rule.period);
      const mine = days.get(k.id) ?? [];
      const done = mine.filter((d) => d >= p.from && d <= t.value).length;
      const before = mine.filter((d) => d >= p.previousFrom && d < p.from).length;
      out.push({
        customerId: k.id,
        tier: k.tier,
        level: rule.level,
        period: { kind: rule.period, from: isoOf(p.from), to: isoOf(p.to) },
        required: rule.visits,
        done,
        remaining: Math.max(0, rule.visits - done),
        overdue: (created[i] ?? p.previousFrom) < p.from ? Math.max(0, rule.visits - before) : 0
      });
    }
    return out;
  });
}
