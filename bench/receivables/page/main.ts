/**
 * The receivables benchmark page: generates a workspace's receivables with the demo's seeded
 * generator, hands them to the app's own receivables worker (src/lib/app/receivables/
 * derive.worker.ts, its `seed` request: the same engine as `open`, without a database) and times
 * Today and aging there, first over every customer, then after a one-customer change; meanwhile
 * it watches the main thread for long tasks.
 *
 * Then from cold, as a person opening the app meets it: the same records written to a workspace
 * database (IndexedDB, the app's schema), and per round a fresh worker that opens it as the app
 * does (`open`: reads the five tables and the customers, builds every shard's ledger), then
 * Today and aging; then a payment written to the database and announced as a write is (`changes`
 * with its id), and Today and aging again.
 */
import { KebuDB } from '$lib/db/schema';
import { generateReceivables, type GeneratedReceivables } from '$lib/demo/receivables';
import { WorkerClient } from '$lib/workers/rpc';
import { watchMainThread } from '../../lib/main-thread';

declare global {
  interface Window {
    __rcvBench?: { run(o: { customers: number; sales: number; payments: number; rounds: number; cold?: boolean }): Promise<unknown> };
  }
}

const TODAY = '2026-06-15';
/** A fresh receivables worker (the pattern inline, so the bundler builds the worker). */
const startWorker = () =>
  new WorkerClient(new Worker(new URL('../../../src/lib/app/receivables/derive.worker.ts', import.meta.url), { type: 'module' }));
const idle = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function run(o: { customers: number; sales: number; payments: number; rounds: number }) {
  const g0 = performance.now();
  const g = generateReceivables({ seed: 42, customers: o.customers, sales: o.sales, payments: o.payments, today: TODAY });
  const generateMs = performance.now() - g0;
  const worker = startWorker();
  const tables = {
    creditSales: g.sales,
    payments: g.payments,
    extensionRequests: g.extensions,
    ladderTasksDone: g.done,
    ladderEffectLifts: g.lifts
  };
  const s0 = performance.now();
  const seeded = await worker.call<{ ms: number; result: number }>('seed', { tables });
  const seedRoundTrip = performance.now() - s0;
  await idle(300);

  const out = {
    counts: {
      customers: g.customerIds.length,
      sales: g.sales.length,
      payments: g.payments.length,
      extensions: g.extensions.length,
      done: g.done.length,
      lifts: g.lifts.length
    },
    generateMs,
    build: { ms: seeded.ms, shards: seeded.result, roundTrip: seedRoundTrip },
    full: [] as { today: number; aging: number; todayTrip: number; agingTrip: number; tasks: number; agingRows: number }[],
    incremental: [] as { refresh: number; rebuilt: number; today: number; aging: number; todayTrip: number; agingTrip: number }[],
    main: { longTask: 0, maxGap: 0 }
  };
  const stop = watchMainThread();
  for (let r = 0; r < o.rounds; r++) {
    // every customer: a day not asked before, so every shard derives afresh
    const day = `2026-06-${String(16 + r).padStart(2, '0')}`;
    let t0 = performance.now();
    const today = await worker.call<{ ms: number; result: { total: number } }>('today', { day, limit: 200 });
    const todayTrip = performance.now() - t0;
    t0 = performance.now();
    const aging = await worker.call<{ ms: number; result: { rows: unknown[] } }>('aging', { day });
    const agingTrip = performance.now() - t0;
    out.full.push({ today: today.ms, aging: aging.ms, todayTrip, agingTrip, tasks: today.result.total, agingRows: aging.result.rows.length });
    await idle(100);

    // one customer's change (a payment), then the same day again: one shard re-derives
    const c = g.customerIds[(r * 7919) % g.customerIds.length];
    const put = await worker.call<{ ms: number; result: number }>('upsert', {
      table: 'payments',
      rows: [{ id: `bench-pm-${r}`, customerId: c, paidOn: day, amount: 123_456, method: 'cash' }]
    });
    t0 = performance.now();
    const today2 = await worker.call<{ ms: number }>('today', { day, limit: 200 });
    const todayTrip2 = performance.now() - t0;
    t0 = performance.now();
    const aging2 = await worker.call<{ ms: number }>('aging', { day });
    const agingTrip2 = performance.now() - t0;
    out.incremental.push({ refresh: put.ms, rebuilt: put.result, today: today2.ms, aging: aging2.ms, todayTrip: todayTrip2, agingTrip: agingTrip2 });
    await idle(100);
  }
  out.main = stop();
  worker.terminate();
  return out;
}

