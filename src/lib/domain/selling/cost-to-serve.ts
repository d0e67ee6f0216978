/**
 * Cost to serve (essay 1; sales.md "Cost to serve") and a campaign's response rate (sales.md
 * "Marketing automation").
 *
 * Units: integer fen; rates as exact fractions with a percentage rounded half up to 0.1 %.
 * - A customer's profit = gross margin on their purchases (Σ amount − Σ cost of goods) − the cost
 *   of the activities spent on them − their expenses. Each activity (a visit, a call, a complaint
 *   handled …) costs what the settings give for its kind; an activity whose kind has no cost in the
 *   settings costs 0 and is reported in `uncostedKinds`, so the screen can ask for a cost.
 * - Every customer named anywhere (or listed in `customers`) is reported, least profitable first
 *   (ties by id); per segment the same sums, least profitable segment first. A customer without a
 *   segment falls in segment ''.
 * - Response rate = responders ÷ reached, counting only people the campaign reached (a response
 *   from someone never reached is reported, not counted). Nobody reached: no rate (null).
 */
import { Checker, fail, ok, type Result } from './problems';

export interface CostToServeInput {
  customers?: readonly string[];
  purchases: readonly { customerId: string; amountFen: number; costFen: number }[];
  activities: readonly { customerId: string; kind: string }[];
  expenses: readonly { customerId: string; amountFen: number }[];
  /** settings: fen per activity kind */
  costPerKindFen: Readonly<Record<string, number>>;
  segmentOf?: (customerId: string) => string | undefined;
}

export interface CostToServeLine {
  id: string;
  revenueFen: number;
  grossMarginFen: number;
  activityCostFen: number;
  activities: number;
  expensesFen: number;
  profitFen: number;
  reason: string;
}

export interface CostToServeReport {
  customers: CostToServeLine[];
  segments: CostToServeLine[];
  uncostedKinds: string[];
}

const line = (id: string): CostToServeLine => ({
  id,
  revenueFen: 0,
  grossMarginFen: 0,
  activityCostFen: 0,
  activities: 0,
  expensesFen: 0,
  profitFen: 0,
  reason: ''
});

function finish(l: CostToServeLine): CostToServeLine {
  l.profitFen = l.grossMarginFen - l.activityCostFen - l.expensesFen;
  l.reason = `margin ${l.grossMarginFen} − ${l.activities} activities ${l.activityCostFen} − expenses ${l.expensesFen} = ${l.profitFen}`;
  return l;
}

const leastFirst = (a: CostToServeLine, b: CostToServeLine) => a.profitFen - b.profitFen || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function costToServe(input: CostToServeInput): Result<CostToServeReport> {
  const c = new Checker();
  const costs = new Map<string, number>();
  for (const [kind, v] of Object.entries(input.costPerKindFen ?? {})) costs.set(kind, c.fen(`costPerKindFen.${kind}`, v));
  const byId = new Map<string, CostToServeLine>();
  const get = (id: string) => byId.get(id) ?? byId.set(id, line(id)).get(id)!;
  (input.customers ?? []).forEach((id, i) => get(c.id(`customers[${i}]`, id)));
  input.purchases.forEach((p, i) => {
    const l = get(c.id(`purchases[${i}].customerId`, p?.customerId));
    const amount = c.fen(`purchases[${i}].amountFen`, p?.amountFen);
    l.revenueFen += amount;
    l.grossMarginFen += amount - c.fen(`purchases[${i}].costFen`, p?.costFen);
  });
  const uncosted = new Set<string>();
  input.activities.forEach((a, i) => {
    const l = get(c.id(`activities[${i}].customerId`, a?.customerId));
    const kind = c.id(`activities[${i}].kind`, a?.kind);
    const cost = costs.get(kind);
    if (cost === undefined) uncosted.add(kind);
    l.activities++;
    l.activityCostFen += cost ?? 0;
  });
  input.expenses.forEach((e, i) => {
    get(c.id(`expenses[${i}].customerId`, e?.customerId)).expensesFen += c.fen(`expenses[${i}].amountFen`, e?.amountFen);
  });
  for (const l of byId.values())
    if (![l.revenueFen, l.grossMarginFen, l.activityCostFen, l.expensesFen].every(Number.isSafeInteger))
      c.add('not-an-amount', `customer ${l.id}`, l.revenueFen, 'the sums are too large');
  if (!c.clean) return fail(c.problems);

  const customers = [...byId.values()].map(finish).sort(leastFirst);
  const segments = new Map<string, CostToServeLine>();
  for (const l of customers) {
    const key = input.segmentOf?.(l.id) ?? '';
    const s = segments.get(key) ?? segments.set(key, line(key)).get(key)!;
    s.revenueFen += l.revenueFen;
    s.grossMarginFen += l.grossMarginFen;
    s.activityCostFen += l.activityCostFen;
    s.activities += l.activities;
    s.expensesFen += l.expensesFen;
  }
  return ok({ customers, segments: [...segments.values()].map(finish).sort(leastFirst), uncostedKinds: [...uncosted].sort() });
}

export interface CampaignResponse {
  targeted: number;
  reached: number;
  responded: number;
  /** responses from people the campaign did not reach: not counted */
  unreachedResponses: number;
  /** responded ÷ reached as a percentage rounded half up to 0.1 (e.g. 12.5); null if nobody was reached */
  ratePercent: number | null;
  reason: string;
}

export function campaignResponse(targets: readonly string[], reached: readonly string[], responded: readonly string[]): CampaignResponse {
  const reachedSet = new Set(reached);
  const respondedSet = new Set(responded);
  const counted = [...respondedSet].filter((id) => reachedSet.has(id)).length;
  const n = reachedSet.size;
  // percent to one decimal, half up: ⌊(counted × 1000 / n × 2 + 1) / 2⌋ / 10, in integers
  const rate = n === 0 ? null : Math.floor((counted * 2000 + n) / (2 * n)) / 10;
  return {
    targeted: new Set(targets).size,
    reached: n,
    responded: counted,
    unreachedResponses: respondedSet.size - counted,
    ratePercent: rate,
    reason: n === 0 ? 'nobody reached yet' : `${counted} of ${n} reached responded`
  };
}
