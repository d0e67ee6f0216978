/**
 * Fill a workspace with the seeded demo data, in one write (one undo step).
 */
import { generateWorkspace } from './records';
import { generateReceivables } from './receivables';
import { generateCreditApplications } from './credit-applications';
import type { Mutation } from '$lib/db/write-path';
import type { TableName } from '$lib/db/schema';

export interface DemoSize {
  seed?: number;
  customers: number;
  contactsPerCustomer?: number;
  followUpsPerCustomer?: number;
  /** 'YYYY-MM-DD': the demo's receivables are dated up to this day; none when absent */
  today?: string;
  /** the moment of the load (ms): the demo's credit applications take their steps after it; none when absent */
  at?: number;
}

/** How many of the demo's unit customers buy on credit, and how much. */
const CREDIT_CUSTOMERS = 40;

export function demoMutations(size: DemoSize): Mutation[] {
  const ws = generateWorkspace({ seed: size.seed ?? 1, ...size });
  const out: Mutation[] = [];
  const add = (table: TableName, rows: object[]) => {
    for (const record of rows) out.push({ type: 'insert', table, record: record as Record<string, unknown> });
  };
  add('orgUnits', ws.orgUnits);
  add('staff', ws.staff);
  add('customers', ws.customers);
  add('contacts', ws.contacts);
  add('followUps', ws.followUps);
  if (size.today) {
    // a credit book for some of the companies: agreements, two years of credit sales and
    // payments, extensions, ladder work done and a few lifts, all dated up to today
    const units = ws.customers.filter((c) => c.kind === 'unit').slice(0, CREDIT_CUSTOMERS);
    const manager = ws.staff.find((s) => (s as { manager?: boolean }).manager) ?? ws.staff[0];
    const collector = ws.staff.find((s) => s !== manager) ?? manager;
    if (units.length && manager) {
      const book = generateReceivables({
        seed: size.seed ?? 1,
        customers: units.length,
        sales: units.length * 15,
        payments: units.length * 12,
        today: size.today
      });
      const customer = new Map(book.customerIds.map((id, i) => [id, units[i].id]));
      const staff: Record<string, string> = { 'staff-manager': manager.id, 'staff-collector': collector.id };
      const remap = <T extends object>(rows: T[]) =>
        rows.map((r) => {
          const o = { ...r } as Record<string, unknown>;
          o.customerId = customer.get(o.customerId as string) ?? o.customerId;
          for (const f of ['decidedBy', 'liftedBy', 'doneBy', 'signedBy']) if (typeof o[f] === 'string') o[f] = staff[o[f] as string] ?? manager.id;
          return o;
        });
      add('creditAgreements', remap(book.agreements));
      add('creditSales', remap(book.sales));
      add('payments', remap(book.payments));
      add('extensionRequests', remap(book.extensions));
      add('ladderTasksDone', remap(book.done));
      add('ladderEffectLifts', remap(book.lifts));
    }
    if (size.at !== undefined && manager) {
      // credit applications at every step, from companies that have no agreement yet
      const applicants = ws.customers.filter((c) => c.kind === 'unit').slice(CREDIT_CUSTOMERS);
      const credit = generateCreditApplications({
        seed: size.seed ?? 1,
        today: size.today,
        at: size.at,
        customers: applicants,
        clerk: collector.id,
        manager: manager.id
      });
      add('creditApplications', credit.applications);
      add('creditEvaluations', credit.evaluations);
      add('creditSteps', credit.steps);
      add('creditAgreements', credit.agreements);
    }
  }
  return out;
}
