/**
 * The demo's credit applications (credit.md §1): two at every step of the workflow, so the /credit
 * board has every column filled on day one. Submitted, accepted (under evaluation), fast-tracked,
 * evaluated (one through the fast track), approved, signed (with the agreement the signature
 * writes) and rejected (one at initial review, one at approval).
 *
 * The application record is its own `apply` step, dated when it is written (the write path's
 * `createdAt`), so every later step is dated after `at`, the moment the demo is loaded: a minute
 * apart, in order. Steps are replayed in the order they were recorded (`createdAt`, then id); all
 * are written in one write, so their ids rise in step order. An evaluation is a real one: a
 * statement and a scored sheet evaluated by the domain's own `evaluateCredit`, and the steps after
 * it keep within its recommendation. Same seed → deep-equal output.
 */
import type { ApplicationStatus, CreditStepBody, UrgentKind } from '$lib/domain/credit/workflow';
import type { ApplicationRecord, StepRecord } from '$lib/domain/credit/applications';
import { evaluateCredit } from '$lib/domain/credit/limit';
import type { CreditEvaluationRecord } from '$lib/domain/credit/records';
import { DEFAULT_STORED_CREDIT_SETTINGS } from '$lib/domain/credit/settings-store';
import { forIndustry } from '$lib/domain/credit/settings';
import type { FinancialStatement } from '$lib/domain/credit/statement';
import { addDays, addYears, localIsoOf } from '$lib/domain/dates';
import type { Fen } from '$lib/domain/money';
import type { CreditAgreementRow } from '$lib/domain/receivables/types';
import { rngStream, type Rng } from '$lib/domain/records/rng';
import { hex8, idMaker } from './records-people';
import type { Draft } from './records';

/** The board's columns the demo fills, in the order its applications are made (twice over). */
export const DEMO_APPLICATION_STATUSES: readonly ApplicationStatus[] = [
  'applied',
  'under-evaluation',
  'fast-tracked',
  'evaluated',
  'approved',
  'in-agreement',
  'rejected'
];

export interface DemoCreditInput {
  seed: number;
  /** the app's today, `YYYY-MM-DD` */
  today: string;
  /** the moment the demo is loaded (ms): every step is taken after it */
  at: number;
  /** the customers that apply (companies without a credit agreement yet), with their industry */
  customers: readonly { id: string; industry?: string }[];
  /** who applies and reviews (a sales or credit clerk) and who approves and signs (a manager) */
  clerk: string;
  manager: string;
}

export interface DemoCredit {
  applications: ApplicationRecord[];
  steps: StepRecord[];
  evaluations: Draft<CreditEvaluationRecord>[];
  agreements: CreditAgreementRow[];
}

const MINUTE = 60_000;
const PURPOSES = ['年度经销备货', '新开门店铺货', '工程项目供货', '旺季备货', '政府采购项目'] as const;
const URGENT: readonly UrgentKind[] = ['group-purchase', 'project-sale', 'government-purchase'];
const REJECTIONS = ['资料不全且近两年连续亏损', '评估后资产负债率过高，暂不授信'] as const;

/** A balance sheet and income statement of a small trading company, in fen. */
function statementOf(rng: Rng): FinancialStatement {
  const wan = (lo: number, hi: number): Fen => (rng.int(lo, hi) * 1_000_000) as Fen;
  const inventory = wan(80, 300);
  const currentAssets = (inventory + wan(200, 600)) as Fen;
  const currentLiabilities = wan(150, 450);
  const equity = wan(300, 900);
  const revenue = wan(1500, 6000);
  return {
    currentAssets,
    cash: wan(30, 120),
    inventory,
    prepayments: wan(5, 40),
    currentLiabilities,
    totalLiabilities: (currentLiabilities + wan(0, 200)) as Fen,
    totalAssets: (currentAssets + wan(200, 800)) as Fen,
    equity,
    revenue,
    costOfSales: Math.round(revenue * 0.82) as Fen,
    totalProfit: Math.round(revenue * 0.04) as Fen
  };
}

/** The steps after `apply` that bring an application to `target`; `second`: the other way there. */
function pathTo(target: ApplicationStatus, second: boolean): ('accept' | 'fast-track' | 'evaluate' | 'approve' | 'sign' | 'reject')[] {
  switch (target) {
    case 'applied':
      return [];
    case 'under-evaluation':
      return ['accept'];
    case 'fast-tracked':
      return ['fast-track'];
    case 'evaluated':
      return [second ? 'fast-track' : 'accept', 'evaluate'];
    case 'approved':
      return ['accept', 'evaluate', 'approve'];
    case 'in-agreement':
      return ['accept', 'evaluate', 'approve', 'sign'];
    case 'rejected':
      return second ? ['accept', 'evaluate', 'reject'] : ['reject'];
  }
}

