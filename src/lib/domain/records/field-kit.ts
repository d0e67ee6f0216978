/**
 * The building blocks of field specs, shared by every table's definition (records/fields.ts,
 * credit/records.ts, receivables/fields.ts). No imports of the tables themselves, so each of those
 * files can use them without an import cycle.
 *
 * The specs are also where each record's TypeScript type comes from: every builder keeps its
 * literal type (`choice(TIERS)` knows its options, `link('customers', true)` that it is
 * required), each table's specs are declared `as const satisfies FieldSpecs`, and `RecordOf`
 * maps them to the record's fields. So a field's type and its check cannot drift apart.
 */
import type { CellSpec } from '../cells';
import type { Fen } from '../money';

export type FieldSpec = CellSpec & { linkTable?: string; json?: boolean };
export type FieldSpecs = Record<string, FieldSpec>;

export const text = { type: 'text' } as const;
export const requiredText = { type: 'text', required: true } as const;
export const tags = { type: 'multi' } as const;
export const date = { type: 'date' } as const;
export const requiredDate = { type: 'date', required: true } as const;
export const money = { type: 'money' } as const;
export const requiredMoney = { type: 'money', required: true } as const;
export const number = { type: 'number' } as const;
export const requiredNumber = { type: 'number', required: true } as const;
export const checkbox = { type: 'checkbox' } as const;
export const requiredCheckbox = { type: 'checkbox', required: true } as const;
export const link = <const L extends string, const R extends boolean = false>(linkTable: L, required: R = false as R) =>
  ({ type: 'link', linkTable, required }) as const;
export const choice = <const O extends readonly string[], const R extends boolean = false>(options: O, required: R = false as R) =>
  ({ type: 'choice', options, required }) as const;
/**
 * a JSON value (settings, statements, allocations): checked as plain JSON, not as a cell. `T` is
 * the value's type in the record (the spec only carries it for the type: nothing at run time).
 */
export const json = <T = unknown, const R extends boolean = false>(required: R = false as R) =>
  ({ type: 'text', json: true, required }) as { readonly type: 'text'; readonly json: true; readonly required: R; readonly __value?: T };

/** The stored value of a field of spec `S` (see domain/cells.ts, "Stored representations"). */
export type ValueOf<S> = S extends { json: true; __value?: infer T }
  ? T
  : S extends { type: 'choice'; options: readonly (infer O)[] }
    ? O
    : S extends { type: 'multi' }
      ? string[]
      : S extends { type: 'money' }
        ? Fen
        : S extends { type: 'number' }
          ? number
          : S extends { type: 'checkbox' }
            ? boolean
            : string;

type RequiredKeys<S> = { [K in keyof S]: S[K] extends { required: true } ? K : never }[keyof S];

/** The fields of a record whose table has specs `S`: required specs give required fields. */
export type RecordOf<S> = { -readonly [K in RequiredKeys<S>]: ValueOf<S[K]> } & {
  -readonly [K in Exclude<keyof S, RequiredKeys<S>>]?: ValueOf<S[K]>;
};
