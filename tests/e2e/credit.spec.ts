import { expect, test, type Page } from '@playwright/test';
import { addCustomer, countRecords, pasteBlock, start } from './helpers';

/** The app's day in this spec (not the wall clock's): every credit date defaults from it. */
const TODAY = '2026-03-10';

/** Open the new-application form and save one application; the app opens its page. */
async function newApplication(page: Page, customer: string, amount: string, urgent: string) {
  await page.getByRole('link', { name: '信用', exact: true }).click();
  await page.getByRole('button', { name: '新建信用申请' }).click();
  const form = page.getByRole('form', { name: '新建信用申请' });
  await form.getByLabel('客户').fill(customer);
  await form.getByLabel('申请金额（元）').fill(amount);
  await form.getByLabel('账期（天）').fill('60');
  await form.getByLabel('用途').fill('备货');
  await form.getByLabel('紧急类型').selectOption({ label: urgent });
  await form.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('heading', { name: `信用申请：${customer}` })).toBeVisible();
}

/** Take one step from the application page: open its action, fill, save. */
async function takeStep(page: Page, action: string, fill: (form: ReturnType<Page['getByRole']>) => Promise<void> = async () => {}) {
  await page.getByRole('button', { name: action }).click();
  const form = page.getByRole('form', { name: action });
  await fill(form);
  await form.getByRole('button', { name: '保存' }).click();
  await expect(form).toHaveCount(0);
}

