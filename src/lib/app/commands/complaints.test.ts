import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KebuDB } from '$lib/db/schema';
import { WritePath } from '$lib/db/write-path';
import {
  COMPLAINT_SETTINGS_ID,
  complaintView,
  DEFAULT_COMPLAINT_SETTINGS,
  eventsByComplaint,
  readComplaintSettings,
  type ComplaintView
} from '$lib/domain/service';
import { i18n } from '$lib/i18n/index.svelte';
import { customerLinks } from '$lib/app/merge';
import { addComplaintNote, completeStep, pauseOrResume, receiveComplaint, saveComplaintSettings, type ComplaintDraft } from './complaints';

let n = 0;
let db: KebuDB;
let wp: WritePath;

beforeEach(async () => {
  i18n.locale = 'zh-CN';
  db = new KebuDB(`complaint-cmd-${++n}`);
  await db.open();
  wp = new WritePath(db, { id: 'p-1', name: '王丽', device: 'laptop' });
  await wp.write('units', [
    { type: 'insert', table: 'orgUnits', record: { id: 'co', name: '公司', kind: 'company' } },
    { type: 'insert', table: 'orgUnits', record: { id: 'north', name: '北区', kind: 'area', parentId: 'co' } },
    { type: 'insert', table: 'orgUnits', record: { id: 's1', name: '一站', kind: 'site', parentId: 'north' } },
    { type: 'insert', table: 'customers', record: { id: 'c1', kind: 'unit', name: '顺达物流', orgUnitId: 's1' } },
    { type: 'insert', table: 'staff', record: { id: 'st', name: '张三', active: true } }
  ]);
});
afterEach(async () => {
  wp.destroy();
  db.close();
  await db.delete();
});

/** what a command is given of the open workspace */
const target = () => ({ writes: wp });
const draft: ComplaintDraft = {
  customerId: 'c1',
  orgUnitId: 's1',
  channel: 'hotline',
  receivedAt: '2026-03-02T10:00',
  summary: ' 加油卡充值未到账 '
};

/** The complaint as the screens see it on `today`, read from the database. */
async function view(id: string, today: string): Promise<ComplaintView> {
  const events = eventsByComplaint(await db.complaintEvents.toArray()).get(id) ?? [];
  const ctx = { settings: DEFAULT_COMPLAINT_SETTINGS, units: await db.orgUnits.toArray(), today };
  return complaintView(
    (await db.complaints.get(id))!,
    events.filter((e) => !e.deleted),
    ctx
  );
}
async function received(): Promise<string> {
  const r = await receiveComplaint(target(), draft, '2026-03-02');
  if (!r.ok) throw new Error(r.message);
  return r.id!;
}
const liveEvents = async () => (await db.complaintEvents.toArray()).filter((e) => !e.deleted);

describe('receiveComplaint', () => {
  it.each([
    ['no unit', { orgUnitId: '' }, '请选择处理单位（站点）'],
    ['no channel', { channel: '' as const }, '请选择投诉渠道'],
    ['a blank summary', { summary: '  ' }, '请填写投诉内容'],
    ['a time after today', { receivedAt: '2026-03-03T09:00' }, '时间不能晚于今天'],
    ['no time', { receivedAt: '2026-03-02' }, '请填写完整的日期和时间']
  ])('refuses %s, writing nothing', async (_name, change, message) => {
    const r = await receiveComplaint(target(), { ...draft, ...change }, '2026-03-02');
    expect(r.ok ? '' : r.message).toBe(message);
    expect(await db.complaints.count()).toBe(0);
  });

  it('records the complaint trimmed, with its id', async () => {
    const id = await received();
    expect(await db.complaints.get(id)).toMatchObject({ customerId: 'c1', orgUnitId: 's1', channel: 'hotline', summary: '加油卡充值未到账' });
  });
});

describe('completeStep', () => {
  it('runs the five steps in order and refuses one out of order, writing nothing', async () => {
    const id = await received();
    const wrong = await completeStep(target(), await view(id, '2026-03-02'), 'review', { at: '2026-03-02T11:00', staffId: 'st' }, '2026-03-02');
    expect(wrong.ok ? '' : wrong.message).toBe('投诉只能按顺序移到下一个环节');
    const noOne = await completeStep(target(), await view(id, '2026-03-02'), 'verify', { at: '2026-03-02T11:00' }, '2026-03-02');
    expect(noOne.ok ? '' : noOne.message).toBe('请先选择经办人');
    expect(await liveEvents()).toEqual([]);
    for (const [step, at] of [
      ['verify', '2026-03-02T11:00'],
      ['review', '2026-03-02T12:00'],
      ['rectify', '2026-03-02T13:00'],
      ['revisit', '2026-03-02T14:00'],
      ['archive', '2026-03-02T15:00']
    ] as const) {
      const r = await completeStep(target(), await view(id, '2026-03-02'), step, { at, staffId: 'st', notes: ' 已处理 ' }, '2026-03-02');
      expect(r.ok).toBe(true);
    }
    const v = await view(id, '2026-03-02');
    expect(v.current).toBeNull();
    expect(v.done.archive).toMatchObject({ staffId: 'st', notes: '已处理' });
  });

  it('a late step stores its escalation in the same write; one undo takes back both', async () => {
    const id = await received();
    await completeStep(target(), await view(id, '2026-03-02'), 'verify', { at: '2026-03-02T11:00', staffId: 'st' }, '2026-03-02');
    await completeStep(target(), await view(id, '2026-03-02'), 'review', { at: '2026-03-02T12:00', staffId: 'st' }, '2026-03-02');
    await completeStep(target(), await view(id, '2026-03-02'), 'rectify', { at: '2026-03-02T13:00', staffId: 'st' }, '2026-03-02');
    // revisit within 7 working days: Wednesday 11 March; done Friday 13 March
    const late = await view(id, '2026-03-13');
    expect(late.escalations.map((e) => [e.step, e.why, e.fromUnitId, e.toUnitId, e.kept])).toEqual([['revisit', 'late', 's1', 'north', false]]);
    const r = await completeStep(target(), late, 'revisit', { at: '2026-03-13T09:00', staffId: 'st' }, '2026-03-13');
    expect(r.ok).toBe(true);
    const after = await view(id, '2026-03-13');
    expect(after.escalations.map((e) => [e.step, e.on, e.toUnitId, e.kept])).toEqual([['revisit', '2026-03-12', 'north', true]]);
    expect(after.unitId).toBe('north');
    await wp.undo();
    const kinds = (await liveEvents()).map((e) => `${e.kind}:${e.step}`);
    expect(kinds).toEqual(['step:verify', 'step:review', 'step:rectify']);
  });
});

