import { describe, expect, it } from 'vitest';
import type { Fen } from '$lib/domain/money';
import { checkCreditSettings, DEFAULT_CREDIT_SETTINGS, type CreditSettings } from '$lib/domain/credit/settings';
import {
  applyStep,
  replayApplication,
  startApplication,
  type ApplicationState,
  type CreditStep,
  type CreditStepBody,
  type StepResult
} from '$lib/domain/credit/workflow';
import { settingsProblemText, settingsProblemWhat, workflowProblemMessage, workflowProblemText } from './credit-text';

const CJK = /[\u4e00-\u9fff]/;
let clock = 1_000;
const step = (body: CreditStepBody, by = 's'): CreditStep => ({ ...body, by, at: (clock += 1000) });
const apply = (urgent: 'project-sale' | null = null) =>
  step({ kind: 'apply', customerId: 'c', amount: 100_000 as Fen, termDays: 30, purpose: 'x', urgent });

const ok = (r: StepResult): ApplicationState => {
  if (!r.ok) throw new Error(r.problem);
  return r.state;
};

/** Every problem the workflow engine can produce, produced by the engine itself. */
function engineProblems(): string[] {
  const out: string[] = [];
  const bad = (r: { ok: boolean; problem?: string }) => {
    if (!r.ok && r.problem) out.push(r.problem);
  };
  bad(startApplication(step({ kind: 'accept' })));
  bad(startApplication({ ...apply(), by: '' }));
  bad(startApplication({ ...apply(), customerId: ' ' } as CreditStep));
  bad(startApplication({ ...apply(), amount: 0 as Fen } as CreditStep));
  bad(startApplication({ ...apply(), termDays: 0 } as CreditStep));
  const applied = ok(startApplication(apply()));
  const urgent = ok(startApplication(apply('project-sale')));
  bad(applyStep(applied, apply()));
  bad(applyStep(applied, step({ kind: 'fast-track', evaluationDue: '2026-01-01' })));
  bad(applyStep(urgent, step({ kind: 'fast-track', evaluationDue: '' })));
  bad(applyStep(applied, step({ kind: 'reject', reason: ' ' })));
  bad(applyStep(applied, step({ kind: 'approve', limit: 1 as Fen, termDays: 1 })));
  const accepted = ok(applyStep(applied, step({ kind: 'accept' })));
  bad(applyStep(accepted, step({ kind: 'evaluate', evaluationId: 'e', recommendedLimit: -1 as Fen, creditGrade: null })));
  const evaluated = ok(applyStep(accepted, step({ kind: 'evaluate', evaluationId: 'e', recommendedLimit: 100 as Fen, creditGrade: null })));
  bad(applyStep(evaluated, step({ kind: 'approve', limit: 0 as Fen, termDays: 1 })));
  bad(applyStep(evaluated, step({ kind: 'approve', limit: 200 as Fen, termDays: 1 })));
  bad(applyStep(evaluated, step({ kind: 'approve', limit: 100 as Fen, termDays: 0 })));
  const approved = ok(applyStep(evaluated, step({ kind: 'approve', limit: 100 as Fen, termDays: 30 })));
  bad(applyStep(approved, step({ kind: 'sign', limit: 100 as Fen, termDays: 30, startDate: '2026-02-01', endDate: '2026-01-01' })));
  bad(applyStep(approved, step({ kind: 'sign', limit: 200 as Fen, termDays: 30, startDate: '2026-01-01', endDate: '2026-02-01' })));
  bad(applyStep(approved, step({ kind: 'sign', limit: 100 as Fen, termDays: 31, startDate: '2026-01-01', endDate: '2026-02-01' })));
  // (applyStep refuses a revert as "applied by replayApplication": a caller's mistake the screens
  // never make — they revert through replayApplication — so it falls to the generic sentence)
  for (const r of replayApplication([apply(), step({ kind: 'revert', reason: 'x' })]).refused) out.push(r.problem);
  for (const r of replayApplication([apply(), step({ kind: 'accept' }), step({ kind: 'revert', reason: '' })]).refused) out.push(r.problem);
  return [...new Set(out)];
}

