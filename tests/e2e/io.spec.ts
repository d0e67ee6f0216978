import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { countRecords, customerGrid, start } from './helpers';

const fixture = (name: string) => new URL(`../fixtures/io/${name}`, import.meta.url).pathname;

/** Open the wizard, choose a file, check it was read. */
async function chooseFile(page: Page, path: string, rows: number) {
  await page.getByRole('button', { name: '导入', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: '导入数据' });
  await dialog.getByLabel('表格文件').setInputFiles(path);
  // the first file also loads the worker (slow on a cold dev server)
  await expect(dialog.getByRole('status')).toContainText(`${rows} 行数据`, { timeout: 30_000 });
  return dialog;
}

test('import a GBK CSV with mapping and preview, then the same rows from an .xlsx made by LibreOffice are duplicates', async ({ page }) => {
  await start(page);
  let dialog = await chooseFile(page, fixture('customers-gbk.csv'), 4);
  await expect(dialog.getByLabel('编码')).toContainText('GB18030');
  await test.step('map, preview and import a GBK CSV', async () => {
    await dialog.getByRole('button', { name: '下一步' }).click();

    // mapping: the headers were recognised; make 年采购额 a money column
    await expect(dialog.getByLabel('“客户名称”对应到')).toHaveValue('field:name');
    await expect(dialog.getByLabel('“手机号码”对应到')).toHaveValue('field:mobile');
    await expect(dialog.getByLabel('“年采购额”对应到')).toHaveValue('new');
    await dialog.getByLabel('“年采购额”新列类型').selectOption('money');
    await dialog.getByLabel('“签约日期”新列类型').selectOption('date');
    await dialog.getByRole('button', { name: '下一步' }).click();

    // preview: four new rows
    await expect(dialog.getByRole('region', { name: '导入结果预览' })).toContainText('新增 4');
    await expect(dialog.getByRole('table')).toContainText('杭州顺达物流有限公司');
    await dialog.getByRole('button', { name: '导入 4 行' }).click();
    await expect(dialog.getByRole('status')).toContainText('导入完成：新增 4 行');
    await dialog.getByRole('button', { name: '关闭' }).last().click();
    await expect(customerGrid(page).getByRole('gridcell', { name: '杭州顺达物流有限公司' })).toBeVisible();
    expect(await countRecords(page)).toBe(4);
  });

  // the same customers again, from LibreOffice's .xlsx: the remembered mapping is used, all are duplicates
  await test.step('the same rows from an .xlsx are duplicates', async () => {
    dialog = await chooseFile(page, fixture('customers-lo.xlsx'), 4);
    await dialog.getByRole('button', { name: '下一步' }).click();
    await expect(dialog.getByLabel('“年采购额”对应到')).not.toHaveValue('new');
    await dialog.getByRole('button', { name: '下一步' }).click();
    const counts = dialog.getByRole('region', { name: '导入结果预览' });
    await expect(counts).toContainText('疑似重复 4');
    await expect(dialog.getByRole('table')).toContainText('与已有的“杭州顺达物流有限公司”重复（信用代码相同、手机相同、名称相同）');
    // "update the existing record": nothing differs, so nothing is written
    await dialog.getByLabel('更新已有记录').check();
    await expect(counts).toContainText('无变化 4');
    await expect(dialog.getByRole('button', { name: '没有需要写入的行' })).toBeDisabled();
    await dialog.getByRole('button', { name: '关闭' }).first().click();
    expect(await countRecords(page)).toBe(4);
  });
});

