import { describe, expect, it } from 'vitest';
import { aging, buildLedger, deriveToday, dso, addDays, type ReceivablesInput } from '.';
import { generateReceivables } from '$lib/demo/receivables';
import { ENGINE_TABLES, ReceivablesEngine, shardOf, trimToday, type EngineTable } from './engine';
import { createRng } from '../records/rng';

type Row = { id: string; customerId: string; deleted?: 0 | 1; [k: string]: unknown };

const TODAY = '2026-06-15';

function world(seed: number) {
  const g = generateReceivables({ seed, customers: 40, sales: 400, payments: 600, today: TODAY });
  const tables: Record<EngineTable, Map<string, Row>> = {
    creditSales: new Map(g.sales.map((r) => [r.id, { ...r } as Row])),
    payments: new Map(g.payments.map((r) => [r.id, { ...r } as Row])),
    extensionRequests: new Map(g.extensions.map((r) => [r.id, { ...r } as Row])),
    ladderTasksDone: new Map(g.done.map((r) => [r.id, { ...r } as Row])),
    ladderEffectLifts: new Map(g.lifts.map((r) => [r.id, { ...r } as Row]))
  };
  return { g, tables };
}

/** The ledger's input, without the records of customers in the bin (extensions go with their sale). */
const input = (tables: Record<EngineTable, Map<string, Row>>, binned: ReadonlySet<string> = new Set()): ReceivablesInput => {
  const live = (t: EngineTable) => [...tables[t].values()].filter((x) => !binned.has(x.customerId));
  return {
    sales: live('creditSales'),
    payments: live('payments'),
    extensions: [...tables.extensionRequests.values()],
    done: live('ladderTasksDone'),
    lifts: live('ladderEffectLifts')
  } as unknown as ReceivablesInput;
};

