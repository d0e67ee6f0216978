/**
 * Winning a customer in three steps (客户开发"三步法", service.md; essay 6: "第一次来加油 … 记住客户的
 * 车辆牌照及型号 … 第二次 … 询问姓名及单位,并建立客户初级档案 … 第三次 … 留下客户联系方式 … 建立完整的客户信息档案").
 *
 * Each step is a logged (done) contact. The stage is the highest step k such that the customer has
 * at least k done contacts and the record holds what step k asks for:
 *   1 first contact   — an identifying detail (a vehicle plate, a description); no personal questions
 *   2 initial record  — a name (and, for a unit customer, its organisation, i.e. the record's name)
 *   3 complete record — a way to reach them (mobile, phone, e-mail or WeChat)
 * The result says what the next stage still needs, so a screen can ask for exactly that.
 */
import type { DevelopmentStage } from '../records/types';

export interface DevelopmentInput {
  doneContacts: number;
  hasIdentifier: boolean;
  hasName: boolean;
  hasContactDetail: boolean;
}

export type DevelopmentNeed = 'contact' | 'identifier' | 'name' | 'contact-detail';

export interface DevelopmentResult {
  stage: DevelopmentStage | null;
  next: { stage: DevelopmentStage; needs: DevelopmentNeed[] } | null;
}

const STEPS: { stage: DevelopmentStage; detail: keyof DevelopmentInput; need: DevelopmentNeed }[] = [
  { stage: 'first-contact', detail: 'hasIdentifier', need: 'identifier' },
  { stage: 'initial', detail: 'hasName', need: 'name' },
  { stage: 'complete', detail: 'hasContactDetail', need: 'contact-detail' }
];

export function developmentStage(input: DevelopmentInput): DevelopmentResult {
  const contacts = Number.isInteger(input.doneContacts) && input.doneContacts > 0 ? input.doneContacts : 0;
  let stage: DevelopmentStage | null = null;
  for (const [i, s] of STEPS.entries()) {
    const needs: DevelopmentNeed[] = [];
    if (contacts < i + 1) needs.push('contact');
    for (const earlier of STEPS.slice(0, i + 1)) if (!input[earlier.detail]) needs.push(earlier.need);
    if (needs.length) return { stage, next: { stage: s.stage, needs } };
    stage = s.stage;
  }
  return { stage, next: null };
}

/** Customers per stage (null: not yet contacted) per org unit, for the funnel. */
export function developmentFunnel(
  customers: readonly { orgUnitId?: string | null; stage: DevelopmentStage | null }[]
): Map<string, Record<DevelopmentStage | 'none', number>> {
  const out = new Map<string, Record<DevelopmentStage | 'none', number>>();
  for (const k of customers) {
    const unit = k.orgUnitId ?? '';
    const row = out.get(unit) ?? { none: 0, 'first-contact': 0, initial: 0, complete: 0 };
    row[k.stage ?? 'none']++;
    out.set(unit, row);
  }
  return out;
}
