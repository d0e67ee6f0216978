import { expect, test } from '@playwright/test';
import { addCustomer, customerGrid, start } from './helpers';

test('works offline after the first visit', async ({ page, context }) => {
  await start(page);
  await addCustomer(page, '离线测试客户');
  await page.getByRole('link', { name: /返回客户列表/ }).click();

  // wait until the service worker has cached the app and controls the page
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);

  await context.setOffline(true);
  await page.reload();
  await expect(customerGrid(page).getByRole('gridcell', { name: '离线测试客户' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: '当前离线' })).toBeVisible();

  // a deep link opens offline too
  await page.goto('/quality');
  await expect(page.getByRole('heading', { name: '数据质量' })).toBeVisible();

  // storage is shown with its persistence
  await page.getByRole('link', { name: '设置' }).click();
  await expect(page.getByTestId('storage-use')).toContainText('已用');
  await expect(page.getByTestId('storage-persistence')).toHaveText(/持久保存/);
  await context.setOffline(false);
});
