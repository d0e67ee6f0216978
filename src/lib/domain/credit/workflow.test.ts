import { describe, expect, it } from 'vitest';
import type { Fen } from '../money';
import { isEvaluationLate, replayApplication, type ApplicationStatus, type CreditStep, type CreditStepBody } from './workflow';

const y = (yuan: number) => Math.round(yuan * 100) as Fen;
let clock = 1_760_000_000_000;
const step = (body: CreditStepBody): CreditStep => ({ ...body, by: 's-1', at: (clock += 1000) });

const apply = (urgent: 'project-sale' | null = null) =>
  step({ kind: 'apply', customerId: 'c-1', amount: y(500_000), termDays: 60, purpose: '备货', urgent });
const accept = step({ kind: 'accept' });
const evaluate = step({ kind: 'evaluate', evaluationId: 'e-1', recommendedLimit: y(400_000), creditGrade: '2A2' });
const approve = step({ kind: 'approve', limit: y(400_000), termDays: 60 });
const sign = step({ kind: 'sign', limit: y(400_000), termDays: 60, startDate: '2026-07-01', endDate: '2027-06-30' });

describe('the application workflow (credit.md §1)', () => {
  it.each<[string, CreditStep[], ApplicationStatus, number[]]>([
    ['applied', [apply()], 'applied', []],
    ['the whole path', [apply(), accept, evaluate, approve, sign], 'in-agreement', []],
    ['rejected at initial review', [apply(), step({ kind: 'reject', reason: '资料不全' })], 'rejected', []],
    ['rejected at approval', [apply(), accept, evaluate, step({ kind: 'reject', reason: '行业风险大' })], 'rejected', []],
    ['fast track for an urgent application', [apply('project-sale'), step({ kind: 'fast-track', evaluationDue: '2026-07-10' })], 'fast-tracked', []],
    ['fast track refused when not urgent', [apply(), step({ kind: 'fast-track', evaluationDue: '2026-07-10' })], 'applied', [1]],
    ['rejection needs a reason', [apply(), step({ kind: 'reject', reason: ' ' })], 'applied', [1]],
    ['approval needs an evaluation', [apply(), accept, approve], 'under-evaluation', [2]],
    [
      'above the recommendation without a reason',
      [apply(), accept, evaluate, step({ kind: 'approve', limit: y(450_000), termDays: 60 })],
      'evaluated',
      [3]
    ],
    [
      'above the recommendation with a recorded reason',
      [apply(), accept, evaluate, step({ kind: 'approve', limit: y(450_000), termDays: 60, aboveRecommendationReason: '有房产抵押' })],
      'approved',
      []
    ],
    [
      'an agreement above the approved limit',
      [apply(), accept, evaluate, approve, step({ kind: 'sign', limit: y(500_000), termDays: 60, startDate: '2026-07-01', endDate: '2027-06-30' })],
      'approved',
      [4]
    ],
    [
      'an agreement ending before it starts',
      [apply(), accept, evaluate, approve, step({ kind: 'sign', limit: y(400_000), termDays: 60, startDate: '2026-07-01', endDate: '2026-06-30' })],
      'approved',
      [4]
    ],
    ['revert undoes the latest step', [apply(), accept, evaluate, step({ kind: 'revert', reason: '报表有误，重新评估' })], 'under-evaluation', []],
    [
      'revert twice goes two back',
      [apply(), accept, evaluate, step({ kind: 'revert', reason: 'a' }), step({ kind: 'revert', reason: 'b' })],
      'applied',
      []
    ],
    ['the application itself cannot be reverted', [apply(), step({ kind: 'revert', reason: 'a' })], 'applied', [1]],
    ['a revert needs a reason', [apply(), accept, step({ kind: 'revert', reason: '' })], 'under-evaluation', [2]],
    ['the first step must be apply', [accept, apply()], 'applied', [0]]
  ])('%s', (_name, steps, status, refused) => {
    const r = replayApplication(steps);
    expect(r.state?.status).toBe(status);
    expect(r.refused.map((x) => x.index)).toEqual(refused);
  });

  it('keeps who rejected, when and why for the customer record', () => {
    const reject = step({ kind: 'reject', reason: '资料不全' });
    const r = replayApplication([apply(), reject]);
    expect(r.state?.rejection).toEqual({ ...reject, stage: 'initial-review' });
  });

  it('lists the effective steps without the reverted one', () => {
    const steps = [apply(), accept, evaluate, step({ kind: 'revert', reason: '重评' })];
    expect(replayApplication(steps).effective).toEqual(steps.slice(0, 2));
  });

  it.each<[string, CreditStep[], string, boolean]>([
    ['before the due date', [apply('project-sale'), step({ kind: 'fast-track', evaluationDue: '2026-07-10' })], '2026-07-09', false],
    ['on the due date', [apply('project-sale'), step({ kind: 'fast-track', evaluationDue: '2026-07-10' })], '2026-07-10', false],
    ['after the due date', [apply('project-sale'), step({ kind: 'fast-track', evaluationDue: '2026-07-10' })], '2026-07-11', true],
    ['evaluated since', [apply('project-sale'), step({ kind: 'fast-track', evaluationDue: '2026-07-10' }), evaluate], '2026-08-01', false]
  ])('fast-track evaluation late: %s', (_name, steps, today, late) => {
    const state = replayApplication(steps).state!;
    expect(isEvaluationLate(state, today)).toBe(late);
  });
});
