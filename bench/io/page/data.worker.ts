/**
 * The benchmark's data, made and stored off the page's main thread, so that the page's own
 * figures (its longest task during an import) measure the app and not the test data: demo
 * customers as a CSV, the raw Dexie bulkPut baseline, the seeded export workspace, and the array
 * of arrays for the bare-library baselines.
 */
import Dexie from 'dexie';
import { generateWorkspace } from '$lib/demo/records';
import { formatCell } from '$lib/domain/cells';
import { KebuDB } from '$lib/db/schema';
import { WritePath, type Actor, type Mutation } from '$lib/db/write-path';
import { tableColumns } from '$lib/grid/columns';
import '$lib/i18n/all-messages';
import { fieldLabel } from '$lib/i18n/field-labels';
import { RowsStore } from '$lib/io/workspace-data';

export const ACTOR: Actor = { id: 'bench-io', name: '基准测试', device: 'bench' };
/** fifteen customer fields without links */
export const FIELDS = [
  'kind',
  'name',
  'shortName',
  'creditCode',
  'tier',
  'status',
  'stage',
  'source',
  'industry',
  'province',
  'city',
  'district',
  'address',
  'mobile',
  'phone'
];

type Row = Record<string, unknown> & { id: string };
let rows: Row[] = [];

const empty = new RowsStore([]);
const columns = tableColumns<Row>('zh-CN', { staff: empty, orgUnits: empty, customers: empty, contacts: empty }, 'customers', []).filter((c) =>
  FIELDS.includes(c.key)
);

function generate(n: number): Row[] {
  const ws = generateWorkspace({ seed: 7, customers: n, contactsPerCustomer: 0, followUpsPerCustomer: 0 });
  return (ws.customers as unknown as Row[]).map((c) => {
    const out: Row = { id: c.id };
    for (const f of FIELDS) if (c[f] !== undefined) out[f] = c[f];
    // every cell filled: a dense file is the heavy case
    out.shortName ??= String(c.name).slice(0, 4);
    out.source ??= '老客户介绍';
    out.phone ??= '0571-88881234';
    return out;
  });
}

function toCsv(): Blob {
  const esc = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = [FIELDS.map((f) => fieldLabel('zh-CN', f)).join(',')];
  for (const r of rows) lines.push(columns.map((c) => esc(formatCell(c.spec, r[c.key]))).join(','));
  return new Blob(['\ufeff' + lines.join('\r\n') + '\r\n'], { type: 'text/csv' });
}

async function freshDb(name: string): Promise<KebuDB> {
  await Dexie.delete(name);
  const db = new KebuDB(name);
  await db.open();
  return db;
}

const handlers: Record<string, (arg: never) => unknown> = {
  generate: (n: number) => {
    rows = generate(n);
    return toCsv();
  },
  raw: async (dbName: string) => {
    const db = await freshDb(dbName);
    const at = Date.now();
    const objects = rows.map(({ id, ...fields }) => ({
      ...fields,
      id,
      deleted: 0,
      createdAt: at,
      createdBy: ACTOR.id,
      updatedAt: at,
      updatedBy: ACTOR.id
    }));
    const start = performance.now();
    // the baseline the import is measured against (bench/ is outside the one-write-path rule)
    await db.customers.bulkPut(objects as never[]);
    const ms = performance.now() - start;
    db.close();
    await Dexie.delete(dbName);
    return ms;
  },
  seed: async (dbName: string) => {
    const db = await freshDb(dbName);
    const writes = new WritePath(db, ACTOR);
    await writes.write(
      'change.import',
      rows.map((record): Mutation => ({ type: 'insert', table: 'customers', record }))
    );
    writes.destroy();
    db.close();
    return tableColumns<Row>('zh-CN', { staff: empty, orgUnits: empty, customers: empty, contacts: empty }, 'customers', []).map((c) => c.key);
  },
  aoa: () => {
    // the same typed values the app's export writes for these columns
    const aoa: unknown[][] = [columns.map((c) => c.label)];
    for (const r of rows) aoa.push(columns.map((c) => (r[c.key] === undefined ? null : formatCell(c.spec, r[c.key]))));
    return aoa;
  },
  drop: async (dbName: string) => {
    await Dexie.delete(dbName);
    return true;
  }
};

self.onmessage = async (e: MessageEvent<{ id: number; type: string; arg: unknown }>) => {
  const { id, type, arg } = e.data;
  try {
    self.postMessage({ id, result: await handlers[type](arg as never) });
  } catch (err) {
    self.postMessage({ id, error: String(err) });
  }
};