describe('ReceivablesEngine: incremental by customer equals a full rebuild', () => {
  it.each([1, 2, 3, 4, 5, 6])('seed %i: 30 rounds of random edits', (seed) => {
    const { g, tables } = world(seed);
    const r = createRng(seed * 7919);
    const engine = new ReceivablesEngine(8);
    for (const t of ENGINE_TABLES) engine.load(t, [...tables[t].values()]);
    const customers = g.customerIds;
    const binned = new Set<string>();
    let n = 0;
    const fresh = (p: string) => `${p}-${seed}-${n++}`;

    for (let round = 0; round < 30; round++) {
      const changed: Partial<Record<EngineTable, Row[]>> = {};
      const touch = (t: EngineTable, row: Row) => {
        tables[t].set(row.id, row);
        (changed[t] ??= []).push(row);
      };
      const edits = 1 + r.int(0, 3);
      for (let e = 0; e < edits; e++) {
        const sales = [...tables.creditSales.values()];
        const pays = [...tables.payments.values()];
        const exts = [...tables.extensionRequests.values()];
        const kind = r.int(0, 9);
        if (kind === 9) {
          // a customer goes to the bin, or comes back
          const c = r.pick(customers);
          const deleted = binned.has(c) ? 0 : 1;
          if (deleted) binned.add(c);
          else binned.delete(c);
          engine.customers([{ id: c, deleted }]);
        } else if (kind === 0 && sales.length) {
          const s = r.pick(sales);
          touch('creditSales', { ...s, amount: 100 + r.int(0, 4_999_999) });
        } else if (kind === 1 && sales.length) {
          const s = r.pick(sales);
          touch('creditSales', { ...s, deleted: s.deleted === 1 ? 0 : 1 });
        } else if (kind === 2 && sales.length) {
          const s = r.pick(sales);
          touch('creditSales', { ...s, customerId: r.pick(customers) });
        } else if (kind === 3 && sales.length) {
          const s = r.pick(sales);
          touch('creditSales', { ...s, shipDate: addDays(TODAY, -r.int(0, 199)) });
        } else if (kind === 4) {
          const c = r.pick(customers);
          touch('payments', {
            id: fresh('pm'),
            customerId: c,
            paidOn: addDays(TODAY, -r.int(0, 149)),
            amount: 100 + r.int(0, 2_999_999),
            method: 'cash'
          });
        } else if (kind === 5 && pays.length) {
          const p = r.pick(pays);
          touch(
            'payments',
            r.next() < 0.5 ? { ...p, deleted: 1 } : { ...p, amount: 100 + r.int(0, 2_999_999), paidOn: addDays(TODAY, -r.int(0, 149)) }
          );
        } else if (kind === 6 && sales.length) {
          const s = r.pick(sales);
          touch('extensionRequests', {
            id: fresh('ex'),
            customerId: s.customerId,
            saleId: s.id,
            requestedOn: addDays(TODAY, -r.int(0, 89)),
            requestedDueDate: addDays(TODAY, r.int(0, 59)),
            reason: '台风',
            status: r.pick(['requested', 'approved', 'rejected'])
          });
        } else if (kind === 7 && exts.length) {
          const x = r.pick(exts);
          touch('extensionRequests', r.next() < 0.3 ? { ...x, deleted: 1 } : { ...x, status: r.pick(['approved', 'rejected']) });
        } else {
          const c = r.pick(customers);
          touch('ladderEffectLifts', {
            id: fresh('lf'),
            customerId: c,
            effect: r.pick(['bad-credit', 'stop-shipment', 'blacklist']),
            liftedOn: addDays(TODAY, -r.int(0, 59)),
            liftedBy: 'boss',
            reason: '经理同意'
          });
        }
      }
      for (const [t, rows] of Object.entries(changed)) engine.upsert(t as EngineTable, rows);
      const touched = new Set(Object.values(changed).flatMap((rows) => rows.map((x) => x.customerId)));
      const rebuilt = engine.refresh();
      expect(rebuilt, `seed ${seed} round ${round}`).toBeLessThanOrEqual(8);
      if (round % 3 === 0 || touched.size === 1) {
        const full = buildLedger(input(tables, binned));
        const day = addDays(TODAY, r.int(0, 39) - 20);
        expect(engine.today(day), `seed ${seed} round ${round} today`).toEqual(deriveToday(full, day));
        expect(engine.aging(day), `seed ${seed} round ${round} aging`).toEqual(aging(full, day));
        expect(engine.dso(day), `seed ${seed} round ${round} dso`).toEqual(dso(full, day));
      }
    }
  });
});