test('an invalid cell is marked with its reason; a bad file gets a clear message', async ({ page }) => {
  await start(page);
  const dialog = await chooseFile(page, fixture('customers-gbk.csv'), 4);
  // a wrong encoding chosen by hand
  await dialog.getByLabel('编码').selectOption('utf-8');
  await expect(dialog.getByRole('alert')).toContainText('文件不是有效的 UTF-8 编码');
  await dialog.getByLabel('编码').selectOption('auto');
  await expect(dialog.getByRole('status')).toContainText('4 行数据');
  await dialog.getByRole('button', { name: '下一步' }).click();
  // 客户等级 into 开发阶段: "A" is not a stage; the rows are imported, the words kept aside and listed
  await dialog.getByLabel('“客户等级”对应到').selectOption('field:stage');
  // 年采购额 as a date column: its amounts are not dates, those rows are refused with the reason
  await dialog.getByLabel('“年采购额”新列类型').selectOption('date');
  await dialog.getByRole('button', { name: '下一步' }).click();
  const counts = dialog.getByRole('region', { name: '导入结果预览' });
  await expect(counts).toContainText('有误 3');
  await expect(counts).toContainText('新增 1');
  await expect(dialog.locator('td[aria-invalid="true"]').first()).toContainText('无效：请输入有效日期');
  const values = dialog.getByRole('region', { name: '“客户等级”列的值 → 开发阶段' });
  await expect(values).toContainText('可选的值：初次接触、初级档案、完整档案');
  await expect(dialog.getByRole('table', { name: '逐行预览' })).toContainText('不在选项中，保存在“客户等级（原值）”列');
  await dialog.getByRole('button', { name: '上一步' }).click();
  await dialog.getByRole('button', { name: '上一步' }).click();
  await dialog
    .getByLabel('表格文件')
    .setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]) });
  await expect(dialog.getByRole('alert')).toContainText('这不是表格文件');
  await dialog.getByRole('button', { name: '取消' }).click();
  expect(await countRecords(page)).toBe(0);
});

const otherSystem = fixture('other-system-customers.csv');

test('a customer list from another system imports with the defaults alone; the second time finds every row again', async ({ page }) => {
  await start(page);
  let dialog = await chooseFile(page, otherSystem, 50);
  await test.step('the columns are recognised by header and by values', async () => {
    await dialog.getByRole('button', { name: '下一步' }).click();
    await expect(dialog.getByLabel('“联系人”对应到')).toHaveValue('contact:name');
    await expect(dialog.getByLabel('“单位名称”对应到')).toHaveValue('field:name');
    await expect(dialog.getByLabel('“客户类型”对应到')).toHaveValue('field:kind');
    await expect(dialog.getByLabel('“成交金额”新列类型')).toHaveValue('money');
    await expect(dialog.getByLabel('“最近联系”新列类型')).toHaveValue('date');
    // that system's own stage words become a choice column of their own, not 开发阶段
    await expect(dialog.getByLabel('“阶段”对应到')).toHaveValue('new');
    await expect(dialog.getByLabel('“阶段”新列类型')).toHaveValue('choice');
  });

  await test.step('every row is imported: organisations with their contact, people as individual customers', async () => {
    await dialog.getByRole('button', { name: '下一步' }).click();
    const counts = dialog.getByRole('region', { name: '导入结果预览' });
    await expect(counts).toContainText('新增 50');
    await expect(counts).toContainText('有误 0');
    await expect(counts).toContainText('同时为 26 位客户添加联系人');
    await dialog.getByRole('button', { name: '导入 50 行' }).click();
    await expect(dialog.getByRole('status')).toContainText('导入完成：新增 50 行');
    await dialog.getByRole('button', { name: '关闭' }).last().click();
    expect(await countRecords(page)).toBe(50);
    expect(await countRecords(page, 'contacts')).toBe(26);
    await expect(customerGrid(page).getByRole('gridcell', { name: '郑州嵩山农业合作社' })).toBeVisible();
    await expect(customerGrid(page).getByRole('gridcell', { name: '周海燕' })).toBeVisible();
  });

  await test.step('the second time: the mapping is remembered and every row is a duplicate', async () => {
    dialog = await chooseFile(page, otherSystem, 50);
    await dialog.getByRole('button', { name: '下一步' }).click();
    await expect(dialog.getByText('已套用上次为这种表格格式保存的对应关系')).toBeVisible();
    await expect(dialog.getByLabel('“阶段”对应到')).not.toHaveValue('new');
    await dialog.getByRole('button', { name: '下一步' }).click();
    const counts = dialog.getByRole('region', { name: '导入结果预览' });
    await expect(counts).toContainText('疑似重复 50');
    await expect(counts).not.toContainText('将新建自定义列');
    await expect(dialog.getByRole('button', { name: '没有需要写入的行' })).toBeDisabled();
  });

  await test.step('阶段 into 开发阶段：the value table lists the allowed values and takes a choice per word', async () => {
    await dialog.getByRole('button', { name: '上一步' }).click();
    await dialog.getByLabel('“阶段”对应到').selectOption('field:stage');
    await dialog.getByRole('button', { name: '下一步' }).click();
    const values = dialog.getByRole('region', { name: '“阶段”列的值 → 开发阶段' });
    await expect(values).toContainText('可选的值：初次接触、初级档案、完整档案');
    await expect(values.getByRole('rowheader', { name: '初次接触' })).toHaveCount(0);
    await values.getByLabel('“跟进中”对应到').selectOption({ label: '初级档案' });
    await expect(values.getByLabel('“跟进中”对应到')).toHaveValue('initial');
    await dialog.getByRole('button', { name: '关闭' }).first().click();
    expect(await countRecords(page)).toBe(50);
  });
});

