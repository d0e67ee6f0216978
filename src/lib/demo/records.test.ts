import { describe, expect, it } from 'vitest';
import { completeness, DEFAULT_REQUIRED_FIELDS } from '$lib/domain/records/completeness';
import { createRng, generateWorkspace } from './records';
import { findDuplicateGroups } from '$lib/domain/records/duplicates';
import { checkCreditCode, checkIdNumber } from '$lib/domain/records/identity';
import { isMobile } from '$lib/domain/records/normalize';
import {
  AGE_BANDS,
  CHANNELS,
  CUSTOMER_STATUSES,
  DEVELOPMENT_STAGES,
  EDUCATION_LEVELS,
  INCOME_BANDS,
  TIERS,
  type Customer
} from '$lib/domain/records/types';

const today = '2026-11-28';
const asRecords = (drafts: object[]) =>
  drafts.map((d) => ({ deleted: 0 as const, createdAt: 0, createdBy: 'p', updatedAt: 0, updatedBy: 'p', ...d }));

describe('createRng', () => {
  it('repeats itself for a seed and differs between seeds', () => {
    const a = createRng(1);
    const b = createRng(1);
    const c = createRng(2);
    const xs = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(xs);
  });

  it('stays in range', () => {
    const rng = createRng(123);
    const seen = new Set<number>();
    for (let i = 0; i < 10_000; i++) {
      const x = rng.next();
      expect(x >= 0 && x < 1).toBe(true);
      const n = rng.int(3, 7);
      expect(n >= 3 && n <= 7 && Number.isInteger(n)).toBe(true);
      seen.add(n);
    }
    expect([...seen].sort()).toEqual([3, 4, 5, 6, 7]);
    expect(rng.chance(0)).toBe(false);
    expect(rng.chance(1)).toBe(true);
    expect(['a', 'b']).toContain(rng.pick(['a', 'b']));
    expect(() => rng.pick([])).toThrow(RangeError);
  });

  it('follows the weights', () => {
    const rng = createRng(9);
    let heavy = 0;
    for (let i = 0; i < 10_000; i++)
      if (
        rng.weighted([
          ['light', 1],
          ['heavy', 3]
        ] as const) === 'heavy'
      )
        heavy++;
    expect(heavy / 10_000).toBeGreaterThan(0.72);
    expect(heavy / 10_000).toBeLessThan(0.78);
  });
});

