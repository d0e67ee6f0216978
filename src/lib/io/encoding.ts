/**
 * Text files from Excel and WPS on Chinese Windows are often GBK (or GB18030, its superset);
 * newer ones UTF-8, with or without a BOM; Excel's "Unicode text" is UTF-16 (detected with or
 * without its BOM). `decodeText` detects which: a BOM decides; otherwise
 * the bytes are tried as strict UTF-8 (a GBK file with Chinese in it is practically never valid
 * UTF-8), then as GB18030. A manual choice overrides detection and is decoded strictly, so a
 * wrong choice is reported instead of silently garbling the data.
 *
 * `TextDecoder('gbk')` and `('gb18030')` exist in browsers, workers and Node (full ICU).
 */
import { IoError } from './errors';

export const ENCODINGS = ['utf-8', 'gb18030', 'gbk', 'big5', 'utf-16le', 'utf-16be'] as const;
export type Encoding = (typeof ENCODINGS)[number];
export type EncodingChoice = Encoding | 'auto';

function strict(bytes: Uint8Array, encoding: string): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Control characters other than tab, line feed, carriage return and form feed: a binary file. */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 4096);
  let odd = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    // a stray NUL in text is named by the reader (csv.ts), with its cell
    if (b < 9 || (b > 13 && b < 32)) odd++;
  }
  return odd > n / 100;
}

/** Decoded text with more than 1% control characters (a binary file that happened to pass as UTF-16). */
function controlHeavy(text: string): boolean {
  const n = Math.min(text.length, 2048);
  let odd = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 9 || (c > 13 && c < 32)) odd++;
  }
  return odd > n / 100;
}

export function bomEncoding(bytes: Uint8Array): Encoding | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/**
 * UTF-16 without a BOM (Excel's "Unicode text" without one, some exports): text in it has a zero
 * byte in most characters' high half (ASCII, digits, delimiters, line ends), on one side only.
 */
export function sniffUtf16(bytes: Uint8Array): Encoding | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  // a CJK character has a zero byte only now and then (一 is U+4E00)
  if (oddZero > pairs * 0.2 && evenZero * 10 < oddZero) return 'utf-16le';
  if (evenZero > pairs * 0.2 && oddZero * 10 < evenZero) return 'utf-16be';
  return null;
}

/** Decode a text file; the BOM is dropped. Throws IoError when the bytes are not text in that encoding. */
export function decodeText(bytes: Uint8Array, choice: EncodingChoice = 'auto'): { text: string; encoding: Encoding } {
  const bom = bomEncoding(bytes);
  if (choice !== 'auto') {
    const text = strict(bytes, choice);
    if (text === null) throw new IoError('io.error.encoding', { encoding: choice.toUpperCase() });
    return { text, encoding: choice };
  }
  if (bom) {
    const text = strict(bytes, bom);
    if (text === null) throw new IoError('io.error.encoding', { encoding: bom.toUpperCase() });
    return { text, encoding: bom };
  }
  const wide = sniffUtf16(bytes);
  if (wide) {
    const text = strict(bytes, wide);
    if (text !== null && !controlHeavy(text)) return { text, encoding: wide };
  }
  if (looksBinary(bytes)) throw new IoError('io.error.notSpreadsheet');
  const utf8 = strict(bytes, 'utf-8');
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };
  const gb = strict(bytes, 'gb18030');
  if (gb !== null) return { text: gb, encoding: 'gb18030' };
  throw new IoError('io.error.encoding', { encoding: 'UTF-8 / GB18030' });
}