test('the same list in English', async ({ page }) => {
  await start(page);
  await page.locator('header button', { hasText: 'English' }).click();
  const open = async () => {
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Import data' });
    await dialog.getByLabel('Spreadsheet file').setInputFiles(otherSystem);
    await expect(dialog.getByRole('status')).toContainText('50 data rows', { timeout: 30_000 });
    await dialog.getByRole('button', { name: 'Next' }).click();
    return dialog;
  };
  let dialog = await open();
  await test.step('mapped and imported with the defaults', async () => {
    await expect(dialog.getByLabel('“联系人” goes into')).toHaveValue('contact:name');
    await expect(dialog.getByLabel('“联系人” goes into')).toContainText("Contact's Name");
    await dialog.getByRole('button', { name: 'Next' }).click();
    const counts = dialog.getByRole('region', { name: 'What the import will do' });
    await expect(counts).toContainText('New 50');
    await expect(counts).toContainText('Also adds a contact person to 26 customers.');
    await dialog.getByRole('button', { name: 'Import 50 rows' }).click();
    await expect(dialog.getByRole('status')).toContainText('Imported: 50 new');
    await dialog.getByRole('button', { name: 'Close' }).last().click();
    expect(await countRecords(page)).toBe(50);
  });
  await test.step('the second time, duplicates', async () => {
    dialog = await open();
    await expect(dialog.getByText('Using the matching saved last time')).toBeVisible();
    await dialog.getByRole('button', { name: 'Next' }).click();
    await expect(dialog.getByRole('region', { name: 'What the import will do' })).toContainText('Probable duplicates 50');
    await dialog.getByRole('button', { name: 'Close' }).first().click();
    expect(await countRecords(page)).toBe(50);
  });
});

test('revert an import from the import history', async ({ page }) => {
  await start(page);
  const dialog = await chooseFile(page, fixture('customers-lo.xlsx'), 4);
  await dialog.getByRole('button', { name: '下一步' }).click();
  await dialog.getByRole('button', { name: '下一步' }).click();
  await dialog.getByRole('button', { name: '导入 4 行' }).click();
  await expect(dialog.getByRole('status')).toContainText('新增 4 行');
  await dialog.getByRole('button', { name: '关闭' }).last().click();
  expect(await countRecords(page)).toBe(4);

  await test.step('revert it from the history, then undo the revert', async () => {
    await page.getByRole('button', { name: '导入记录' }).click();
    const history = page.getByRole('dialog', { name: '导入记录' });
    await expect(history).toContainText('customers-lo.xlsx → 客户档案');
    await history.getByRole('button', { name: '撤回导入“customers-lo.xlsx”' }).click();
    await expect(history).toContainText('已撤回');
    await expect.poll(() => countRecords(page)).toBe(0);
    await history.getByRole('button', { name: '关闭' }).click();
    await expect(customerGrid(page).getByRole('gridcell', { name: '杭州顺达物流有限公司' })).toHaveCount(0);
    // the revert is one step of undo
    await page.getByRole('button', { name: '撤销' }).click();
    await expect.poll(() => countRecords(page)).toBe(4);
  });
});

