import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { addCustomer, countRecords, customerGrid, pasteBlock, start } from './helpers';

/**
 * Closing the page in the middle of a 10 000-row write leaves all of it or none of it. The write
 * is a paste of 10 000 rows. The page is closed at several moments after the paste, and once
 * exactly while the write's IndexedDB transaction is open (seen, and held open for a while, by
 * wrapping `IDBDatabase.prototype.transaction` in the page).
 */

const watchWrites = () => {
  const w = window as unknown as { __writes: { started: number; done: number } };
  w.__writes = { started: 0, done: 0 };
  const original = IDBDatabase.prototype.transaction;
  IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>) {
    const tx = original.apply(this, args);
    const stores = typeof args[0] === 'string' ? [args[0]] : Array.from(args[0]);
    if (args[1] === 'readwrite' && stores.includes('customers') && stores.includes('changes')) {
      w.__writes.started++;
      tx.addEventListener('complete', () => w.__writes.done++);
      // keep the transaction open for up to 5 s with a chain of reads, so that the test can
      // close the page while it is surely still in flight, however fast this machine writes
      if (w.__writes.started >= 2) {
        const until = performance.now() + 5000;
        const keepAlive = () => {
          if (performance.now() < until) tx.objectStore('meta').get('keep-alive').onsuccess = keepAlive;
        };
        keepAlive();
      }
    }
    return tx;
  } as IDBDatabase['transaction'];
};

async function pasteTenThousand(page: Page) {
  await start(page);
  await addCustomer(page, '第一位客户');
  await page.getByRole('link', { name: /返回客户列表/ }).click();
  await customerGrid(page).getByRole('gridcell', { name: '第一位客户' }).click();
  const rows = Array.from({ length: 10_000 }, (_, i) => [`批量客户${i + 1}`, `批量${i + 1}`]);
  await pasteBlock(page, rows);
}

/** Reopen the app and check all-or-nothing: the records and the change log move together. */
async function reopenAndCheck(context: BrowserContext): Promise<'all' | 'none'> {
  const again = await context.newPage();
  await again.goto('/customers');
  await expect(customerGrid(again).getByRole('gridcell').first()).toBeVisible();
  const n = await countRecords(again);
  expect([1, 10_000]).toContain(n);
  const log = await again.evaluate(async () => {
    const wsId = localStorage.getItem('kebu.workspace');
    const db = await new Promise<IDBDatabase>((resolve) => {
      const req = indexedDB.open(`kebu-ws-${wsId}`);
      req.onsuccess = () => resolve(req.result);
    });
    const count = await new Promise<number>((resolve) => {
      const req = db.transaction('changes').objectStore('changes').count();
      req.onsuccess = () => resolve(req.result);
    });
    db.close();
    return count;
  });
  // one change set for the first customer, one more only if the paste landed
  expect(log).toBe(n === 1 ? 1 : 2);
  return n === 1 ? 'none' : 'all';
}

test('closing the page while the 10 000-row write transaction is open keeps all or nothing', async ({ page, context }) => {
  await test.step('paste 10 000 rows and close the page inside their write transaction', async () => {
    await page.addInitScript(watchWrites);
    await pasteTenThousand(page);
    await page.waitForFunction(() => (window as unknown as { __writes: { started: number } }).__writes.started >= 2, null, {
      polling: 1
    });
    const state = await page.evaluate(() => (window as unknown as { __writes: { done: number } }).__writes);
    await page.close({ runBeforeUnload: false });
    // the paste's transaction had begun and had not completed when the page went away
    expect(state.done).toBe(1);
  });
  await test.step('reopen: all of the paste or none of it', async () => {
    const outcome = await reopenAndCheck(context);
    console.log(`closed inside the write transaction: ${outcome} of it written`);
  });
});

for (const delay of [0, 200, 600, 1500]) {
  test(`closing the page ${delay} ms into a 10 000-row paste keeps all or nothing`, async ({ page, context }) => {
    await test.step(`paste 10 000 rows and close the page ${delay} ms later`, async () => {
      await pasteTenThousand(page);
      await page.waitForTimeout(delay);
      await page.close({ runBeforeUnload: false });
    });
    await test.step('reopen: all of the paste or none of it', async () => {
      const outcome = await reopenAndCheck(context);
      console.log(`closed ${delay} ms into the paste: ${outcome} of it written`);
    });
  });
}
