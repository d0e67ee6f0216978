import { describe, expect, it } from 'vitest';
import type { Fen } from '../money';
import { addDays } from '../dates';
import { applicationList, boardColumns, nextActions, type ApplicationRecord, type StepRecord } from './applications';

const app = (id: string, urgent?: 'project-sale', createdAt = 1000): ApplicationRecord => ({
  id,
  customerId: 'c-1',
  amount: 50_000_000 as Fen,
  termDays: 60,
  purpose: '备货',
  createdAt,
  createdBy: 'p-1',
  ...(urgent ? { urgent } : {})
});
let n = 0;
const step = (applicationId: string, kind: StepRecord['kind'], at: number, body: object = {}): StepRecord => ({
  id: `s-${String(++n).padStart(3, '0')}`,
  applicationId,
  kind,
  at,
  by: 'staff-1',
  body: body as StepRecord['body']
});

describe('applicationList: the state is replayed from the records, never stored', () => {
  it('replays steps in the order they were recorded, whatever order they arrive in', () => {
    const steps = [step('a', 'evaluate', 3000, { evaluationId: 'e', recommendedLimit: 40_000_000, creditGrade: '2A2' }), step('a', 'accept', 2000)];
    const [v] = applicationList([app('a')], steps, '2026-01-01');
    expect(v.status).toBe('evaluated');
    expect(v.replay.refused).toEqual([]);
    expect(v.lastAt).toBe(3000);
  });

  it('a step back-dated before the previous one still follows it (recorded order wins)', () => {
    const steps = [
      { ...step('a', 'accept', 2000), createdAt: 2000 },
      { ...step('a', 'evaluate', 3000, { evaluationId: 'e', recommendedLimit: 40_000_000, creditGrade: '2A2' }), createdAt: 3000 },
      // entered after the evaluation, with a stated time a minute earlier
      { ...step('a', 'approve', 2500, { limit: 40_000_000, termDays: 60 }), createdAt: 4000 }
    ];
    const [v] = applicationList([app('a')], steps, '2026-01-01');
    expect(v.replay.refused).toEqual([]);
    expect(v.status).toBe('approved');
    expect(v.steps.map((s) => s.kind)).toEqual(['apply', 'accept', 'evaluate', 'approve']);
  });

  it('marks a fast-tracked application late only after its due day', () => {
    const steps = [step('u', 'fast-track', 2000, { evaluationDue: '2026-03-01' })];
    expect(applicationList([app('u', 'project-sale')], steps, '2026-03-01')[0]).toMatchObject({
      status: 'fast-tracked',
      evaluationDue: '2026-03-01',
      late: false
    });
    expect(applicationList([app('u', 'project-sale')], steps, '2026-03-02')[0].late).toBe(true);
  });

  it('a revert undoes the latest step in effect; deleted records and other applications do not count', () => {
    const steps = [
      step('a', 'accept', 2000),
      step('a', 'revert', 2500, { reason: '点错了' }),
      { ...step('a', 'reject', 2600, { reason: 'x' }), deleted: 1 as const },
      step('b', 'reject', 2700, { reason: '资料不全' })
    ];
    const list = applicationList([app('a'), app('b', undefined, 900), { ...app('c'), deleted: 1 }], steps, '2026-01-01');
    expect(list.map((v) => [v.id, v.status])).toEqual([
      ['b', 'rejected'],
      ['a', 'applied']
    ]);
  });

  it('a step that does not fit is refused and listed, not applied', () => {
    const [v] = applicationList([app('a')], [step('a', 'fast-track', 2000, { evaluationDue: '2026-03-01' })], '2026-01-01');
    expect(v.status).toBe('applied');
    expect(v.replay.refused).toEqual([{ index: 1, problem: 'only urgent applications take the fast track' }]);
  });
});

describe('nextActions', () => {
  const view = (a: ApplicationRecord, steps: StepRecord[]) => applicationList([a], steps, '2026-01-01')[0];
  it.each<[string, ApplicationRecord, StepRecord[], string[]]>([
    ['applied', app('a'), [], ['accept', 'reject']],
    ['applied, urgent', app('a', 'project-sale'), [], ['accept', 'fast-track', 'reject']],
    ['under evaluation', app('a'), [step('a', 'accept', 2000)], ['evaluate', 'revert']],
    [
      'evaluated',
      app('a'),
      [step('a', 'accept', 2000), step('a', 'evaluate', 3000, { evaluationId: 'e', recommendedLimit: 1, creditGrade: null })],
      ['approve', 'reject', 'revert']
    ],
    ['rejected', app('a'), [step('a', 'reject', 2000, { reason: 'x' })], ['revert']]
  ])('%s', (_name, a, steps, actions) => {
    expect(nextActions(view(a, steps))).toEqual(actions);
  });
});

describe('board and dates', () => {
  it('groups by status in board order', () => {
    const cols = boardColumns(applicationList([app('a'), app('b')], [step('b', 'accept', 2000)], '2026-01-01'));
    expect(cols.map((c) => [c.status, c.items.map((i) => i.id)])).toEqual([
      ['applied', ['a']],
      ['fast-tracked', []],
      ['under-evaluation', ['b']],
      ['evaluated', []],
      ['approved', []],
      ['in-agreement', []],
      ['rejected', []]
    ]);
  });
  it('adds calendar days across month and year ends', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2026-12-31', 365)).toBe('2027-12-31');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});
