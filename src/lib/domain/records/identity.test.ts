import { describe, expect, it } from 'vitest';
import { checkCreditCode, checkIdNumber, creditCodeCheckChar, idNumberCheckChar, type IdentityCheck } from './identity';

const ok: IdentityCheck = { valid: true };
const bad = (reason: string) => ({ valid: false, reason });

describe('creditCodeCheckChar', () => {
  it.each([
    ['91350100M000100Y4', '3'],
    ['91110000600037341', 'L'],
    ['91440300708461136', 'T'],
    ['91330106MA27XF6T8', '4'],
    ['91310000MA1FL1MMX', 'L'],
    // Σ ≡ 0 (mod 31) gives 31, written as 0
    ['00000000000000000', '0'],
    ['91350100m000100y4', '3'],
    ['9135010OM000100Y4', null],
    ['91350100M000100Y', null],
    ['91350100M000100Y43', null]
  ])('%s → %s', (first17, expected) => {
    expect(creditCodeCheckChar(first17)).toBe(expected);
  });
});

describe('checkCreditCode', () => {
  it.each([
    ['91350100M000100Y43', ok],
    ['91110000600037341L', ok],
    ['91440300708461136T', ok],
    ['91310000MA1FL1MMXL', ok],
    [' 91350100m000100y43 ', ok],
    ['９１３５０１００Ｍ０００１００Ｙ４３', ok],
    ['9135 0100 M000 100Y 43', ok],
    ['91350100M000100Y44', bad('identity.checksum')],
    ['91110000600037341K', bad('identity.checksum')],
    ['91330106MA27XF6T8X', bad('identity.checksum')],
    ['91350100M000100Y4', bad('identity.length')],
    ['91350100M000100Y433', bad('identity.length')],
    ['', bad('identity.length')],
    ['91350100I000100Y43', bad('identity.charset')],
    ['91350100O000100Y43', bad('identity.charset')],
    ['91350100S000100Y43', bad('identity.charset')],
    ['91350100V000100Y43', bad('identity.charset')],
    ['91350100Z000100Y43', bad('identity.charset')],
    ['91350100-000100Y43', bad('identity.charset')],
    ['9135010中M000100Y43', bad('identity.charset')]
  ])('%s', (code, expected) => {
    expect(checkCreditCode(code)).toEqual(expected);
  });

  it('accepts every code completed with its own check character', () => {
    const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    let seed = 7;
    for (let n = 0; n < 200; n++) {
      let first17 = '';
      for (let i = 0; i < 17; i++) {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        first17 += alphabet[seed % 31];
      }
      const check = creditCodeCheckChar(first17);
      expect(check).not.toBeNull();
      expect(checkCreditCode(first17 + check)).toEqual(ok);
      const wrong = alphabet[(alphabet.indexOf(check!) + 1) % 31];
      expect(checkCreditCode(first17 + wrong)).toEqual(bad('identity.checksum'));
    }
  });

  it('does not change its input', () => {
    const typed = ' 91350100m000100y43 ';
    checkCreditCode(typed);
    expect(typed).toBe(' 91350100m000100y43 ');
  });
});

describe('idNumberCheckChar', () => {
  it.each([
    ['11010519491231002', 'X'],
    ['44052418800101001', '4'],
    ['33010619900307123', '6'],
    ['33010620000229123', '2'],
    ['3301061990030712', null],
    ['3301061990030712A', null]
  ])('%s → %s', (first17, expected) => {
    expect(idNumberCheckChar(first17)).toBe(expected);
  });
});

describe('checkIdNumber', () => {
  const today = '2026-11-28';
  it.each([
    ['11010519491231002X', ok],
    ['11010519491231002x', ok],
    [' 110105 19491231 002X ', ok],
    ['１１０１０５１９４９１２３１００２Ｘ', ok],
    ['330106199003071236', ok],
    // 29 February in a leap year
    ['330106200002291232', ok],
    ['330106199003071237', bad('identity.checksum')],
    ['110105194912310021', bad('identity.checksum')],
    ['33010619900307123', bad('identity.length')],
    ['330106900307123', bad('identity.length')],
    ['', bad('identity.length')],
    ['33010619900307123A', bad('identity.charset')],
    ['X30106199003071236', bad('identity.charset')],
    // 30 February, with a check character that would otherwise pass
    ['330106198802301232', bad('identity.birthdate')],
    ['330106199013011230', bad('identity.birthdate')],
    ['330106199000011230', bad('identity.birthdate')],
    // 29 February in a year that is not a leap year
    ['330106190002291230', bad('identity.birthdate')],
    // before 1900 (checksum is right)
    ['440524188001010014', bad('identity.birthdate')],
    // born after today
    ['330106202612011230', bad('identity.birthdate')]
  ])('%s', (id, expected) => {
    expect(checkIdNumber(id, today)).toEqual(expected);
  });

  it('bounds the birth date by the injected today', () => {
    const first17 = '33010620261128123';
    const id = first17 + idNumberCheckChar(first17);
    expect(checkIdNumber(id, '2026-11-28')).toEqual(ok);
    expect(checkIdNumber(id, '2026-11-27')).toEqual(bad('identity.birthdate'));
  });

  it('refuses a birth date after the given today', () => {
    expect(checkIdNumber('11010519491231002X', '2026-01-01')).toEqual(ok);
    const first17 = '33010629991231123';
    expect(checkIdNumber(first17 + idNumberCheckChar(first17), '2026-01-01')).toEqual(bad('identity.birthdate'));
  });
});
