/**
 * The receivables worker: holds a `ReceivablesEngine` of the open workspace and derives Today,
 * aging and DSO off the main thread. It reads the workspace database itself (the page never
 * ships half a million rows over postMessage): all five tables and which customers are in the bin
 * at `open`, then only the ids a committed write names (`changes`, from the write path's
 * notices, customers included), so a change rebuilds only
 * the shards of the customers it touched (domain/receivables/engine.ts, pure: this worker is the
 * part that reads storage). Requests run one at a time, in order, so
 * a derivation asked for after a change always sees it.
 */
import { KebuDB } from '$lib/db/schema';
import { serve } from '$lib/workers/rpc';
import { ENGINE_TABLES, ReceivablesEngine, trimToday, type EngineTable, type WatchedTable } from '$lib/domain/receivables/engine';

let db: KebuDB | null = null;
let engine = new ReceivablesEngine();
let queue: Promise<unknown> = Promise.resolve();

/** Run `fn` after every earlier request. */
function serial<P, R>(fn: (p: P) => Promise<R> | R): (p: P) => Promise<R> {
  return (p: P) => {
    const run = queue.then(() => fn(p));
    queue = run.catch(() => undefined);
    return run;
  };
}

type Rows = { id: string; customerId: string; deleted?: 0 | 1 }[];

async function readAll(table: EngineTable): Promise<Rows> {
  return (await db!.recordTable(table).toArray()) as unknown as Rows;
}

/** Which customers are in the bin: the engine leaves their records out (domain/receivables/engine.ts). */
async function readCustomers(): Promise<{ id: string; deleted: 0 | 1 }[]> {
  return (await db!.customers.toArray()).map((c) => ({ id: c.id, deleted: c.deleted }));
}

const timed = <T>(fn: () => T): { ms: number; result: T } => {
  const t0 = performance.now();
  const result = fn();
  return { ms: Math.round((performance.now() - t0) * 10) / 10, result };
};

serve(self as unknown as Parameters<typeof serve>[0], {
  open: serial(async (p: { dbName: string }) => {
    db?.close();
    db = new KebuDB(p.dbName);
    engine = new ReceivablesEngine();
    const t0 = performance.now();
    const [customers, ...all] = await Promise.all([readCustomers(), ...ENGINE_TABLES.map(readAll)]);
    const read = performance.now() - t0;
    const load = timed(() => {
      ENGINE_TABLES.forEach((t, i) => engine.load(t, all[i]));
      engine.customers(customers, true);
    });
    const build = timed(() => engine.refresh());
    return { readMs: Math.round(read), loadMs: load.ms, buildMs: build.ms, rows: all.reduce((n, r) => n + r.length, 0) };
  }),
  changes: serial(async (p: { tables: Partial<Record<WatchedTable, string[] | 'all'>> }) => {
    if (!db) return { rebuilt: 0 };
    const customers = p.tables.customers;
    if (customers === 'all') engine.customers(await readCustomers(), true);
    else if (customers) engine.customers((await db.customers.bulkGet(customers)).filter((c) => c !== undefined));
    for (const t of ENGINE_TABLES) {
      const ids = p.tables[t];
      if (!ids) continue;
      if (ids === 'all') engine.load(t, await readAll(t));
      else {
        const rows = await db.recordTable(t).bulkGet(ids);
        engine.upsert(t, rows.filter((r) => r !== undefined) as unknown as Rows);
        engine.remove(
          t,
          ids.filter((_, i) => rows[i] === undefined)
        );
      }
    }
    const r = timed(() => engine.refresh());
    return { rebuilt: r.result, ms: r.ms };
  }),
  today: serial((p: { day: string; limit?: number }) => {
    const r = timed(() => engine.today(p.day));
    return { ms: r.ms, result: p.limit === undefined ? r.result : trimToday(r.result, p.limit) };
  }),
  aging: serial((p: { day: string }) => timed(() => engine.aging(p.day))),
  dso: serial((p: { day: string; periodDays?: number; months?: number }) => timed(() => engine.dso(p.day, p))),
  /** for the bench: load generated records directly, without a database */
  seed: serial((p: { tables: Record<EngineTable, Rows> }) => {
    engine = new ReceivablesEngine();
    for (const t of ENGINE_TABLES) engine.load(t, p.tables[t] ?? []);
    return timed(() => engine.refresh());
  }),
  /** for the bench: put rows as a change would */
  upsert: serial((p: { table: EngineTable; rows: Rows }) => {
    engine.upsert(p.table, p.rows);
    return timed(() => engine.refresh());
  })
});
