import { describe, expect, it } from 'vitest';
import { projectReport, stallOf, type ProjectInput, type StageTemplate } from './projects';

describe('stall detection', () => {
  it.each<[string, string, number, string, number, boolean, number]>([
    ['planned − 1 day', '2026-03-01', 10, '2026-03-10', 9, false, 0],
    ['on the planned day', '2026-03-01', 10, '2026-03-11', 10, false, 0],
    ['planned + 1 day', '2026-03-01', 10, '2026-03-12', 11, true, 1],
    ['across a month end in a leap year', '2028-02-25', 5, '2028-03-02', 6, true, 1],
    ['started today', '2026-03-01', 0, '2026-03-01', 0, false, 0],
    ['a start in the future counts negative days, not stalled', '2026-03-05', 3, '2026-03-01', -4, false, 0]
  ])('%s', (_n, stageStart, plannedDays, today, days, stalled, overdue) => {
    const r = stallOf({ stageStart, plannedDays, today });
    expect(r.ok && [r.value.daysInStage, r.value.stalled, r.value.overdueDays]).toEqual([days, stalled, overdue]);
  });

  it.each<[string, Parameters<typeof stallOf>[0], string]>([
    ['a negative planned duration', { stageStart: '2026-03-01', plannedDays: -1, today: '2026-03-02' }, 'not-a-count'],
    ['a fractional planned duration', { stageStart: '2026-03-01', plannedDays: 1.5, today: '2026-03-02' }, 'not-a-count'],
    ['a malformed start', { stageStart: '2026-13-01', plannedDays: 1, today: '2026-03-02' }, 'not-a-date']
  ])('refuses %s', (_n, input, code) => {
    const r = stallOf(input);
    expect(r.ok ? [] : r.problems.map((p) => p.code)).toEqual([code]);
  });
});

describe('project stage tracking', () => {
  const template: StageTemplate[] = [
    { id: 'application', name: '申请', plannedDays: 5 },
    { id: 'design', name: '设计审查', plannedDays: 10 },
    { id: 'construction', name: '施工', plannedDays: 20 }
  ];
  const projects: ProjectInput[] = [
    {
      id: 'p1',
      stages: [
        { stageId: 'application', start: '2026-01-01', end: '2026-01-06' },
        { stageId: 'design', start: '2026-01-06', end: '2026-01-20' },
        { stageId: 'construction', start: '2026-01-20', end: '2026-02-08' }
      ]
    },
    {
      id: 'p2',
      stages: [
        { stageId: 'application', start: '2026-02-01', end: '2026-02-04' },
        { stageId: 'design', start: '2026-02-04', end: '2026-02-12' },
        { stageId: 'construction', start: '2026-02-12', end: '2026-03-05' }
      ]
    },
    {
      id: 'p3',
      stages: [
        { stageId: 'application', start: '2026-03-01', end: '2026-03-04' },
        { stageId: 'design', start: '2026-03-04' }
      ]
    }
  ];

  it('reports the current stage, stalls, lead times and the stages that cost the most time', () => {
    const r = projectReport(template, projects, '2026-03-15');
    if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('; '));
    const v = r.value;
    expect(v.projects.map((p) => [p.id, p.currentStageId, p.complete, p.leadTimeDays, p.stalledStageIds])).toEqual([
      ['p1', null, true, 38, ['design']],
      ['p2', null, true, 32, ['construction']],
      ['p3', 'design', false, 14, ['design']]
    ]);
    expect(v.averageLeadTimeDays).toBe(35);
    expect(v.stagesByTimeSpent.map((s) => [s.stageId, s.totalDays, s.overPlanDays, s.projects])).toEqual([
      ['construction', 40, 1, 2],
      ['design', 33, 5, 3],
      ['application', 11, 0, 3]
    ]);
  });

  it('has no average lead time while nothing is complete', () => {
    const r = projectReport(template, [projects[2]], '2026-03-05');
    expect(r.ok && [r.value.averageLeadTimeDays, r.value.projects[0].stalledStageIds]).toEqual([null, []]);
  });

  it.each<[string, ProjectInput[], string]>([
    ['a stage not in the template', [{ id: 'x', stages: [{ stageId: 'paint', start: '2026-01-01' }] }], 'unknown-template-stage'],
    ['an end before the start', [{ id: 'x', stages: [{ stageId: 'design', start: '2026-01-05', end: '2026-01-01' }] }], 'range-reversed'],
    [
      'a project id twice',
      [
        { id: 'x', stages: [] },
        { id: 'x', stages: [] }
      ],
      'duplicate-id'
    ]
  ])('refuses %s', (_n, list, code) => {
    const r = projectReport(template, list, '2026-03-01');
    expect(r.ok ? [] : r.problems.map((p) => p.code)).toEqual([code]);
  });
});