const DB_NAME = 'kebu-bench-receivables';

/** Write the generated records (and a customer row for each id) into a fresh workspace database. */
async function writeWorkspace(g: GeneratedReceivables): Promise<number> {
  const t0 = performance.now();
  await new KebuDB(DB_NAME).delete();
  const db = new KebuDB(DB_NAME);
  const put = async (table: string, rows: readonly object[]) => {
    for (let i = 0; i < rows.length; i += 25_000) await db.table(table).bulkPut(rows.slice(i, i + 25_000));
  };
  await put(
    'customers',
    g.customerIds.map((id) => ({ id, name: id, deleted: 0 }))
  );
  await put('creditSales', g.sales);
  await put('payments', g.payments);
  await put('extensionRequests', g.extensions);
  await put('ladderTasksDone', g.done);
  await put('ladderEffectLifts', g.lifts);
  db.close();
  return performance.now() - t0;
}

interface ColdRound {
  /** worker started → Today and aging both received by the page */
  shown: number;
  open: number;
  readMs: number;
  loadMs: number;
  buildMs: number;
  today: number;
  aging: number;
  /** `changes` sent → Today and aging both received again */
  changeShown: number;
  refresh: number;
  today2: number;
  aging2: number;
}

async function cold(o: { rounds: number; generated: GeneratedReceivables }) {
  const writeMs = await writeWorkspace(o.generated);
  await idle(500);
  const rounds: ColdRound[] = [];
  const stop = watchMainThread();
  for (let r = 0; r < o.rounds; r++) {
    const t0 = performance.now();
    const worker = startWorker();
    const opened = await worker.call<{ readMs: number; loadMs: number; buildMs: number; rows: number }>('open', { dbName: DB_NAME });
    const open = performance.now() - t0;
    const today = await worker.call<{ ms: number }>('today', { day: TODAY, limit: 200 });
    const aging = await worker.call<{ ms: number }>('aging', { day: TODAY });
    const shown = performance.now() - t0;
    await idle(200);

    // a write as the app makes it: the row in the database, then its id to the worker
    const c = o.generated.customerIds[(r * 7919 + 13) % o.generated.customerIds.length];
    const db = new KebuDB(DB_NAME);
    const id = `bench-cold-pm-${r}`;
    await db.table('payments').put({ id, customerId: c, paidOn: TODAY, amount: 654_321, method: 'cash' });
    db.close();
    const c0 = performance.now();
    const changed = await worker.call<{ ms: number }>('changes', { tables: { payments: [id] } });
    const today2 = await worker.call<{ ms: number }>('today', { day: TODAY, limit: 200 });
    const aging2 = await worker.call<{ ms: number }>('aging', { day: TODAY });
    const changeShown = performance.now() - c0;
    worker.terminate();
    rounds.push({
      shown,
      open,
      readMs: opened.readMs,
      loadMs: opened.loadMs,
      buildMs: opened.buildMs,
      today: today.ms,
      aging: aging.ms,
      changeShown,
      refresh: changed.ms,
      today2: today2.ms,
      aging2: aging2.ms
    });
    await idle(300);
  }
  const main = stop();
  await new KebuDB(DB_NAME).delete();
  return { writeMs, rounds, main };
}

async function runAll(o: { customers: number; sales: number; payments: number; rounds: number; cold?: boolean }) {
  const warm = await run(o);
  if (o.cold === false) return warm;
  const generated = generateReceivables({ seed: 42, customers: o.customers, sales: o.sales, payments: o.payments, today: TODAY });
  return { ...warm, cold: await cold({ rounds: o.rounds, generated }) };
}

window.__rcvBench = { run: runAll };
document.getElementById('state')!.textContent = 'ready';
