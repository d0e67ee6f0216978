import { describe, expect, it } from 'vitest';
import { boardOf, checkPipeline, probabilityOf, readStages, stageBeside, stageMove, weightedFen, type PipelineStage } from './board';
import { DEFAULT_STAGES } from './forecast';

const opp = (id: string, amount: number, salesStage: string, probability?: number) => ({ id, amount, salesStage, probability });

describe('weightedFen: amount × probability, half up to the fen', () => {
  it.each([
    [100_000, 10, 10_000],
    [333, 50, 167], // 166.5 → 167
    [1, 50, 1], // 0.5 → 1
    [1, 49, 0],
    [999, 33.3, 333], // 332.667 → 333
    [12_345, 0, 0],
    [12_345, 100, 12_345],
    [12_345, 150, 0], // not a probability: counts nothing, never more than the amount
    [12_345, -5, 0],
    [12_345, Number.NaN, 0],
    [-100, 50, 0],
    [1.5, 50, 0]
  ])('%i fen at %d %% → %i fen', (amount, p, expected) => {
    expect(weightedFen(amount, p)).toBe(expected);
  });
});

describe('probabilityOf: its own, else its stage default', () => {
  it.each([
    [undefined, 'lead', 10],
    [undefined, 'qualified', 25],
    [undefined, 'proposal', 50],
    [undefined, 'negotiation', 75],
    [undefined, 'won', 100],
    [undefined, 'lost', 0],
    [60, 'lead', 60],
    [0, 'negotiation', 0],
    [150, 'proposal', 50], // a stored value out of range falls back to the default
    [undefined, 'gone', 0]
  ])('own %s at %s → %d %%', (own, stage, expected) => {
    expect(probabilityOf({ probability: own, salesStage: stage }, DEFAULT_STAGES)).toBe(expected);
  });
});

describe('boardOf: columns in pipeline order with totals and weighted totals', () => {
  const cases: {
    name: string;
    opps: ReturnType<typeof opp>[];
    columns: [string | null, number, number, number][];
    open: [number, number];
  }[] = [
    {
      name: 'empty board: every stage, zeros',
      opps: [],
      columns: DEFAULT_STAGES.map((s) => [s.id, 0, 0, 0]),
      open: [0, 0]
    },
    {
      name: 'defaults and own probabilities, each rounded before summing',
      opps: [opp('a', 100_000, 'lead'), opp('b', 333, 'proposal'), opp('c', 333, 'proposal'), opp('d', 200_00, 'negotiation', 60)],
      columns: [
        ['lead', 1, 100_000, 10_000],
        ['qualified', 0, 0, 0],
        ['proposal', 2, 666, 334], // 166.5 + 166.5 rounded each → 167 + 167
        ['negotiation', 1, 20_000, 12_000],
        ['won', 0, 0, 0],
        ['lost', 0, 0, 0]
      ],
      open: [120_666, 22_334]
    },
    {
      name: 'won counts at 100 %, lost at 0 %, neither in the open totals',
      opps: [opp('w', 50_000, 'won'), opp('l', 70_000, 'lost'), opp('q', 10_000, 'qualified')],
      columns: [
        ['lead', 0, 0, 0],
        ['qualified', 1, 10_000, 2_500],
        ['proposal', 0, 0, 0],
        ['negotiation', 0, 0, 0],
        ['won', 1, 50_000, 50_000],
        ['lost', 1, 70_000, 0]
      ],
      open: [10_000, 2_500]
    },
    {
      name: 'a stage no longer in the pipeline: a last column, not lost',
      opps: [opp('x', 9_900, 'old-stage'), opp('y', 100, 'lead')],
      columns: [
        ['lead', 1, 100, 10],
        ['qualified', 0, 0, 0],
        ['proposal', 0, 0, 0],
        ['negotiation', 0, 0, 0],
        ['won', 0, 0, 0],
        ['lost', 0, 0, 0],
        [null, 1, 9_900, 0]
      ],
      open: [100, 10]
    }
  ];
  it.each(cases)('$name', ({ opps, columns, open }) => {
    const board = boardOf(opps, DEFAULT_STAGES);
    expect(board.columns.map((c) => [c.stage?.id ?? null, c.items.length, c.amountFen, c.weightedFen])).toEqual(columns);
    expect([board.openAmountFen, board.openWeightedFen]).toEqual(open);
  });

  it('a custom pipeline: its own defaults and order', () => {
    const stages: PipelineStage[] = [
      { id: 'visit', name: '拜访', outcome: 'open', defaultProbabilityPercent: 5 },
      { id: 'lead', outcome: 'open', defaultProbabilityPercent: 40 },
      { id: 'won', outcome: 'won', defaultProbabilityPercent: 100 },
      { id: 'lost', outcome: 'lost', defaultProbabilityPercent: 0 }
    ];
    const board = boardOf([opp('a', 1_000, 'lead'), opp('b', 1_000, 'visit')], stages);
    expect(board.columns.map((c) => [c.stage?.id, c.weightedFen])).toEqual([
      ['visit', 50],
      ['lead', 400],
      ['won', 0],
      ['lost', 0]
    ]);
  });
});

