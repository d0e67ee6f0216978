/**
 * The people, phones, places and codes of the demo workspace (records.ts): seeded, realistic,
 * and now and then mistyped the way people mistype them.
 */
import { COMMON_SURNAMES, GIVEN_NAME_CHARS, MOBILE_PREFIXES, STREETS, SURNAMES, type DemoCity, type DemoDistrict } from './records-data';
import { CREDIT_CODE_ALPHABET, creditCodeCheckChar, idNumberCheckChar } from '$lib/domain/records/identity';
import { fmix32, rngStream, type Rng } from '$lib/domain/records/rng';

// ---------------------------------------------------------------- ids

export const HEX_BYTES = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
export const hex8 = (n: number): string => HEX_BYTES[n >>> 24] + HEX_BYTES[(n >>> 16) & 255] + HEX_BYTES[(n >>> 8) & 255] + HEX_BYTES[n & 255];

/**
 * Ids like `c-3f9a…` (prefix + 24 hex digits). The first 16 digits are random; the last 8 are a
 * bijective scramble of a counter, which makes every id of a workspace distinct.
 */
export function idMaker(prefix: string, seed: number, purpose: number): () => string {
  const rng = rngStream(seed, purpose);
  const salt = rng.uint32();
  let n = 0;
  return () => prefix + hex8(rng.uint32()) + hex8(rng.uint32()) + hex8(fmix32((n++ ^ salt) >>> 0));
}

// ---------------------------------------------------------------- small generators

export const digits = (rng: Rng, n: number): string => String(rng.int(0, 10 ** n - 1)).padStart(n, '0');

export function personName(rng: Rng): string {
  const surname = rng.chance(0.5) ? rng.pick(COMMON_SURNAMES) : rng.pick(SURNAMES);
  const given = rng.pick(GIVEN_NAME_CHARS);
  return rng.chance(0.65) ? surname + given + rng.pick(GIVEN_NAME_CHARS) : surname + given;
}

export function mobile(rng: Rng): string {
  return rng.pick(MOBILE_PREFIXES) + digits(rng, 8);
}

/** A mobile as people write it: mostly plain, sometimes grouped, dashed, with +86 or full-width. */
export function writtenMobile(rng: Rng, plain: string): string {
  const r = rng.next();
  if (r < 0.9) return plain;
  if (r < 0.94) return `${plain.slice(0, 3)} ${plain.slice(3, 7)} ${plain.slice(7)}`;
  if (r < 0.97) return `+86 ${plain}`;
  if (r < 0.99) return `${plain.slice(0, 3)}-${plain.slice(3, 7)}-${plain.slice(7)}`;
  return plain.replace(/\d/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
}

export const landline = (rng: Rng, city: DemoCity): string => `${city.areaCode}-${rng.int(2, 8)}${digits(rng, 7)}`;

export function address(rng: Rng, person: boolean): string {
  const street = `${rng.pick(STREETS)}${rng.int(1, 999)}号`;
  if (person) {
    return rng.chance(0.7) ? `${street}${rng.int(1, 30)}栋${rng.int(1, 4)}单元${rng.int(1, 28)}0${rng.int(1, 6)}室` : street;
  }
  return rng.chance(0.3) ? `${street}${rng.int(2, 28)}层` : street;
}

/** GB 11714 organisation code check character over 8 characters. */
export function orgCodeCheck(body: string): string {
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const c = body.charCodeAt(i);
    sum += (c <= 57 ? c - 48 : c - 55) * weights[i];
  }
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

/** A valid credit code: registration type, division code, organisation code, check character. */
export function creditCode(rng: Rng, type: string, district: DemoDistrict): string {
  let body: string;
  if (rng.chance(0.6)) {
    body = 'MA';
    for (let i = 0; i < 6; i++) body += CREDIT_CODE_ALPHABET[rng.int(0, 30)];
  } else {
    body = digits(rng, 8);
  }
  const first17 = type + district.code + body + orgCodeCheck(body);
  return first17 + (creditCodeCheckChar(first17) ?? '0');
}

/** The usual ways a credit code is mistyped: last character, a dropped character, O for 0. */
export function mistypeCode(rng: Rng, code: string): string {
  const r = rng.next();
  if (r < 0.15 && code.includes('0')) return code.replace('0', 'O');
  if (r < 0.35) {
    const at = rng.int(0, code.length - 1);
    return code.slice(0, at) + code.slice(at + 1);
  }
  const last = CREDIT_CODE_ALPHABET.indexOf(code[17]);
  return code.slice(0, 17) + CREDIT_CODE_ALPHABET[(last + rng.int(1, 30)) % 31];
}

export const AGE_RANGES: Record<string, readonly [number, number]> = {
  '<25': [18, 24],
  '25-34': [25, 34],
  '35-44': [35, 44],
  '45-54': [45, 54],
  '55-64': [55, 64],
  '65+': [65, 85]
};

/** A valid identity number for someone of that age band, or a typical mistake in one. */
export function idNumber(rng: Rng, district: DemoDistrict, ageBand: string | undefined, today: string, valid: boolean): string {
  const [lo, hi] = AGE_RANGES[ageBand ?? ''] ?? [20, 70];
  const year = Number(today.slice(0, 4)) - rng.int(lo, hi);
  const month = rng.int(1, 12);
  const day = rng.int(1, 28);
  let birth = `${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}`;
  const brokenDate = !valid && rng.chance(0.4);
  if (brokenDate) birth = `${year}0431`;
  const first17 = district.code + birth + digits(rng, 3);
  const check = idNumberCheckChar(first17) ?? '0';
  if (valid || brokenDate) return first17 + check;
  const wrong = '0123456789X'.replace(check, '');
  return first17 + wrong[rng.int(0, wrong.length - 1)];
}

/** Binomial count with mean `mean` and at most `spread × mean`: 0–3 for a mean of 1. */
export function countAround(rng: Rng, mean: number, spread: number): number {
  if (!(mean > 0)) return 0;
  const trials = Math.ceil(mean * spread);
  const p = mean / trials;
  let n = 0;
  for (let i = 0; i < trials; i++) if (rng.next() < p) n++;
  return n;
}
