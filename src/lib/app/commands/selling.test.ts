import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KebuDB } from '$lib/db/schema';
import { WritePath } from '$lib/db/write-path';
import { fen, type Fen } from '$lib/domain/money';
import { DEFAULT_STAGES } from '$lib/domain/selling/forecast';
import { STAGES_SETTING, type PipelineStage } from '$lib/domain/selling/board';
import type { Opportunity } from '$lib/domain/selling/records';
import { customerLinks } from '$lib/app/merge';
import { i18n } from '$lib/i18n/index.svelte';
import { addCustomer } from './customers';
import { addOpportunity, addProduct, commitOpportunityEdits, moveOpportunity, saveStages, type OpportunityDraft } from './selling';

const TODAY = '2026-12-08';
let n = 0;
let db: KebuDB;
let wp: WritePath;
let ws: { writes: WritePath };
let customerId = '';
beforeEach(async () => {
  db = new KebuDB(`selling-${++n}`);
  await db.open();
  wp = new WritePath(db, { id: 'p', name: '王丽', device: 'test' });
  ws = { writes: wp };
  const c = await addCustomer(ws, 'unit', '杭州顺达物流');
  customerId = c.ok ? c.changeSet.ops[0].id : '';
});
afterEach(async () => {
  wp.destroy();
  db.close();
  await db.delete();
  i18n.locale = 'zh-CN';
});

const draft = (extra: Partial<OpportunityDraft> = {}): OpportunityDraft => ({
  name: '仓储系统',
  customerId,
  amount: fen(1_000_000),
  expectedClose: '2027-01-15',
  salesStage: 'proposal',
  ...extra
});
const live = async () => (await db.opportunities.toArray()).filter((o) => !o.deleted);
const idOf = (r: { ok: boolean; changeSet?: { ops: { id: string }[] } }) => (r.ok && r.changeSet ? r.changeSet.ops[0].id : '');

describe('opportunity commands', () => {
  it('adds an opportunity whole: trimmed, competitors split, no probability of its own by default', async () => {
    const r = await addOpportunity(
      ws,
      draft({ name: '  仓储系统  ', competitors: [' 金蝶 ', '', '用友'], howToWin: ' 先做试点 ' }),
      DEFAULT_STAGES,
      TODAY
    );
    expect(r.ok).toBe(true);
    const [o] = await live();
    expect(o).toMatchObject({
      name: '仓储系统',
      customerId,
      amount: 1_000_000,
      salesStage: 'proposal',
      competitors: ['金蝶', '用友'],
      howToWin: '先做试点'
    });
    expect(o.probability).toBeUndefined();
    expect(o.closedOn).toBeUndefined();
  });

  it.each<[string, Partial<OpportunityDraft>, string]>([
    ['a probability of 150', { probability: 150 }, '成交概率须在 0 到 100 之间。'],
    ['a negative probability', { probability: -1 }, '成交概率须在 0 到 100 之间。'],
    ['a probability that is not a number', { probability: Number.NaN }, '成交概率须在 0 到 100 之间。'],
    ['a negative amount', { amount: -100 as Fen }, '金额须是不小于 0 的数，最多两位小数。'],
    ['an amount that is not money', { amount: null }, '金额须是不小于 0 的数，最多两位小数。'],
    ['a blank name', { name: '  ' }, '请填写销售机会的名称。'],
    ['no customer', { customerId: undefined }, '找不到这位客户，可能已被删除。'],
    ['a stage not in the pipeline', { salesStage: 'signed' }, '这个阶段不在销售流程中。'],
    ['a window that starts after the close', { windowStart: '2027-02-01' }, '预计成交窗口的开始不能晚于预计成交日期。'],
    ['lost without a reason', { salesStage: 'lost' }, '标为丢单时请填写丢单原因。']
  ])('refuses %s with a clear message and writes nothing', async (_, extra, message) => {
    const r = await addOpportunity(ws, draft(extra), DEFAULT_STAGES, TODAY);
    expect(r.ok ? '' : r.message).toBe(message);
    expect(await live()).toHaveLength(0);
  });

  it('speaks English too', async () => {
    i18n.locale = 'en';
    const r = await addOpportunity(ws, draft({ probability: 150 }), DEFAULT_STAGES, TODAY);
    expect(r.ok ? '' : r.message).toBe('The probability must be between 0 and 100.');
  });

  it('moves on the board: default probability, the day when won, the reason when lost; one undo each', async () => {
    const id = idOf(await addOpportunity(ws, draft({ probability: 60 }), DEFAULT_STAGES, TODAY));
    const get = async () => (await db.opportunities.get(id))!;
    expect((await moveOpportunity(ws, await get(), 'negotiation', DEFAULT_STAGES, TODAY)).ok).toBe(true);
    expect(await get()).toMatchObject({ salesStage: 'negotiation' });
    expect((await get()).probability).toBeUndefined();

    const refused = await moveOpportunity(ws, await get(), 'lost', DEFAULT_STAGES, TODAY, '  ');
    expect(refused.ok ? '' : refused.message).toBe('标为丢单时请填写丢单原因。');
    expect((await get()).salesStage).toBe('negotiation');

    expect((await moveOpportunity(ws, await get(), 'lost', DEFAULT_STAGES, TODAY, '价格高于对手')).ok).toBe(true);
    expect(await get()).toMatchObject({ salesStage: 'lost', lostReason: '价格高于对手', closedOn: TODAY });

    await wp.undo();
    const back = await get();
    expect(back.salesStage).toBe('negotiation');
    expect(back.lostReason).toBeUndefined();
    expect(back.closedOn).toBeUndefined();
    await wp.undo();
    expect(await get()).toMatchObject({ salesStage: 'proposal', probability: 60 });
  });

  it('a grid commit checks each row as it would be, and a typed stage moves like the board', async () => {
    const id = idOf(await addOpportunity(ws, draft(), DEFAULT_STAGES, TODAY));
    const read = async () => (await db.opportunities.get(id))!;
    const rows = new Map<string, Opportunity>();
    const getter = (x: string) => rows.get(x);
    rows.set(id, await read());
    const commit = (edits: { column: string; value: unknown }[], newRows: Record<string, unknown>[] = []) =>
      commitOpportunityEdits(ws, { edits: edits.map((e) => ({ rowId: id, ...e })), newRows }, getter, DEFAULT_STAGES, TODAY, { salesStage: 'lead' });

    const bad = await commit([{ column: 'probability', value: 150 }]);
    expect(bad.ok ? '' : bad.message).toBe('成交概率须在 0 到 100 之间。');
    const lost = await commit([{ column: 'salesStage', value: 'lost' }]);
    expect(lost.ok ? '' : lost.message).toBe('标为丢单时请填写丢单原因。');
    expect((await read()).salesStage).toBe('proposal');

    expect(
      (
        await commit([
          { column: 'salesStage', value: 'lost' },
          { column: 'lostReason', value: '预算取消' }
        ])
      ).ok
    ).toBe(true);
    expect(await read()).toMatchObject({ salesStage: 'lost', lostReason: '预算取消', closedOn: TODAY });

    rows.set(id, await read());
    expect((await commit([{ column: 'salesStage', value: 'won' }])).ok).toBe(true);
    const won = await read();
    expect(won).toMatchObject({ salesStage: 'won', closedOn: TODAY });
    expect(won.lostReason).toBeUndefined();

    const pasted = await commit([], [{ name: '二期', customerId, amount: 5_000, expectedClose: '2027-03-01' }]);
    expect(pasted.ok).toBe(true);
    expect((await live()).find((o) => o.name === '二期')).toMatchObject({ salesStage: 'lead' });
  });
});

