import { expect, test } from '@playwright/test';
import { addCustomer, countRecords, customerGrid, pasteBlock, start } from './helpers';

/**
 * Closing the page in the middle of a 10 000-row write leaves all of it or none of it. The write
 * is a paste of 10 000 rows; the page is closed at several moments after the paste starts.
 */
for (const delay of [0, 30, 120, 400]) {
  test(`closing the page ${delay} ms into a 10 000-row paste keeps all or nothing`, async ({ page, context }) => {
    await start(page);
    await addCustomer(page, '第一位客户');
    await page.getByRole('link', { name: /返回客户列表/ }).click();
    await customerGrid(page).getByRole('gridcell', { name: '第一位客户' }).click();

    const rows = Array.from({ length: 10_000 }, (_, i) => [`批量客户${i + 1}`, `批量${i + 1}`]);
    await pasteBlock(page, rows);
    await page.waitForTimeout(delay);
    await page.close({ runBeforeUnload: false });

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
    // the change log moves with the data: one entry for the first customer, one more if the paste landed
    expect(log).toBe(n === 1 ? 1 : 2);
  });
}