describe('workflow problems are never shown raw', () => {
  const problems = engineProblems();
  it('the engine produced the problems this test is about', () => {
    expect(problems.length).toBeGreaterThanOrEqual(18);
  });
  it.each(problems)('%s', (problem) => {
    expect(workflowProblemMessage(problem, 'zh-CN').key).not.toBe('credit.problem.other');
    const zh = workflowProblemText(problem, 'zh-CN');
    expect(zh).toMatch(CJK);
    expect(zh).not.toContain(problem);
    expect(workflowProblemText(problem, 'en')).not.toMatch(CJK);
  });
  it('names the step and the status in the wrong-state sentence', () => {
    expect(workflowProblemText('approve is not possible when under-evaluation', 'zh-CN')).toBe('状态为"评估中"时不能审批');
  });
  it('something unknown gets a generic sentence, not the English', () => {
    expect(workflowProblemText('cosmic rays', 'zh-CN')).toBe('这一步与当前流程不符');
  });
});

describe('settings problems are never shown raw', () => {
  const broken: Partial<CreditSettings>[] = [
    { daysPerYear: 0 },
    { ratios: { ...DEFAULT_CREDIT_SETTINGS.ratios, currentRatio: { benchmark: NaN, better: 'higher' } } },
    { evaluationBands: [] },
    {
      evaluationBands: [
        { upTo: null, percent: 5, risk: 'low' },
        { upTo: 1, percent: 200.001, risk: 'low' }
      ]
    },
    {
      evaluationBands: [
        { upTo: 2, percent: 10, risk: 'low' },
        { upTo: 1, percent: 5, risk: 'low' },
        { upTo: null, percent: 5, risk: 'low' }
      ]
    },
    {
      evaluationBands: [
        { upTo: Infinity, percent: 10, risk: 'low' },
        { upTo: null, percent: 10, risk: 'low' }
      ]
    },
    { aspectMax: 0 },
    { factors: [] },
    { factors: [{ ...DEFAULT_CREDIT_SETTINGS.factors[0], weight: -1 }, DEFAULT_CREDIT_SETTINGS.factors[0]] },
    { factors: [{ ...DEFAULT_CREDIT_SETTINGS.factors[0], weight: 100, aspects: [] }] },
    { gradeBands: DEFAULT_CREDIT_SETTINGS.gradeBands.slice(0, 5) },
    { gradeBands: [...DEFAULT_CREDIT_SETTINGS.gradeBands].reverse() },
    { gradeFactors: { 1: 100, 2: 90, 3: 95, 4: 50, 5: 0, 6: 100.001 } },
    { limitClasses: [] },
    {
      limitClasses: [
        { label: '', from: 5 as Fen },
        { label: 'B', from: 1.5 as Fen }
      ]
    }
  ];
  const problems = broken.flatMap((patch) => checkCreditSettings({ ...DEFAULT_CREDIT_SETTINGS, ...patch }));
  const messages = [...new Set(problems.map((p) => p.message))];
  it('the engine produced the messages this test is about', () => {
    expect(messages.length).toBeGreaterThanOrEqual(20);
  });
  it.each(messages)('%s', (message) => {
    expect(settingsProblemWhat(message, 'zh-CN').key).not.toBe('credit.settingsProblem.other');
    expect(settingsProblemWhat(message, 'zh-CN').text).toMatch(CJK);
  });
  it('says where, then what', () => {
    expect(settingsProblemText({ path: 'gradeFactors.3', message: 'a worse grade must not get a larger share' }, 'zh-CN')).toBe(
      '等级系数 % CA3: 等级越差等级系数不能越大'
    );
    expect(settingsProblemText({ path: 'industries.建材.evaluationBands.2.percent', message: 'cuts must ascend' }, 'en')).toBe(
      '建材 · Working-capital percentage table row 3: cuts must rise row by row'
    );
    expect(settingsProblemText({ path: 'factors', message: 'weights sum to 99.99999999, not 100' }, 'zh-CN')).toBe(
      '特征因素权重与提示: 权重合计为 100，应为 100'
    );
  });
});
