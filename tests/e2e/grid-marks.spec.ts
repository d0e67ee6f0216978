import { expect, test, type Page } from '@playwright/test';
import { addCustomer, countRecords, customerGrid, pasteBlock, start } from './helpers';

/**
 * Issue 15.5: the grid marks what the customer form marks; a paste with some bad cells pastes
 * the good ones and lists the others (one undo takes it back); 名称 stays frozen; the row order
 * survives a reload; a quick search is not silently re-applied the next day.
 */

/** The texts of the 名称 cells of the first rows, in display order. */
async function firstNames(page: Page, n: number): Promise<string[]> {
  const grid = customerGrid(page);
  const col = await grid.getByRole('columnheader', { name: /^名称/ }).getAttribute('aria-colindex');
  const out: string[] = [];
  for (let r = 0; r < n; r++) {
    const cell = grid.locator(`[role="row"][aria-rowindex="${r + 2}"] [role="gridcell"][aria-colindex="${col}"]`);
    out.push((await cell.textContent())?.trim() ?? '');
  }
  return out;
}

test('bad identity numbers are marked in their cells; a paste keeps its good cells and lists the bad ones', async ({ page }) => {
  await start(page);
  await addCustomer(page, '杭州顺达物流有限公司');
  await page.getByRole('link', { name: /返回客户列表/ }).click();
  const grid = customerGrid(page);

  // from the 类型 cell: 类型, 名称, 简称, 统一社会信用代码, 身份证号码
  await grid.getByRole('gridcell', { name: '单位', exact: true }).click();
  await pasteBlock(page, [
    ['单位', '杭州顺达物流有限公司', '顺达', '91330100MA27XXXX1A', ''],
    ['公司', '成都蜀香餐饮管理有限公司', '蜀香餐饮', '91510100MA61R0XL6N', ''],
    ['个人', '张伟', '', '', '110101199003074477']
  ]);
  // the good cells landed, the bad one is listed with its reason
  await expect(grid.getByRole('gridcell', { name: '成都蜀香餐饮管理有限公司' })).toBeVisible();
  await expect(grid.getByRole('gridcell', { name: '张伟', exact: true })).toBeVisible();
  const alert = page.getByRole('alert').filter({ hasText: '以下 1 个单元格未粘贴' });
  await expect(alert).toBeVisible();
  await expect(alert.getByRole('listitem')).toHaveText(['第 2 行“类型”：请从选项中选择']);
  expect(await countRecords(page)).toBe(3);

  // the wrong credit code is marked, explained on hover and to screen readers; the right ones are not
  const bad = grid.getByRole('gridcell', { name: '91330100MA27XXXX1A' });
  await expect(bad).toHaveAttribute('aria-invalid', 'true');
  await expect(bad).toHaveAttribute('title', /校验码不符|含有不允许的字符/);
  await expect(bad).toHaveAccessibleDescription(/校验码不符|含有不允许的字符/);
  await expect(grid.getByRole('gridcell', { name: '91510100MA61R0XL6N' })).not.toHaveAttribute('aria-invalid', 'true');
  await expect(grid.getByRole('gridcell', { name: '110101199003074477' })).not.toHaveAttribute('aria-invalid', 'true');

  // the customer's form marks the same value
  await grid.getByRole('gridcell', { name: '杭州顺达物流有限公司' }).click();
  await page.keyboard.press('Control+Enter');
  await expect(page.getByLabel('统一社会信用代码')).toHaveAttribute('aria-invalid', 'true');
  await page.getByRole('link', { name: /返回客户列表/ }).click();

  // one undo takes the whole paste back
  await customerGrid(page).getByRole('gridcell', { name: '张伟', exact: true }).click();
  await page.keyboard.press('Control+z');
  await expect(customerGrid(page).getByRole('gridcell', { name: '张伟', exact: true })).toHaveCount(0);
  expect(await countRecords(page)).toBe(1);

  // in English, the mark explains itself in English
  await page.keyboard.press('Control+y');
  await page.getByRole('button', { name: 'English' }).click();
  const badEn = page.getByRole('grid').getByRole('gridcell', { name: '91330100MA27XXXX1A' });
  await expect(badEn).toHaveAccessibleDescription(/Check character|not allowed/);
});

test('名称 stays in sight, the order survives a reload, and a quick search does not outlive its day', async ({ page }) => {
  await start(page, 'demo');
  await addCustomer(page, '新来的客户有限公司');
  await page.getByRole('link', { name: /返回客户列表/ }).click();
  const grid = customerGrid(page);
  await expect(grid.getByRole('gridcell').first()).toBeVisible();

  // the same order before and after a reload (the new customer is last, not first)
  const before = await firstNames(page, 5);
  expect(before).not.toContain('新来的客户有限公司');
  await page.reload();
  await expect(customerGrid(page).getByRole('gridcell').first()).toBeVisible();
  expect(await firstNames(page, 5)).toEqual(before);

  // 名称 is frozen: scrolled far right, its header and cells are still there
  await customerGrid(page).evaluate((el) => (el.scrollLeft = 4000));
  await expect(customerGrid(page).getByRole('columnheader', { name: /^名称/ })).toBeInViewport();
  await expect(customerGrid(page).getByRole('gridcell', { name: before[0], exact: true })).toBeInViewport();

  // a quick search comes back after a reload the same day, with a button that clears it
  const search = page.getByRole('searchbox', { name: '快速搜索' });
  await search.fill('新来的');
  await expect(page.getByText(/^1 \/ \d+ 行$/)).toBeVisible();
  await page.reload();
  await expect(search).toHaveValue('新来的');
  await expect(page.getByText(/^1 \/ \d+ 行$/)).toBeVisible();

  // the next day the list opens whole
  const tomorrow = await page.evaluate(() => {
    const d = new Date(Date.now() + 86_400_000);
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  });
  await page.goto(`/customers?today=${tomorrow}`);
  await expect(search).toHaveValue('');
  await expect(page.getByText(/^30\d 行$/)).toBeVisible();

  // and a search typed today is cleared by its button
  await search.fill('新来的');
  await page.getByRole('button', { name: '清除搜索' }).click();
  await expect(search).toHaveValue('');
  await page.goto('/customers?today=');
});