/** The demo's applications with their steps, evaluations and the agreements they signed. */
export function generateCreditApplications(input: DemoCreditInput): DemoCredit {
  const rng = rngStream(input.seed, 21);
  const appId = idMaker('ca-', input.seed, 22);
  const evaluationId = idMaker('ce-', input.seed, 23);
  const agreementId = idMaker('ag-', input.seed, 24);
  const stepPrefix = `cs-${hex8(rng.uint32())}`;
  let stepNo = 0;
  const out: DemoCredit = { applications: [], steps: [], evaluations: [], agreements: [] };
  const count = Math.min(input.customers.length, DEMO_APPLICATION_STATUSES.length * 2);
  for (let i = 0; i < count; i++) {
    const target = DEMO_APPLICATION_STATUSES[i % DEMO_APPLICATION_STATUSES.length];
    const second = i >= DEMO_APPLICATION_STATUSES.length;
    const path = pathTo(target, second);
    const customer = input.customers[i];
    const amount = (rng.int(5, 60) * 1_000_000) as Fen;
    const termDays = rng.pick([30, 45, 60, 90]);
    const app: ApplicationRecord = {
      id: appId(),
      customerId: customer.id,
      amount,
      termDays,
      purpose: rng.pick(PURPOSES),
      appliedBy: input.clerk
    };
    if (path.includes('fast-track')) app.urgent = rng.pick(URGENT);
    out.applications.push(app);
    let at = input.at + i * 10 * MINUTE;
    let recommended = amount;
    let approved = { limit: amount, termDays };
    const step = (kind: StepRecord['kind'], by: string, body: Omit<Exclude<CreditStepBody, { kind: 'apply' }>, 'kind'>): void => {
      at += MINUTE + rng.int(0, 30) * 1000;
      stepNo += 1;
      out.steps.push({ id: `${stepPrefix}${String(stepNo).padStart(8, '0')}`, applicationId: app.id, kind, at, by, body });
    };
    for (const kind of path) {
      if (kind === 'accept') step('accept', input.clerk, {});
      else if (kind === 'fast-track') step('fast-track', input.clerk, { evaluationDue: addDays(input.today, 30) });
      else if (kind === 'reject') step('reject', kind === path[0] ? input.clerk : input.manager, { reason: REJECTIONS[second ? 1 : 0] });
      else if (kind === 'evaluate') {
        const evaluation = evaluationOf(rng, input, customer, app.id, evaluationId());
        out.evaluations.push(evaluation);
        recommended = (evaluation.recommendedLimit ?? 0) as Fen;
        const body = { evaluationId: evaluation.id, recommendedLimit: recommended, creditGrade: evaluation.creditGrade ?? null };
        step('evaluate', input.clerk, body);
      } else if (kind === 'approve') {
        // a limit above the recommendation needs a reason; with none recommended, a small one
        const limit = (recommended > 0 ? Math.min(amount, recommended) : 1_000_000) as Fen;
        approved = { limit, termDays };
        step('approve', input.manager, recommended > 0 ? approved : { ...approved, aboveRecommendationReason: '老客户，担保人已签字' });
      } else {
        const sign = { ...approved, startDate: input.today, endDate: addDays(addYears(input.today, 1), -1) };
        step('sign', input.manager, sign);
        out.agreements.push({
          id: agreementId(),
          deleted: 0,
          customerId: customer.id,
          applicationId: app.id,
          agreementNo: `XY-D${String(i + 1).padStart(5, '0')}`,
          limit: sign.limit,
          termDays: sign.termDays,
          startDate: sign.startDate,
          endDate: sign.endDate,
          signedBy: input.manager,
          signedOn: localIsoOf(new Date(at))
        } as CreditAgreementRow);
      }
    }
  }
  return out;
}

/** A scored evaluation of the customer, its results from the domain's own engine. */
function evaluationOf(
  rng: Rng,
  input: DemoCreditInput,
  customer: { id: string; industry?: string },
  applicationId: string,
  id: string
): Draft<CreditEvaluationRecord> {
  const stored = DEFAULT_STORED_CREDIT_SETTINGS;
  const settings = forIndustry(stored.settings, customer.industry ?? null);
  const statement = statementOf(rng);
  const sheet = settings.factors.map((f) => f.aspects.map(() => rng.int(5, 9)));
  const result = evaluateCredit({ statement, sheet }, settings);
  const rec = result.recommendation;
  const record: Draft<CreditEvaluationRecord> = {
    id,
    applicationId,
    customerId: customer.id,
    statements: { periods: [{ label: `${input.today.slice(0, 4)}年`, statement }] },
    aspects: sheet,
    settings: stored.settings,
    settingsVersion: stored.version,
    evaluatedOn: input.today,
    evaluatedBy: input.clerk,
    recommendedLimit: rec.limit
  };
  if (customer.industry) record.industry = customer.industry;
  if (rec.creditGrade) record.creditGrade = rec.creditGrade;
  if (rec.limitClass) record.limitClass = rec.limitClass;
  return record;
}
