/**
 * Checks for the two identity numbers in the customer archive (shared/domain/records.md,
 * "Identity numbers are checked"):
 *
 * - 统一社会信用代码, GB 32100-2015: 18 characters from `0-9A-HJ-NPQRTUWXY` (no I, O, S, V, Z).
 *   Each character has the value of its position in that alphabet (0–30). The 18th is the check
 *   character: 31 − (Σ value × weight mod 31) over the first 17, with 31 written as `0`.
 * - 居民身份证号码, GB 11643-1999: 17 digits and a check character. Σ digit × weight mod 11 is
 *   mapped to `1 0 X 9 8 7 6 5 4 3 2`. Characters 7–14 are the birth date `YYYYMMDD`: a real
 *   calendar date, in 1900 or later and not after today.
 *
 * Input is compared after `normalizeCode` (trim, full-width → half-width, upper case, no spaces),
 * so `x` is accepted for `X`. The caller keeps the value as typed: a number that fails is flagged
 * with its reason, never rewritten or dropped (old records are often wrong).
 * Reasons are message keys (src/lib/i18n/messages/records.ts), never text.
 */
import { isIsoDate } from '../dates';
import { normalizeCode } from './normalize';

export type IdentityProblem = 'identity.length' | 'identity.charset' | 'identity.checksum' | 'identity.birthdate';

export type IdentityCheck = { valid: true } | { valid: false; reason: IdentityProblem };

const VALID: IdentityCheck = { valid: true };
const invalid = (reason: IdentityProblem): IdentityCheck => ({ valid: false, reason });

// ---------------------------------------------------------------- unified social credit code

/** The GB 32100-2015 alphabet: a character's index is its value. */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character for the first 17 characters of a credit code, or null if they cannot have one. */
export function creditCodeCheckChar(first17: string): string | null {
  const s = normalizeCode(first17);
  if (s.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CREDIT_CODE_ALPHABET.indexOf(s[i]);
    if (value < 0) return null;
    sum += value * CREDIT_CODE_WEIGHTS[i];
  }
  return CREDIT_CODE_ALPHABET[(31 - (sum % 31)) % 31];
}

export function checkCreditCode(code: string): IdentityCheck {
  const s = normalizeCode(code);
  if (s.length !== 18) return invalid('identity.length');
  for (const ch of s) if (!CREDIT_CODE_ALPHABET.includes(ch)) return invalid('identity.charset');
  return creditCodeCheckChar(s.slice(0, 17)) === s[17] ? VALID : invalid('identity.checksum');
}

// ---------------------------------------------------------------- resident identity number

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK_CHARS = '10X98765432';

/** The check character for the first 17 digits of an identity number, or null if they are not 17 digits. */
export function idNumberCheckChar(first17: string): string | null {
  const s = normalizeCode(first17);
  if (!/^\d{17}$/.test(s)) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (s.charCodeAt(i) - 48) * ID_WEIGHTS[i];
  return ID_CHECK_CHARS[sum % 11];
}

function isRealBirthDate(yyyymmdd: string, today: string): boolean {
  const iso = `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
  return iso >= '1900-01-01' && isIsoDate(iso) && iso <= today.slice(0, 10);
}

/**
 * Check a resident identity number. `today` (`YYYY-MM-DD`, the app clock's day) bounds the birth
 * date. An impossible birth date is reported before
 * a wrong check character: it says where the mistake is.
 */
export function checkIdNumber(id: string, today: string): IdentityCheck {
  const s = normalizeCode(id);
  if (s.length !== 18) return invalid('identity.length');
  if (!/^\d{17}[\dX]$/.test(s)) return invalid('identity.charset');
  if (!isRealBirthDate(s.slice(6, 14), today)) return invalid('identity.birthdate');
  return idNumberCheckChar(s.slice(0, 17)) === s[17] ? VALID : invalid('identity.checksum');
}
