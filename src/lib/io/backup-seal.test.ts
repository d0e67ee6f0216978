/**
 * Sealed backups: the round trip through makeBackup / readBackup, a wrong passphrase, changed or
 * cut bytes anywhere, and headers of other versions and shapes — each refused with its own
 * message, before anything is written.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { makeBackup, readBackup, readSnapshot } from './backup';
import { isSealed, MIN_ITERATIONS, openSealed, PBKDF2_ITERATIONS, SEALED_FORMAT, sealBackup, sealedHeader } from './backup-seal';
import { IoError, type IoErrorCode } from './errors';
import { demoWorkspace, everything, freshWorkspace } from './test-support';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

const PASS = '春眠不觉晓 2026';
const plain = new TextEncoder().encode('{"format":"kebu-backup"}\n{"tables":{},"changes":[]}');

async function refusal(p: Promise<unknown>): Promise<IoErrorCode | 'accepted'> {
  try {
    await p;
    return 'accepted';
  } catch (e) {
    if (e instanceof IoError) return e.code;
    throw e;
  }
}

/** The file with its header replaced by `edit(header)`, the sealed bytes kept. */
function withHeader(file: Uint8Array, edit: (h: Record<string, unknown>) => void): Uint8Array {
  const nl = file.indexOf(0x0a);
  const header = JSON.parse(new TextDecoder().decode(file.subarray(0, nl)));
  edit(header);
  const head = new TextEncoder().encode(JSON.stringify(header));
  const out = new Uint8Array(head.length + file.length - nl);
  out.set(head, 0);
  out.set(file.subarray(nl), head.length);
  return out;
}

describe('sealed backups', () => {
  it('round-trips a whole workspace through makeBackup and readBackup, and asks for the passphrase', async () => {
    const source = await demoWorkspace(30);
    cleanups.push(source.close);
    const file = await makeBackup(await readSnapshot(source.db), { workspace: { id: 'w1', name: '演示' }, createdBy: '王丽', passphrase: PASS });
    expect(isSealed(file)).toBe(true);
    // the header is plain, versioned, and says nothing of the workspace
    const { header } = sealedHeader(file);
    expect(header).toMatchObject({
      format: SEALED_FORMAT,
      version: 1,
      kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: PBKDF2_ITERATIONS },
      cipher: { name: 'AES-GCM' }
    });
    const text = new TextDecoder('latin1').decode(file);
    for (const secret of ['演示', '王丽', 'customers']) expect(text).not.toContain(secret);

    expect(await refusal(readBackup(file))).toBe('io.error.backupLocked');
    expect(await refusal(readBackup(file, 'not the passphrase'))).toBe('io.error.backupPassphrase');
    const opened = await readBackup(file, PASS);
    expect(opened.header).toMatchObject({ workspace: { name: '演示' }, counts: { customers: 30 } });
    const target = await freshWorkspace();
    cleanups.push(target.close);
    await target.writes.restoreSnapshot(opened.snapshot);
    const [a, b] = [await everything(source.db), await everything(target.db)];
    for (const key of ['customers', 'contacts', 'followUps', 'staff', 'orgUnits', 'settings']) expect(b[key], key).toEqual(a[key]);
    const ids = (rows: unknown) => (rows as { id: string }[]).map((c) => c.id);
    expect(ids(b.changes)).toEqual(ids(a.changes));
  }, 30_000);

  it('uses a fresh salt and IV for every file, and reads the passphrase as typed in any Unicode form', async () => {
    const [a, b] = [await sealBackup(plain, PASS, MIN_ITERATIONS), await sealBackup(plain, PASS, MIN_ITERATIONS)];
    const [ha, hb] = [sealedHeader(a).header, sealedHeader(b).header];
    expect(ha.kdf.salt).not.toBe(hb.kdf.salt);
    expect(ha.cipher.iv).not.toBe(hb.cipher.iv);
    const composed = await sealBackup(plain, 'café-passphrase'.normalize('NFC'), MIN_ITERATIONS);
    expect(await openSealed(composed, 'café-passphrase'.normalize('NFD'))).toEqual(plain);
  });

  it.each([
    ['the first sealed byte', (n: number) => n],
    ['a byte in the middle', (n: number, len: number) => n + Math.floor((len - n) / 2)],
    ['the last byte (the tag)', (_n: number, len: number) => len - 1]
  ])('refuses a file with %s changed, as damaged, not as a wrong passphrase', async (_what, at) => {
    const file = await sealBackup(plain, PASS, MIN_ITERATIONS);
    const changed = file.slice();
    changed[at(file.indexOf(0x0a) + 1, file.length)] ^= 0x01;
    expect(await refusal(openSealed(changed, PASS))).toBe('io.error.backupSealDamaged');
    expect(await openSealed(file, PASS)).toEqual(plain);
  });

  it('refuses a cut file as damaged', async () => {
    const file = await sealBackup(plain, PASS, MIN_ITERATIONS);
    expect(await refusal(openSealed(file.subarray(0, file.length - 5), PASS))).toBe('io.error.backupSealDamaged');
  });

  it.each<[string, (h: Record<string, unknown>) => void, IoErrorCode]>([
    ['a newer version', (h) => (h.version = 2), 'io.error.sealedVersion'],
    ['a version that is not a whole number', (h) => (h.version = '1'), 'io.error.backupFormat'],
    ['version 0', (h) => (h.version = 0), 'io.error.backupFormat'],
    ['another key derivation', (h) => ((h.kdf as Record<string, unknown>).name = 'scrypt'), 'io.error.backupFormat'],
    ['another cipher', (h) => ((h.cipher as Record<string, unknown>).name = 'AES-CBC'), 'io.error.backupFormat'],
    ['a weak iteration count', (h) => ((h.kdf as Record<string, unknown>).iterations = 1000), 'io.error.backupFormat'],
    ['an iteration count that would hang', (h) => ((h.kdf as Record<string, unknown>).iterations = 2e9), 'io.error.backupFormat'],
    ['a short salt', (h) => ((h.kdf as Record<string, unknown>).salt = 'AAAA'), 'io.error.backupFormat'],
    ['no IV', (h) => delete (h.cipher as Record<string, unknown>).iv, 'io.error.backupFormat'],
    // the header is bound to the content: changing what it says fails the check or the tag
    ['another salt', (h) => ((h.kdf as Record<string, unknown>).salt = btoa('x'.repeat(16))), 'io.error.backupPassphrase'],
    ['another IV', (h) => ((h.cipher as Record<string, unknown>).iv = btoa('y'.repeat(12))), 'io.error.backupSealDamaged'],
    ['a field added', (h) => (h.note = 'hi'), 'io.error.backupSealDamaged']
  ])('refuses a header with %s', async (_what, edit, code) => {
    const file = withHeader(await sealBackup(plain, PASS, MIN_ITERATIONS), edit);
    expect(await refusal(openSealed(file, PASS))).toBe(code);
  });

  it('tells plain backups and other files from sealed ones', async () => {
    expect(isSealed(await sealBackup(plain, PASS, MIN_ITERATIONS))).toBe(true);
    expect(isSealed(plain)).toBe(false);
    expect(isSealed(new Uint8Array([0x1f, 0x8b, 8, 0]))).toBe(false);
    expect(isSealed(new TextEncoder().encode(`{"format":"${SEALED_FORMAT}"`))).toBe(false);
    expect(await refusal(readBackup(new TextEncoder().encode(`{"format":"${SEALED_FORMAT}","version":1}\nxyz`), PASS))).toBe('io.error.backupFormat');
  });
});