describe('ReceivablesEngine: the bin, shards touched, extensions following their sale', () => {
  it('leaves a customer in the bin out of Today, aging and DSO until restored', () => {
    const { g, tables } = world(5);
    const engine = new ReceivablesEngine(8);
    for (const t of ENGINE_TABLES) engine.load(t, [...tables[t].values()]);
    const c = g.customerIds.find((id) => engine.aging(TODAY).rows.some((row) => row.customerId === id))!;
    const before = { today: engine.today(TODAY), aging: engine.aging(TODAY), dso: engine.dso(TODAY) };
    engine.customers([{ id: c, deleted: 1 }]);
    expect(engine.refresh()).toBe(1);
    const without = buildLedger(input(tables, new Set([c])));
    expect(engine.aging(TODAY).rows.map((row) => row.customerId)).not.toContain(c);
    expect(engine.today(TODAY)).toEqual(deriveToday(without, TODAY));
    expect(engine.dso(TODAY)).toEqual(dso(without, TODAY));
    // a whole reload of the customers' states: restored
    engine.customers([{ id: c }, { id: 'someone-else', deleted: 1 }], true);
    expect({ today: engine.today(TODAY), aging: engine.aging(TODAY), dso: engine.dso(TODAY) }).toEqual(before);
  });

  it('rebuilds only the shards of the customers a change touches', () => {
    const { g, tables } = world(11);
    const engine = new ReceivablesEngine(16);
    for (const t of ENGINE_TABLES) engine.load(t, [...tables[t].values()]);
    expect(engine.refresh()).toBe(16);
    expect(engine.refresh()).toBe(0);
    const sale = [...tables.creditSales.values()][0];
    engine.upsert('creditSales', [{ ...sale, amount: (sale.amount as number) + 1 }]);
    expect(engine.refresh()).toBe(1);
    // moving a sale to a customer of another shard rebuilds both
    const other = g.customerIds.find((c) => shardOf(c, 16) !== shardOf(sale.customerId, 16))!;
    engine.upsert('creditSales', [{ ...sale, customerId: other }]);
    expect(engine.refresh()).toBe(2);
  });

  it('a sale moved away takes its extension requests along', () => {
    const engine = new ReceivablesEngine(4);
    const a = 'cust-a';
    const b = ['cust-b', 'cust-c', 'cust-d', 'cust-e'].find((c) => shardOf(c, 4) !== shardOf(a, 4))!;
    const sale = { id: 's1', customerId: a, shipDate: '2026-01-01', amount: 10_000, termDays: 30 };
    const ext = {
      id: 'x1',
      customerId: a,
      saleId: 's1',
      requestedOn: '2026-01-20',
      requestedDueDate: '2026-03-15',
      reason: '台风',
      status: 'approved'
    };
    engine.load('creditSales', [sale]);
    engine.load('extensionRequests', [ext]);
    engine.upsert('creditSales', [{ ...sale, customerId: b }]);
    const full = buildLedger({ sales: [{ ...sale, customerId: b }], payments: [], extensions: [ext] } as unknown as ReceivablesInput);
    expect(engine.aging('2026-03-10')).toEqual(aging(full, '2026-03-10'));
    expect(engine.aging('2026-03-10').rows[0].buckets[0]).toBe(10_000);
  });

  it('loading a table again replaces it; an id twice keeps the later row, as upsert does', () => {
    const engine = new ReceivablesEngine(4);
    const a = 'cust-a';
    const b = ['cust-b', 'cust-c', 'cust-d', 'cust-e'].find((c) => shardOf(c, 4) !== shardOf(a, 4))!;
    const sale = (id: string, customerId: string) => ({ id, customerId, shipDate: '2026-01-01', amount: 10_000, termDays: 30 });
    const pay = (id: string, customerId: string, amount: number) => ({ id, customerId, paidOn: '2026-02-01', amount, method: 'cash' });
    engine.load('creditSales', [sale('s1', a), sale('s2', b)]);
    engine.load('payments', [pay('p1', a, 4_000), pay('p2', b, 1_000)]);
    // the same id under customers of two shards, and a table loaded again
    const payments = [pay('p1', a, 2_000), pay('p3', b, 3_000), pay('p1', b, 5_000)];
    engine.load('payments', payments);
    const full = buildLedger({
      sales: [sale('s1', a), sale('s2', b)],
      payments: [pay('p3', b, 3_000), pay('p1', b, 5_000)]
    } as unknown as ReceivablesInput);
    expect(engine.aging('2026-03-10')).toEqual(aging(full, '2026-03-10'));
    engine.remove('payments', ['p1']);
    expect(engine.aging('2026-03-10')).toEqual(
      aging(buildLedger({ sales: [sale('s1', a), sale('s2', b)], payments: [pay('p3', b, 3_000)] } as unknown as ReceivablesInput), '2026-03-10')
    );
  });
});

describe('trimToday', () => {
  it('keeps the longest waiting tasks of each group, their full counts, the total and every flag', () => {
    const { tables } = world(3);
    const full = deriveToday(buildLedger(input(tables)), TODAY);
    const trimmed = trimToday(full, 1);
    expect(trimmed.total).toBe(full.total);
    expect(trimmed.counts).toEqual(full.groups.map((g) => g.tasks.length));
    trimmed.groups.forEach((g, k) => expect(g.tasks).toEqual(full.groups[k].tasks.slice(0, 1)));
    expect(trimmed.flagged).toEqual(full.flagged);
    expect(full.groups.some((g) => g.tasks.length > 1)).toBe(true);
  });
});
