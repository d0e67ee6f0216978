import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KebuDB } from '$lib/db/schema';
import { WritePath } from '$lib/db/write-path';
import { applicationView, type ApplicationView } from '$lib/domain/credit/applications';
import { DEFAULT_STORED_CREDIT_SETTINGS, CREDIT_SETTINGS_ID } from '$lib/domain/credit/settings-store';
import type { Fen } from '$lib/domain/money';
import { i18n } from '$lib/i18n/index.svelte';
import {
  applicationDraft,
  applyForCredit,
  evaluateApplication,
  saveCreditSettings,
  stepTime,
  takeCreditStep,
  type ApplicationInput,
  type StepInput
} from './credit';

let n = 0;
let db: KebuDB;
let wp: WritePath;

beforeEach(async () => {
  i18n.locale = 'zh-CN';
  db = new KebuDB(`credit-cmd-${++n}`);
  await db.open();
  wp = new WritePath(db, { id: 'p-1', name: '王丽', device: 'laptop' });
});
afterEach(async () => {
  wp.destroy();
  db.close();
  await db.delete();
});

const good: ApplicationInput = { customerId: 'c-1', amount: 50_000_000 as Fen, termDays: 60, purpose: ' 备货 ', urgent: '', appliedBy: 's-1' };

/** The application's view as the screens build it, from the database. */
async function view(id: string): Promise<ApplicationView> {
  const app = (await db.creditApplications.get(id))!;
  return applicationView(app, await db.creditSteps.toArray(), '2026-03-10');
}
async function applied(input: Partial<ApplicationInput> = {}): Promise<string> {
  const r = await applyForCredit(wp, { ...good, ...input });
  if (!r.ok) throw new Error(r.message);
  return r.id!;
}
const step = async (id: string, kind: StepInput['kind'], body: object = {}, extra: Partial<StepInput> = {}) =>
  takeCreditStep(wp, {
    view: await view(id),
    kind,
    body: body as StepInput['body'],
    by: 's-1',
    at: null,
    agreements: await db.creditAgreements.toArray(),
    ...extra
  });

describe('applicationDraft: the form refused in its own words', () => {
  it.each([
    ['no customer', { customerId: undefined }, '请选择客户'],
    ['no amount', { amount: null }, '请输入大于 0 的金额（元），最多两位小数'],
    ['a zero amount', { amount: 0 as Fen }, '请输入大于 0 的金额（元），最多两位小数'],
    ['a term of 0', { termDays: 0 }, '账期必须是大于 0 的整数天数'],
    ['a term that is not a number', { termDays: NaN }, '账期必须是大于 0 的整数天数'],
    ['a blank purpose', { purpose: '  ' }, '请填写用途']
  ])('%s', async (_, patch, expected) => {
    const r = await applyForCredit(wp, { ...good, ...patch });
    expect(r).toMatchObject({ ok: false, message: expected });
    expect(await db.creditApplications.count()).toBe(0);
    expect(await db.changes.count()).toBe(0);
  });

  it('trims the purpose and leaves out what was not given', () => {
    expect(applicationDraft({ ...good, urgent: '', appliedBy: '' })).toEqual({
      customerId: 'c-1',
      amount: 50_000_000,
      termDays: 60,
      purpose: '备货'
    });
  });
});

