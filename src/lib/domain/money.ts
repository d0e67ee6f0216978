/**
 * Money is an integer number of fen (分). It is parsed from and formatted to yuan (元) only at the
 * edge. Amounts beyond ±(2^53-1) fen are refused rather than silently rounded.
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

const yuanFormat = new Intl.NumberFormat('en-US', {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2
});

/** `123456` fen → `1,234.56` */
export function formatYuan(value: Fen | number): string {
  if (!Number.isFinite(value)) return '';
  const negative = value < 0;
  const abs = Math.abs(value);
  const text = yuanFormat.format(Math.trunc(abs / 100) + (abs % 100) / 100);
  return negative ? `-${text}` : text;
}
