/**
 * Issue 16, point 9: a compaction survives a reload, and what y-indexeddb loads no longer holds
 * the old log. Issue 16, point 6: the owner's state is saved. The share config the app holds is reactive
 * state (Svelte proxies); remembering "seeded" from it must store plain data, so that the second
 * open of a shared workspace does not push the whole snapshot again.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { createWorkspace, deleteWorkspace, listWorkspaces, setWorkspaceShare, sharedLogDbName, type ShareConfig } from '$lib/db/registry';
import { KebuDB } from '$lib/db/schema';
import { WritePath } from '$lib/db/write-path';
import { SyncConnection } from './connection';
import { newShareConfig } from './share';

/** What Svelte's `$state` makes of an object: proxies all the way down, which IndexedDB cannot clone. */
function reactive<T extends object>(value: T): T {
  return new Proxy(value, {
    get(target, key, receiver) {
      const v = Reflect.get(target, key, receiver) as unknown;
      return v && typeof v === 'object' ? reactive(v) : v;
    }
  });
}

/** The bytes y-indexeddb stores for a workspace's log (every stored update). */
async function storedBytes(workspaceId: string): Promise<number> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(sharedLogDbName(workspaceId));
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  const all = await new Promise<Uint8Array[]>((resolve, reject) => {
    const req = db.transaction('updates').objectStore('updates').getAll();
    req.onsuccess = () => resolve(req.result as Uint8Array[]);
    req.onerror = () => reject(req.error);
  });
  db.close();
  return all.reduce((n, u) => n + u.length, 0);
}

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

describe('SyncConnection and the device registry', () => {
  it('remembers "seeded" from reactive state, so a second open does not push the snapshot again', async () => {
    const info = await createWorkspace('共享的客户簿');
    cleanup.push(() => deleteWorkspace(info.id));
    const db = new KebuDB(`kebu-ws-${info.id}`);
    const writes = new WritePath(db, { id: 'owner', name: '王丽', device: 'laptop' });
    cleanup.push(() => {
      writes.destroy();
      db.close();
    });
    await writes.write('change.add', [
      { type: 'insert', table: 'customers', record: { kind: 'unit', name: '杭州顺达物流' } },
      { type: 'insert', table: 'customers', record: { kind: 'unit', name: '河北石油' } }
    ]);
    await setWorkspaceShare(info.id, newShareConfig({ signaling: [], relay: null, iceServers: [] }));
    const user = { id: 'owner', name: '王丽', device: 'laptop' };

    const open = async () => {
      const stored = (await listWorkspaces()).find((w) => w.id === info.id)!;
      const state = reactive(stored); // the session keeps the workspace list in $state
      let saving: Promise<void> | null = null;
      const conn = await SyncConnection.open({
        workspaceId: info.id,
        writes,
        config: state.share as ShareConfig,
        user,
        onSeeded: () => {
          saving = setWorkspaceShare(info.id, { ...state.share!, seeded: true });
        }
      });
      await saving;
      const length = conn.doc.getArray('log').length;
      conn.destroy();
      return { length, seeded: (await listWorkspaces()).find((w) => w.id === info.id)?.share?.seeded };
    };

    const first = await open();
    expect(first).toEqual({ length: 1, seeded: true });
    const second = await open();
    expect(second).toEqual({ length: 1, seeded: true });
  });

  it('compacts the log; a reload from y-indexeddb opens the new epoch without the old log', async () => {
    const info = await createWorkspace('压缩');
    cleanup.push(() => deleteWorkspace(info.id));
    const db = new KebuDB(`kebu-ws-${info.id}`);
    const writes = new WritePath(db, { id: 'owner', name: '王丽', device: 'laptop' });
    cleanup.push(() => {
      writes.destroy();
      db.close();
    });
    const config = { ...newShareConfig({ signaling: [], relay: null, iceServers: [] }), seeded: true };
    const user = { id: 'owner', name: '王丽', device: 'laptop' };
    const first = await SyncConnection.open({ workspaceId: info.id, writes, config, user });
    const cs = await writes.write('change.add', [{ type: 'insert', table: 'customers', record: { kind: 'unit', name: '杭州顺达物流' } }]);
    for (let i = 0; i < 30; i++)
      await writes.write('change.edit', [{ type: 'update', table: 'customers', id: cs.ops[0].id, patch: { notes: `第${i}次回访` } }]);
    const before = Y.encodeStateAsUpdate(first.doc).length;
    await new Promise((r) => setTimeout(r, 50));
    const storedBefore = await storedBytes(info.id);
    expect(storedBefore).toBeGreaterThanOrEqual(before);
    expect(await first.compact()).toBe(true);
    expect(first.status).toMatchObject({ epoch: 1, elements: 1 });
    // y-indexeddb's copy is rewritten as one update a second after the epoch changed
    await new Promise((r) => setTimeout(r, 1500));
    expect(await storedBytes(info.id)).toBeLessThan(storedBefore / 4);
    first.destroy();

    const again = await SyncConnection.open({ workspaceId: info.id, writes, config, user });
    cleanup.push(() => again.destroy());
    expect(again.status).toMatchObject({ epoch: 1, elements: 1 });
    expect(again.doc.getArray('log').length).toBe(0);
    expect(Y.encodeStateAsUpdate(again.doc).length).toBeLessThan(before / 4);
    expect((await db.customers.get(cs.ops[0].id))?.notes).toBe('第29次回访');
  }, 30_000);
});
