/** entries.ts: replication entries read back from the log and snapshots of the whole workspace. */
import { describe, expect, it } from 'vitest';
import { KebuDB } from './schema';
import { WritePath } from './write-path';

describe('entries rebuilt from the log (writes made in a worker)', () => {
  it('entryOf and snapshotEntries carry each field with its own stamp, so another device ends up equal', async () => {
    const a = new KebuDB(`entry-of-a-${Date.now()}`);
    const b = new KebuDB(`entry-of-b-${Date.now()}`);
    const wa = new WritePath(a, { id: '01ACTORAAAAAAAAAAAAAAAAAAA', name: 'A', device: 'worker' });
    const wb = new WritePath(b, { id: '01ACTORBBBBBBBBBBBBBBBBBBB', name: 'B', device: 'page' });
    try {
      const first = await wa.write('change.import', [
        { type: 'insert', table: 'customers', record: { kind: 'unit', name: '河北石油', city: '石家庄' } },
        { type: 'insert', table: 'customers', record: { kind: 'individual', name: '张伟' } }
      ]);
      const [hebei] = await a.customers.where('name').equals('河北石油').toArray();
      const second = await wa.write('change.edit', [{ type: 'update', table: 'customers', id: hebei.id, patch: { city: '保定' } }]);
      const e1 = await wa.entryOf(first.id);
      const e2 = await wa.entryOf(second.id);
      expect(e1?.ops.map((o) => o.ins)).toEqual([1, 1]);
      expect(e2?.ops).toEqual([{ t: 'customers', id: hebei.id, f: { city: ['保定', second.at, '01ACTORAAAAAAAAAAAAAAAAAAA'] } }]);
      expect(await wa.entryOf('no-such-change-set')).toBeNull();
      // arriving in either order gives the same records
      await wb.applyRemote([e2!, e1!]);
      const strip = (rows: object[]) =>
        (rows as Record<string, unknown>[])
          .map(({ updatedAt: _u, updatedBy: _b, ...r }) => r)
          .sort((x, y) => String(x.id).localeCompare(String(y.id)));
      expect(strip(await b.customers.toArray())).toEqual(strip(await a.customers.toArray()));

      // a snapshot of the whole workspace applied on a third device gives the same records too
      const c = new KebuDB(`entry-of-c-${Date.now()}`);
      const wc = new WritePath(c, { id: '01ACTORCCCCCCCCCCCCCCCCCCC', name: 'C', device: 'phone' });
      const snapshot = await wa.snapshotEntries(1);
      expect(snapshot).toHaveLength(2);
      await wc.applyRemote(snapshot);
      expect(strip(await c.customers.toArray())).toEqual(strip(await a.customers.toArray()));
      wc.destroy();
      c.close();
      await c.delete();
    } finally {
      wa.destroy();
      wb.destroy();
      a.close();
      b.close();
      await a.delete();
      await b.delete();
    }
  });
});