test('credit: apply, fast-track, evaluate a pasted statement, approve, sign, see the grade, a sale over the limit stopped and overridden, print the report', async ({
  page
}) => {
  test.setTimeout(120_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await start(page);
  // the credit screens follow the app's clock, not the wall clock: move today for this tab
  await page.goto(`/credit?today=${TODAY}`);

  await test.step('staff and a customer', async () => {
    // a staff manager named like me (so steps default to me), and a second member of staff
    await page.getByRole('link', { name: '员工' }).click();
    const staffGrid = page.getByRole('grid', { name: '员工（客户经理）' });
    await staffGrid.focus();
    await pasteBlock(page, [
      ['王丽', '', '13800000001', '', '信用经理', '是', '是'],
      ['赵强', '', '13800000002', '', '销售', '否', '是']
    ]);
    await expect(staffGrid.getByRole('gridcell', { name: '赵强' })).toBeVisible();
    expect(await countRecords(page, 'staff')).toBe(2);

    await page.getByRole('link', { name: '客户档案' }).click();
    await addCustomer(page, '杭州顺达物流有限公司');
  });

  const applicationUrl = await test.step('apply twice: a fast-track and an ordinary application', async () => {
    // an urgent application takes the fast track with an evaluation due date (already past: late)
    await newApplication(page, '杭州顺达物流有限公司', '300,000', '项目销售');
    await takeStep(page, '走绿色通道', async (form) => {
      // the defaults are on the app's day: due in 30 days; the time is taken when the step is saved
      await expect(form.getByLabel('评估截止')).toHaveValue('2026-04-09');
      await expect(form.getByLabel('时间')).toHaveValue('');
      await form.getByLabel('评估截止').fill('2020-01-31');
    });
    await expect(page.getByText('绿色通道', { exact: true }).first()).toBeVisible();
    await expect(page.getByText('评估逾期').first()).toBeVisible();

    // an ordinary application is accepted for evaluation
    await newApplication(page, '杭州顺达物流有限公司', '1,000,000', '不紧急');
    await takeStep(page, '受理并转评估');
    await expect(page.getByText('评估中', { exact: true }).first()).toBeVisible();
    const applicationUrl = page.url();

    // the list shows both; the board marks the late one
    await page.getByRole('link', { name: '信用', exact: true }).click();
    const grid = page.getByRole('grid', { name: '信用申请' });
    await expect(grid.getByRole('gridcell', { name: '评估中' })).toBeVisible();
    await expect(grid.getByRole('gridcell', { name: '绿色通道' })).toBeVisible();
    await page.getByRole('button', { name: '看板' }).click();
    await expect(page.getByRole('region', { name: /绿色通道/ }).getByText('评估逾期')).toBeVisible();
    return applicationUrl;
  });

  await test.step('evaluate a pasted statement and a keyboard-scored sheet', async () => {
    // evaluate: paste a statement copied from a spreadsheet, score all 72 items by keyboard
    await page.goto(applicationUrl);
    await page.getByRole('link', { name: '填写评估表' }).click();
    await expect(page.getByRole('heading', { name: '信用评估：杭州顺达物流有限公司' })).toBeVisible();
    await expect(page.getByLabel('评估日期')).toHaveValue(TODAY);
    await page
      .getByRole('textbox', { name: /· 流动资产$/ })
      .first()
      .click();
    await pasteBlock(page, [
      ['项目', '2025年', '2024年'],
      ['流动资产：', '', ''],
      ['货币资金', '¥1,000,000.00', '800,000.00'],
      ['应收账款', '1,800,000.00', '1,500,000.00'],
      ['其中：存货', '1,500,000', '1,200,000'],
      ['流动资产合计', '5,000,000.00', '4,000,000.00'],
      ['流动负债合计', '2,500,000', '2,600,000'],
      ['负债合计', '3,000,000', '3,100,000'],
      ['资产总计', '9,000,000', '8,500,000'],
      ['所有者权益（或股东权益）合计', '6,000,000', '5,400,000'],
      ['营业收入', '12,000,000', '10,000,000'],
      ['营业成本', '9,000,000', '7,800,000'],
      ['利润总额', '800,000', '600,000'],
      ['期初存货', '1,200,000', '1,000,000']
    ]);
    await expect(page.getByText('已读入 11 个项目、2 期')).toBeVisible();
    await expect(page.getByRole('textbox', { name: '2025年 · 流动资产' })).toHaveValue('5,000,000.00');
    await expect(page.getByRole('textbox', { name: '2024年 · 所有者权益' })).toHaveValue('5,400,000.00');
    // amounts copied without their labels land where they are pasted, as in a spreadsheet
    await page.getByRole('textbox', { name: '2024年 · 税金及附加' }).click();
    await pasteBlock(page, [['50,000'], ['120,000']]);
    await expect(page.getByRole('textbox', { name: '2024年 · 销售费用' })).toHaveValue('120,000.00');
    // ratios recomputed live against the benchmarks
    await expect(page.getByRole('row', { name: /流动比率/ }).getByText('等于基准')).toBeVisible();
    await expect(page.getByRole('row', { name: /毛利率/ }).getByText('未设基准')).toBeVisible();
    // an industry's shipped benchmarks are marked and their statistical source named
    const industry = page.getByRole('combobox', { name: '行业基准' });
    await industry.selectOption('零售');
    await expect(page.getByRole('row', { name: /毛利率/ }).getByText('零售行业基准')).toBeVisible();
    await expect(page.getByRole('row', { name: /毛利率/ }).getByText('优于基准')).toBeVisible();
    await expect(page.getByText(/零售行业基准（销售利润率、毛利率）的数据来源：北京市统计局/)).toBeVisible();
    await industry.selectOption('');
    await expect(page.getByText(/的数据来源：/)).toHaveCount(0);

    const firstScore = page.getByRole('textbox', { name: '付款记录 · 付款及时性' });
    await firstScore.fill('12');
    await expect(page.getByText('评分表有误：请填 0–10 的数字')).toBeVisible();
    await expect(firstScore).toHaveAttribute('aria-invalid', 'true');
    await firstScore.fill('');
    await firstScore.click();
    for (let i = 0; i < 72; i++) {
      await page.keyboard.type('8');
      await page.keyboard.press('Enter');
    }
    await expect(page.getByText(/还有 \d+ \/ 72 项未评分/)).toHaveCount(0);
    // working assets 4,250,000 × 25 % = 1,062,500; CA2 → 90 % → 956,250 → class 3A → 3A2
    await expect(page.getByTestId('recommended-limit')).toHaveText('956,250.00');
    await expect(page.getByTestId('credit-grade')).toHaveText('3A2');
    // a cell that is not an amount is named and stops the save
    const cost2024 = page.getByRole('textbox', { name: '2024年 · 营业成本' });
    await cost2024.fill('七百八十万');
    await page.getByRole('button', { name: '保存评估' }).click();
    await expect(page.getByRole('alert').filter({ hasText: '2024年 · 营业成本："七百八十万"不是金额' })).toBeVisible();
    await cost2024.fill('7,800,000');
    await page.getByLabel('抵押').fill('厂房抵押');
    await page.getByRole('button', { name: '保存评估' }).click();
    await expect(page.getByText('已评估', { exact: true }).first()).toBeVisible();
    expect(await countRecords(page, 'creditEvaluations')).toBe(1);
  });

  await test.step("approve and sign on the app's day", async () => {
    // approve at the recommendation, then sign: the agreement is written with the step
    await takeStep(page, '审批通过');
    await expect(page.getByText('已审批', { exact: true }).first()).toBeVisible();
    await takeStep(page, '签订协议', async (form) => {
      await expect(form.getByLabel('开始日期')).toHaveValue(TODAY);
      await expect(form.getByLabel('结束日期')).toHaveValue('2027-03-09');
      await form.getByLabel('协议编号').fill('XY-2026-001');
    });
    await expect(page.getByText('已签协议', { exact: true }).first()).toBeVisible();
    expect(await countRecords(page, 'creditAgreements')).toBe(1);
    // the agreement runs from the app's day: a second look after a reload sees the same
    await page.reload();
    await expect(page.getByText(`${TODAY} 至 2027-03-09`).first()).toBeVisible();
  });

  await test.step('the customer: applications, grade and limit, a sale stopped and overridden', async () => {
    // the customer's page lists both applications; a new one starts with the customer filled in
    await page.getByRole('main').getByRole('link', { name: '杭州顺达物流有限公司' }).click();
    const panel = page.getByRole('region', { name: '信用申请 (2)' });
    await expect(panel.getByRole('link', { name: '已签协议' })).toBeVisible();
    await expect(panel.getByRole('link', { name: '绿色通道' })).toBeVisible();
    await expect(panel.getByText('评估逾期')).toBeVisible();
    // the grade and limit on the customer; a credit sale over the limit is stopped, then a manager overrides it
    const credit = page.getByRole('region', { name: '信用与应收' });
    await expect(credit).toContainText('3A2');
    await expect(credit.getByText('956,250.00 元').first()).toBeVisible();
    await credit.getByRole('button', { name: '记录赊销' }).click();
    const sale = page.getByRole('form', { name: '记录赊销' });
    await sale.getByLabel('金额（元）').fill('1000000');
    await sale.getByRole('button', { name: '检查并记录' }).click();
    const stopped = sale.getByRole('alert').filter({ hasText: '这笔赊销被拦截' });
    await expect(stopped).toContainText('超出信用额度 43,750.00 元');
    expect(await countRecords(page, 'creditSales')).toBe(0);
    await sale.getByLabel('理由').fill('政府采购项目，总经理特批');
    await sale.getByRole('button', { name: '特批并记录' }).click();
    await expect(page.getByText('已由经理特批并记录赊销')).toBeVisible();
    expect(await countRecords(page, 'creditSales')).toBe(1);
    expect(await countRecords(page, 'creditOverrides')).toBe(1);

    await panel.getByRole('link', { name: '新建信用申请' }).click();
    await expect(page.getByRole('form', { name: '新建信用申请' }).getByLabel('客户')).toHaveValue('杭州顺达物流有限公司');
    await page.goBack();
    await page.goBack();
  });

  const reportUrl = await test.step('the report on screen and as an A4 PDF', async () => {
    // the report: grade and limits on screen, and a printable A4 PDF without the app's chrome
    await page.getByRole('link', { name: '资信调查报告' }).click();
    await expect(page.getByRole('heading', { name: '客户资信调查报告' })).toBeVisible();
    await expect(page.getByTestId('credit-grade')).toHaveText('3A2');
    await expect(page.getByTestId('recommended-limit')).toHaveText('956,250.00');
    await expect(page.getByTestId('approved-limit')).toContainText('956,250.00');
    await expect(page.getByText('厂房抵押')).toBeVisible();
    await expect(page.getByText(TODAY).first()).toBeVisible();
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('navigation', { name: '主导航' })).toBeHidden();
    await expect(page.getByRole('button', { name: '打印' })).toBeHidden();
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.length).toBeGreaterThan(10_000);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
    // §7: one page per evaluation (for this statement and sheet)
    expect(pages.length).toBe(1);
    await page.emulateMedia({ media: 'screen' });
    return page.url();
  });

  await test.step('settings: a bad edit refused, a good one saved as version 1', async () => {
    // settings: a bad edit is refused with a translated reason; a good one saves version 1;
    // the saved evaluation keeps the tables it was scored with
    await page.goto('/settings/credit');
    await expect(page.getByRole('heading', { name: '信用设置' })).toBeVisible();
    await expect(page.getByText(/当前：默认设置（从未修改）/)).toBeVisible();
    await expect(page.getByRole('textbox', { name: '零售 · 数据来源' })).toHaveValue(/^北京市统计局.*2019年1-12月.*http/);
    const grade3 = page.getByRole('textbox', { name: 'CA3 · 等级系数 %' });
    await grade3.fill('95');
    await expect(page.getByText('等级越差等级系数不能越大').first()).toBeVisible();
    await expect(page.getByRole('button', { name: '保存信用设置' })).toBeDisabled();
    await page.getByRole('region', { name: '特征等级区间与等级系数' }).getByRole('button', { name: '恢复本节默认值' }).click();
    await expect(grade3).toHaveValue('75');
    await page.getByRole('textbox', { name: 'CA2 · 等级系数 %' }).fill('80');
    await page.getByRole('button', { name: '保存信用设置' }).click();
    await expect(page.getByText(/当前：第 1 版/)).toBeVisible();
    await page.goto(reportUrl);
    await expect(page.getByTestId('recommended-limit')).toHaveText('956,250.00');
    await expect(page.getByText('评分所用设置：默认设置（从未修改）')).toBeVisible();
  });

  await test.step('revert the signature: the agreement is withdrawn', async () => {
    // reverting the signature is a recorded step with a reason, and withdraws the agreement
    await page.getByRole('link', { name: /信用申请：杭州顺达物流有限公司/ }).click();
    await takeStep(page, '撤回上一步', (form) => form.getByLabel('理由').fill('协议条款需重新谈'));
    await expect(page.getByText('已审批', { exact: true }).first()).toBeVisible();
    await expect(page.getByText('已撤回').first()).toBeVisible();
    expect(await countRecords(page, 'creditAgreements')).toBe(0);
  });

  await test.step('in English', async () => {
    // in English the default factor and aspect texts are English; a text the user edits stays as typed
    await page.locator('header button', { hasText: 'English' }).click();
    await page.goto(reportUrl);
    await expect(page.getByRole('heading', { name: 'Credit investigation report' })).toBeVisible();
    await expect(page.getByRole('rowheader', { name: 'Payment record' })).toBeVisible();
    await page.goto('/settings/credit');
    await page
      .locator('details', { has: page.locator('summary', { hasText: 'Payment record' }) })
      .evaluate((d) => ((d as HTMLDetailsElement).open = true));
    const aspectName = page.getByRole('textbox', { name: 'Payment record aspect 1 · Aspect' });
    await expect(aspectName).toHaveValue('Timeliness');
    await expect(page.getByRole('textbox', { name: 'Payment record aspect 1 · Good looks like' })).toHaveValue('Has always paid on time');
    await aspectName.fill('按时付款');
    await expect(aspectName).toHaveValue('按时付款');
    await expect(page.getByRole('textbox', { name: '餐饮 · source' })).toHaveValue(
      /^Beijing Municipal Bureau of Statistics, Beijing Statistical Yearbook 2013/
    );
  });
  expect(errors).toEqual([]);
});
