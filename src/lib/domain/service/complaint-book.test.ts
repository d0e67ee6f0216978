import { describe, expect, it } from 'vitest';
import { complaintView, dueComplaints, openComplaintCustomerIds, pausesOf, type ComplaintRow, type EventRow } from './complaint-book';
import { noteProblem, stepProblem, pauseProblem } from './complaint-rules';
import { DEFAULT_COMPLAINT_SETTINGS, type ComplaintSettings } from './complaint-settings';

/** What the app adds beyond the engine: records → views, with the 2026 calendar a workspace starts with. */
const UNITS = [
  { id: 'co', kind: 'company' as const },
  { id: 'north', kind: 'area' as const, parentId: 'co' },
  { id: 's1', kind: 'site' as const, parentId: 'north' }
];
const ctx = (today: string, settings: ComplaintSettings = DEFAULT_COMPLAINT_SETTINGS) => ({ settings, units: UNITS, today });
const complaint = (receivedAt: string, extra: Partial<ComplaintRow> = {}): ComplaintRow => ({
  id: 'k1',
  customerId: 'c1',
  receivedAt,
  orgUnitId: 's1',
  ...extra
});
let seq = 0;
const ev = (kind: EventRow['kind'], at: string, extra: Partial<EventRow> = {}): EventRow => ({
  id: `e${++seq}`,
  complaintId: 'k1',
  kind,
  at,
  ...extra
});
const step = (s: NonNullable<EventRow['step']>, at: string) => ev('step', at, { step: s, staffId: 'st' });

describe('working-day deadlines on the editable calendar (2026 defaults)', () => {
  it.each([
    // received, today, verify (1), review (3), revisit (7)
    ['Friday: the weekend does not count', '2026-03-06T16:00', '2026-03-09', '2026-03-11', '2026-03-17'],
    ['before Qingming (4–6 Apr)', '2026-04-02T09:00', '2026-04-03', '2026-04-08', '2026-04-14'],
    ['the make-up Saturdays 14 and 28 Feb count, the Spring Festival does not', '2026-02-13T10:00', '2026-02-14', '2026-02-25', '2026-03-02'],
    ['the make-up Sunday 20 Sep counts', '2026-09-19T10:00', '2026-09-20', '2026-09-22', '2026-09-29'],
    ['received on a holiday: counting starts the next working day', '2026-10-03T10:00', '2026-10-08', '2026-10-10', '2026-10-15']
  ])('%s', (_name, receivedAt, verify, review, revisit) => {
    const v = complaintView(complaint(receivedAt), [], ctx(receivedAt.slice(0, 10)));
    expect(v.problems).toEqual([]);
    const deadline = (s: string) => v.status!.steps.find((x) => x.step === s)!.deadline;
    expect([deadline('verify'), deadline('review'), deadline('revisit')]).toEqual([verify, review, revisit]);
    expect(v.deadline).toBe(verify);
  });

  it('an edited calendar moves the deadline: a day made a holiday no longer counts', () => {
    const settings = { ...DEFAULT_COMPLAINT_SETTINGS, holidays: [...DEFAULT_COMPLAINT_SETTINGS.holidays, { date: '2026-03-03', name: '店庆' }] };
    expect(complaintView(complaint('2026-03-02T10:00'), [], ctx('2026-03-02', settings)).deadline).toBe('2026-03-04');
  });
});

