/**
 * The stored records of selling (sales.md "Opportunities", issue 12 "Products") and their field
 * specs, in the shape of `records/fields.ts`'s `TABLE_FIELDS` (they are part of it), so the write
 * path validates them, sync decodes them, backups and exports carry them and a customer merge
 * re-points `customerId` with no code of their own.
 *
 * - `products`: a small catalogue; `listPrice` in fen.
 * - `opportunities`: `salesStage` is the id of a stage of the workspace's pipeline (a setting, see
 *   ./board.ts `readStages`), so the spec says text and the commands check the stage; `probability`
 *   is a percentage 0–100, absent while the opportunity takes its stage's default; the window is
 *   `windowStart` (optional) to `expectedClose` (the date the forecast counts it in); `closedOn`
 *   is the day it was won or lost, `lostReason` why it was lost; `competitors` are names.
 */
import {
  date,
  link,
  money,
  number,
  requiredDate,
  requiredMoney,
  requiredText,
  tags,
  text,
  type FieldSpecs,
  type RecordOf
} from '../records/field-kit';
import type { Versioned } from '../records/types';

export const SELLING_TABLES = ['products', 'opportunities'] as const;
export type SellingTable = (typeof SELLING_TABLES)[number];

export const SELLING_SPECS = {
  products: {
    name: requiredText,
    spec: text,
    unit: text,
    listPrice: money,
    notes: text
  },
  opportunities: {
    name: requiredText,
    customerId: link('customers', true),
    amount: requiredMoney,
    probability: number,
    windowStart: date,
    expectedClose: requiredDate,
    ownerId: link('staff'),
    salesStage: requiredText,
    howToWin: text,
    competitors: tags,
    lostReason: text,
    closedOn: date,
    notes: text
  }
} as const satisfies Record<SellingTable, FieldSpecs>;

/** The same specs, indexable by any field name (what the write path and the grid read). */
export const SELLING_FIELDS: Record<SellingTable, FieldSpecs> = SELLING_SPECS;

/** A product of the catalogue: name, spec, unit and list price (fen). */
export interface Product extends Versioned, RecordOf<typeof SELLING_SPECS.products> {}

/** A sales opportunity (销售机会): amount in fen, probability in percent, a stage of the pipeline. */
export interface Opportunity extends Versioned, RecordOf<typeof SELLING_SPECS.opportunities> {}
