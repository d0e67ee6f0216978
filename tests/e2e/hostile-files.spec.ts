/**
 * Hostile files through the real import wizard (issue 16.7): each is stopped with a message that
 * names the limit and the cell, or read with every cell accounted for; nothing is written by a
 * refused file; and the page never has a task over 200 ms meanwhile (the reading runs in the
 * import worker). The corpus is made by scripts/make-hostile.mjs.
 */
import { execFileSync } from 'node:child_process';
import { expect, test, type Page } from '@playwright/test';
import { countRecords, start } from './helpers';

const hostile = (name: string) => new URL(`../fixtures/hostile/${name}`, import.meta.url).pathname;

test.beforeAll(() => {
  execFileSync('node', [new URL('../../scripts/make-hostile.mjs', import.meta.url).pathname], { stdio: 'ignore' });
});

/** Long tasks of the page's main thread, from the moment the page loads. */
async function watchLongTasks(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { __longTasks: number[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push(e.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
}

const longTasks = (page: Page) => page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks.splice(0));

test('hostile files get their message, change nothing, and never block the page', async ({ page }) => {
  test.setTimeout(180_000);
  await watchLongTasks(page);
  await start(page);
  // the measure is real: this Chromium reports long tasks
  expect(await page.evaluate(() => PerformanceObserver.supportedEntryTypes.includes('longtask'))).toBe(true);
  await page.getByRole('button', { name: '导入', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: '导入数据' });
  const file = dialog.getByLabel('表格文件');
  const alert = dialog.getByRole('alert');

  // the first file also loads the worker; long tasks from the app's own start are not counted
  await file.setInputFiles(hostile('mixed-eol.csv'));
  await expect(dialog.getByRole('status')).toContainText('4 行数据', { timeout: 30_000 });
  await longTasks(page);

  const refused: [string, string][] = [
    ['huge-cell.xlsx', '“客户”的单元格 B2 内容太长，一个单元格最多 32767 个字'],
    ['columns-20000.csv', '“columns-20000.csv”的列太多：单元格 IW1 已超过 256 列的上限'],
    ['zip-bomb.xlsx', '这个工作簿解压后超过 256 MB'],
    ['truncated.xlsx', '文件不完整'],
    ['nul.csv', '单元格 B201 含有空字符（NUL）']
  ];
  for (const [name, message] of refused) {
    await file.setInputFiles(hostile(name));
    await expect(alert).toContainText(message, { timeout: 60_000 });
  }
  expect(Math.max(0, ...(await longTasks(page)))).toBeLessThan(200);

  // ragged rows: read, and listed in the preview as problems of the whole row
  await file.setInputFiles(hostile('ragged.csv'));
  await expect(dialog.getByRole('status')).toContainText('4 行数据', { timeout: 30_000 });
  await dialog.getByRole('button', { name: '下一步' }).click();
  await dialog.getByRole('button', { name: '下一步' }).click();
  await expect(dialog.getByRole('region', { name: '导入结果预览' })).toContainText('有误 2');
  const table = dialog.getByRole('table');
  await expect(table).toContainText('整行：这一行的单元格比标题多');
  await expect(table).toContainText('整行：这一行的单元格比标题少');
  expect(Math.max(0, ...(await longTasks(page)))).toBeLessThan(200);
  await dialog.getByRole('button', { name: '关闭' }).first().click();
  expect(await countRecords(page)).toBe(0);
});

test('UTF-16 without a BOM and mixed line ends import every row', async ({ page }) => {
  await start(page);
  await page.getByRole('button', { name: '导入', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: '导入数据' });
  await dialog.getByLabel('表格文件').setInputFiles(hostile('utf16le.csv'));
  await expect(dialog.getByRole('status')).toContainText('2 行数据', { timeout: 30_000 });
  await expect(dialog.getByLabel('编码')).toContainText('UTF-16LE');
  await dialog.getByLabel('表格文件').setInputFiles(hostile('mixed-eol.csv'));
  await expect(dialog.getByRole('status')).toContainText('4 行数据');
  await dialog.getByRole('button', { name: '下一步' }).click();
  await dialog.getByRole('button', { name: '下一步' }).click();
  await dialog.getByRole('button', { name: '导入 4 行' }).click();
  await expect(dialog.getByRole('status')).toContainText('导入完成：新增 4 行');
  await dialog.getByRole('button', { name: '关闭' }).last().click();
  expect(await countRecords(page)).toBe(4);
});