describe('pause and resume', () => {
  it.each([
    ['no pause', [], [], false],
    [
      'paused and resumed',
      [
        ['pause', '2026-03-03T09:00'],
        ['resume', '2026-03-05T09:00']
      ],
      [{ from: '2026-03-03', to: '2026-03-05' }],
      false
    ],
    ['still waiting', [['pause', '2026-03-03T09:00']], [{ from: '2026-03-03', to: null }], true],
    [
      'a second pause while paused counts from the first',
      [
        ['pause', '2026-03-03T09:00'],
        ['pause', '2026-03-04T09:00'],
        ['resume', '2026-03-06T09:00']
      ],
      [{ from: '2026-03-03', to: '2026-03-06' }],
      false
    ],
    ['a resume without a pause is ignored', [['resume', '2026-03-03T09:00']], [], false]
  ] as const)('%s', (_name, events, pauses, paused) => {
    const r = pausesOf(events.map(([k, at]) => ev(k, at)));
    expect(r).toEqual({ pauses, paused });
  });

  it.each([
    // received Monday 2 March; verify within 1 working day
    ['not paused: Tuesday', [], '2026-03-06', '2026-03-03', true, true],
    [
      'waiting Tue–Wed, resumed Thursday: Thursday',
      [
        ['pause', '2026-03-03T09:00'],
        ['resume', '2026-03-05T09:00']
      ],
      '2026-03-05',
      '2026-03-05',
      false,
      true
    ],
    ['still waiting: no deadline, not late, not due', [['pause', '2026-03-02T15:00']], '2026-03-20', null, false, false]
  ] as const)('%s', (_name, events, today, deadline, late, due) => {
    const v = complaintView(
      complaint('2026-03-02T10:00'),
      events.map(([k, at]) => ev(k, at)),
      ctx(today)
    );
    expect(v.deadline).toBe(deadline);
    expect(v.late).toBe(late);
    expect(dueComplaints([v], today).length).toBe(due ? 1 : 0);
  });
});

describe('escalation level by level, kept once recorded', () => {
  const at = (today: string, events: EventRow[] = []) => complaintView(complaint('2026-03-02T10:00'), events, ctx(today));
  const line = (e: { step: string; why: string; on: string; fromUnitId: string; toUnitId: string; kept: boolean }) =>
    `${e.step} ${e.why} ${e.on} ${e.fromUnitId}→${e.toUnitId}${e.kept ? ' kept' : ''}`;

  it.each([
    ['on time: the site', '2026-03-03', [], 's1'],
    ['verify late: the area', '2026-03-04', ['verify late 2026-03-04 s1→north'], 'north'],
    ['still late a period later: the company', '2026-03-05', ['verify late 2026-03-04 s1→north', 'verify still-late 2026-03-05 north→co'], 'co'],
    ['the company is the top', '2026-04-30', ['verify late 2026-03-04 s1→north', 'verify still-late 2026-03-05 north→co'], 'co']
  ])('%s', (_name, today, lines, unit) => {
    const v = at(today);
    expect(v.escalations.map(line)).toEqual(lines);
    expect(v.unitId).toBe(unit);
  });

  it('a stored escalation is kept even when the calendar later says the step was not late', () => {
    const stored = ev('escalation', '2026-03-04', { step: 'verify', why: 'late', deadline: '2026-03-03', fromUnitId: 's1', toUnitId: 'north' });
    const v = at('2026-03-04', [step('verify', '2026-03-04T10:00'), stored]);
    expect(v.escalations.map(line)).toEqual(['verify late 2026-03-04 s1→north kept']);
    const lenient = { ...DEFAULT_COMPLAINT_SETTINGS, levels: { ...DEFAULT_COMPLAINT_SETTINGS.levels, verify: 5 } };
    const later = complaintView(complaint('2026-03-02T10:00'), [step('verify', '2026-03-04T10:00'), stored], ctx('2026-03-04', lenient));
    expect(later.escalations.map(line)).toEqual(['verify late 2026-03-04 s1→north kept']);
  });

  it('without an org unit there is no chain: a problem, never a wrong escalation', () => {
    const v = complaintView(complaint('2026-03-02T10:00', { orgUnitId: undefined }), [], ctx('2026-03-10'));
    expect(v.status).toBeNull();
    expect(v.problems.map((p) => p.kind)).toEqual(['unknown-unit']);
    expect(v.escalations).toEqual([]);
  });
});

