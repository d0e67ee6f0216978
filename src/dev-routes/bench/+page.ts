/**
 * Benchmark hooks for `npm run bench` (bench/run.js). Nothing here runs unless a developer opens
 * /dev/bench, which exists only in the benchmark build (src/dev-routes: see svelte.config.js).
 *
 * The functions are installed on `window.__kebuBench` by `load`, which runs before the page
 * renders (the layout shows the profile dialog instead of the page when there is no profile yet,
 * and the benchmarks must work on a fresh browser profile).
 */
import Dexie from 'dexie';
import { generateWorkspace, createRng } from '$lib/demo/records';
import { KebuDB, workspaceDbName } from '$lib/db/schema';
import { WritePath, type Actor, type Mutation } from '$lib/db/write-path';
import { createWorkspace, saveProfile } from '$lib/db/registry';
import { newId, wallTime } from '$lib/db/ids';

type Fields = Record<string, unknown>;

export interface WriteBenchResult {
  rows: number;
  /** the non-envelope fields every row has (the 15 most common of the demo customers) */
  fields: string[];
  /** ms per run, in the order run */
  writePath: number[];
  raw: number[];
  /** JSON length of the write's change-log entry (the `changes` row) */
  changeLogBytes: number;
  /** ms to generate the data (not part of the figures) */
  generateMs: number;
}

export interface AppWorkspaceResult {
  workspaceId: string;
  rows: number;
  /** key and label of the custom number column every row has a value in */
  customKey: string;
  customLabel: string;
  writeMs: number;
}

export interface KebuBench {
  fieldCount: number;
  writePath(rows: number, rounds: number): Promise<WriteBenchResult>;
  createAppWorkspace(rows: number): Promise<AppWorkspaceResult>;
  /** save a local profile, so that the layout shows pages instead of asking for a name */
  ensureProfile(): Promise<void>;
}

declare global {
  interface Window {
    __kebuBench?: KebuBench;
  }
}

const FIELD_COUNT = 15;
const ENVELOPE = new Set(['id', 'deleted', 'createdAt', 'createdBy', 'updatedAt', 'updatedBy', '_f']);
const ACTOR: Actor = { id: 'bench-actor', name: '基准测试', device: 'bench' };

/** The `count` most common non-envelope fields (ties: the one seen first). */
function commonFields(rows: readonly Fields[], count: number): string[] {
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

/** The demo workspace with every customer cut down to the same `FIELD_COUNT` fields (plus its id). */
function benchWorkspace(rows: number) {
  const ws = generateWorkspace({ seed: 1, customers: rows, contactsPerCustomer: 0, followUpsPerCustomer: 0 });
  const all = ws.customers as unknown as Fields[];
  const fields = commonFields(all, FIELD_COUNT);
  const customers = all.map((c) => {
    const out: Fields = { id: c.id };
    for (const f of fields) if (c[f] !== undefined) out[f] = c[f];
    return out;
  });
  return { ws, fields, customers };
}

const inserts = (table: Mutation['table'], records: readonly object[]): Mutation[] =>
  records.map((record) => ({ type: 'insert', table, record: record as Fields }));

async function freshDb(name: string): Promise<KebuDB> {
  await Dexie.delete(name);
  const db = new KebuDB(name);
  await db.open();
  return db;
}

async function dropDb(db: KebuDB) {
  db.close();
  await Dexie.delete(db.name);
}

async function writePathBench(rows: number, rounds: number): Promise<WriteBenchResult> {
  const t0 = performance.now();
  const { fields, customers } = benchWorkspace(rows);
  const mutations = inserts('customers', customers);
  const generateMs = performance.now() - t0;
  const result: WriteBenchResult = { rows, fields, writePath: [], raw: [], changeLogBytes: 0, generateMs };

  for (let round = 0; round < rounds; round++) {
    // (a) the app's write path: validation, envelope, change log and undo stack, one transaction
    {
      const db = await freshDb(`kebu-bench-wp-${round}`);
      const writes = new WritePath(db, ACTOR);
      const start = performance.now();
      await writes.write('change.demo', mutations);
      result.writePath.push(performance.now() - start);
      if (round === 0) {
        const entry = await db.changes.toCollection().last();
        result.changeLogBytes = JSON.stringify(entry ?? null).length;
      }
      writes.destroy();
      await dropDb(db);
    }
    // (b) the baseline: the same rows with the same envelope, one bulkPut
    {
      const db = await freshDb(`kebu-bench-raw-${round}`);
      const at = wallTime();
      // the same objects the write path stores: fields, then id and envelope (no `_f` on insert)
      const objects = customers.map(({ id, ...fields }) => ({
        ...fields,
        id,
        deleted: 0,
        createdAt: at,
        createdBy: ACTOR.id,
        updatedAt: at,
        updatedBy: ACTOR.id
      }));
      const start = performance.now();
      // eslint-disable-next-line no-restricted-syntax -- the baseline the write path is measured against
      await db.customers.bulkPut(objects as never[]);
      result.raw.push(performance.now() - start);
      await dropDb(db);
    }
  }
  return result;
}

/**
 * A real workspace for the app benchmarks, made with the app's own code: a profile (so the app
 * does not ask for a name), a registered workspace, its org units and staff, and `rows` customers
 * with the benchmark's fields plus a custom number column, all in one write.
 */
async function createAppWorkspace(rows: number): Promise<AppWorkspaceResult> {
  const profile = await saveProfile(ACTOR.name, ACTOR.device);
  const info = await createWorkspace(`基准 ${rows}`);
  const db = new KebuDB(workspaceDbName(info.id));
  const writes = new WritePath(db, { id: profile.id, name: profile.name, device: profile.device });
  const { ws, customers } = benchWorkspace(rows);

  const columnId = newId();
  const customKey = `x_${columnId}`;
  const customLabel = '积分';
  const rng = createRng(7);
  const withScore = customers.map((c) => ({ ...c, [customKey]: rng.int(0, 100_000) }));
  const mutations: Mutation[] = [
    { type: 'insert', table: 'customColumns', record: { id: columnId, table: 'customers', label: customLabel, type: 'number', order: 1 } },
    ...inserts('orgUnits', ws.orgUnits),
    ...inserts('staff', ws.staff),
    ...inserts('customers', withScore)
  ];
  const start = performance.now();
  await writes.write('change.demo', mutations);
  const writeMs = performance.now() - start;
  writes.destroy();
  db.close();
  localStorage.setItem('kebu.workspace', info.id);
  return { workspaceId: info.id, rows, customKey, customLabel, writeMs };
}

export const load = (): Record<string, never> => {
  window.__kebuBench = {
    fieldCount: FIELD_COUNT,
    writePath: writePathBench,
    createAppWorkspace,
    ensureProfile: async () => {
      await saveProfile(ACTOR.name, ACTOR.device);
    }
  };
  return {};
};
