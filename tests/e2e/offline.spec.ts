import { expect, test } from '@playwright/test';
import { addCustomer, customerGrid, start } from './helpers';

test('works offline after the first visit', async ({ page, context }) => {
  await test.step('first visit: a customer, the service worker in control', async () => {
    await start(page);
    await addCustomer(page, '离线测试客户');
    await page.getByRole('link', { name: /返回客户列表/ }).click();

    // wait until the service worker has cached the app and controls the page
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await page.reload();
    await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
  });

  await test.step('offline: the list reloads, with the offline notice', async () => {
    await context.setOffline(true);
    await page.reload();
    await expect(customerGrid(page).getByRole('gridcell', { name: '离线测试客户' })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: '当前离线' })).toBeVisible();
  });

  await test.step('offline: a deep link opens too', async () => {
    await page.goto('/quality');
    await expect(page.getByRole('heading', { name: '数据质量' })).toBeVisible();
  });

  await test.step('offline: the other language opens too (the service worker cached its messages)', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('heading', { name: 'Data quality' })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Data quality' })).toBeVisible();
    await page.getByRole('button', { name: '中文' }).click();
    await expect(page.getByRole('heading', { name: '数据质量' })).toBeVisible();
  });

  await test.step('storage is shown with its persistence', async () => {
    await page.getByRole('link', { name: '设置' }).click();
    await expect(page.getByTestId('storage-use')).toContainText('已用');
    await expect(page.getByTestId('storage-persistence')).toHaveText(/持久保存/);
    await context.setOffline(false);
  });
});