test('export the view (search and sort) to .xlsx and CSV', async ({ page }) => {
  await start(page, 'demo');
  const grid = customerGrid(page);
  await expect(grid.getByRole('gridcell').first()).toBeVisible();
  await page.getByLabel('快速搜索').fill('有限公司');
  await page.waitForTimeout(400);

  await page.getByRole('button', { name: '导出', exact: true }).click();
  let dialog = page.getByRole('dialog', { name: '导出' });
  await expect(dialog.getByLabel('当前视图（当前的列、筛选、搜索和排序）')).toBeChecked();
  let download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: '导出' }).click();
  const xlsx = await download;
  expect(xlsx.suggestedFilename()).toMatch(/^客户档案-\d{8}\.xlsx$/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(await xlsx.path()) as never);
  const sheet = wb.worksheets[0];
  expect(sheet.name).toBe('客户档案');
  const header = (sheet.getRow(1).values as unknown[]).slice(1);
  expect(header[0]).toBe('类型');
  expect(sheet.getRow(1).font?.bold).toBe(true);
  expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  const nameCol = header.indexOf('名称') + 1;
  const names: string[] = [];
  sheet.eachRow((row, n) => {
    if (n > 1) names.push(String(row.getCell(nameCol).value));
  });
  expect(names.length).toBeGreaterThan(10);
  expect(names.every((n) => n.includes('有限公司'))).toBe(true);
  expect(sheet.getColumn(header.indexOf('kebu:id') + 1).hidden).toBe(true);

  await page.getByRole('button', { name: '导出', exact: true }).click();
  dialog = page.getByRole('dialog', { name: '导出' });
  await dialog.getByLabel('CSV（UTF-8,Excel / WPS 可直接打开）').check();
  download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: '导出' }).click();
  const csv = readFileSync(await (await download).path());
  expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = csv.toString('utf8').trim().split('\r\n');
  expect(lines.length).toBe(names.length + 1);
});

test('back up the workspace, then restore the backup as a new workspace', async ({ page }) => {
  await start(page, 'demo');
  // never backed up: the customers page reminds
  const reminder = page.getByRole('status').filter({ hasText: '这个工作区还没有备份' });
  await expect(reminder).toBeVisible();
  const customers = await countRecords(page);

  await page.getByRole('link', { name: '设置' }).click();
  const section = page.getByRole('region', { name: '备份与恢复' });
  const download = page.waitForEvent('download');
  await section.getByRole('button', { name: '下载备份' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^演示工作区-\d{8}-\d{4}\.kebu$/);
  await expect(section.getByTestId('last-backup')).toContainText('上次备份');

  await section.getByLabel('备份文件').setInputFiles(await file.path());
  await expect(section.getByRole('status')).toContainText(`备份有效：“演示工作区”`, { timeout: 30_000 });
  await expect(section.getByRole('status')).toContainText(`${customers} 位客户`);
  await section.getByRole('button', { name: '恢复为新工作区' }).click();
  await expect(page.getByRole('heading', { name: '客户档案' })).toBeVisible();
  await expect(page.getByLabel('切换工作区')).toContainText('演示工作区（恢复）');
  await expect.poll(() => countRecords(page)).toBe(customers);
  // the restored workspace was backed up when the file was made: no reminder
  await expect(reminder).toHaveCount(0);

  // a damaged file is refused
  await page.getByRole('link', { name: '设置' }).click();
  await section.getByLabel('备份文件').setInputFiles({ name: 'bad.kebu', mimeType: 'application/gzip', buffer: Buffer.from('not a backup') });
  await expect(section.getByRole('alert')).toContainText('这不是客簿的备份文件');
});
