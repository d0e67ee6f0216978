/**
 * Quote totals and revisions (sales.md "Quotes"; the arithmetic is shared/fixtures/selling/README.md).
 *
 * Units: amounts are integer fen; quantities are exact decimal strings ("12.5"); discount and tax
 * rates are percentages (decimals allowed, exact). Rounding, half up, happens at exactly two
 * points and nowhere else:
 *   line amount = quantity × unit price × (100 − discount %) / 100, rounded per line;
 *   subtotal    = Σ line amounts (exact: no fen is lost however many lines);
 *   net         = subtotal − header discount (fen, ≤ subtotal);
 *   tax         = net × tax rate % / 100, rounded;
 *   total       = net + tax.
 * Refused (a typed problem, no partial result): a discount over 100 % or below 0, a negative or
 * malformed quantity, a negative or fractional price, a header discount above the subtotal.
 */
import { Checker, fail, ok, type Result } from './problems';
import { decimalText, pow10, roundHalfUp, toFen, percentOfFen, type Decimal } from './exact';

export interface QuoteLineInput {
  /** identifies the line across revisions (a product id); the position is used when absent */
  key?: string;
  product?: string;
  spec?: string;
  unit?: string;
  /** exact decimal string, e.g. "12.5" */
  quantity: string | number;
  unitPriceFen: number;
  discountPercent?: number;
}

export interface QuoteInput {
  lines: readonly QuoteLineInput[];
  headerDiscountFen?: number;
  taxRatePercent?: number;
}

export interface QuoteLineTotal {
  index: number;
  amountFen: number;
  /** e.g. "12.5 × 799 × (100 − 0)% = 9987.5 → 9988" */
  reason: string;
}

export interface QuoteTotals {
  lines: QuoteLineTotal[];
  subtotalFen: number;
  headerDiscountFen: number;
  netFen: number;
  taxFen: number;
  totalFen: number;
  reason: string;
}

interface CheckedLine {
  quantity: Decimal;
  price: number;
  discount: Decimal;
}

function exactText(n: bigint, d: bigint): string {
  const whole = n / d;
  const rest = n % d;
  if (rest === 0n) return whole.toString();
  const digits = ((rest * 1000n) / d).toString().padStart(3, '0').replace(/0+$/, '');
  return `${whole}.${digits}${(rest * 1000n) % d === 0n ? '' : '…'}`;
}

function lineAmount(line: CheckedLine, index: number): QuoteLineTotal {
  const { quantity: q, price, discount: dsc } = line;
  const n = q.units * BigInt(price) * (100n * pow10(dsc.scale) - dsc.units);
  const d = pow10(q.scale) * 100n * pow10(dsc.scale);
  const amount = roundHalfUp(n, d);
  return {
    index,
    amountFen: Number(amount),
    reason: `${decimalText(q)} × ${price} × (100 − ${decimalText(dsc)})% = ${exactText(n, d)} → ${amount}`
  };
}

/** The totals of one quote, or the problems of its input. */
export function quoteTotals(input: QuoteInput): Result<QuoteTotals> {
  const c = new Checker();
  if (!Array.isArray(input?.lines)) {
    c.add('not-a-quantity', 'lines', input?.lines, 'a quote needs a list of lines');
    return fail(c.problems);
  }
  const lines: CheckedLine[] = input.lines.map((l, i) => ({
    quantity: c.quantity(`lines[${i}].quantity`, l?.quantity),
    price: c.fen(`lines[${i}].unitPriceFen`, l?.unitPriceFen),
    discount: c.percent(`lines[${i}].discountPercent`, l?.discountPercent ?? 0)
  }));
  const headerDiscount = c.fen('headerDiscountFen', input.headerDiscountFen ?? 0);
  const taxRate = c.percent('taxRatePercent', input.taxRatePercent ?? 0);
  if (!c.clean) return fail(c.problems);

  const totals = lines.map(lineAmount);
  totals.forEach((l, i) => {
    if (!Number.isSafeInteger(l.amountFen)) c.add('not-an-amount', `lines[${i}]`, l.amountFen, 'the line amount is too large');
  });
  if (!c.clean) return fail(c.problems);
  const subtotal = totals.reduce((s, l) => s + BigInt(l.amountFen), 0n);
  if (BigInt(headerDiscount) > subtotal) {
    c.add('discount-exceeds-subtotal', 'headerDiscountFen', headerDiscount, `the header discount is more than the subtotal ${subtotal}`);
    return fail(c.problems);
  }
  const net = subtotal - BigInt(headerDiscount);
  const tax = percentOfFen(net, taxRate);
  const total = net + tax;
  if (!Number.isSafeInteger(Number(total))) {
    c.add('not-an-amount', 'total', total.toString(), 'the total is too large');
    return fail(c.problems);
  }
  return ok({
    lines: totals,
    subtotalFen: toFen(subtotal),
    headerDiscountFen: headerDiscount,
    netFen: toFen(net),
    taxFen: toFen(tax),
    totalFen: toFen(total),
    reason: `Σ ${totals.length} lines ${subtotal} − ${headerDiscount} = ${net}; tax ${decimalText(taxRate)}% → ${tax}; total ${total}`
  });
}

