/**
 * The baseline for the grid benchmarks: AG Grid Community with its default theme, showing what
 * our /dev/grid page shows (src/routes/dev/grid/data.ts): the seeded demo customers cut down to
 * their 15 most common fields, the same column order, headers, widths and cell texts (choice
 * labels, staff and org unit names for links, formatted with the app's own `formatCell`), 32 px
 * rows.
 *
 * Query: `n` rows (default 100 000); `w`/`h` the grid's size in px (default: the whole window),
 * so that both grids show the same number of rows and columns.
 *
 * Marks, as on /dev/grid: `window.__gridReady` when the rows exist (before the grid is made),
 * `window.__gridPainted` once the first rows are rendered and a frame has been painted.
 */
import { AllCommunityModule, createGrid, ModuleRegistry, type ColDef } from 'ag-grid-community';
import { formatCell, type CellSpec } from '../../src/lib/domain/cells';
import { generateWorkspace } from '../../src/lib/domain/records/demo';
import { CUSTOMER_FIELDS } from '../../src/lib/domain/records/fields';
import { translate, type MessageKey } from '../../src/lib/i18n/translate';

declare global {
  interface Window {
    __gridReady?: number;
    __gridPainted?: number;
  }
}

type Row = Record<string, unknown> & { id: string };

ModuleRegistry.registerModules([AllCommunityModule]);

const FIELD_COUNT = 15;
const ENVELOPE = new Set(['id', 'deleted', 'createdAt', 'createdBy', 'updatedAt', 'updatedBy', '_f']);
/** the same widths as /dev/grid (and the app's columns.ts); others get DEFAULT_WIDTH */
const WIDTHS: Record<string, number> = {
  name: 220,
  address: 240,
  notes: 220,
  creditCode: 180,
  idNumber: 170,
  kind: 70,
  tier: 60,
  mobile: 120,
  phone: 130
};
const DEFAULT_WIDTH = 140;
const VALUE_LABELS: Record<string, string> = { kind: 'kind', status: 'status', stage: 'stage' };
const LOCALE = 'zh-CN';

function commonFields(rows: readonly Row[], count: number): string[] {
  const seen = new Map<string, number>();
  for (const row of rows) {
    for (const [k, v] of Object.entries(row)) {
      if (!ENVELOPE.has(k) && v !== undefined) seen.set(k, (seen.get(k) ?? 0) + 1);
    }
  }
  return [...seen]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([k]) => k);
}

function linkSpec(records: readonly { id: string; name: string }[]): CellSpec['link'] {
  const byId = new Map(records.map((r) => [r.id, r.name]));
  const byName = new Map(records.map((r) => [r.name, r.id]));
  return {
    resolve: (text) => byName.get(text.trim()) ?? (byId.has(text.trim()) ? text.trim() : undefined),
    label: (id) => byId.get(id)
  };
}

const params = new URLSearchParams(location.search);
const n = Number(params.get('n') ?? 100_000);
const host = document.getElementById('grid')!;
if (params.get('w')) host.style.width = `${Number(params.get('w'))}px`;
if (params.get('h')) host.style.height = `${Number(params.get('h'))}px`;

const ws = generateWorkspace({ seed: 1, customers: n, contactsPerCustomer: 0, followUpsPerCustomer: 0 });
const all = ws.customers as unknown as Row[];
const fields = commonFields(all, FIELD_COUNT);
const rowData: Row[] = all.map((c) => {
  const out: Row = { id: c.id };
  for (const f of fields) if (c[f] !== undefined) out[f] = c[f];
  return out;
});
const links: Record<string, CellSpec['link']> = {
  staff: linkSpec(ws.staff),
  orgUnits: linkSpec(ws.orgUnits),
  customers: linkSpec(ws.customers.map((c) => ({ id: c.id, name: c.name })))
};
const columnDefs: ColDef<Row>[] = fields.map((field) => {
  const { linkTable, json: _json, ...base } = CUSTOMER_FIELDS[field] ?? { type: 'text' };
  const prefix = VALUE_LABELS[field];
  const labels = prefix
    ? Object.fromEntries((base.options ?? []).map((o) => [o, translate(LOCALE, `${prefix}.${o}` as MessageKey)]))
    : undefined;
  const spec: CellSpec = { ...base, labels, link: linkTable ? links[linkTable] : undefined };
  return {
    field,
    headerName: translate(LOCALE, `field.${field}` as MessageKey),
    width: WIDTHS[field] ?? DEFAULT_WIDTH,
    valueFormatter: (p) => formatCell(spec, p.value)
  };
});

window.__gridReady = performance.now();
createGrid(host, {
  columnDefs,
  rowData,
  rowHeight: 32,
  getRowId: (p) => p.data.id,
  onFirstDataRendered: () => {
    requestAnimationFrame(() => {
      setTimeout(() => {
        window.__gridPainted = performance.now();
      }, 0);
    });
  }
});
