/**
 * Column conditions ("city contains 杭州", "revenue ≥ 1,000.00") compiled to row predicates.
 * The condition's value is what the person typed; it is parsed with the column's own cell type,
 * so "1,000" means 100000 fen in a money column and "2026/1/5" a date in a date column.
 */
import { parseCell, type CellError, type CellSpec } from '$lib/domain/cells';
import type { CellType, ColumnFilter, FilterOp } from '$lib/domain/records/types';
import type { GridColumn } from './types';
import { cellText, cellValue, isEmptyValue } from './values';

export type RowPredicate<R> = (row: R) => boolean;

const TEXTUAL: FilterOp[] = ['contains', 'not-contains', 'eq', 'neq', 'empty', 'not-empty'];
const ORDERED: FilterOp[] = ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'empty', 'not-empty'];

/** The operators that make sense for a column type, in menu order. */
export function opsFor(type: CellType): FilterOp[] {
  switch (type) {
    case 'number':
    case 'money':
    case 'date':
      return ORDERED;
    case 'checkbox':
      return ['eq', 'neq'];
    case 'choice':
    case 'link':
      return ['eq', 'neq', 'contains', 'not-contains', 'empty', 'not-empty'];
    case 'multi':
      return ['contains', 'not-contains', 'eq', 'neq', 'empty', 'not-empty'];
    default:
      return TEXTUAL;
  }
}

export function opNeedsValue(op: FilterOp): boolean {
  return op !== 'empty' && op !== 'not-empty';
}

/** Operators that compare typed values (the filter value must parse as the column's type). */
function typedOp(op: FilterOp, type: CellType): boolean {
  if (op === 'contains' || op === 'not-contains' || !opNeedsValue(op)) return false;
  return type !== 'text';
}

function optionalSpec(spec: CellSpec): CellSpec {
  return spec.required ? { ...spec, required: false } : spec;
}

/** Why a condition's value is not usable for this column, or null when it is. */
export function filterValueError<R>(filter: ColumnFilter, col: GridColumn<R>): CellError | null {
  if (!opNeedsValue(filter.op)) return null;
  const text = filter.value ?? '';
  if (!typedOp(filter.op, col.spec.type)) return text.trim() === '' ? 'cell.error.required' : null;
  if (text.trim() === '' && col.spec.type !== 'checkbox') return 'cell.error.required';
  const parsed = parseCell(optionalSpec(col.spec), text);
  return parsed.ok ? null : parsed.error;
}

function compareNumbers(a: number, b: number, op: FilterOp): boolean {
  switch (op) {
    case 'eq':
      return a === b;
    case 'neq':
      return a !== b;
    case 'gt':
      return a > b;
    case 'gte':
      return a >= b;
    case 'lt':
      return a < b;
    case 'lte':
      return a <= b;
    default:
      return false;
  }
}

const collator = new Intl.Collator('zh-CN', { numeric: true, sensitivity: 'base' });

/**
 * A predicate for one condition, or null when the condition cannot apply (unknown column, value
 * that does not parse): an unusable condition filters nothing rather than everything.
 */
export function compileFilter<R>(filter: ColumnFilter, col: GridColumn<R> | undefined): RowPredicate<R> | null {
  if (!col) return null;
  const { op } = filter;
  const type = col.spec.type;
  if (op === 'empty') return (row) => isEmptyValue(cellValue(col, row), type);
  if (op === 'not-empty') return (row) => !isEmptyValue(cellValue(col, row), type);
  if (filterValueError(filter, col)) return null;
  const text = (filter.value ?? '').trim();

  if (op === 'contains' || op === 'not-contains') {
    const needle = text.toLowerCase();
    const want = op === 'contains';
    return (row) => cellText(col, row).toLowerCase().includes(needle) === want;
  }

  if (type === 'text') {
    const needle = text.toLowerCase();
    if (op === 'eq') return (row) => cellText(col, row).trim().toLowerCase() === needle;
    if (op === 'neq') return (row) => cellText(col, row).trim().toLowerCase() !== needle;
    return (row) => {
      const v = cellText(col, row);
      return v !== '' && compareNumbers(collator.compare(v, text), 0, op);
    };
  }

  const parsed = parseCell(optionalSpec(col.spec), filter.value ?? '');
  if (!parsed.ok) return null;
  const target = parsed.value;
  const negate = op === 'neq';

  switch (type) {
    case 'number':
    case 'money': {
      const t = target as number;
      return (row) => {
        const v = cellValue(col, row);
        if (typeof v !== 'number') return negate;
        return compareNumbers(v, t, op);
      };
    }
    case 'date': {
      const t = target as string;
      return (row) => {
        const v = cellValue(col, row);
        if (typeof v !== 'string' || v === '') return negate;
        return compareNumbers(v < t ? -1 : v > t ? 1 : 0, 0, op);
      };
    }
    case 'checkbox': {
      const t = target === true;
      return (row) => ((cellValue(col, row) === true) === t) !== negate;
    }
    case 'multi': {
      const wanted = (target as string[] | undefined) ?? [];
      return (row) => {
        const v = cellValue(col, row);
        const has = Array.isArray(v) && wanted.every((w) => v.includes(w));
        return has !== negate;
      };
    }
    default:
      // choice, link: equality of the stored value (a link's label was resolved to its id)
      if (op !== 'eq' && op !== 'neq') return null;
      return (row) => (cellValue(col, row) === target) !== negate;
  }
}

/** All conditions AND-ed; conditions that cannot apply are skipped. */
export function compileFilters<R>(filters: readonly ColumnFilter[], columns: readonly GridColumn<R>[]): RowPredicate<R>[] {
  const byKey = new Map(columns.map((c) => [c.key, c]));
  const out: RowPredicate<R>[] = [];
  for (const f of filters) {
    const p = compileFilter(f, byKey.get(f.column));
    if (p) out.push(p);
  }
  return out;
}
