/**
 * Money is an integer number of fen (分). It is parsed from and formatted to yuan (元) only at the
 * edge, and only here: every fen ↔ yuan conversion (text a person reads or types, a number of 元
 * from a file or a workbook cell) goes through this module. Amounts beyond ±(2^53-1) fen are
 * refused rather than silently rounded.
 */
export type Fen = number & { readonly __fen: unique symbol };

export const MAX_FEN = Number.MAX_SAFE_INTEGER;

export function isFen(value: unknown): value is Fen {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

export function fen(value: number): Fen {
  if (!Number.isSafeInteger(value)) throw new RangeError(`not a whole number of fen: ${value}`);
  return value as Fen;
}

/**
 * Parse a yuan amount as typed by a person or pasted from a spreadsheet: `1,234.5`, `¥1234.50`,
 * `1 234,50` is *not* accepted (ambiguous). Returns null when it is not an amount with at most
 * two decimals.
 */
export function parseYuan(text: string): Fen | null {
  const t = text
    .trim()
    .replace(/^[¥￥]\s*/, '')
    .replace(/元$/, '')
    .replace(/[,，]/g, '')
    .trim();
  const m = /^([-+]?)(\d+)(?:\.(\d{1,2}))?$/.exec(t);
  if (!m) return null;
  const whole = Number(m[2]);
  const cents = Number((m[3] ?? '').padEnd(2, '0'));
  const value = whole * 100 + cents;
  if (!Number.isSafeInteger(value)) return null;
  return (m[1] === '-' ? -value : value) as Fen;
}

/** `123456` fen → `1,234.56` (exact to the last fen, also beyond 2^53 / 100 元) */
export function formatYuan(value: Fen | number): string {
  return yuanText(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** `123456` fen → `1234.56`: exact, without thousands separators (an input's value, a CSV cell). */
export function yuanText(value: Fen | number): string {
  if (!Number.isFinite(value)) return '';
  const abs = Math.round(Math.abs(value));
  return `${value < 0 && abs > 0 ? '-' : ''}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/**
 * 元 → fen for amounts from a form or a file. Null when the value is not a finite number of 元
 * with at most two decimals (allowing binary float noise below 1e-6 fen).
 */
export function fenFromYuan(yuan: number): Fen | null {
  if (!Number.isFinite(yuan)) return null;
  const f = Math.round(yuan * 100);
  if (Math.abs(yuan * 100 - f) > 1e-6 || !Number.isSafeInteger(f)) return null;
  return (f === 0 ? 0 : f) as Fen;
}

/** 元 → fen rounded to the nearest fen (a workbook's number cell), null when not finite or too large. */
export function roundToFen(yuan: number): Fen | null {
  const f = Math.round(yuan * 100);
  return Number.isSafeInteger(f) ? ((f === 0 ? 0 : f) as Fen) : null;
}

/** fen → 元 as a number: a workbook's money cell, a chart's axis, comparing with amounts given in 元. */
export const yuanFromFen = (amount: Fen | number): number => amount / 100;
