/**
 * What the write path's specs share: two people, a fresh workspace database and write path per
 * test (deleted after it), and an insert of a customer. Only tests import this file.
 */
import { afterEach, beforeEach } from 'vitest';
import { KebuDB } from './schema';
import { WritePath, type Actor } from './write-path';

export const alice: Actor = { id: 'alice', name: '王丽', device: 'laptop' };
export const bob: Actor = { id: 'bob', name: '李强', device: 'phone' };

let n = 0;

/** Before each test a new database and alice's write path are handed to `use`; after it both go. */
export function freshWritePath(use: (db: KebuDB, wp: WritePath) => void): void {
  let db: KebuDB;
  let wp: WritePath;
  beforeEach(async () => {
    db = new KebuDB(`wp-test-${++n}-${Math.random().toString(36).slice(2)}`);
    await db.open();
    wp = new WritePath(db, alice);
    use(db, wp);
  });
  afterEach(async () => {
    wp.destroy();
    db.close();
    await db.delete();
  });
}

export const customer = (name: string, extra: Record<string, unknown> = {}) => ({
  type: 'insert' as const,
  table: 'customers' as const,
  record: { kind: 'unit', name, ...extra }
});
