/**
 * Validation of every record change before it reaches a table: user edits, pastes, imports and,
 * later, updates from peers all pass through here. A change is checked field by field against
 * `TABLE_FIELDS` and the workspace's custom columns; unknown fields are refused.
 */
import { checkValue, type CellError } from '$lib/domain/cells';
import { TABLE_FIELDS, type FieldSpec } from '$lib/domain/records/fields';
import { ENVELOPE_FIELDS } from '$lib/domain/records/merge';
import type { CustomColumn } from '$lib/domain/records/types';
import type { TableName } from './schema';

export type WriteErrorCode =
  CellError | 'write.unknown-field' | 'write.not-found' | 'write.duplicate-id' | 'write.bad-id' | 'write.nothing-to-undo' | 'write.failed';

export interface WriteProblem {
  code: WriteErrorCode;
  table: TableName;
  /** index of the mutation in the write that failed */
  index: number;
  field?: string;
  id?: string;
}

export class WriteError extends Error {
  constructor(readonly problem: WriteProblem) {
    super(`${problem.code} (${problem.table}${problem.id ? ` ${problem.id}` : ''}${problem.field ? `.${problem.field}` : ''})`);
    this.name = 'WriteError';
  }
}

export function isEnvelopeField(field: string): boolean {
  return ENVELOPE_FIELDS.has(field);
}

export function isValidId(id: unknown): id is string {
  return typeof id === 'string' && id.length > 0 && id.length <= 64 && /^[\w.:-]+$/.test(id);
}

/** The spec of a custom column's values. */
export function customFieldSpec(col: Pick<CustomColumn, 'type' | 'options' | 'linkTable'>): FieldSpec {
  return { type: col.type, options: col.options, linkTable: col.linkTable };
}

function isPlainJson(value: unknown, depth = 0): boolean {
  if (depth > 20) return false;
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every((v) => isPlainJson(v, depth + 1));
  if (typeof value === 'object') {
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return false;
    return Object.values(value as object).every((v) => v === undefined || isPlainJson(v, depth + 1));
  }
  return false;
}

export class Validator {
  #custom: Map<string, Map<string, FieldSpec>>;

  constructor(customColumns: CustomColumn[]) {
    this.#custom = new Map();
    for (const c of customColumns) this.addCustomColumn(c);
  }

  addCustomColumn(c: CustomColumn) {
    if (c.deleted) return;
    let m = this.#custom.get(c.table);
    if (!m) this.#custom.set(c.table, (m = new Map()));
    m.set(`x_${c.id}`, customFieldSpec(c));
    this.#byTable.delete(c.table as TableName);
  }

  /** Every field of a table, custom columns included, in one map (looked up once per value). */
  #byTable = new Map<TableName, Map<string, FieldSpec>>();
  #fieldsOf(table: TableName): Map<string, FieldSpec> {
    let m = this.#byTable.get(table);
    if (!m) {
      m = new Map(Object.entries(TABLE_FIELDS[table] ?? {}));
      for (const [k, spec] of this.#custom.get(table) ?? []) m.set(k, spec);
      this.#byTable.set(table, m);
    }
    return m;
  }

  specOf(table: TableName, field: string): FieldSpec | undefined {
    if (field.startsWith('x_')) return this.#custom.get(table)?.get(field);
    // own keys only: `constructor`, `__proto__`, `toString`… are not fields
    const specs = TABLE_FIELDS[table];
    return specs && Object.hasOwn(specs, field) ? specs[field] : undefined;
  }

  /**
   * Check the fields of an insert (`full`: required fields must be there) or of a patch.
   * Returns the first problem, or null.
   */
  check(table: TableName, fields: Record<string, unknown>, full: boolean, index: number): WriteProblem | null {
    // for…in and a cached list of required fields: this runs once per row of a 100 000-row import
    const specs = this.#fieldsOf(table);
    for (const field in fields) {
      if (!Object.hasOwn(fields, field)) continue;
      const value = fields[field];
      const spec = specs.get(field);
      if (!spec) {
        if (isEnvelopeField(field)) continue;
        // a value of a removed custom column may still be cleared
        if (field.startsWith('x_') && value === undefined) continue;
        return { code: 'write.unknown-field', table, index, field };
      }
      if (spec.json) {
        if (spec.required && (value === undefined || value === null)) {
          return { code: 'cell.error.required', table, index, field };
        }
        if (value !== undefined && !isPlainJson(value)) {
          return { code: 'cell.error.notData', table, index, field };
        }
        continue;
      }
      const error = checkValue(spec, value);
      if (error) return { code: error, table, index, field };
      if (spec.required && typeof value === 'string' && value.trim() === '') {
        return { code: 'cell.error.required', table, index, field };
      }
    }
    if (full) {
      for (const field of requiredFields(table)) {
        if (fields[field] === undefined || fields[field] === null) {
          return { code: 'cell.error.required', table, index, field };
        }
      }
    }
    return null;
  }
}

const REQUIRED = new Map<string, string[]>();
function requiredFields(table: TableName): string[] {
  let list = REQUIRED.get(table);
  if (!list) {
    list = Object.entries(TABLE_FIELDS[table] ?? {})
      .filter(([, spec]) => spec.required)
      .map(([field]) => field);
    REQUIRED.set(table, list);
  }
  return list;
}
