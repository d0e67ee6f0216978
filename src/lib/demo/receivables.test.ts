import { describe, expect, it } from 'vitest';
import { openOn } from '$lib/domain/receivables/allocation';
import { aging } from '$lib/domain/receivables/aging';
import { checkReceivableRecord, hasError } from '$lib/domain/receivables/checks';
import { dayOf } from '$lib/domain/dates';
import { dso } from '$lib/domain/receivables/dso';
import { generateReceivables } from './receivables';
import { buildLedger } from '$lib/domain/receivables/ledger';
import { deriveToday } from '$lib/domain/receivables/today';

const TODAY = '2026-06-30';

describe('generateReceivables', () => {
  it('repeats itself for a seed and differs between seeds', () => {
    const a = generateReceivables({ seed: 1, customers: 30, sales: 300, payments: 450, today: TODAY });
    expect(generateReceivables({ seed: 1, customers: 30, sales: 300, payments: 450, today: TODAY })).toEqual(a);
    expect(generateReceivables({ seed: 2, customers: 30, sales: 300, payments: 450, today: TODAY }).sales).not.toEqual(a.sales);
  });

  it('makes exactly what was asked, with distinct ids and valid records', () => {
    const g = generateReceivables({ seed: 3, customers: 200, sales: 2_000, payments: 3_000, today: TODAY });
    expect([g.customerIds.length, g.agreements.length, g.sales.length, g.payments.length]).toEqual([200, 200, 2_000, 3_000]);
    const ids = [g.customerIds, g.agreements, g.sales, g.payments, g.extensions, g.done, g.lifts]
      .flat()
      .map((r) => (typeof r === 'string' ? r : r.id));
    expect(new Set(ids).size).toBe(ids.length);
    const tables = [
      ['creditAgreements', g.agreements],
      ['creditSales', g.sales],
      ['payments', g.payments],
      ['extensionRequests', g.extensions],
      ['ladderTasksDone', g.done],
      ['ladderEffectLifts', g.lifts]
    ] as const;
    for (const [table, rows] of tables) {
      for (const row of rows) expect(hasError(checkReceivableRecord(table, row as never)), `${table} ${row.id}`).toBe(false);
    }
    expect(g.extensions.length).toBeGreaterThan(0);
    expect(g.done.length).toBeGreaterThan(0);
  });

  it('looks like a real book: mostly paid, some late, a few blacklisted', () => {
    const g = generateReceivables({ seed: 4, customers: 500, sales: 5_000, payments: 7_500, today: TODAY });
    const input = { sales: g.sales, payments: g.payments, extensions: g.extensions, done: g.done, lifts: g.lifts };
    const table = aging(input, TODAY);
    const shipped = g.sales.filter((s) => s.shipDate <= TODAY).reduce((sum, s) => sum + s.amount, 0);
    expect(table.totals.total / shipped).toBeGreaterThan(0.05);
    expect(table.totals.total / shipped).toBeLessThan(0.5);
    expect(table.totals.buckets.every((b) => b > 0)).toBe(true);
    const list = deriveToday(input, TODAY);
    expect(list.groups.every((gr) => gr.tasks.length > 0)).toBe(true);
    expect(list.flagged.length).toBeGreaterThan(0);
    expect(list.flagged.length).toBeLessThan(150);
  });
});

describe('a book of 20 000 customers, 200 000 credit sales and 300 000 payments', () => {
  it('derives Today and aging consistently', { timeout: 120_000 }, () => {
    const g = generateReceivables({ seed: 20_260_630, customers: 20_000, sales: 200_000, payments: 300_000, today: TODAY });
    const ledger = buildLedger({ sales: g.sales, payments: g.payments, extensions: g.extensions, done: g.done, lifts: g.lifts });
    const t = dayOf(TODAY);

    const table = aging(ledger, TODAY);
    let open = 0;
    let allocatedToDate = 0;
    let shipped = 0;
    for (const c of ledger.customers.values()) {
      for (const s of c.sales) {
        if (s.shipDay > t) continue;
        const o = openOn(s, t);
        open += o;
        shipped += s.sale.amount;
        allocatedToDate += s.sale.amount - o;
      }
    }
    const paidToDate = g.payments.filter((p) => p.paidOn <= TODAY).reduce((sum, p) => sum + p.amount, 0);
    // the buckets add up to the open amounts, and every fen paid is either allocated or credit
    expect(table.totals.buckets.reduce((a, b) => a + b, 0)).toBe(table.totals.total);
    expect(table.totals.total).toBe(open);
    expect(table.rows.reduce((sum, r) => sum + r.total, 0)).toBe(open);
    expect(allocatedToDate + table.totals.credit).toBe(paidToDate);
    expect(shipped - allocatedToDate).toBe(open);
    expect(ledger.problems.filter((p) => 'record' in p)).toEqual([]);

    const list = deriveToday(ledger, TODAY);
    const keys = list.groups.flatMap((gr) => gr.tasks.map((x) => x.key));
    expect(new Set(keys).size).toBe(keys.length);
    expect(list.total).toBe(keys.length);
    for (const gr of list.groups) {
      for (const task of gr.tasks) {
        if (task.kind !== gr.kind || task.open <= 0 || task.on > TODAY) throw new Error(`bad task ${task.key}`);
      }
    }

    const report = dso(ledger, TODAY);
    expect(report.overall.closingReceivables).toBe(open);
    expect(report.trend).toHaveLength(12);
  });
});
