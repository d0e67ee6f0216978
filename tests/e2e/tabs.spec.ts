import { expect, test } from '@playwright/test';
import { addCustomer, customerGrid, start } from './helpers';

test('an edit in one tab appears in another', async ({ page, context }) => {
  const other = await context.newPage();
  await test.step('a customer added in one tab shows in a second', async () => {
    await start(page);
    await addCustomer(page, '广州恒丰建材');
    await page.getByRole('link', { name: /返回客户列表/ }).click();

    await other.goto('/customers');
    await expect(customerGrid(other).getByRole('gridcell', { name: '广州恒丰建材' })).toBeVisible();
  });

  await test.step('an edit of its name in the first tab shows in the second', async () => {
    const cell = customerGrid(page).getByRole('gridcell', { name: '广州恒丰建材' });
    await cell.click();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('广州恒丰建材有限公司');
    await page.keyboard.press('Enter');
    await expect(customerGrid(page).getByRole('gridcell', { name: '广州恒丰建材有限公司' })).toBeVisible();
    await expect(customerGrid(other).getByRole('gridcell', { name: '广州恒丰建材有限公司' })).toBeVisible();
  });
});
