/**
 * The receivables benchmark page: generates a workspace's receivables with the demo's seeded
 * generator, hands them to the app's own receivables worker (src/lib/app/receivables/
 * derive.worker.ts, its `seed` request: the same engine as `open`, without a database) and times
 * Today and aging there, first over every customer, then after a one-customer change; meanwhile
 * it watches the main thread for long tasks.
 */
import { generateReceivables } from '$lib/demo/receivables';
import { WorkerClient } from '$lib/workers/rpc';
import { watchMainThread } from '../../lib/main-thread';

declare global {
  interface Window {
    __rcvBench?: { run(o: { customers: number; sales: number; payments: number; rounds: number }): Promise<unknown> };
  }
}


const TODAY = '2026-06-15';
const idle = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function run(o: { customers: number; sales: number; payments: number; rounds: number }) {
  const g0 = performance.now();
  const g = generateReceivables({ seed: 42, customers: o.customers, sales: o.sales, payments: o.payments, today: TODAY });
  const generateMs = performance.now() - g0;
  const worker = new WorkerClient(new Worker(new URL('../../../src/lib/app/receivables/derive.worker.ts', import.meta.url), { type: 'module' }));
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
    counts: { customers: g.customerIds.length, sales: g.sales.length, payments: g.payments.length, extensions: g.extensions.length, done: g.done.length, lifts: g.lifts.length },
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

window.__rcvBench = { run };
document.getElementById('state')!.textContent = 'ready';