describe('pause and resume', () => {
  it('holds the clock while waiting on the customer; a step waits for the resume', async () => {
    const id = await received();
    expect((await pauseOrResume(target(), await view(id, '2026-03-03'), 'pause', { at: '2026-03-03T09:00' }, '2026-03-03')).ok).toBe(true);
    const paused = await view(id, '2026-03-05');
    expect([paused.paused, paused.deadline, paused.late]).toEqual([true, null, false]);
    const step = await completeStep(target(), paused, 'verify', { at: '2026-03-05T09:00', staffId: 'st' }, '2026-03-05');
    expect(step.ok ? '' : step.message).toBe('正在等待客户，请先恢复计时');
    const twice = await pauseOrResume(target(), paused, 'pause', { at: '2026-03-05T09:00' }, '2026-03-05');
    expect(twice.ok ? '' : twice.message).toBe('正在等待客户，请先恢复计时');
    expect((await pauseOrResume(target(), paused, 'resume', { at: '2026-03-05T09:00' }, '2026-03-05')).ok).toBe(true);
    // Tue 3 and Wed 4 did not count: verify (1 working day) is due on Thursday 5 March
    const resumed = await view(id, '2026-03-05');
    expect([resumed.paused, resumed.deadline, resumed.late]).toEqual([false, '2026-03-05', false]);
  });
});

describe('saveComplaintSettings', () => {
  it('refuses invalid settings and saves valid ones whole', async () => {
    const bad = { ...DEFAULT_COMPLAINT_SETTINGS, levels: { ...DEFAULT_COMPLAINT_SETTINGS.levels, verify: -1 } };
    const r = await saveComplaintSettings(target(), bad, false);
    expect(r.ok ? '' : r.message).toBe('设置中有无效的值，未保存。');
    expect(await db.settings.get(COMPLAINT_SETTINGS_ID)).toBeUndefined();
    const mine = { ...DEFAULT_COMPLAINT_SETTINGS, weekend: [7], holidays: [{ date: '2026-03-03', name: '店庆' }], workdays: [] };
    expect((await saveComplaintSettings(target(), mine, false)).ok).toBe(true);
    expect(readComplaintSettings((await db.settings.get(COMPLAINT_SETTINGS_ID))!.value)).toEqual({ settings: mine, fallback: false });
    expect((await saveComplaintSettings(target(), DEFAULT_COMPLAINT_SETTINGS, true)).ok).toBe(true);
    expect(readComplaintSettings((await db.settings.get(COMPLAINT_SETTINGS_ID))!.value).settings.holidays).toHaveLength(
      DEFAULT_COMPLAINT_SETTINGS.holidays.length
    );
  });
});

describe('complaints ride on the shared machinery', () => {
  it('a merge of customers re-points complaints (their customer link is read from the field specs)', () => {
    expect(customerLinks()).toContainEqual({ table: 'complaints', field: 'customerId' });
  });

  it('the write path checks complaint fields like any other: an unknown channel refuses the whole write', async () => {
    const id = await received();
    await expect(wp.write('bad', [{ type: 'update', table: 'complaints', id, patch: { channel: 'pigeon' } }])).rejects.toThrow();
    expect((await db.complaints.get(id))!.channel).toBe('hotline');
  });
});

describe('addComplaintNote', () => {
  it('needs a note; adds it at any step, archived or not', async () => {
    const id = await received();
    const blank = await addComplaintNote(target(), await view(id, '2026-03-02'), { at: '2026-03-02T12:00', notes: ' ' }, '2026-03-02');
    expect(blank.ok ? '' : blank.message).toBe('请先填写说明');
    expect((await addComplaintNote(target(), await view(id, '2026-03-02'), { at: '2026-03-02T12:00', notes: ' 客户来电 ' }, '2026-03-02')).ok).toBe(
      true
    );
    expect((await liveEvents()).map((e) => [e.kind, e.notes])).toEqual([['note', '客户来电']]);
  });
});
