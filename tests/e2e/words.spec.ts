import { expect, test } from '@playwright/test';
import { start } from './helpers';

/**
 * Issue 15.7, the words on screen: the name prompt clears once a name is typed; the file picker
 * speaks the user's language and works from the keyboard; the receivables page explains DSO and
 * shows no developer figures; the language button is named by what it shows.
 */

test('the name prompt clears its error as soon as a name is typed', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: '开始使用' }).click();
  const name = page.getByLabel('您的姓名');
  await expect(page.getByRole('alert')).toHaveText('请填写姓名');
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(name).toHaveAccessibleDescription('请填写姓名');
  await name.fill('王丽');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(name).not.toHaveAttribute('aria-invalid', 'true');
  // blank again: the prompt comes back on the next try, not while typing
  await name.fill('  ');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.getByRole('button', { name: '开始使用' }).click();
  await expect(page.getByRole('alert')).toHaveText('请填写姓名');
});

test('file pickers speak the user’s language and open from the keyboard', async ({ page }) => {
  await start(page);
  await page.getByRole('button', { name: '导入', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: '导入数据' });
  const pick = dialog.getByRole('button', { name: '选择文件…' });
  await expect(pick).toHaveAccessibleDescription(/表格文件/);
  await expect(pick).toBeVisible();
  await expect(dialog.getByText('未选择文件')).toBeVisible();
  // the browser's own words never show: the native input is out of sight and out of the tab order
  const native = dialog.locator('input[type="file"]');
  await expect(native).toHaveAttribute('tabindex', '-1');
  expect(await native.evaluate((el) => el.getBoundingClientRect().width)).toBeLessThanOrEqual(1);
  await pick.focus();
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Enter');
  await (await chooser).setFiles({ name: '客户.csv', mimeType: 'text/csv', buffer: Buffer.from('名称\n杭州顺达物流有限公司\n') });
  await expect(dialog.getByText('客户.csv', { exact: true })).toBeVisible();
  // the field is still found by its label, as the import spec sets files
  await expect(dialog.getByLabel('表格文件')).toHaveCount(1);
  await page.keyboard.press('Escape');

  // in English
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('dialog').getByRole('button', { name: /Choose a file/ })).toBeVisible();
  await expect(page.getByRole('dialog').getByText('No file chosen')).toBeVisible();
});

test('receivables explain DSO in plain words and show no developer figures', async ({ page }) => {
  await start(page, 'demo');
  await page.getByRole('navigation').getByRole('link', { name: '应收账款' }).click();
  await expect(page.getByText(/DSO（应收账款周转天数）是客户平均要多少天才付清/)).toBeVisible();
  await expect(page.getByText(/算法：把近 90 天开头和今天的应收余额取平均/)).toBeVisible();
  await expect(page.getByText(/毫秒/)).toHaveCount(0);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByText(/how many days, on average, customers take to pay/)).toBeVisible();
  await expect(page.getByText(/ ms\b|Computed in/)).toHaveCount(0);
  await expect(page.getByRole('button', { name: '中文' })).toBeVisible();
});
