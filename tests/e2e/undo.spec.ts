import { expect, test } from '@playwright/test';
import { addCustomer, countRecords, customerGrid, start } from './helpers';

/** Issue 15: an undo or redo of more than 100 records asks first, naming how many; Enter goes ahead, Esc keeps everything. */
test('undoing the demo load asks first (zh-CN), redoing it asks too (en), and a small undo goes through at once', async ({ page }) => {
  const dialog = page.getByRole('dialog');

  await test.step('load the demo: 300 customers', async () => {
    await start(page, 'demo');
    await expect(customerGrid(page).getByRole('gridcell').first()).toBeVisible();
    expect(await countRecords(page)).toBe(300);
  });

  await test.step('Undo asks, naming the count; Esc keeps every record', async () => {
    await page.getByRole('button', { name: '撤销', exact: true }).click();
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('heading', { name: '撤销大量更改？' })).toBeVisible();
    const text = (await dialog.textContent()) ?? '';
    const count = Number(text.match(/撤销“载入演示数据”将删除或更改 (\d+) 条记录/)?.[1]);
    expect(count).toBeGreaterThanOrEqual(300);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    expect(await countRecords(page)).toBe(300);
    await expect(page.getByRole('button', { name: '撤销', exact: true })).toBeEnabled();
  });

  await test.step('Ctrl+Z asks the same question; Enter takes the demo load back', async () => {
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+z');
    await expect(dialog.getByRole('button', { name: /^撤销 \d+ 条记录$/ })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('status').getByText('已撤销：载入演示数据')).toBeVisible();
    await expect.poll(() => countRecords(page)).toBe(0);
  });

  await test.step('in English, Redo asks too: Esc keeps it undone, Enter brings it back', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: 'Redo', exact: true }).click();
    await expect(dialog.getByRole('heading', { name: 'Redo a large change?' })).toBeVisible();
    await expect(dialog).toContainText(/Redoing “Load demo data” will remove or change \d{3,} records\./);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    expect(await countRecords(page)).toBe(0);
    await page.getByRole('button', { name: 'Redo', exact: true }).click();
    await expect(dialog.getByRole('button', { name: /^Redo \d+ records$/ })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect.poll(() => countRecords(page)).toBe(300);
    await page.getByRole('button', { name: '中文' }).click();
  });

  await test.step('a small undo goes through without asking', async () => {
    await addCustomer(page, '杭州顺达物流');
    expect(await countRecords(page)).toBe(301);
    await page.getByRole('button', { name: '撤销', exact: true }).click();
    await expect(page.getByRole('status').getByText(/^已撤销/)).toBeVisible();
    await expect.poll(() => countRecords(page)).toBe(300);
    await expect(dialog).toBeHidden();
  });
});
