import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KebuDB } from '$lib/db/schema';
import { WritePath } from '$lib/db/write-path';
import { i18n } from '$lib/i18n/index.svelte';
import { recordTaskDone } from '$lib/domain/receivables/today';
import type { FollowUp } from '$lib/domain/records/types';
import { recordTaskOutcome } from '../commands/receivables';
import { callTarget, plannedFollowUps } from './worklist';

const c = (name: string, o: { mobile?: string; phone?: string; primary?: boolean; deleted?: 0 | 1 } = {}) => ({ name, ...o });

describe('callTarget', () => {
  it.each([
    [
      'the primary contact with a mobile',
      { phone: '0571-1' },
      [c('李四', { mobile: '139 0000 1111' }), c('张三', { mobile: '138-0000-0000', primary: true })],
      { person: '张三', phone: '138-0000-0000', href: 'tel:13800000000' }
    ],
    [
      'a contact without a number is passed over',
      {},
      [c('张三', { primary: true }), c('李四', { phone: '+86 571 8888' })],
      { person: '李四', phone: '+86 571 8888', href: 'tel:+865718888' }
    ],
    [
      'a deleted contact is passed over',
      { mobile: '13900000000' },
      [c('张三', { mobile: '1', primary: true, deleted: 1 })],
      { person: null, phone: '13900000000', href: 'tel:13900000000' }
    ],
    ["else the customer's own phone", { phone: '0571-88886666' }, [], { person: null, phone: '0571-88886666', href: 'tel:057188886666' }],
    ['no number at all', {}, [c('张三')], null],
    ['a number without digits is no number', { phone: '无' }, [], null],
    ['no customer record', undefined, [], null]
  ] as const)('%s', (_name, customer, contacts, expected) => {
    expect(callTarget(customer, contacts)).toEqual(expected);
  });
});

const fu = (id: string, customerId: string, at: string, o: Partial<FollowUp> = {}) =>
  ({ id, customerId, at, channel: 'phone', done: true, deleted: 0, ...o }) as FollowUp;

describe('plannedFollowUps', () => {
  it.each([
    ['a next step on its day', [fu('a', 'c1', '2026-04-01T10:00', { nextDate: '2026-04-10' })], [['a', 'next-step', '2026-04-10']]],
    ['a next step not yet due', [fu('a', 'c1', '2026-04-01T10:00', { nextDate: '2026-04-11' })], []],
    ['a next step still open days later', [fu('a', 'c1', '2026-04-01T10:00', { nextDate: '2026-04-08' })], [['a', 'next-step', '2026-04-08']]],
    ['taken up by a later contact', [fu('a', 'c1', '2026-04-01T10:00', { nextDate: '2026-04-08' }), fu('b', 'c1', '2026-04-09T09:00')], []],
    [
      "another customer's contact takes nothing up",
      [fu('a', 'c1', '2026-04-01T10:00', { nextDate: '2026-04-08' }), fu('b', 'c2', '2026-04-09T09:00')],
      [['a', 'next-step', '2026-04-08']]
    ],
    ['a planned contact on its day', [fu('p', 'c1', '2026-04-10T15:00', { done: false })], [['p', 'planned', '2026-04-10']]],
    ['a planned contact ahead', [fu('p', 'c1', '2026-04-12T15:00', { done: false })], []],
    ['a deleted one', [fu('a', 'c1', '2026-04-01T10:00', { nextDate: '2026-04-10', deleted: 1 })], []],
    [
      'newest day first',
      [fu('a', 'c1', '2026-04-01T10:00', { nextDate: '2026-04-08' }), fu('b', 'c2', '2026-04-02T10:00', { nextDate: '2026-04-10' })],
      [
        ['b', 'next-step', '2026-04-10'],
        ['a', 'next-step', '2026-04-08']
      ]
    ]
  ] as const)('%s', (_name, rows, expected) => {
    expect(plannedFollowUps(rows as readonly FollowUp[], '2026-04-10').map((p) => [p.followUp.id, p.kind, p.on])).toEqual(expected);
  });
});

describe('recordTaskOutcome', () => {
  let n = 0;
  let db: KebuDB;
  let wp: WritePath;
  beforeEach(async () => {
    db = new KebuDB(`worklist-${++n}`);
    await db.open();
    wp = new WritePath(db, { id: 'p', name: '王丽', device: 'test' });
  });
  afterEach(async () => {
    wp.destroy();
    db.close();
    await db.delete();
    i18n.locale = 'zh-CN';
  });
  const task = { key: 's1:overdue-notice', kind: 'overdue-notice' as const, saleId: 's1', customerId: 'c1' };
  const log = { at: '2026-04-10T09:30', channel: 'sms' as const, purpose: '逾期通知', outcome: '承诺付款' };

  it('writes the done record and the follow-up log entry in one write; one undo takes both back', async () => {
    const r = await recordTaskOutcome({ writes: wp }, 's1', recordTaskDone(task, 'payment-promised', 'stf-1', '2026-04-10'), log);
    expect(r.ok).toBe(true);
    expect(await db.ladderTasksDone.count()).toBe(1);
    const [f] = await db.followUps.toArray();
    expect(f).toMatchObject({ customerId: 'c1', at: log.at, channel: 'sms', staffId: 'stf-1', outcome: '承诺付款', done: true });
    await wp.undo();
    expect((await db.followUps.toArray()).filter((x) => !x.deleted)).toEqual([]);
    expect((await db.ladderTasksDone.toArray()).filter((x) => !x.deleted)).toEqual([]);
  });

  it.each([
    ['zh-CN', '请先选择经办人，再记录结果'],
    ['en', 'Choose who did it before recording an outcome']
  ] as const)('refuses without who did it (%s), writing nothing', async (locale, message) => {
    i18n.locale = locale;
    const r = await recordTaskOutcome({ writes: wp }, 's1', recordTaskDone(task, 'payment-promised', '', '2026-04-10'), log);
    expect(r).toMatchObject({ ok: false, message });
    expect(await db.followUps.count()).toBe(0);
    expect(await db.ladderTasksDone.count()).toBe(0);
  });
});
