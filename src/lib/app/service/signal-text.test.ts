import { describe, expect, it } from 'vitest';
import { customerFlags, type Flag } from '$lib/domain/service/flags';
import { flagReason, openFlagsText } from './signal-text';

const TODAY = '2026-05-06';
const cycle = (cycleDays?: number) =>
  customerFlags(
    { purchases: ['2026-04-01', '2026-04-07', '2026-04-13', '2026-04-19', '2026-04-25'].map((date) => ({ date, volume: 30_000 })), cycleDays },
    TODAY
  );
const volume = customerFlags(
  {
    purchases: [
      { date: '2026-02-01', volume: 30_000 },
      { date: '2026-03-01', volume: 30_000 },
      { date: '2026-04-01', volume: 30_000 },
      { date: '2026-05-05', volume: 12_000 }
    ]
  },
  TODAY
);
const only = (o: ReturnType<typeof customerFlags>, kind: Flag['kind']): Flag => {
  if (!o.ok) throw new Error('no flags');
  return o.value.find((f) => f.kind === kind)!;
};
const mood: Flag = {
  kind: 'mood',
  raisedOn: '2026-05-02',
  cleared: false,
  followUpId: null,
  on: null,
  detail: {
    flagged: true,
    raisedOn: '2026-05-02',
    reasons: [
      { kind: 'open-complaint', complaintId: 'k1', since: '2026-05-01' },
      { kind: 'low-score', score: 2, on: '2026-05-02', lowScore: 2 }
    ]
  }
};

describe('a churn flag in words', () => {
  it.each([
    ['zh-CN', only(cycle(), 'cycle'), 'amount', '常规周期 6 天，距上次购买已 11 天（宽限 3 天）'],
    ['en', only(cycle(), 'cycle'), 'amount', 'usual cycle 6 days, 11 days since the last purchase (grace 3 days)'],
    ['zh-CN', only(cycle(5), 'cycle'), 'amount', '设定周期 5 天，距上次购买已 11 天（宽限 3 天）'],
    ['en', only(cycle(5), 'cycle'), 'amount', 'cycle set to 5 days, 11 days since the last purchase (grace 3 days)'],
    ['zh-CN', only(volume, 'volume'), 'amount', '近 30 天购买 120.00 元，低于此前 90 天平均每 30 天 300.00 元的 50%'],
    ['en', only(volume, 'volume'), 'amount', 'last 30 days ¥120.00, below 50% of the average ¥300.00 per 30 days over the 90 days before'],
    ['en', only(volume, 'volume'), 'volume', 'last 30 days 12000, below 50% of the average 30000 per 30 days over the 90 days before'],
    ['zh-CN', mood, 'amount', '有未结投诉（2026-05-01 起）、最近满意度评分 2 分（2026-05-02）'],
    ['en', mood, 'amount', 'an open complaint since 2026-05-01, latest survey score 2 (2026-05-02)']
  ] as const)('%s: %s', (locale, flag, measure, expected) => {
    expect(flagReason(locale, flag, measure)).toBe(expected);
  });

  it('a customer’s open flags on one line, cleared ones left out', () => {
    const c = only(cycle(), 'cycle');
    expect(openFlagsText('en', [c, { ...mood, cleared: true }], 'amount')).toBe(
      'Visit cycle: usual cycle 6 days, 11 days since the last purchase (grace 3 days)'
    );
    expect(openFlagsText('zh-CN', [{ ...c, cleared: true }], 'amount')).toBe('');
  });
});
