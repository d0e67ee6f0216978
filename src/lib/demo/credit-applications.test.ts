import { describe, expect, it } from 'vitest';
import { applicationList, boardColumns, BOARD_STATUSES, type ApplicationRecord, type StepRecord } from '$lib/domain/credit/applications';
import { CREDIT_STEP_KINDS } from '$lib/domain/credit/records';
import { demoMutations } from './load';

const AT = Date.UTC(2026, 10, 28, 1, 30);
const TODAY = '2026-11-28';

/** The demo's credit records as the write path would store them: every record created at `AT`. */
function demoCredit(seed = 1) {
  const rows = (table: string) =>
    demoMutations({ seed, customers: 300, today: TODAY, at: AT })
      .filter((m) => m.type === 'insert' && m.table === table)
      .map(
        (m) =>
          ({ ...(m as { record: Record<string, unknown> }).record, deleted: 0 as const, createdAt: AT, createdBy: 'me' }) as Record<string, unknown>
      );
  return {
    applications: rows('creditApplications') as unknown as ApplicationRecord[],
    steps: rows('creditSteps') as unknown as StepRecord[],
    evaluations: rows('creditEvaluations') as { id: string; recommendedLimit?: number }[],
    agreements: rows('creditAgreements') as { applicationId?: string; customerId: string }[]
  };
}

describe('the demo credit applications', () => {
  const demo = demoCredit();
  const views = applicationList(demo.applications, demo.steps, TODAY);

  it('fills every column of the board, twice', () => {
    expect(BOARD_STATUSES.length).toBe(7);
    for (const { status, items } of boardColumns(views)) expect([status, items.length]).toEqual([status, 2]);
  });

  it('takes every kind of step but a revert', () => {
    const kinds = new Set(demo.steps.map((s) => s.kind));
    for (const kind of CREDIT_STEP_KINDS) if (kind !== 'revert') expect(kinds, kind).toContain(kind);
  });

  it('replays every application without a problem through the workflow', () => {
    for (const v of views) {
      expect(v.replay.refused, v.id).toEqual([]);
      expect(v.replay.effective.length, v.id).toBe(v.steps.length);
    }
  });

  it('dates every step after its application was created, in order', () => {
    for (const v of views) {
      const times = v.steps.map((s) => s.at);
      expect(times[0]).toBe(AT);
      for (let k = 1; k < times.length; k++) expect(times[k], `${v.id} step ${k}`).toBeGreaterThan(times[k - 1]);
    }
  });

  it('gives every signed application its agreement and every evaluation its record', () => {
    for (const v of views) {
      const agreements = demo.agreements.filter((a) => a.applicationId === v.id);
      if (v.status !== 'in-agreement') {
        expect(agreements).toEqual([]);
        continue;
      }
      const signed = v.state!.agreement!;
      expect(agreements).toMatchObject([
        { customerId: v.customerId, limit: signed.limit, termDays: signed.termDays, startDate: signed.startDate, endDate: signed.endDate }
      ]);
    }
    const evaluated = views.flatMap((v) => (v.state?.evaluation ? [v.state.evaluation] : []));
    expect(evaluated.length).toBeGreaterThan(0);
    for (const e of evaluated) {
      const record = demo.evaluations.find((r) => r.id === e.evaluationId);
      expect(record).toMatchObject({ recommendedLimit: e.recommendedLimit });
    }
  });

  it('applies from companies without an agreement from the credit book', () => {
    const bookCustomers = new Set(demo.agreements.filter((a) => !a.applicationId).map((a) => a.customerId));
    expect(bookCustomers.size).toBeGreaterThan(0);
    for (const a of demo.applications) expect(bookCustomers.has(a.customerId)).toBe(false);
  });

  it('is the same for the same seed, and none without the moment of the load', () => {
    expect(demoCredit(1)).toEqual(demo);
    expect(demoMutations({ seed: 1, customers: 300, today: TODAY }).some((m) => m.table === 'creditApplications')).toBe(false);
  });
});