export type LineChangeField = 'product' | 'spec' | 'unit' | 'quantity' | 'unitPriceFen' | 'discountPercent' | 'amountFen';

export interface LineDiff {
  key: string;
  status: 'same' | 'changed' | 'added' | 'removed';
  changes: { field: LineChangeField; before: string | number | null; after: string | number | null }[];
  /** after − before, fen (a removed line is minus its amount) */
  amountDeltaFen: number;
}

export interface RevisionDiff {
  lines: LineDiff[];
  subtotalDeltaFen: number;
  taxDeltaFen: number;
  totalDeltaFen: number;
}

const keysOf = (lines: readonly QuoteLineInput[]): string[] => lines.map((l, i) => l.key ?? `#${i + 1}`);

function fieldsOf(l: QuoteLineInput, amount: number): Record<LineChangeField, string | number | null> {
  const q = typeof l.quantity === 'number' ? String(l.quantity) : l.quantity.trim();
  const parsed = /^\d+(\.\d+)?$/.test(q) ? q.replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '') : q;
  return {
    product: l.product ?? null,
    spec: l.spec ?? null,
    unit: l.unit ?? null,
    quantity: parsed,
    unitPriceFen: l.unitPriceFen,
    discountPercent: l.discountPercent ?? 0,
    amountFen: amount
  };
}

/**
 * Two revisions of a quote compared line by line. Lines are matched by `key` (else by position);
 * the result lists the lines of `after` in order, then the lines removed from `before`. Both
 * revisions must be valid quotes.
 */
export function diffRevisions(before: QuoteInput, after: QuoteInput): Result<RevisionDiff> {
  const a = quoteTotals(before);
  const b = quoteTotals(after);
  if (!a.ok || !b.ok) {
    const problems = [...(a.ok ? [] : a.problems), ...(b.ok ? [] : b.problems)];
    return fail(problems);
  }
  const beforeKeys = keysOf(before.lines);
  const afterKeys = keysOf(after.lines);
  const c = new Checker();
  const seenA = new Set<string>();
  const seenB = new Set<string>();
  beforeKeys.forEach((k, i) => c.id(`before.lines[${i}].key`, k, seenA));
  afterKeys.forEach((k, i) => c.id(`after.lines[${i}].key`, k, seenB));
  if (!c.clean) return fail(c.problems);
  const byKey = new Map(beforeKeys.map((k, i) => [k, i]));
  const lines: LineDiff[] = afterKeys.map((key, j) => {
    const now = fieldsOf(after.lines[j], b.value.lines[j].amountFen);
    const i = byKey.get(key);
    if (i === undefined) return { key, status: 'added', changes: [], amountDeltaFen: now.amountFen as number };
    const was = fieldsOf(before.lines[i], a.value.lines[i].amountFen);
    const changes = (Object.keys(now) as LineChangeField[])
      .filter((f) => was[f] !== now[f])
      .map((field) => ({ field, before: was[field], after: now[field] }));
    const delta = (now.amountFen as number) - (was.amountFen as number);
    return { key, status: changes.length ? 'changed' : 'same', changes, amountDeltaFen: delta };
  });
  const kept = new Set(afterKeys);
  beforeKeys.forEach((key, i) => {
    if (!kept.has(key)) lines.push({ key, status: 'removed', changes: [], amountDeltaFen: -a.value.lines[i].amountFen });
  });
  return ok({
    lines,
    subtotalDeltaFen: b.value.subtotalFen - a.value.subtotalFen,
    taxDeltaFen: b.value.taxFen - a.value.taxFen,
    totalDeltaFen: b.value.totalFen - a.value.totalFen
  });
}