describe('generateWorkspace', () => {
  const ws = generateWorkspace({ seed: 7, customers: 1000, today });
  const customers = asRecords(ws.customers) as Customer[];
  const units = customers.filter((c) => c.kind === 'unit');
  const individuals = customers.filter((c) => c.kind === 'individual');

  it('is deterministic for a seed and differs between seeds', () => {
    expect(generateWorkspace({ seed: 7, customers: 1000, today })).toEqual(ws);
    const other = generateWorkspace({ seed: 8, customers: 1000, today });
    expect(other.customers.map((c) => c.name)).not.toEqual(ws.customers.map((c) => c.name));
    expect(other.customers[0].id).not.toBe(ws.customers[0].id);
  });

  it('keeps the customers when only the contact and follow-up counts change', () => {
    const lean = generateWorkspace({
      seed: 7,
      customers: 1000,
      today,
      contactsPerCustomer: 0,
      followUpsPerCustomer: 0
    });
    expect(lean.customers).toEqual(ws.customers);
    expect(lean.staff).toEqual(ws.staff);
    expect(lean.contacts).toEqual([]);
    expect(lean.followUps).toEqual([]);
  });

  it('makes the requested number of customers, ~70 % units', () => {
    expect(customers).toHaveLength(1000);
    expect(units.length / 1000).toBeGreaterThan(0.64);
    expect(units.length / 1000).toBeLessThan(0.76);
    expect(generateWorkspace({ seed: 1, customers: 0 }).customers).toEqual([]);
  });

  it('makes an org tree: one company, 3–4 areas, 2–3 sites each', () => {
    const companies = ws.orgUnits.filter((o) => o.kind === 'company');
    const areas = ws.orgUnits.filter((o) => o.kind === 'area');
    expect(companies).toHaveLength(1);
    expect(areas.length).toBeGreaterThanOrEqual(3);
    expect(areas.length).toBeLessThanOrEqual(4);
    for (const area of areas) {
      expect(area.parentId).toBe(companies[0].id);
      const sites = ws.orgUnits.filter((o) => o.parentId === area.id);
      expect(sites.length).toBeGreaterThanOrEqual(2);
      expect(sites.length).toBeLessThanOrEqual(3);
      for (const site of sites) expect(site.kind).toBe('site');
    }
  });

  it('has about one account manager per 15–25 customers, at least 4', () => {
    expect(ws.staff.length).toBeGreaterThanOrEqual(1000 / 25 - 1);
    expect(ws.staff.length).toBeLessThanOrEqual(1000 / 15 + 1);
    expect(generateWorkspace({ seed: 3, customers: 10 }).staff.length).toBe(4);
    const sites = new Set(ws.orgUnits.filter((o) => o.kind === 'site').map((o) => o.id));
    for (const s of ws.staff) {
      expect(sites.has(s.orgUnitId!)).toBe(true);
      expect(s.name).toMatch(/^\p{Script=Han}{2,4}$/u);
      expect(isMobile(s.mobile!)).toBe(true);
    }
  });

  it('makes unique, well-formed ids', () => {
    const all = [...ws.orgUnits, ...ws.staff, ...ws.customers, ...ws.contacts, ...ws.followUps].map((r) => r.id);
    expect(new Set(all).size).toBe(all.length);
    for (const c of ws.customers) expect(c.id).toMatch(/^c-[0-9a-f]{24}$/);
    for (const p of ws.contacts) expect(p.id).toMatch(/^ct-[0-9a-f]{24}$/);
    for (const f of ws.followUps) expect(f.id).toMatch(/^fu-[0-9a-f]{24}$/);
  });

  it('links every customer to real staff, sites and parents', () => {
    const staff = new Map(ws.staff.map((s) => [s.id, s]));
    const byId = new Map(customers.map((c) => [c.id, c]));
    let managed = 0;
    for (const c of customers) {
      if (c.managerId === undefined) continue;
      managed++;
      expect(staff.has(c.managerId)).toBe(true);
      expect(c.orgUnitId).toBe(staff.get(c.managerId)!.orgUnitId);
    }
    expect(managed / customers.length).toBeGreaterThan(0.95);
    const children = units.filter((c) => c.parentId !== undefined);
    expect(children.length).toBeGreaterThan(0);
    for (const c of children) {
      expect(c.parentId).not.toBe(c.id);
      expect(byId.get(c.parentId!)?.kind).toBe('unit');
    }
  });

  it('uses the values the record types allow', () => {
    for (const c of customers) {
      expect(c.name.trim()).not.toBe('');
      if (c.tier !== undefined) expect(TIERS).toContain(c.tier);
      if (c.status !== undefined) expect(CUSTOMER_STATUSES).toContain(c.status);
      if (c.stage !== undefined) expect(DEVELOPMENT_STAGES).toContain(c.stage);
      if (c.ageBand !== undefined) expect(AGE_BANDS).toContain(c.ageBand);
      if (c.education !== undefined) expect(EDUCATION_LEVELS).toContain(c.education);
      if (c.incomeBand !== undefined) expect(INCOME_BANDS).toContain(c.incomeBand);
      if (c.kind === 'unit') expect(c.idNumber).toBeUndefined();
      else expect(c.creditCode).toBeUndefined();
    }
    const vip = customers.filter((c) => c.tier === 'VIP').length / customers.length;
    expect(vip).toBeGreaterThan(0.02);
    expect(vip).toBeLessThan(0.09);
  });

  it('makes mostly valid credit codes and identity numbers, and a few mistyped ones', () => {
    const codes = units.flatMap((c) => (c.creditCode ? [c.creditCode] : []));
    expect(codes.length / units.length).toBeGreaterThan(0.7);
    const validCodes = codes.filter((c) => checkCreditCode(c).valid).length;
    expect(validCodes / codes.length).toBeGreaterThan(0.9);
    expect(validCodes).toBeLessThan(codes.length);

    const ids = individuals.flatMap((c) => (c.idNumber ? [c.idNumber] : []));
    expect(ids.length / individuals.length).toBeGreaterThan(0.3);
    const validIds = ids.filter((id) => checkIdNumber(id, today).valid).length;
    expect(validIds / ids.length).toBeGreaterThan(0.85);
  });

  it('writes only valid mobiles, however they are formatted', () => {
    const mobiles = [...customers, ...ws.contacts].flatMap((r) => (r.mobile ? [r.mobile] : []));
    expect(mobiles.length).toBeGreaterThan(customers.length * 0.7);
    for (const m of mobiles) expect(isMobile(m), m).toBe(true);
    expect(mobiles.some((m) => m !== m.replace(/\D/g, ''))).toBe(true);
  });

  it('leaves some records incomplete', () => {
    const scores = customers.map((c) => completeness(c, DEFAULT_REQUIRED_FIELDS, today).score);
    const complete = scores.filter((s) => s === 1).length;
    expect(complete).toBeGreaterThan(customers.length * 0.3);
    expect(complete).toBeLessThan(customers.length);
  });

  it('contains near-duplicates for the duplicate finder', () => {
    const groups = findDuplicateGroups(customers);
    expect(groups.length).toBeGreaterThan(0);
    const reasons = new Set(groups.flatMap((g) => g.reasons));
    expect(reasons).toEqual(new Set(['code', 'mobile', 'name']));
  });

  it('gives unit customers about one contact each, and none to individuals', () => {
    const customerIds = new Map(customers.map((c) => [c.id, c]));
    for (const p of ws.contacts) expect(customerIds.get(p.customerId)?.kind).toBe('unit');
    expect(ws.contacts.length / units.length).toBeGreaterThan(0.8);
    expect(ws.contacts.length / units.length).toBeLessThan(1.2);
    const perCustomer = new Map<string, number>();
    for (const p of ws.contacts) perCustomer.set(p.customerId, (perCustomer.get(p.customerId) ?? 0) + 1);
    expect(Math.max(...perCustomer.values())).toBeLessThanOrEqual(3);
  });

  it('logs a year of follow-ups and plans a few', () => {
    const customerIds = new Set(customers.map((c) => c.id));
    const contacts = new Map(ws.contacts.map((p) => [p.id, p]));
    const staffIds = new Set(ws.staff.map((s) => s.id));
    expect(ws.followUps.length / customers.length).toBeGreaterThan(1.7);
    expect(ws.followUps.length / customers.length).toBeLessThan(2.3);
    const from = '2025-11-28';
    const to = '2026-12-29';
    let planned = 0;
    for (const f of ws.followUps) {
      expect(customerIds.has(f.customerId)).toBe(true);
      if (f.contactId) expect(contacts.get(f.contactId)?.customerId).toBe(f.customerId);
      if (f.staffId) expect(staffIds.has(f.staffId)).toBe(true);
      expect(CHANNELS).toContain(f.channel);
      expect(f.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
      expect(f.at >= from && f.at < to).toBe(true);
      expect(f.done).toBe(f.at < today);
      if (!f.done) planned++;
    }
    expect(planned).toBeGreaterThan(0);
    expect(planned).toBeLessThan(ws.followUps.length * 0.2);
  });

  it("gives the app's 300-customer demo a few hundred contacts and follow-ups", () => {
    const demo = generateWorkspace({ seed: 1, customers: 300 });
    expect(demo.contacts.length).toBeGreaterThan(150);
    expect(demo.contacts.length + demo.followUps.length).toBeGreaterThan(600);
  });

  it('refuses a date that is not a date', () => {
    expect(() => generateWorkspace({ seed: 1, customers: 1, today: '28/11/2026' })).toThrow(RangeError);
  });
});
