import { expect, test } from '@playwright/test';
import { countRecords, customerGrid, start } from './helpers';

test('the demo workspace is one click away, and a customer page shows contacts, log, completeness and duplicates', async ({ page }) => {
  const grid = customerGrid(page);
  await test.step('load the demo workspace', async () => {
    await start(page, 'demo');
    await expect(grid.getByRole('gridcell').first()).toBeVisible();
    expect(await countRecords(page)).toBe(300);
    expect(await countRecords(page, 'contacts')).toBeGreaterThan(100);
  });

  await test.step('open the first customer', async () => {
    await grid.getByRole('button', { name: /打开/ }).first().click();
    await expect(page.getByRole('heading', { name: /完整度/ })).toBeVisible();
    await expect(page.getByRole('heading', { name: /联系人/ })).toBeVisible();
    await expect(page.getByRole('heading', { name: /疑似重复/ })).toBeVisible();
  });

  await test.step('log a contact in two clicks', async () => {
    const log = page.getByRole('heading', { name: /回访记录/ });
    const before = Number((await log.textContent())?.match(/\((\d+)\)/)?.[1]);
    await page.getByRole('button', { name: '记录联系' }).click();
    await page.getByRole('button', { name: '保存' }).click();
    await expect(log).toContainText(`(${before + 1})`);
  });

  await test.step('switch language', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('heading', { name: /Follow-ups/ })).toBeVisible();
    await page.getByRole('link', { name: 'Data quality' }).click();
    await expect(page.getByRole('grid', { name: 'Data quality' }).getByRole('gridcell').first()).toBeVisible();
  });
});
