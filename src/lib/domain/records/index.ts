/**
 * The customer archive's domain layer (shared/domain/records.md): record types, identity-number
 * checks, normalising, completeness, duplicates and merging (the seeded demo workspace is in $lib/demo).
 * Pure TypeScript: safe in Node tests, workers and the browser alike.
 */
export * from './types';
export {
  checkCreditCode,
  checkIdNumber,
  CREDIT_CODE_ALPHABET,
  creditCodeCheckChar,
  idNumberCheckChar,
  type IdentityCheck,
  type IdentityProblem
} from './identity';
export { isMobile, normalizeCode, normalizeMobile, normalizeName, normalizePhone, toHalfWidth } from './normalize';
export {
  completeness,
  DEFAULT_REQUIRED_FIELDS,
  isEmail,
  PHONE_ANY,
  type Completeness,
  type FieldProblem,
  type RequiredField,
  type RequiredFields
} from './completeness';
export {
  duplicateKeys,
  duplicatesOf,
  findDuplicateGroups,
  type DuplicateCandidate,
  type DuplicateGroup,
  type DuplicateMatch,
  type DuplicateReason
} from './duplicates';
export { ENVELOPE_FIELDS, planMerge, type MergeConflict, type MergePlan } from './merge';
export { createRng, rngStream, type Rng } from './rng';