describe('the pipeline setting', () => {
  const base = (): PipelineStage[] => DEFAULT_STAGES.map((s) => ({ ...s }));
  it.each<[string, (s: PipelineStage[]) => unknown, string[]]>([
    ['the default', (s) => s, []],
    ['a probability of 150', (s) => (s[1].defaultProbabilityPercent = 150), ['bad-stage']],
    ['two stages with one id', (s) => (s[1].id = 'lead'), ['bad-stage']],
    ['no open stage', (s) => s.splice(0, 4), ['no-open']],
    ['no lost stage', (s) => s.pop(), ['one-lost']],
    ['two won stages', (s) => s.push({ id: 'won2', outcome: 'won', defaultProbabilityPercent: 100 }), ['one-won']],
    ['a blank name', (s) => (s[0].name = '  '), ['blank-name']],
    [
      'two stages with one name',
      (s) => {
        s[0].name = '初步';
        s[1].name = '初步';
      },
      ['same-name']
    ]
  ])('%s → %j', (_, change, problems) => {
    const stages = base();
    change(stages);
    expect(checkPipeline(stages)).toEqual(problems);
  });

  it.each([
    ['never set', undefined, DEFAULT_STAGES],
    ['not an object', 'lead', DEFAULT_STAGES],
    ['a damaged list', { stages: [null, 3] }, DEFAULT_STAGES],
    ['an invalid list', { stages: [{ id: 'lead', outcome: 'open', defaultProbabilityPercent: 101 }] }, DEFAULT_STAGES]
  ])('reads %s as the default pipeline', (_, value, expected) => {
    expect(readStages(value)).toBe(expected);
  });

  it('reads a valid list as it is', () => {
    const stages = base();
    stages[0].defaultProbabilityPercent = 15;
    expect(readStages({ stages })).toEqual(stages);
  });
});

describe('moving between stages', () => {
  it.each<[string, string, string, string | undefined, unknown]>([
    ['lead', 'qualified', '2026-12-08', undefined, { salesStage: 'qualified', probability: undefined, closedOn: undefined, lostReason: undefined }],
    ['negotiation', 'won', '2026-12-08', undefined, { salesStage: 'won', probability: undefined, closedOn: '2026-12-08', lostReason: undefined }],
    ['proposal', 'lost', '2026-12-08', ' 价格太高 ', { salesStage: 'lost', probability: undefined, closedOn: '2026-12-08', lostReason: '价格太高' }],
    ['lost', 'lead', '2026-12-08', undefined, { salesStage: 'lead', probability: undefined, closedOn: undefined, lostReason: undefined }]
  ])('%s → %s writes the stage, the day and the reason', (from, to, today, reason, patch) => {
    expect(stageMove(DEFAULT_STAGES, from, to, today, reason)).toEqual({ ok: true, patch });
  });

  it.each([
    ['proposal', 'lost', undefined, 'lost-needs-reason'],
    ['proposal', 'lost', '   ', 'lost-needs-reason'],
    ['proposal', 'nowhere', undefined, 'unknown-stage'],
    ['proposal', 'proposal', undefined, 'same-stage']
  ])('%s → %s (reason %j) is refused: %s', (from, to, reason, problem) => {
    expect(stageMove(DEFAULT_STAGES, from, to, '2026-12-08', reason)).toEqual({ ok: false, problem });
  });

  it.each([
    ['lead', -1, null],
    ['lead', 1, 'qualified'],
    ['negotiation', 1, 'won'],
    ['lost', 1, null],
    ['gone', 1, null]
  ])('beside %s by %i: %s', (id, delta, expected) => {
    expect(stageBeside(DEFAULT_STAGES, id, delta)?.id ?? null).toBe(expected);
  });
});
