import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KebuDB } from '$lib/db/schema';
import { WritePath } from '$lib/db/write-path';
import { applicationView, type ApplicationView } from '$lib/domain/credit/applications';
import type { Fen } from '$lib/domain/money';
import { i18n } from '$lib/i18n/index.svelte';
import { applyForCredit, evaluateApplication } from '../commands/credit';
import { StepFormManager } from './step-form.svelte';

let n = 0;
let db: KebuDB;
let wp: WritePath;
let id: string;

beforeEach(async () => {
  i18n.locale = 'zh-CN';
  db = new KebuDB(`step-form-${++n}`);
  await db.open();
  wp = new WritePath(db, { id: 'p-1', name: '王丽', device: 'laptop' });
  const r = await applyForCredit(wp, { customerId: 'c-1', amount: 50_000_000 as Fen, termDays: 60, purpose: '备货' });
  if (!r.ok) throw new Error(r.message);
  id = r.id!;
});
afterEach(async () => {
  wp.destroy();
  db.close();
  await db.delete();
});

async function view(): Promise<ApplicationView> {
  return applicationView((await db.creditApplications.get(id))!, await db.creditSteps.toArray(), '2026-03-10');
}
const agreements = () => db.creditAgreements.toArray();

/** accept and evaluate with a recommendation of 400 000 元 */
async function evaluated() {
  expect(await new StepFormManager(await view(), 'accept', '2026-03-10', 's-1').save(wp, [])).toBe(true);
  const r = await evaluateApplication(wp, {
    view: await view(),
    record: { statements: { periods: [] }, aspects: [], settings: {}, settingsVersion: 0, evaluatedOn: '2026-03-10' },
    recommendation: { limit: 40_000_000 as Fen, creditGrade: '3A2' },
    by: 's-1'
  });
  expect(r.ok).toBe(true);
}

describe('StepFormManager', () => {
  it('starts from today and the application: due in 30 days, an agreement for a year, the time blank', async () => {
    const m = new StepFormManager(await view(), 'fast-track', '2026-03-10', 's-1');
    expect([m.evaluationDue, m.startDate, m.endDate, m.at, m.by, m.termDays]).toEqual(['2026-04-09', '2026-03-10', '2027-03-09', '', 's-1', '60']);
    expect(new StepFormManager(await view(), 'sign', '2028-02-29', '').endDate).toBe('2029-02-27');
  });

  it('refuses a step the workflow does not allow, in words, and writes nothing', async () => {
    const m = new StepFormManager(await view(), 'fast-track', '2026-03-10', 's-1');
    expect(await m.save(wp, [])).toBe(false);
    expect(m.error).toBe('只有紧急申请（团购、项目销售、政府采购）可以走绿色通道');
    expect(await db.creditSteps.count()).toBe(0);
    const nobody = new StepFormManager(await view(), 'accept', '2026-03-10', '');
    expect(await nobody.save(wp, [])).toBe(false);
    expect(nobody.error).toBe('请选择经办人');
  });

  it('approves at the recommendation by default; above it needs a reason', async () => {
    await evaluated();
    const m = new StepFormManager(await view(), 'approve', '2026-03-10', 's-1');
    expect(m.limit).toBe('400000.00');
    m.limit = '450000';
    expect(m.aboveRecommendation).toBe(true);
    expect(await m.save(wp, [])).toBe(false);
    expect(m.error).toBe('审批额度高于建议额度时，必须记录理由');
    m.limit = '四十万';
    expect(await m.save(wp, [])).toBe(false);
    expect(m.error).toBe('请输入大于 0 的金额（元），最多两位小数');
    m.limit = '450000';
    m.aboveReason = '老客户，担保充足';
    expect(await m.save(wp, [])).toBe(true);
    expect(m.error).toBe('');
    expect((await view()).state?.approval).toMatchObject({ limit: 45_000_000, aboveRecommendationReason: '老客户，担保充足' });
  });

  it('signs at the approval: the step and the agreement in one write; the time typed is kept', async () => {
    await evaluated();
    expect(await new StepFormManager(await view(), 'approve', '2026-03-10', 's-1').save(wp, [])).toBe(true);
    const m = new StepFormManager(await view(), 'sign', '2026-03-10', 's-1');
    expect(m.limit).toBe('400000.00');
    const when = new Date(2027, 0, 2, 9, 30).getTime();
    m.at = '2027-01-02T09:30';
    m.agreementNo = 'XY-9';
    const before = await db.changes.count();
    expect(await m.save(wp, await agreements())).toBe(true);
    expect(await db.changes.count()).toBe(before + 1);
    expect(await agreements()).toMatchObject([{ agreementNo: 'XY-9', startDate: '2026-03-10', endDate: '2027-03-09', signedOn: '2027-01-02' }]);
    expect((await view()).state?.agreement?.at).toBe(when);
  });
});
