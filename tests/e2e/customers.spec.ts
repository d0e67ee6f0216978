import { expect, test } from '@playwright/test';
import { addCustomer, countRecords, customerGrid, pasteBlock, start } from './helpers';

test('create a customer, edit cells by keyboard, paste a block from a spreadsheet, undo it, reload', async ({ page }) => {
  await start(page);

  // create a customer
  await addCustomer(page, '杭州顺达物流有限公司');
  await expect(page.getByRole('heading', { name: '杭州顺达物流有限公司' })).toBeVisible();
  await page.getByRole('link', { name: /返回客户列表/ }).click();

  const grid = customerGrid(page);
  const name = grid.getByRole('gridcell', { name: '杭州顺达物流有限公司' });
  await expect(name).toBeVisible();

  // edit by keyboard: move right to the short name, type, Enter; then Tab along and type a tier
  await name.click();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.type('顺达');
  await page.keyboard.press('Enter');
  await expect(grid.getByRole('gridcell', { name: '顺达', exact: true })).toBeVisible();

  // an invalid value is refused with a message and the old value stays
  await name.click();
  await page.keyboard.press('Home');
  await page.keyboard.type('公司');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: '请从选项中选择' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(grid.getByRole('gridcell', { name: '单位', exact: true })).toBeVisible();

  // paste a 3×4 block (name, short name, credit code, ID number) starting on the name cell:
  // it overwrites the first row and adds two rows below
  await name.click();
  await pasteBlock(page, [
    ['河北石油化工有限公司', '河北石油', '91130100MA07L1LW1M', ''],
    ['成都蜀香餐饮管理有限公司', '蜀香餐饮', '91510100MA61R0XL6B', ''],
    ['张伟', '', '', '110101199003074477']
  ]);
  await expect(grid.getByRole('gridcell', { name: '成都蜀香餐饮管理有限公司' })).toBeVisible();
  await expect(grid.getByRole('gridcell', { name: '张伟', exact: true })).toBeVisible();
  await expect(grid.getByRole('gridcell', { name: '河北石油化工有限公司' })).toBeVisible();
  expect(await countRecords(page)).toBe(3);

  // one undo takes the whole paste back
  await page.keyboard.press('Control+z');
  await expect(grid.getByRole('gridcell', { name: '成都蜀香餐饮管理有限公司' })).toHaveCount(0);
  await expect(grid.getByRole('gridcell', { name: '杭州顺达物流有限公司' })).toBeVisible();
  expect(await countRecords(page)).toBe(1);

  // reload: the undone state is kept, and so is the redo stack
  await page.reload();
  await expect(customerGrid(page).getByRole('gridcell', { name: '杭州顺达物流有限公司' })).toBeVisible();
  await expect(customerGrid(page).getByRole('gridcell', { name: '顺达', exact: true })).toBeVisible();
  expect(await countRecords(page)).toBe(1);
  await page.getByRole('button', { name: '重做' }).click();
  await expect(customerGrid(page).getByRole('gridcell', { name: '张伟', exact: true })).toBeVisible();
  expect(await countRecords(page)).toBe(3);
});

test('quick search matches pinyin initials', async ({ page }) => {
  await start(page);
  const grid = customerGrid(page);
  for (const name of ['河北石油化工有限公司', '杭州顺达物流有限公司']) {
    await addCustomer(page, name);
    await page.getByRole('link', { name: /返回客户列表/ }).click();
  }
  const search = page.getByRole('searchbox');
  await search.fill('hbsy');
  await expect(grid.getByRole('gridcell', { name: '河北石油化工有限公司' })).toBeVisible();
  await expect(grid.getByRole('gridcell', { name: '杭州顺达物流有限公司' })).toHaveCount(0);
  await search.fill('shunda');
  await expect(grid.getByRole('gridcell', { name: '杭州顺达物流有限公司' })).toBeVisible();
  await expect(grid.getByRole('gridcell', { name: '河北石油化工有限公司' })).toHaveCount(0);
});

test('a name that looks like HTML shows as text', async ({ page }) => {
  let dialogs = 0;
  page.on('dialog', async (d) => {
    dialogs++;
    await d.dismiss();
  });
  await start(page);
  const evil = '<img src=x onerror=alert(1)>';
  await addCustomer(page, evil);
  await expect(page.getByRole('heading', { name: evil })).toBeVisible();
  await page.getByRole('link', { name: /返回客户列表/ }).click();
  await expect(customerGrid(page).getByRole('gridcell', { name: evil })).toBeVisible();
  await expect(page.locator('main img')).toHaveCount(0);
  expect(dialogs).toBe(0);
});
