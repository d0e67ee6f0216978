/**
 * Normalising what people type, so that two spellings of the same thing compare equal
 * (shared/domain/records.md, "Duplicates"): trim; full-width to half-width; phones without
 * spaces, dashes and a leading +86 / 0086; names without common company suffixes and without the
 * brackets around a place name; codes in upper case without spaces.
 *
 * These functions are for comparing and checking only. A stored value is never replaced by its
 * normalised form: the record keeps what was typed.
 */

const FULL_WIDTH = /[\uff01-\uff5e\u3000]/;
const FULL_WIDTH_ALL = /[\uff01-\uff5e\u3000]/g;
const halfOf = (ch: string): string => (ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0));

/** Full-width ASCII (U+FF01–U+FF5E) → ASCII, ideographic space (U+3000) → space. */
export function toHalfWidth(s: string): string {
  return FULL_WIDTH.test(s) ? s.replace(FULL_WIDTH_ALL, halfOf) : s;
}

/** Spaces (any kind), dashes (ASCII, Unicode hyphens and dashes), dots and parentheses. */
const PHONE_NOISE = /[\s\-‐‑‒–—―.()]/g;
const ONLY_DIGITS = /^\d*$/;

/**
 * A phone number reduced to its digits (and a leading `+` only when it is not China's +86):
 * `+86 138-0013-8000` → `13800138000`, `（0571）8888 1234` → `057188881234`.
 * The country code is dropped when written `+86` or `0086`, and when written as a bare `86`
 * in front of an 11-digit mobile (`8613800138000`, 13 digits starting `861`).
 */
export function normalizePhone(s: string): string {
  let t = ONLY_DIGITS.test(s) ? s : toHalfWidth(s).replace(PHONE_NOISE, '');
  if (t.startsWith('+86')) t = t.slice(3);
  else if (t.startsWith('0086')) t = t.slice(4);
  else if (t.length === 13 && t.startsWith('861')) t = t.slice(2);
  return t;
}

const MOBILE = /^1[3-9]\d{9}$/;

/** A mainland-China mobile number (after `normalizePhone`): 11 digits starting 13–19. */
export function isMobile(s: string): boolean {
  return MOBILE.test(normalizePhone(s));
}

/** The 11 digits of a mobile number as written in any of the usual ways, or null if it is not one. */
export function normalizeMobile(s: string): string | null {
  const t = normalizePhone(s);
  return MOBILE.test(t) ? t : null;
}

const CLEAN_CODE = /^[0-9A-Z]*$/;

/** A unified social credit code, identity number or similar: upper case, no spaces. */
export function normalizeCode(s: string): string {
  return CLEAN_CODE.test(s) ? s : toHalfWidth(s).toUpperCase().replace(/\s+/g, '');
}

/** Brackets around a place or a qualifier: `华润（北京）` → `华润北京`. Full-width ones are half-width by now. */
const BRACKETS = /[()[\]【】〔〕]/g;

/**
 * Chinese company-form suffixes, longest first. Removed repeatedly, so `集团股份有限公司` loses
 * `股份有限公司` and then `集团`. `公司` is not removed from `分公司`: a branch is its own record.
 */
const CJK_SUFFIXES = ['集团有限公司', '股份有限公司', '有限责任公司', '股份公司', '有限公司', '集团', '公司'];

/**
 * Latin company-form suffixes. They must follow a non-letter (a space, punctuation or a Chinese
 * character) so that `zinc` does not lose its `inc`.
 */
const LATIN_SUFFIX = /(^|[^a-z])(co\.?\s*,?\s*ltd\.?|company\s+limited|limited|ltd\.?|inc\.?|corp\.?|corporation)$/;

const TRAILING_PUNCTUATION = new Set([' ', '\t', '\n', '.', ',', '，', '、', '。', '·']);

function trimEnd(s: string): string {
  let end = s.length;
  while (end > 0 && TRAILING_PUNCTUATION.has(s[end - 1])) end--;
  return end === s.length ? s : s.slice(0, end);
}

function stripSuffixOnce(s: string): string | null {
  for (const suffix of CJK_SUFFIXES) {
    if (!s.endsWith(suffix)) continue;
    if (suffix === '公司' && s.endsWith('分公司')) continue;
    return s.slice(0, -suffix.length);
  }
  const last = s.charCodeAt(s.length - 1);
  if (last >= 97 && last <= 122) {
    const m = LATIN_SUFFIX.exec(s);
    if (m) return s.slice(0, m.index + m[1].length);
  }
  return null;
}

const LATIN_LETTER = /[a-z]/;
const WHITESPACE = /\s+/g;

/**
 * A customer name as compared for duplicates: `杭州顺达物流有限公司` → `杭州顺达物流`,
 * `华润（北京）有限公司` → `华润北京`, `Acme Trading Co., Ltd.` → `acmetrading`.
 * A name that is nothing but a suffix (`公司`) keeps it rather than becoming empty.
 */
export function normalizeName(s: string): string {
  let t = toHalfWidth(s).toLowerCase().replace(BRACKETS, '');
  // spaces separate Latin words (and guard `inc` in `zinc`); between Chinese characters they are noise
  const latin = LATIN_LETTER.test(t);
  t = trimEnd(latin ? t.trim() : t.replace(WHITESPACE, ''));
  for (;;) {
    const stripped = stripSuffixOnce(t);
    if (stripped === null) break;
    const next = trimEnd(stripped);
    if (next.trim() === '') break;
    t = next;
  }
  return latin ? t.replace(WHITESPACE, '') : t;
}
