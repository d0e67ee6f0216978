/**
 * The churn signals worker: holds a `SignalsEngine` (signals-engine.ts) of the open workspace and
 * works out every customer's flags off the main thread. It reads the workspace database itself
 * (the page never ships a million purchases over postMessage): the four tables at `open`, then
 * only the ids a committed write names (`changes`), so a new purchase recomputes one customer.
 * Requests run one at a time, in order, so flags asked for after a change always see it.
 */
import { KebuDB } from '$lib/db/schema';
import { serve } from '$lib/workers/rpc';
import type { ChurnSettings } from './churn-settings';
import { SIGNAL_TABLES, SignalsEngine, type SignalRow, type SignalTable } from './signals-engine';

let db: KebuDB | null = null;
let engine = new SignalsEngine();
let queue: Promise<unknown> = Promise.resolve();

/** Run `fn` after every earlier request. */
function serial<P, R>(fn: (p: P) => Promise<R> | R): (p: P) => Promise<R> {
  return (p: P) => {
    const run = queue.then(() => fn(p));
    queue = run.catch(() => undefined);
    return run;
  };
}

const readAll = async (table: SignalTable) => (await db!.table(table).toArray()) as SignalRow[];

serve(self as unknown as Parameters<typeof serve>[0], {
  open: serial(async (p: { dbName: string }) => {
    db?.close();
    db = new KebuDB(p.dbName);
    engine = new SignalsEngine();
    const all = await Promise.all(SIGNAL_TABLES.map(readAll));
    SIGNAL_TABLES.forEach((t, i) => engine.load(t, all[i]));
    return { rows: all.reduce((n, r) => n + r.length, 0) };
  }),
  changes: serial(async (p: { tables: Partial<Record<SignalTable, string[] | 'all'>> }) => {
    if (!db) return false;
    for (const t of SIGNAL_TABLES) {
      const ids = p.tables[t];
      if (!ids) continue;
      if (ids === 'all') engine.load(t, await readAll(t));
      else {
        const rows = (await db.table(t).bulkGet(ids)) as (SignalRow | undefined)[];
        engine.upsert(
          t,
          rows.filter((r) => r !== undefined)
        );
        engine.remove(
          t,
          ids.filter((_, i) => rows[i] === undefined)
        );
      }
    }
    return true;
  }),
  flags: serial((p: { today: string; settings: ChurnSettings }) => {
    const t0 = performance.now();
    const r = engine.flags(p.today, p.settings);
    return { ...r, ms: Math.round((performance.now() - t0) * 10) / 10 };
  })
});
