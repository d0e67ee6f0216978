import { expect, test } from '@playwright/test';
import { addCustomer, countRecords, customerGrid, pasteBlock, start } from './helpers';

test('create a customer, edit cells by keyboard, paste a block from a spreadsheet, undo it, reload', async ({ page }) => {
  const grid = customerGrid(page);
  const name = grid.getByRole('gridcell', { name: '杭州顺达物流有限公司' });

  await test.step('create a customer', async () => {
    await start(page);
    await addCustomer(page, '杭州顺达物流有限公司');
    await expect(page.getByRole('heading', { name: '杭州顺达物流有限公司' })).toBeVisible();
    await page.getByRole('link', { name: /返回客户列表/ }).click();
    await expect(name).toBeVisible();
  });

  await test.step('edit by keyboard: right to the short name, type, Enter; an invalid value is refused', async () => {
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
  });

  await test.step('paste a 3×4 block on the name cell: it overwrites the first row and adds two below', async () => {
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
  });

  await test.step('one undo takes the whole paste back', async () => {
    await page.keyboard.press('Control+z');
    await expect(grid.getByRole('gridcell', { name: '成都蜀香餐饮管理有限公司' })).toHaveCount(0);
    await expect(grid.getByRole('gridcell', { name: '杭州顺达物流有限公司' })).toBeVisible();
    expect(await countRecords(page)).toBe(1);
  });

  await test.step('reload: the undone state is kept, and so is the redo stack', async () => {
    await page.reload();
    await expect(customerGrid(page).getByRole('gridcell', { name: '杭州顺达物流有限公司' })).toBeVisible();
    await expect(customerGrid(page).getByRole('gridcell', { name: '顺达', exact: true })).toBeVisible();
    expect(await countRecords(page)).toBe(1);
    await page.getByRole('button', { name: '重做' }).click();
    await expect(customerGrid(page).getByRole('gridcell', { name: '张伟', exact: true })).toBeVisible();
    expect(await countRecords(page)).toBe(3);
  });
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

/** The words a person reads in each language, for the merge scenario. */
const MERGE_WORDS = {
  'zh-CN': {
    newCustomer: '新增客户',
    name: '名称',
    save: '保存',
    back: /返回客户列表/,
    customers: '客户档案',
    agreements: '信用协议',
    newAgreement: '新增协议',
    customer: '客户',
    agreementNo: '协议编号',
    limit: '信用额度',
    term: '信用期限（天）',
    start: '开始日期',
    end: '截止日期',
    agreementSaved: '已保存信用协议',
    panel: '信用与应收',
    recordSale: '记录赊销',
    amount: '金额（元）',
    invoice: '发票号',
    check: '检查并记录',
    saleSaved: '已记录赊销',
    receivables: '未结清的应收款',
    mergeInto: (o: string) => `把"${o}"合并到本客户`,
    dialog: '合并客户',
    merge: '合并',
    agreementsMoved: '信用协议：1 条',
    salesMoved: '赊销：1 条',
    merged: (o: string) => `已合并"${o}"`,
    undo: '撤销',
    duplicates: /^疑似重复/
  },
  en: {
    newCustomer: 'New customer',
    name: 'Name',
    save: 'Save',
    back: /Back to customers/,
    customers: 'Customers',
    agreements: 'Credit agreements',
    newAgreement: 'New agreement',
    customer: 'Customer',
    agreementNo: 'Agreement no.',
    limit: 'Credit limit',
    term: 'Credit term (days)',
    start: 'Start date',
    end: 'End date',
    agreementSaved: 'Credit agreement saved',
    panel: 'Credit and receivables',
    recordSale: 'Record credit sale',
    amount: 'Amount (yuan)',
    invoice: 'Invoice no.',
    check: 'Check and record',
    saleSaved: 'Credit sale recorded',
    receivables: 'Open receivables',
    mergeInto: (o: string) => `Merge "${o}" into this customer`,
    dialog: 'Merge customers',
    merge: 'Merge',
    agreementsMoved: 'Credit agreements: 1',
    salesMoved: 'Credit sales: 1',
    merged: (o: string) => `Merged "${o}"`,
    undo: 'Undo',
    duplicates: /^Probable duplicates/
  }
} as const;

for (const locale of ['zh-CN', 'en'] as const) {
  test(`merging two duplicates keeps the merged one's agreement and sale, and undo brings both back (${locale})`, async ({ page }) => {
    const w = MERGE_WORDS[locale];
    const KEEP = '杭州顺达物流有限公司';
    const OTHER = '杭州顺达物流';
    const urls: Record<string, string> = {};
    const panelOf = async (name: string) => {
      await page.goto(urls[name]);
      await expect(page.getByRole('heading', { name, exact: true })).toBeVisible();
      return page.getByRole('region', { name: w.panel });
    };

    await test.step('two customers that are one, the second with an agreement and a sale', async () => {
      await start(page);
      if (locale === 'en') await page.getByRole('button', { name: 'English' }).click();
      await page.goto('/today?today=2026-03-01');
      for (const name of [KEEP, OTHER]) {
        await page.getByRole('link', { name: w.customers, exact: true }).click();
        await page.getByRole('button', { name: w.newCustomer }).click();
        const form = page.getByRole('form', { name: w.newCustomer });
        await form.getByLabel(w.name).fill(name);
        await form.getByRole('button', { name: w.save }).click();
        await expect(page.getByRole('heading', { name, exact: true })).toBeVisible();
        urls[name] = page.url();
      }
      await page.getByRole('link', { name: w.agreements }).first().click();
      await page.getByRole('button', { name: w.newAgreement }).click();
      const agreement = page.getByRole('form', { name: w.newAgreement });
      await agreement.getByLabel(w.customer, { exact: true }).fill(OTHER);
      await agreement.getByLabel(w.agreementNo).fill('XY-2026-07');
      await agreement.getByLabel(w.limit).fill('100000');
      await agreement.getByLabel(w.term).fill('30');
      await agreement.getByLabel(w.start).fill('2026-01-01');
      await agreement.getByLabel(w.end).fill('2026-12-31');
      await agreement.getByRole('button', { name: w.save }).click();
      await expect(page.getByText(w.agreementSaved)).toBeVisible();

      const panel = await panelOf(OTHER);
      await panel.getByRole('button', { name: w.recordSale }).click();
      const sale = page.getByRole('form', { name: w.recordSale });
      await sale.getByLabel(w.amount).fill('37776.52');
      await sale.getByLabel(w.invoice).fill('FP-0707');
      await sale.getByRole('button', { name: w.check }).click();
      await expect(page.getByText(w.saleSaved)).toBeVisible();
      await expect(panel.getByRole('table', { name: w.receivables }).getByRole('cell', { name: 'FP-0707', exact: true })).toBeVisible();
    });

    await test.step('the merge dialog says what moves; merging keeps the receivables', async () => {
      await panelOf(KEEP);
      const duplicates = page.getByRole('region', { name: w.duplicates });
      await duplicates.getByRole('button', { name: w.mergeInto(OTHER) }).click();
      const dialog = page.getByRole('dialog', { name: w.dialog });
      await expect(dialog.getByRole('listitem').filter({ hasText: w.agreementsMoved })).toBeVisible();
      await expect(dialog.getByRole('listitem').filter({ hasText: w.salesMoved })).toBeVisible();
      await dialog.getByRole('button', { name: w.merge, exact: true }).click();
      await expect(page.getByText(w.merged(OTHER))).toBeVisible();
      await expect(dialog).toHaveCount(0);
      expect(await countRecords(page)).toBe(1);
      expect(await countRecords(page, 'creditSales')).toBe(1);
      expect(await countRecords(page, 'creditAgreements')).toBe(1);
      const panel = await panelOf(KEEP);
      await expect(panel.getByRole('table', { name: w.receivables }).getByRole('cell', { name: 'FP-0707', exact: true })).toBeVisible();
      await expect(panel.getByText('100,000.00').first()).toBeVisible();
    });

    await test.step('one undo brings both customers back, each with its own records', async () => {
      await page.getByRole('button', { name: w.undo, exact: true }).click();
      await expect.poll(() => countRecords(page)).toBe(2);
      const panel = await panelOf(OTHER);
      await expect(panel.getByRole('table', { name: w.receivables }).getByRole('cell', { name: 'FP-0707', exact: true })).toBeVisible();
      const kept = await panelOf(KEEP);
      await expect(kept.getByRole('table', { name: w.receivables })).toHaveCount(0);
    });
  });
}
