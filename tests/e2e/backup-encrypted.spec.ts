/**
 * A backup encrypted with a passphrase: made from Settings, it holds no customer data in the clear;
 * restoring it asks for the passphrase, refuses a wrong one and an altered file with a clear
 * message (and creates nothing), and with the right one restores the workspace as a new one,
 * which is still there after a reload.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { addCustomer, countRecords, customerGrid, start } from './helpers';

const PASS = '春眠不觉晓-2026';

test('back up with a passphrase, restore into a new workspace: wrong passphrase, altered file, then the right one', async ({ page }) => {
  test.setTimeout(120_000);
  await start(page, 'empty', '王丽');
  await addCustomer(page, '河北石油');
  await page.getByRole('link', { name: /返回客户列表/ }).click();
  await addCustomer(page, '杭州顺达物流');
  await page.getByRole('link', { name: /返回客户列表/ }).click();
  await expect.poll(() => countRecords(page)).toBe(2);
  const switcher = page.getByLabel('切换工作区');
  const workspaces = await switcher.locator('option').count();

  await page.getByRole('link', { name: '设置' }).click();
  const section = page.getByRole('region', { name: '备份与恢复' });
  await section.getByRole('checkbox', { name: '用口令加密备份' }).check();
  // a short passphrase, then two that differ: said, and no file
  await section.getByLabel('口令', { exact: true }).fill('短口令');
  await section.getByRole('button', { name: '下载备份' }).click();
  await expect(section.getByRole('alert')).toHaveText('口令至少需要 8 个字符。');
  await section.getByLabel('口令', { exact: true }).fill(PASS);
  await section.getByLabel('再次输入口令').fill(`${PASS}!`);
  await section.getByRole('button', { name: '下载备份' }).click();
  await expect(section.getByRole('alert')).toHaveText('两次输入的口令不一致。');
  await section.getByLabel('再次输入口令').fill(PASS);
  const download = page.waitForEvent('download');
  await section.getByRole('button', { name: '下载备份' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.kebu$/);
  const bytes = readFileSync(await file.path());
  expect(bytes.subarray(0, 60).toString()).toMatch(/^\{"format":"kebu-sealed-backup","version":1,/);
  expect(bytes.includes(Buffer.from('河北石油'))).toBe(false);
  await expect(section.getByRole('alert')).toHaveCount(0);

  // choosing it asks for the passphrase
  await section.getByLabel('备份文件').setInputFiles({ name: 'sealed.kebu', mimeType: 'application/octet-stream', buffer: bytes });
  await expect(section.getByText('这个备份已加密，请输入它的口令。')).toBeVisible({ timeout: 30_000 });
  const unlock = section.getByLabel('备份口令');
  await unlock.fill('不是这个口令');
  await section.getByRole('button', { name: '打开备份' }).click();
  await expect(section.getByRole('alert')).toContainText('口令不对', { timeout: 30_000 });
  await expect(section.getByRole('button', { name: '恢复为新工作区' })).toHaveCount(0);

  // an altered copy, with the right passphrase: damaged, not "wrong passphrase"
  const altered = Buffer.from(bytes);
  altered[altered.length - 20] ^= 0x01;
  await section.getByLabel('备份文件').setInputFiles({ name: 'altered.kebu', mimeType: 'application/octet-stream', buffer: altered });
  await unlock.fill(PASS);
  await section.getByRole('button', { name: '打开备份' }).click();
  await expect(section.getByRole('alert')).toContainText('加密的备份已损坏或被改动过', { timeout: 30_000 });
  await expect(switcher.locator('option')).toHaveCount(workspaces);

  // the real file, the right passphrase
  await section.getByLabel('备份文件').setInputFiles({ name: 'sealed.kebu', mimeType: 'application/octet-stream', buffer: bytes });
  await unlock.fill(PASS);
  await section.getByRole('button', { name: '打开备份' }).click();
  await expect(section.getByRole('status')).toContainText('备份有效', { timeout: 30_000 });
  await expect(section.getByRole('status')).toContainText('2 位客户');
  await section.getByRole('button', { name: '恢复为新工作区' }).click();
  await expect(page.getByRole('heading', { name: '客户档案' })).toBeVisible();
  await expect(switcher.locator('option:checked')).toContainText('（恢复）');
  await expect(switcher.locator('option')).toHaveCount(workspaces + 1);
  for (const name of ['河北石油', '杭州顺达物流']) await expect(customerGrid(page).getByRole('gridcell', { name, exact: true })).toBeVisible();

  // a second time, after a reload: the restored workspace is still open, with its records
  await page.reload();
  await expect(page.getByRole('heading', { name: '客户档案' })).toBeVisible();
  await expect(switcher.locator('option:checked')).toContainText('（恢复）');
  await expect.poll(() => countRecords(page)).toBe(2);
  await expect(customerGrid(page).getByRole('gridcell', { name: '河北石油', exact: true })).toBeVisible();
});
