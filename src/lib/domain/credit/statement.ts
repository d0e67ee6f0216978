/**
 * A customer's financial statement for one period (shared/domain/credit.md §2) and its checks.
 *
 * Units: every amount is integer fen (`Fen`, see ../money.ts), like all money in Kebu. Statements
 * typed in 元 (and the fixtures, which are in 元) convert at the boundary with `fenFromYuan`. Ratios
 * do not depend on the unit; limits come out as whole 元, i.e. fen that are multiples of 100.
 *
 * Missing vs zero: an absent (undefined/null) amount is "not given", never silently 0, except for
 * the additive sub-items that a small business usually leaves blank because it has none —
 * marketable securities, prepayments, taxes and surcharges and the three expense lines. Those
 * count as 0 when blank and every result lists them under `assumedZero`. Closing inventory, when
 * blank, is the balance-sheet inventory.
 */
import type { Fen } from '../money';

export const STATEMENT_FIELDS = [
  'currentAssets',
  'cash',
  'marketableSecurities',
  'inventory',
  'prepayments',
  'currentLiabilities',
  'totalLiabilities',
  'totalAssets',
  'equity',
  'revenue',
  'costOfSales',
  'taxesAndSurcharges',
  'sellingExpenses',
  'adminExpenses',
  'financeExpenses',
  'totalProfit',
  'openingInventory',
  'closingInventory'
] as const;
export type StatementField = (typeof STATEMENT_FIELDS)[number];

/** Sub-items that count as 0 when left blank (see the header). */
export const ZERO_WHEN_BLANK: ReadonlySet<StatementField> = new Set<StatementField>([
  'marketableSecurities',
  'prepayments',
  'taxesAndSurcharges',
  'sellingExpenses',
  'adminExpenses',
  'financeExpenses'
]);

/** An illiquid current asset the analyst leaves out of the working-capital model (§3). */
export interface Exclusion {
  label: string;
  amount: Fen;
  /** the item is part of inventory (obsolete stock…): it leaves inventory too, so quick assets stay */
  fromInventory?: boolean;
}

export type FinancialStatement = { readonly [K in StatementField]?: Fen | null } & {
  readonly exclusions?: readonly Exclusion[];
};

export type StatementProblem =
  | { field: StatementField | 'exclusions'; problem: 'not-whole-fen' | 'negative' }
  | { field: 'inventory'; problem: 'exceeds-current-assets' }
  | { field: 'currentLiabilities'; problem: 'exceeds-total-liabilities' }
  | { field: 'exclusions'; problem: 'exceed-current-assets' | 'exceed-inventory' };

/** Fields that can never be negative on a real statement (equity, profit and cash flows can). */
const NON_NEGATIVE: readonly StatementField[] = [
  'currentAssets',
  'cash',
  'marketableSecurities',
  'inventory',
  'prepayments',
  'currentLiabilities',
  'totalLiabilities',
  'totalAssets',
  'revenue',
  'costOfSales',
  'taxesAndSurcharges',
  'openingInventory',
  'closingInventory'
];

const given = (v: Fen | null | undefined): v is Fen => typeof v === 'number';

/** What is inconsistent in a statement. The engine still computes; the report shows these. */
export function checkStatement(s: FinancialStatement): StatementProblem[] {
  const problems: StatementProblem[] = [];
  for (const field of STATEMENT_FIELDS) {
    const v = s[field];
    if (!given(v)) continue;
    if (!Number.isSafeInteger(v)) problems.push({ field, problem: 'not-whole-fen' });
    else if (v < 0 && NON_NEGATIVE.includes(field)) problems.push({ field, problem: 'negative' });
  }
  if (given(s.inventory) && given(s.currentAssets) && s.inventory > s.currentAssets)
    problems.push({ field: 'inventory', problem: 'exceeds-current-assets' });
  if (given(s.currentLiabilities) && given(s.totalLiabilities) && s.currentLiabilities > s.totalLiabilities)
    problems.push({ field: 'currentLiabilities', problem: 'exceeds-total-liabilities' });
  const exclusions = s.exclusions ?? [];
  if (exclusions.some((e) => !Number.isSafeInteger(e.amount))) problems.push({ field: 'exclusions', problem: 'not-whole-fen' });
  if (exclusions.some((e) => e.amount < 0)) problems.push({ field: 'exclusions', problem: 'negative' });
  const total = exclusions.reduce((sum, e) => sum + e.amount, 0);
  const fromInventory = exclusions.reduce((sum, e) => sum + (e.fromInventory ? e.amount : 0), 0);
  if (given(s.currentAssets) && total > s.currentAssets) problems.push({ field: 'exclusions', problem: 'exceed-current-assets' });
  if (given(s.inventory) && fromInventory > s.inventory) problems.push({ field: 'exclusions', problem: 'exceed-inventory' });
  return problems;
}
