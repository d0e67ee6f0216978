/**
 * Shared workspaces through the real relay (`servers/relay.js`, started as its own process) with
 * real WebSockets: an owner shares a workspace that already has records, a member joins with a
 * fresh copy, both edit, and after the relay restarts a third device that meets nobody but the
 * relay still receives everything (the relay keeps rooms on its disk).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { KebuDB } from '$lib/db/schema';
import { WritePath } from '$lib/db/write-path';
import { newId } from '$lib/db/ids';
import { SyncConnection, type ShareConfig } from './connection';
import { newShareConfig } from './share';
import { freePort, startServer, type Server } from '../../../tests/servers';

let relay: Server | null = null;
let port = 0;
const dir = mkdtempSync(join(tmpdir(), 'kebu-relay-'));

async function startRelay() {
  relay = await startServer('relay', { port, env: { KEBU_RELAY_DIR: dir } });
}

async function stopRelay() {
  await relay?.stop();
  relay = null;
}

let n = 0;
const devices: { db: KebuDB; writes: WritePath; conn?: SyncConnection }[] = [];

async function device(name: string, config: ShareConfig, before?: (w: WritePath) => Promise<void>) {
  const id = `relay-${process.pid}-${++n}`;
  const db = new KebuDB(`kebu-ws-${id}`);
  const actor = newId();
  const writes = new WritePath(db, { id: actor, name, device: 'test' });
  const d: (typeof devices)[number] = { db, writes };
  devices.push(d);
  if (before) await before(writes);
  d.conn = await SyncConnection.open({ workspaceId: id, writes, config, user: { id: actor, name, device: 'test' }, WebSocket });
  return d;
}

async function until(what: string, fn: () => Promise<boolean>, ms = 10_000) {
  const end = Date.now() + ms;
  while (!(await fn())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const names = async (db: KebuDB) =>
  (await db.customers.toArray())
    .filter((c) => !c.deleted)
    .map((c) => c.name)
    .sort();

beforeAll(async () => {
  port = await freePort();
  await startRelay();
});
afterEach(() => vi.restoreAllMocks());
afterAll(async () => {
  for (const d of devices) {
    d.conn?.destroy();
    d.writes.destroy();
    d.db.close();
  }
  await stopRelay();
  rmSync(dir, { recursive: true, force: true });
});

describe('sharing through the relay', () => {
  it('carries records written before sharing, live edits both ways, and keeps rooms across a restart', async () => {
    const base = newShareConfig({ signaling: [], relay: `ws://127.0.0.1:${port}`, iceServers: [] });
    const owner = await device('王丽', base, async (w) => {
      await w.write('change.add', [{ type: 'insert', table: 'customers', record: { kind: 'unit', name: '河北石油' } }]);
    });
    await until('the owner reaches the relay', async () => owner.conn!.status.relay === 'connected');
    const member = await device('李强', { ...base, role: 'member', seeded: true });
    await until('the member receives the owner’s record', async () => (await names(member.db)).includes('河北石油'));

    await member.writes.write('change.add', [{ type: 'insert', table: 'customers', record: { kind: 'unit', name: '杭州顺达物流' } }]);
    const hebei = (await owner.db.customers.toArray())[0];
    await owner.writes.write('change.edit', [{ type: 'update', table: 'customers', id: hebei.id, patch: { city: '石家庄' } }]);
    await until('both devices converge', async () => {
      const [a, b] = [await names(owner.db), await names(member.db)];
      const city = (await member.db.customers.get(hebei.id))?.city;
      return a.length === 2 && JSON.stringify(a) === JSON.stringify(b) && city === '石家庄';
    });
    expect(owner.conn!.presence.filter((p) => !p.self).map((p) => p.name)).toEqual(['李强']);

    for (const d of devices.splice(0)) {
      d.conn?.destroy();
      d.writes.destroy();
      d.db.close();
    }
    await stopRelay();
    await startRelay();
    const late = await device('赵敏', { ...base, role: 'member', seeded: true });
    await until('a device that meets only the relay gets everything', async () => (await names(late.db)).length === 2);
    expect(await names(late.db)).toEqual(['杭州顺达物流', '河北石油']);
    expect((await late.db.customers.get(hebei.id))?.city).toBe('石家庄');

    // the room without its secret (an old invite after the secret changed) leads to an empty room
    const stranger = await device('外人', { ...base, secret: 'wrong-secret-0123456789abcdef', role: 'member', seeded: true });
    await until('the stranger reaches the relay', async () => stranger.conn!.status.relay === 'connected');
    await new Promise((r) => setTimeout(r, 1000));
    expect(await names(stranger.db)).toEqual([]);
    expect(late.conn!.presence.map((p) => p.name)).toEqual(['赵敏']);
  }, 40_000);
});
