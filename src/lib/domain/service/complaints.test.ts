import { describe, expect, it } from 'vitest';
import { complaintStatus, unitChain, type ComplaintInput } from './complaints';

const UNITS = [
  { id: 'co', kind: 'company' as const },
  { id: 'north', kind: 'area' as const, parentId: 'co' },
  { id: 's1', kind: 'site' as const, parentId: 'north' }
];
const chain = unitChain(UNITS, 's1');
if (!chain.ok) throw new Error('chain');
const cal = { weekend: [6, 7] };
// received Monday 2026-03-02: verify by Tue 03-03, review and rectify by Thu 03-05, revisit by Wed 03-11
const complaint = (done: ComplaintInput['done'], pauses: ComplaintInput['pauses'] = []): ComplaintInput => ({
  id: 'k1',
  receivedAt: '2026-03-02T10:00',
  done,
  pauses,
  chain: chain.value
});

describe('escalation, level by level', () => {
  it.each([
    ['on time', {}, '2026-03-03', [], 's1'],
    ['verify late: the area', {}, '2026-03-04', ['verify late 2026-03-04 s1→north'], 'north'],
    [
      'verify still late a period later: the company',
      {},
      '2026-03-05',
      ['verify late 2026-03-04 s1→north', 'verify still-late 2026-03-05 north→co'],
      'co'
    ],
    ['the company is the top', {}, '2026-03-20', ['verify late 2026-03-04 s1→north', 'verify still-late 2026-03-05 north→co'], 'co'],
    [
      'verified late, then review late',
      { verify: '2026-03-04' },
      '2026-03-06',
      ['verify late 2026-03-04 s1→north', 'review late 2026-03-06 north→co'],
      'co'
    ],
    [
      'all on time',
      { verify: '2026-03-03', review: '2026-03-04', rectify: '2026-03-05', revisit: '2026-03-10', archive: '2026-03-30' },
      '2026-04-01',
      [],
      's1'
    ]
  ] as const)('%s', (_n, done, today, escalations, unit) => {
    const r = complaintStatus(complaint(done), cal, today);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.value.escalations.map((e) => `${e.step} ${e.why} ${e.on} ${e.from.id}→${e.to.id}`)).toEqual(escalations);
    expect(r.value.unit.id).toBe(unit);
  });

  it('reports each step with its deadline, lateness and time taken', () => {
    const r = complaintStatus(complaint({ verify: '2026-03-04', review: '2026-03-05' }), cal, '2026-03-06');
    if (!r.ok) throw new Error('refused');
    expect(r.value.current).toBe('rectify');
    expect(r.value.steps.slice(0, 3)).toEqual([
      { step: 'verify', workingDays: 1, deadline: '2026-03-03', doneOn: '2026-03-04', late: true, workingDaysLate: 1, workingDaysTaken: 2 },
      { step: 'review', workingDays: 3, deadline: '2026-03-05', doneOn: '2026-03-05', late: false, workingDaysLate: 0, workingDaysTaken: 3 },
      { step: 'rectify', workingDays: 3, deadline: '2026-03-05', doneOn: null, late: true, workingDaysLate: 1, workingDaysTaken: null }
    ]);
    expect(r.value.steps[4]).toMatchObject({ step: 'archive', deadline: null, late: false });
  });

  it('waiting on the customer moves every deadline', () => {
    const r = complaintStatus(complaint({}, [{ from: '2026-03-03', to: '2026-03-05' }]), cal, '2026-03-05');
    if (!r.ok) throw new Error('refused');
    expect(r.value.steps[0].deadline).toBe('2026-03-05');
    expect(r.value.escalations).toEqual([]);
  });

  it.each([
    ['a step done before the one ahead', { review: '2026-03-03' }, 'step-out-of-order'],
    ['a step done before receipt', { verify: '2026-03-01' }, 'step-out-of-order'],
    ['a step done in 2999', { verify: '2999-03-03' }, 'future-date']
  ] as const)('refuses %s', (_n, done, kind) => {
    const r = complaintStatus(complaint(done), cal, '2026-03-06');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0].kind).toBe(kind);
  });

  it('the chain of units: unknown units and loops are problems', () => {
    expect(chain.value.map((u) => u.kind)).toEqual(['site', 'area', 'company']);
    expect(unitChain(UNITS, 'nowhere')).toMatchObject({ ok: false, problems: [{ kind: 'unknown-unit' }] });
    expect(
      unitChain(
        [
          { id: 'a', kind: 'area', parentId: 'b' },
          { id: 'b', kind: 'area', parentId: 'a' }
        ],
        'a'
      )
    ).toMatchObject({
      ok: false,
      problems: [{ kind: 'unit-cycle' }]
    });
  });
});