describe('products and the pipeline setting', () => {
  it('adds a product; refuses a blank name or a negative price', async () => {
    expect((await addProduct(ws, { name: ' 螺纹钢 ', spec: 'HRB400 Φ12', unit: '吨', listPrice: fen(398_000) })).ok).toBe(true);
    expect(await db.products.toArray()).toMatchObject([{ name: '螺纹钢', spec: 'HRB400 Φ12', unit: '吨', listPrice: 398_000 }]);
    const blank = await addProduct(ws, { name: ' ', listPrice: null });
    expect(blank.ok ? '' : blank.message).toBe('请填写产品名称。');
    const negative = await addProduct(ws, { name: '水泥', listPrice: -1 as Fen });
    expect(negative.ok ? '' : negative.message).toBe('标价不能为负数。');
    expect(await db.products.count()).toBe(1);
  });

  it('saves the pipeline checked whole; a stage in use cannot leave it', async () => {
    const stages: PipelineStage[] = DEFAULT_STAGES.map((s) => ({ ...s }));
    stages[0] = { ...stages[0], defaultProbabilityPercent: 15, name: ' 初步接触 ' };
    expect((await saveStages(ws, stages, new Map(), false)).ok).toBe(true);
    const saved = () => (db.settings.get(STAGES_SETTING) as Promise<{ value: { stages: PipelineStage[] } }>).then((r) => r.value.stages);
    expect((await saved())[0]).toEqual({ id: 'lead', outcome: 'open', name: '初步接触', defaultProbabilityPercent: 15 });

    const bad = await saveStages(ws, [{ ...stages[0], defaultProbabilityPercent: 150 }, ...stages.slice(1)], new Map(), true);
    expect(bad.ok ? '' : bad.message).toBe('每个阶段的默认概率须在 0 到 100 之间。');
    const inUse = await saveStages(ws, stages.slice(1), new Map([['lead', '初步接触']]), true);
    expect(inUse.ok ? '' : inUse.message).toBe('还有销售机会处于「初步接触」阶段，不能删除它。');
    expect(await saved()).toHaveLength(6);
    expect((await saved())[0].defaultProbabilityPercent).toBe(15);
  });

  it('a customer merge re-points opportunities (their customer link is in the field specs)', () => {
    expect(customerLinks().some((l) => l.table === 'opportunities' && l.field === 'customerId')).toBe(true);
  });
});
