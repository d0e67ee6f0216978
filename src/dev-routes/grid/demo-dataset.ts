/**
 * The benchmark dataset, shared by /dev/grid and the AG Grid baseline (bench/ag-grid/main.ts) so
 * the two grids show exactly the same thing: the seeded demo customers (`generateWorkspace`,
 * seed 1) cut down to their 15 most common fields, with the app's labels, widths and cell specs.
 * The AG Grid page is built by Vite outside SvelteKit; its build (bench/lib/ag-grid.js) aliases `$lib`.
 */
import type { CellSpec } from '$lib/domain/cells';
import { generateWorkspace } from '$lib/demo/records';
import { CUSTOMER_FIELDS, DEFAULT_FIELD_WIDTH, FIELD_WIDTHS, VALUE_LABEL_PREFIX, type FieldSpecs } from '$lib/domain/records/fields';
import { ENVELOPE_FIELDS } from '$lib/domain/records/merge';
import { translate, type Locale, type MessageKey } from '$lib/i18n/translate';

export type Row = Record<string, unknown> & { id: string };

export interface DemoColumn {
  key: string;
  label: string;
  spec: CellSpec;
  width: number;
}

export const FIELD_COUNT = 15;

export function linkSpec(records: readonly { id: string; name: string }[]): CellSpec['link'] {
  const byId = new Map(records.map((r) => [r.id, r.name]));
  const byName = new Map(records.map((r) => [r.name, r.id]));
  return {
    resolve: (text) => byName.get(text.trim()) ?? (byId.has(text.trim()) ? text.trim() : undefined),
    label: (id) => byId.get(id)
  };
}

/** The `count` fields most often filled in `rows`. */
function commonFields(rows: readonly Row[], count: number): string[] {
  const seen = new Map<string, number>();
  for (const row of rows) {
    for (const [k, v] of Object.entries(row)) {
      if (!ENVELOPE_FIELDS.has(k) && v !== undefined) seen.set(k, (seen.get(k) ?? 0) + 1);
    }
  }
  return [...seen]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([k]) => k);
}

export function demoRowsAndColumns(n: number): { rows: Row[]; columns: (locale: Locale) => DemoColumn[] } {
  const ws = generateWorkspace({ seed: 1, customers: n, contactsPerCustomer: 0, followUpsPerCustomer: 0 });
  const all = ws.customers as unknown as Row[];
  const fields = commonFields(all, FIELD_COUNT);
  const rows = all.map((c) => {
    const out: Row = { id: c.id };
    for (const f of fields) if (c[f] !== undefined) out[f] = c[f];
    return out;
  });
  const links: Record<string, CellSpec['link']> = {
    staff: linkSpec(ws.staff),
    orgUnits: linkSpec(ws.orgUnits),
    customers: linkSpec(ws.customers.map((c) => ({ id: c.id, name: c.name })))
  };
  const columns = (locale: Locale): DemoColumn[] =>
    fields.map((field) => {
      const { linkTable, json: _json, ...spec } = (CUSTOMER_FIELDS as FieldSpecs)[field] ?? { type: 'text' };
      const prefix = VALUE_LABEL_PREFIX[field];
      const labels = prefix ? Object.fromEntries((spec.options ?? []).map((o) => [o, translate(locale, `${prefix}.${o}` as MessageKey)])) : undefined;
      return {
        key: field,
        label: translate(locale, `field.${field}` as MessageKey),
        spec: { ...spec, labels, link: linkTable ? links[linkTable] : undefined },
        width: FIELD_WIDTHS[field] ?? DEFAULT_FIELD_WIDTH
      };
    });
  return { rows, columns };
}