describe('steps in order', () => {
  it('the current step is the first not done; the first event of a step counts', () => {
    const v = complaintView(
      complaint('2026-03-02T10:00'),
      [step('verify', '2026-03-02T11:00'), step('verify', '2026-03-02T12:00'), step('review', '2026-03-03T09:00')],
      ctx('2026-03-03')
    );
    expect(v.current).toBe('rectify');
    expect(v.done.verify?.at).toBe('2026-03-02T11:00');
  });

  const base = complaintView(complaint('2026-03-02T10:00'), [step('verify', '2026-03-02T11:00')], ctx('2026-03-03'));
  const paused = complaintView(complaint('2026-03-02T10:00'), [ev('pause', '2026-03-02T12:00')], ctx('2026-03-03'));
  it.each([
    ['the next step', base, 'review', '2026-03-03T09:00', null],
    ['a step ahead', base, 'rectify', '2026-03-03T09:00', 'not-current-step'],
    ['a step already done', base, 'verify', '2026-03-03T09:00', 'not-current-step'],
    ['before the previous step', base, 'review', '2026-03-02T10:30', 'before-previous'],
    ['after today', base, 'review', '2026-03-04T09:00', 'after-today'],
    ['not a time', base, 'review', '3 March', 'bad-time'],
    ['while paused', paused, 'verify', '2026-03-03T09:00', 'paused']
  ] as const)('%s', (_name, view, s, when, problem) => {
    expect(stepProblem(view, s, when, '2026-03-03')).toBe(problem);
  });

  it.each([
    ['pause an open complaint', base, 'pause', null],
    ['resume when not paused', base, 'resume', 'not-paused'],
    ['pause twice', paused, 'pause', 'paused'],
    ['resume a paused one', paused, 'resume', null]
  ] as const)('%s', (_name, view, kind, problem) => {
    expect(pauseProblem(view, kind, '2026-03-03T09:00', '2026-03-03')).toBe(problem);
  });
});

describe('notes', () => {
  const archived = complaintView(
    complaint('2026-03-02T10:00'),
    (['verify', 'review', 'rectify', 'revisit', 'archive'] as const).map((s, i) => step(s, `2026-03-0${2 + i}T11:00`)),
    ctx('2026-03-09')
  );
  it.each([
    ['on an archived complaint', '2026-03-09T09:00', null],
    ['before the receipt', '2026-03-02T09:00', 'before-previous'],
    ['after today', '2026-03-10T09:00', 'after-today'],
    ['not a time', '', 'bad-time']
  ] as const)('%s', (_name, when, problem) => {
    expect(archived.current).toBeNull();
    expect(noteProblem(archived, when, '2026-03-09')).toBe(problem);
  });

  it('a note does not hold back the next step', () => {
    const v = complaintView(complaint('2026-03-02T10:00'), [ev('note', '2026-03-02T16:00', { notes: '客户来电' })], ctx('2026-03-02'));
    expect(stepProblem(v, 'verify', '2026-03-02T12:00', '2026-03-02')).toBeNull();
  });
});

describe('openComplaintCustomerIds (for the mood signal)', () => {
  const rows: ComplaintRow[] = [
    { id: 'a', customerId: 'open', receivedAt: '2026-03-02T10:00' },
    { id: 'b', customerId: 'archived', receivedAt: '2026-03-02T10:00' },
    { id: 'c', customerId: 'archived-later', receivedAt: '2026-03-02T10:00' },
    { id: 'd', customerId: 'future', receivedAt: '2026-03-20T10:00' },
    { id: 'e', customerId: 'deleted', receivedAt: '2026-03-02T10:00', deleted: 1 },
    { id: 'f', customerId: 'bad-date', receivedAt: 'yesterday' }
  ];
  const events: EventRow[] = [
    { id: 'x1', complaintId: 'b', kind: 'step', step: 'archive', at: '2026-03-05T10:00' },
    { id: 'x2', complaintId: 'c', kind: 'step', step: 'archive', at: '2026-03-12T10:00' },
    { id: 'x3', complaintId: 'a', kind: 'step', step: 'archive', at: '2026-03-05T10:00', deleted: 1 }
  ];
  it.each([
    ['2026-03-01', []],
    ['2026-03-02', ['archived', 'archived-later', 'open']],
    ['2026-03-10', ['archived-later', 'open']],
    ['2026-03-20', ['future', 'open']]
  ])('on %s', (today, ids) => {
    expect([...openComplaintCustomerIds(rows, events, today)].sort()).toEqual(ids);
  });
});
