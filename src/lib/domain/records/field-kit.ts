/**
 * The building blocks of field specs, shared by every table's definition (records/fields.ts,
 * credit/records.ts, receivables/fields.ts). No imports of the tables themselves, so each of those
 * files can use them without an import cycle.
 */
import type { CellSpec } from '../cells';

export type FieldSpec = CellSpec & { linkTable?: string; json?: boolean };
export type FieldSpecs = Record<string, FieldSpec>;

export const text: FieldSpec = { type: 'text' };
export const requiredText: FieldSpec = { type: 'text', required: true };
export const tags: FieldSpec = { type: 'multi' };
export const date: FieldSpec = { type: 'date' };
export const requiredDate: FieldSpec = { type: 'date', required: true };
export const requiredMoney: FieldSpec = { type: 'money', required: true };
export const requiredNumber: FieldSpec = { type: 'number', required: true };
export const link = (linkTable: string, required = false): FieldSpec => ({ type: 'link', linkTable, required });
export const choice = (options: readonly string[], required = false): FieldSpec => ({ type: 'choice', options, required });
/** a JSON value (settings, statements, allocations): checked as plain JSON, not as a cell */
export const json = (required = false): FieldSpec => ({ type: 'text', json: true, required });
