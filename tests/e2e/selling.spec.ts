import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { addCustomer, countRecords, start } from './helpers';

/**
 * Issue 12, products and opportunities, as a person in each language: a product catalogue, three
 * opportunities, one moved across the board by mouse and one by keyboard with the column totals
 * and weighted totals following, one marked lost with its reason, undo, and a reload that keeps it
 * all; the board's search is the grid's.
 */
const WORDS = {
  'zh-CN': {
    products: '产品目录',
    newProduct: '新增产品',
    opportunities: '销售机会',
    newOpp: '新建销售机会',
    name: '名称',
    spec: '规格',
    unit: '单位',
    price: '标价（元）',
    customer: '客户',
    amount: '金额（元）',
    save: '保存',
    board: '看板',
    grid: '表格',
    lead: /^线索/,
    qualified: /^已确认需求/,
    proposal: /^方案报价/,
    lost: /^丢单/,
    lostOption: '丢单',
    count: (n: number) => `${n} 个`,
    total: (a: string) => `合计 ${a}`,
    weighted: (a: string) => `加权 ${a}`,
    moved: (name: string, stage: string) => `「${name}」已移到「${stage}」`,
    proposalName: '方案报价',
    moveTo: (name: string) => `把「${name}」移到`,
    lostTitle: '标为丢单',
    reason: '丢单原因',
    lostSubmit: '确定丢单',
    needsReason: '标为丢单时请填写丢单原因。',
    undo: '撤销',
    search: '快速查找',
    customerSection: '销售机会 (3)',
    settings: '设置',
    leadDefault: '线索 默认概率（%）',
    saveStages: '保存销售阶段',
    stagesSaved: '销售阶段已保存'
  },
  en: {
    products: 'Products',
    newProduct: 'New product',
    opportunities: 'Opportunities',
    newOpp: 'New opportunity',
    name: 'Name',
    spec: 'Spec',
    unit: 'Unit',
    price: 'List price (yuan)',
    customer: 'Customer',
    amount: 'Amount (yuan)',
    save: 'Save',
    board: 'Board',
    grid: 'Grid',
    lead: /^Lead/,
    qualified: /^Qualified/,
    proposal: /^Proposal/,
    lost: /^Lost/,
    lostOption: 'Lost',
    count: (n: number) => `${n}`,
    total: (a: string) => `Total ${a}`,
    weighted: (a: string) => `Weighted ${a}`,
    moved: (name: string, stage: string) => `“${name}” moved to “${stage}”`,
    proposalName: 'Proposal',
    moveTo: (name: string) => `Move “${name}” to`,
    lostTitle: 'Mark as lost',
    reason: 'Lost reason',
    lostSubmit: 'Mark lost',
    needsReason: 'Please give the reason when marking it lost.',
    undo: 'Undo',
    search: 'Quick search',
    customerSection: 'Opportunities (3)',
    settings: 'Settings',
    leadDefault: 'Lead Default probability (%)',
    saveStages: 'Save sales stages',
    stagesSaved: 'Sales stages saved'
  }
} as const;

const CUSTOMER = '杭州顺达物流有限公司';

