/**
 * Record completeness (shared/domain/records.md, "Completeness and accuracy", essay 9): the share
 * of the fields required for a customer's kind that are filled and valid.
 *
 * Which fields are required is a setting; `DEFAULT_REQUIRED_FIELDS` is what a new workspace gets:
 * - unit: what is needed to identify, bill and visit a company — name, credit code, industry,
 *   province, city, address, a phone (`phoneAny`: a valid mobile or any landline), account
 *   manager and tier.
 * - individual: what is needed to reach and serve a person and to place them in a segment
 *   (essay 10) — name, mobile, address, account manager, tier, age band and occupation. The
 *   identity number is optional (records.md) and therefore not required by default.
 *
 * Rules:
 * - A field is filled when it holds a non-blank string, a non-empty array, a finite number or a
 *   boolean.
 * - creditCode, idNumber, mobile and email are checked whenever they hold a value, required or
 *   not. A value that fails is listed in `invalid` with its reason (a message key) and does not
 *   count as filled; it is not also listed in `missing`.
 * - `missing` lists the required fields that are empty, in the order of the requirement list;
 *   `phoneAny` stands for "mobile or phone".
 * - `score` = filled / total, 1 when nothing is required; never NaN.
 */
import { checkCreditCode, checkIdNumber, type IdentityProblem } from './identity';
import { isMobile } from './normalize';
import type { Customer, CustomerKind } from './types';

/** The requirement "a valid mobile or a landline", for customers reachable either way. */
export const PHONE_ANY = 'phoneAny';

export type RequiredField = keyof Customer | typeof PHONE_ANY;

export type RequiredFields = Record<CustomerKind, readonly RequiredField[]>;

export const DEFAULT_REQUIRED_FIELDS: RequiredFields = {
  unit: ['name', 'creditCode', 'industry', 'province', 'city', 'address', PHONE_ANY, 'managerId', 'tier'],
  individual: ['name', 'mobile', 'address', 'managerId', 'tier', 'ageBand', 'occupation']
};

export type FieldProblem = IdentityProblem | 'phone.invalid' | 'email.invalid';

export interface Completeness {
  /** 0..1 */
  score: number;
  filled: number;
  total: number;
  /** required field keys that are empty */
  missing: string[];
  /** fields that hold a value that fails its check */
  invalid: { field: string; reason: FieldProblem }[];
}

/** Deliberately loose: something@something.tld, no spaces. Mail servers decide the rest. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@.]+$/;

export function isEmail(s: string): boolean {
  return EMAIL.test(s.trim());
}

function isFilled(value: unknown): boolean {
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'number') return Number.isFinite(value);
  return typeof value === 'boolean';
}

/**
 * Why a checked field's value fails (a credit code, an identity number, a mobile, an email), or
 * null when it passes, is blank or is not a checked field. The customer form and the grid's cells
 * both ask this, so they mark the same values.
 */
export function fieldProblem(field: string, value: unknown, today: string): FieldProblem | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  switch (field) {
    case 'creditCode': {
      const r = checkCreditCode(value);
      return r.valid ? null : r.reason;
    }
    case 'idNumber': {
      const r = checkIdNumber(value, today);
      return r.valid ? null : r.reason;
    }
    case 'mobile':
      return isMobile(value) ? null : 'phone.invalid';
    case 'email':
      return isEmail(value) ? null : 'email.invalid';
    default:
      return null;
  }
}

const CHECKED_FIELDS = ['creditCode', 'idNumber', 'mobile', 'email'] as const;

/** The checked fields of a customer and why each fails, if it does. */
function problems(c: Customer, today: string): Map<string, FieldProblem> {
  const out = new Map<string, FieldProblem>();
  for (const field of CHECKED_FIELDS) {
    const problem = fieldProblem(field, c[field], today);
    if (problem) out.set(field, problem);
  }
  return out;
}

/**
 * How complete and valid a customer record is. `today` (`YYYY-MM-DD`, the app clock's day) bounds
 * birth dates in identity numbers.
 */
export function completeness(c: Customer, required: RequiredFields, today: string): Completeness {
  const bad = problems(c, today);
  const fields = [...new Set(required[c.kind] ?? [])];
  const ok = (field: string): boolean => !bad.has(field) && isFilled(c[field as keyof Customer]);
  let filled = 0;
  const missing: string[] = [];
  for (const field of fields) {
    if (field === PHONE_ANY) {
      if (ok('mobile') || ok('phone')) filled++;
      else if (!isFilled(c.mobile) && !isFilled(c.phone)) missing.push(PHONE_ANY);
      // else: the mobile is there but invalid, and listed in `invalid`
    } else if (ok(field)) {
      filled++;
    } else if (!bad.has(field)) {
      missing.push(field);
    }
  }
  const total = fields.length;
  return {
    score: total === 0 ? 1 : filled / total,
    filled,
    total,
    missing,
    invalid: [...bad].map(([field, reason]) => ({ field, reason }))
  };
}