describe('credit commands: one write each, checked before anything is written', () => {
  it('applies, accepts, and refuses a step the workflow does not allow without writing', async () => {
    const id = await applied();
    expect(await db.creditApplications.get(id)).toMatchObject({ customerId: 'c-1', purpose: '备货', appliedBy: 's-1' });
    expect((await step(id, 'accept')).ok).toBe(true);
    const before = await db.changes.count();
    const r = await step(id, 'approve', { limit: 1000, termDays: 30 });
    expect(r).toMatchObject({ ok: false, message: '状态为"评估中"时不能审批' });
    const again = await step(id, 'accept');
    expect(again.ok).toBe(false);
    expect(await db.changes.count()).toBe(before);
    expect(await db.creditSteps.count()).toBe(1);
  });

  it('refuses a step without who, or dated before the application existed', async () => {
    const id = await applied();
    expect(await step(id, 'accept', {}, { by: '' })).toMatchObject({ ok: false, message: '请选择经办人' });
    const createdAt = (await db.creditApplications.get(id))!.createdAt;
    expect(await step(id, 'accept', {}, { at: createdAt - 60_000 })).toMatchObject({ ok: false, message: '时间不能早于提出申请的时间' });
    expect(await db.creditSteps.count()).toBe(0);
  });

  it('evaluates, approves and signs: the evaluation with its step, the agreement with its step; a revert withdraws it', async () => {
    const id = await applied();
    await step(id, 'accept');
    const r = await evaluateApplication(wp, {
      view: await view(id),
      record: {
        statements: { periods: [] },
        aspects: [],
        settings: {},
        settingsVersion: 0,
        evaluatedOn: '2026-03-10',
        recommendedLimit: 40_000_000 as Fen
      },
      recommendation: { limit: 40_000_000 as Fen, creditGrade: '2A2' },
      by: 's-1'
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.changeSet.ops.map((o) => o.table)).toEqual(['creditEvaluations', 'creditSteps']);
    const [evaluation] = await db.creditEvaluations.toArray();
    expect(evaluation).toMatchObject({ applicationId: id, customerId: 'c-1', evaluatedBy: 's-1' });
    expect((await db.creditSteps.toArray()).find((s) => s.kind === 'evaluate')?.body).toMatchObject({ evaluationId: evaluation.id });

    expect((await step(id, 'approve', { limit: 40_000_000, termDays: 60 })).ok).toBe(true);
    const signed = await step(
      id,
      'sign',
      { limit: 40_000_000, termDays: 60, startDate: '2026-03-10', endDate: '2027-03-09' },
      { agreementNo: ' XY-1 ' }
    );
    expect(signed.ok && signed.changeSet.ops.map((o) => o.table)).toEqual(['creditSteps', 'creditAgreements']);
    expect(await db.creditAgreements.toArray()).toMatchObject([{ applicationId: id, agreementNo: 'XY-1', limit: 40_000_000, signedBy: 's-1' }]);
    expect((await view(id)).status).toBe('in-agreement');

    const reverted = await step(id, 'revert', { reason: '条款重谈' });
    expect(reverted.ok).toBe(true);
    expect((await db.creditAgreements.toArray()).filter((a) => !a.deleted)).toHaveLength(0);
    expect((await view(id)).status).toBe('approved');
    // undo takes the revert back whole: the agreement is in effect again
    await wp.undo();
    expect((await db.creditAgreements.toArray()).filter((a) => !a.deleted)).toHaveLength(1);
  });

  it('saves the settings: inserts the first version, updates the next', async () => {
    const v1 = { version: 1, settings: DEFAULT_STORED_CREDIT_SETTINGS.settings };
    expect((await saveCreditSettings(wp, v1, false)).ok).toBe(true);
    expect((await saveCreditSettings(wp, { ...v1, version: 2 }, true)).ok).toBe(true);
    expect((await db.settings.get(CREDIT_SETTINGS_ID))?.value).toMatchObject({ version: 2 });
    expect(await db.changes.count()).toBe(2);
  });
});

describe('stepTime', () => {
  const v = { steps: [{ kind: 'apply', at: 5000 }] } as unknown as Pick<ApplicationView, 'steps'>;
  it.each([
    ['blank: now, when saved', null, 9000, 9000],
    ['blank with the clock moved before the application: the application time', null, 1000, 5000],
    ['a time given is kept', 7000, 9000, 7000],
    ['the application time itself is allowed', 5000, 9000, 5000]
  ])('%s', (_, at, now, expected) => expect(stepTime(v, at, now)).toBe(expected));
  it('a time before the application is refused', () => expect(() => stepTime(v, 4999, 9000)).toThrow('credit.problem.before-apply'));
});
