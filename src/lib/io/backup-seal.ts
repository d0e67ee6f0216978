/**
 * Backups sealed with a passphrase (WebCrypto only). A sealed file wraps a whole plain backup file
 * (backup.ts), so restoring opens the seal and then checks the backup inside as always.
 *
 * File layout:
 *   line 1  the header, JSON (ASCII), readable in any text editor:
 *           {"format":"kebu-sealed-backup","version":1,
 *            "kdf":{"name":"PBKDF2","hash":"SHA-256","iterations":600000,"salt":"<base64, 16 bytes>"},
 *            "cipher":{"name":"AES-GCM","iv":"<base64, 12 bytes>"},"check":"<base64, 32 bytes>"}
 *   then    AES-GCM-256 of the plain backup file, with line 1 (newline included) as additional
 *           data: a changed header fails as surely as a changed byte of the content.
 * PBKDF2-SHA-256 over the passphrase (NFC) and a random salt of its own for every file derives 512
 * bits: the first 256 are the key, and the SHA-256 of the other 256 is `check`. So a wrong
 * passphrase is told apart from a damaged or altered file (the right passphrase, a failing tag).
 * The header says nothing about the workspace: its name and counts are inside, sealed.
 */
import { IoError } from './errors';

export const SEALED_FORMAT = 'kebu-sealed-backup';
export const SEALED_VERSION = 1;
/** OWASP's figure for PBKDF2-HMAC-SHA-256 (2023): about half a second in a browser */
export const PBKDF2_ITERATIONS = 600_000;
/** what a file may ask for: never a weak count, never one that would hang the restore */
export const MIN_ITERATIONS = 100_000;
export const MAX_ITERATIONS = 10_000_000;
export const MIN_PASSPHRASE = 8;
const SALT_BYTES = 16;
const IV_BYTES = 12;
/** a header is a few hundred bytes */
const MAX_HEADER = 4096;

export interface SealedHeader {
  format: typeof SEALED_FORMAT;
  version: number;
  kdf: { name: 'PBKDF2'; hash: 'SHA-256'; iterations: number; salt: string };
  cipher: { name: 'AES-GCM'; iv: string };
  check: string;
}

const b64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
function unb64(text: unknown, length: number): Uint8Array {
  if (typeof text !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) throw new IoError('io.error.backupFormat');
  const bytes = Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  if (bytes.length !== length) throw new IoError('io.error.backupFormat');
  return bytes;
}
const buf = (b: Uint8Array) => b as Uint8Array<ArrayBuffer>;

/** The first line, when it is within MAX_HEADER bytes. */
function firstLine(file: Uint8Array): Uint8Array | null {
  const nl = file.subarray(0, MAX_HEADER).indexOf(0x0a);
  return nl < 0 ? null : file.subarray(0, nl + 1);
}

/** Whether `file` is a sealed backup (its first line names the format; nothing else is checked). */
export function isSealed(file: Uint8Array): boolean {
  if (file[0] !== 0x7b) return false;
  const line = firstLine(file);
  if (!line) return false;
  try {
    return (JSON.parse(new TextDecoder().decode(line)) as { format?: unknown })?.format === SEALED_FORMAT;
  } catch {
    return false;
  }
}

async function derive(passphrase: string, salt: Uint8Array, iterations: number): Promise<{ key: CryptoKey; check: Uint8Array }> {
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveBits']);
  const bits = new Uint8Array(await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: buf(salt), iterations }, material, 512));
  const key = await crypto.subtle.importKey('raw', bits.subarray(0, 32), 'AES-GCM', false, ['encrypt', 'decrypt']);
  const check = new Uint8Array(await crypto.subtle.digest('SHA-256', bits.subarray(32)));
  return { key, check };
}

/** Seal a plain backup file with `passphrase`: a fresh salt and IV every time. */
export async function sealBackup(plain: Uint8Array, passphrase: string, iterations = PBKDF2_ITERATIONS): Promise<Uint8Array> {
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const { key, check } = await derive(passphrase, salt, iterations);
  const header: SealedHeader = {
    format: SEALED_FORMAT,
    version: SEALED_VERSION,
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: b64(salt) },
    cipher: { name: 'AES-GCM', iv: b64(iv) },
    check: b64(check)
  };
  const head = new TextEncoder().encode(JSON.stringify(header) + '\n');
  const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: head }, key, buf(plain)));
  const out = new Uint8Array(head.length + sealed.length);
  out.set(head, 0);
  out.set(sealed, head.length);
  return out;
}

/** The header of a sealed file, checked field by field (IoError when it is not one this app reads). */
export function sealedHeader(file: Uint8Array): { header: SealedHeader; head: Uint8Array; salt: Uint8Array; iv: Uint8Array; check: Uint8Array } {
  const head = firstLine(file);
  let header: SealedHeader;
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(head ?? new Uint8Array()));
  } catch {
    throw new IoError('io.error.backupFormat');
  }
  if (!head || typeof header !== 'object' || header === null || header.format !== SEALED_FORMAT) throw new IoError('io.error.backupFormat');
  if (!Number.isInteger(header.version) || header.version < 1) throw new IoError('io.error.backupFormat');
  if (header.version > SEALED_VERSION) throw new IoError('io.error.sealedVersion', { version: header.version });
  const { kdf, cipher } = header;
  if (kdf?.name !== 'PBKDF2' || kdf.hash !== 'SHA-256' || cipher?.name !== 'AES-GCM') throw new IoError('io.error.backupFormat');
  if (!Number.isInteger(kdf.iterations) || kdf.iterations < MIN_ITERATIONS || kdf.iterations > MAX_ITERATIONS) {
    throw new IoError('io.error.backupFormat');
  }
  return { header, head, salt: unb64(kdf.salt, SALT_BYTES), iv: unb64(cipher.iv, IV_BYTES), check: unb64(header.check, 32) };
}

/**
 * The plain backup file inside a sealed one. IoError: `backupLocked` without a passphrase,
 * `backupPassphrase` for a wrong one, `backupSealDamaged` when the bytes were changed or cut.
 */
export async function openSealed(file: Uint8Array, passphrase: string): Promise<Uint8Array> {
  const { head, salt, iv, check, header } = sealedHeader(file);
  if (!passphrase) throw new IoError('io.error.backupLocked');
  const derived = await derive(passphrase, salt, header.kdf.iterations);
  if (b64(derived.check) !== b64(check)) throw new IoError('io.error.backupPassphrase');
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: buf(iv), additionalData: buf(head) },
      derived.key,
      buf(file.subarray(head.length))
    );
    return new Uint8Array(plain);
  } catch {
    throw new IoError('io.error.backupSealDamaged');
  }
}