for (const locale of ['zh-CN', 'en'] as const) {
  const w = WORDS[locale];
  const column = (page: Page, stage: RegExp) => page.getByRole('region', { name: stage });
  const card = (page: Page, stage: RegExp, name: string) => column(page, stage).getByRole('button', { name, exact: true });
  async function expectTotals(page: Page, stage: RegExp, count: number, total: string, weighted: string) {
    const col = column(page, stage);
    await expect(col.getByRole('heading')).toContainText(w.count(count));
    await expect(col.getByText(w.total(total), { exact: true })).toBeVisible();
    await expect(col.getByText(w.weighted(weighted), { exact: true })).toBeVisible();
  }

  test(`products and opportunities: board by mouse and keyboard, totals, lost with a reason, undo, reload (${locale})`, async ({ page }) => {
    await test.step('a customer, then the language', async () => {
      await start(page);
      await addCustomer(page, CUSTOMER);
      if (locale === 'en') await page.getByRole('button', { name: 'English' }).click();
    });

    await test.step('the product catalogue: two products by the form, shown in the grid', async () => {
      await page.getByRole('link', { name: w.products }).click();
      await page.getByRole('button', { name: w.newProduct }).click();
      const form = page.getByRole('form', { name: w.newProduct });
      for (const [name, spec, unit, price] of [
        ['螺纹钢', 'HRB400 Φ12', '吨', '3980'],
        ['水泥', 'P.O 42.5', '袋', '25.5']
      ]) {
        await form.getByLabel(w.name, { exact: true }).fill(name);
        await form.getByLabel(w.spec).fill(spec);
        await form.getByLabel(w.unit).fill(unit);
        await form.getByLabel(w.price).fill(price);
        await form.getByRole('button', { name: w.save }).click();
        await expect(page.getByRole('grid', { name: w.products }).getByRole('gridcell', { name, exact: true })).toBeVisible();
      }
      await expect(page.getByRole('grid', { name: w.products }).getByRole('gridcell', { name: '3,980.00' })).toBeVisible();
      expect(await countRecords(page, 'products')).toBe(2);
    });

    await test.step('three opportunities by the form, in the lead stage', async () => {
      await page.getByRole('link', { name: w.opportunities }).click();
      for (const [name, amount] of [
        ['仓储系统', '1000'],
        ['冷链扩建', '2000'],
        ['车队油卡', '3000']
      ]) {
        await page.getByRole('button', { name: w.newOpp }).click();
        const form = page.getByRole('form', { name: w.newOpp });
        await form.getByLabel(w.name, { exact: true }).fill(name);
        await form.getByLabel(w.customer, { exact: true }).fill(CUSTOMER);
        await form.getByLabel(w.amount).fill(amount);
        await form.getByRole('button', { name: w.save }).click();
        await expect(form).toBeHidden();
        await expect(page.getByRole('grid', { name: w.opportunities }).getByRole('gridcell', { name, exact: true })).toBeVisible();
      }
      expect(await countRecords(page, 'opportunities')).toBe(3);
      await page.getByRole('button', { name: w.board }).click();
      await expectTotals(page, w.lead, 3, '6,000.00', '600.00');
    });

    await test.step('drag one card to the next stage with the mouse: both columns change', async () => {
      await card(page, w.lead, '仓储系统').dragTo(column(page, w.qualified));
      await expect(card(page, w.qualified, '仓储系统')).toBeVisible();
      await expectTotals(page, w.lead, 2, '5,000.00', '500.00');
      await expectTotals(page, w.qualified, 1, '1,000.00', '250.00');
    });

    await test.step('move one with the keyboard: Ctrl+→ twice, announced, focus kept on the card', async () => {
      await card(page, w.lead, '冷链扩建').focus();
      await page.keyboard.press('Control+ArrowRight');
      await expect(card(page, w.qualified, '冷链扩建')).toBeFocused();
      await page.keyboard.press('Control+ArrowRight');
      await expect(card(page, w.proposal, '冷链扩建')).toBeFocused();
      await expect(page.getByRole('status').filter({ hasText: w.moved('冷链扩建', w.proposalName) })).toBeAttached();
      await expectTotals(page, w.proposal, 1, '2,000.00', '1,000.00');
      await expectTotals(page, w.lead, 1, '3,000.00', '300.00');
    });

    await test.step('mark one lost: the reason is asked for, and required', async () => {
      await column(page, w.lead)
        .getByRole('combobox', { name: w.moveTo('车队油卡') })
        .selectOption({ label: w.lostOption });
      const dialog = page.getByRole('dialog', { name: w.lostTitle });
      await expect(dialog).toBeVisible();
      await dialog.getByRole('button', { name: w.lostSubmit }).click();
      await expect(dialog.getByRole('alert')).toHaveText(w.needsReason);
      await dialog.getByLabel(w.reason).fill('价格高于对手 8%');
      await dialog.getByRole('button', { name: w.lostSubmit }).click();
      await expect(dialog).toBeHidden();
      await expect(card(page, w.lost, '车队油卡')).toContainText('价格高于对手 8%');
      await expectTotals(page, w.lost, 1, '3,000.00', '0.00');
      await expectTotals(page, w.lead, 0, '0.00', '0.00');
    });

    await test.step('undo takes the lost mark back', async () => {
      await page.getByRole('button', { name: w.undo, exact: true }).click();
      await expect(card(page, w.lead, '车队油卡')).toBeVisible();
      await expectTotals(page, w.lost, 0, '0.00', '0.00');
      await expectTotals(page, w.lead, 1, '3,000.00', '300.00');
    });

    await test.step('the board searches with the grid: one filter state', async () => {
      await page.getByRole('searchbox', { name: w.search }).fill('冷链');
      await expect(card(page, w.proposal, '冷链扩建')).toBeVisible();
      await expect(card(page, w.qualified, '仓储系统')).toHaveCount(0);
      await page.getByRole('button', { name: w.grid }).click();
      const grid = page.getByRole('grid', { name: w.opportunities });
      await expect(grid.getByRole('gridcell', { name: '冷链扩建', exact: true })).toBeVisible();
      await expect(grid.getByRole('gridcell', { name: '仓储系统', exact: true })).toHaveCount(0);
      await page.getByRole('button', { name: w.board }).click();
      await page.getByRole('searchbox', { name: w.search }).fill('');
      await expect(card(page, w.qualified, '仓储系统')).toBeVisible();
    });

    await test.step('reload: every move, the undone lost mark and the products are still there', async () => {
      await page.reload();
      await page.getByRole('button', { name: w.board }).click();
      await expect(card(page, w.qualified, '仓储系统')).toBeVisible();
      await expect(card(page, w.proposal, '冷链扩建')).toBeVisible();
      await expect(card(page, w.lead, '车队油卡')).toBeVisible();
      await expectTotals(page, w.qualified, 1, '1,000.00', '250.00');
      await expectTotals(page, w.proposal, 1, '2,000.00', '1,000.00');
      expect(await countRecords(page, 'opportunities')).toBe(3);
      // the board with its cards: no serious or critical axe violation
      const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
      expect(result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes[0]?.target}`)).toEqual(
        []
      );
      expect(await countRecords(page, 'products')).toBe(2);
    });

    await test.step("the customer's page lists its opportunities", async () => {
      await page.getByRole('link', { name: w.customer === 'Customer' ? 'Customers' : '客户档案' }).click();
      await page.getByRole('grid').getByRole('gridcell', { name: CUSTOMER }).click();
      await page.keyboard.press('Control+Enter');
      const section = page.getByRole('region', { name: w.customerSection });
      await expect(section).toBeVisible();
      await expect(section).toContainText('仓储系统');
      await expect(section).toContainText('车队油卡');
    });

    await test.step("the lead stage's default probability in Settings changes the board's weighted total", async () => {
      await page.getByRole('link', { name: w.settings }).click();
      await page.getByLabel(w.leadDefault).fill('150');
      await page.getByRole('button', { name: w.saveStages }).click();
      await expect(page.getByRole('alert').filter({ hasText: /0.*100/ })).toBeVisible();
      await page.getByLabel(w.leadDefault).fill('20');
      await page.getByRole('button', { name: w.saveStages }).click();
      await expect(page.getByText(w.stagesSaved)).toBeVisible();
      await page.goto('/opportunities?view=board');
      await expectTotals(page, w.lead, 1, '3,000.00', '600.00');
    });
  });
}
