import { expect, test, type Page } from '@playwright/test';
import { addCustomer, countRecords, pasteBlock, start } from './helpers';

const CUSTOMER = '杭州顺达物流有限公司';

/** Move the app's clock: any page opened with ?today= keeps that day for the tab. */
async function moveClockTo(page: Page, day: string) {
  await page.goto(`/today?today=${day}`);
  await expect(page.getByText(`日期：${day}`)).toBeVisible();
}

async function openCustomer(page: Page, url: string) {
  await page.goto(url);
  await expect(page.getByRole('heading', { name: CUSTOMER, exact: true })).toBeVisible();
  return page.getByRole('region', { name: '信用与应收' });
}

test('agreement, credit sale, Today ladder, stop and blacklist, lift, override, payment, statement', async ({ page }) => {
  // what later steps use: the customer's page, and the controls found on it
  let customerUrl = '';
  let panel = page.getByRole('region', { name: '信用与应收' });
  const sale = page.getByRole('form', { name: '记录赊销' });
  const receivables = panel.getByRole('table', { name: '未结清的应收款' });
  const flagged = page.getByRole('region', { name: /停止发货与黑名单客户/ });

  await test.step('a manager on the staff list, a customer', async () => {
    await start(page);

    // a manager on the staff list, named like the profile (王丽), so the pickers default to her
    await page.getByRole('link', { name: '员工与组织' }).click();
    const staffGrid = page.getByRole('grid', { name: '员工（客户经理）' });
    await staffGrid.click();
    await pasteBlock(page, [['王丽', '', '', '', '财务经理', '是', '是']]);
    await expect(staffGrid.getByRole('gridcell', { name: '王丽', exact: true })).toBeVisible();
    expect(await countRecords(page, 'staff')).toBe(1);

    await moveClockTo(page, '2026-03-01');
    await page.getByRole('link', { name: '客户档案' }).click();
    await addCustomer(page, CUSTOMER);
    customerUrl = page.url();
  });

  await test.step('an agreement of 100 000 元 on 30 days', async () => {
    // an agreement: limit 100 000 元, 30 days
    await page.getByRole('link', { name: '信用协议' }).first().click();
    await page.getByRole('button', { name: '新增协议' }).click();
    const agreement = page.getByRole('form', { name: '新增协议' });
    await agreement.getByLabel('客户').fill(CUSTOMER);
    await agreement.getByLabel('协议编号').fill('XY-2026-01');
    await agreement.getByLabel('信用额度').fill('100000');
    await agreement.getByLabel('信用期限（天）').fill('30');
    await agreement.getByLabel('开始日期').fill('2026-01-01');
    await agreement.getByLabel('截止日期').fill('2026-12-31');
    await agreement.getByRole('button', { name: '保存' }).click();
    await expect(page.getByText('已保存信用协议')).toBeVisible();
    expect(await countRecords(page, 'creditAgreements')).toBe(1);
  });

  await test.step('a credit sale of 50 000 元 due 2026-03-31', async () => {
    // a credit sale of 50 000 元 shipped today, due 2026-03-31
    panel = await openCustomer(page, customerUrl);
    await expect(panel.getByText('100,000.00 元').first()).toBeVisible();
    await panel.getByRole('button', { name: '记录赊销' }).click();
    await sale.getByLabel('金额（元）').fill('50000');
    await sale.getByLabel('发票号').fill('FP001');
    await sale.getByRole('button', { name: '检查并记录' }).click();
    await expect(page.getByText('已记录赊销')).toBeVisible();
    await expect(receivables.getByRole('cell', { name: 'FP001', exact: true })).toBeVisible();
    await expect(receivables.getByRole('cell', { name: '2026-03-31', exact: true })).toBeVisible();
  });

  await test.step('Today: confirm delivery; a customer in the bin has no task', async () => {
    // Today: confirm delivery on the ship date (the nav shows the count)
    await moveClockTo(page, '2026-03-01');
    await expect(page.getByRole('link', { name: /^今日\s*1$/ })).toBeVisible();
    // a customer in the bin has no task on Today; undoing the delete brings it back
    await openCustomer(page, customerUrl);
    await page.getByRole('button', { name: '删除客户' }).click();
    await expect(page).toHaveURL(/\/customers$/);
    await page.getByRole('link', { name: /^今日/ }).click();
    await expect(page.getByText('今天没有待办的跟踪任务。')).toBeVisible();
    await expect(page.getByRole('link', { name: /^今日\s*1$/ })).toHaveCount(0);
    await page.getByRole('button', { name: '撤销' }).click();
    await expect(page.getByRole('link', { name: /^今日\s*1$/ })).toBeVisible();
    await page
      .getByRole('group', { name: /确认到货：杭州顺达物流有限公司 FP001/ })
      .getByRole('button', { name: '已到货，满意' })
      .click();
    await expect(page.getByText('已记录：已到货，满意')).toBeVisible();
    await expect(page.getByText('今天没有待办的跟踪任务。')).toBeVisible();
  });

  await test.step('a week before the due date: the pre-due reminder', async () => {
    // a week before the due date: the pre-due reminder
    await moveClockTo(page, '2026-03-24');
    await page
      .getByRole('group', { name: /到期前提醒：杭州顺达物流有限公司 FP001/ })
      .getByRole('button', { name: '将按时付款' })
      .click();
    await expect(page.getByText('已记录：将按时付款')).toBeVisible();
  });

  await test.step('7 days overdue: the overdue notice', async () => {
    await moveClockTo(page, '2026-04-07');
    await page
      .getByRole('group', { name: /逾期通知：/ })
      .getByRole('button', { name: '已发通知' })
      .click();
    await expect(page.getByText('已记录：已发通知')).toBeVisible();
  });

  await test.step('14 days overdue: the collection letter (the invoice under its one current rung), stop-shipment', async () => {
    // 14 days overdue: the collection letter is the invoice's one task, stop-shipment in force
    await moveClockTo(page, '2026-04-14');
    await expect(page.getByRole('group', { name: /逾期通知：/ })).toHaveCount(0);
    const letter = page.getByRole('group', { name: /催收函：/ });
    await letter.getByLabel('逾期原因').selectOption('credit');
    await letter.getByRole('button', { name: '已发催收函' }).click();
    await expect(page.getByText('已记录：已发催收函')).toBeVisible();
    await expect(flagged.getByText('停止发货', { exact: true })).toBeVisible();
    await expect(flagged.getByText('黑名单', { exact: true })).toHaveCount(0);
    panel = await openCustomer(page, customerUrl);
    await expect(panel.getByText('停止发货', { exact: true }).first()).toBeVisible();
  });

  await test.step('30 days overdue: blacklisted on Today and on the customer page', async () => {
    // 30 days overdue: blacklisted, on Today and on the customer page
    await moveClockTo(page, '2026-04-30');
    await expect(flagged.getByText('黑名单', { exact: true })).toBeVisible();
    await page
      .getByRole('group', { name: /上门拜访：/ })
      .getByRole('button', { name: '已上门' })
      .click();
    await expect(page.getByText('已记录：已上门')).toBeVisible();
    await page.getByRole('link', { name: '客户档案' }).click();
    await expect(page.getByRole('grid', { name: '客户档案' }).getByRole('gridcell', { name: '黑名单、停止发货' })).toBeVisible();
    panel = await openCustomer(page, customerUrl);
    await expect(panel.getByText('黑名单', { exact: true }).first()).toBeVisible();
  });

  await test.step('a manager lifts the blacklist, with a reason', async () => {
    // lift the blacklist: a reason is required, then a manager lifts it
    await panel.getByRole('button', { name: '解除黑名单' }).click();
    const lift = page.getByRole('form', { name: '解除黑名单' });
    await expect(lift.getByLabel('经理')).toHaveValue(/.+/);
    await lift.getByRole('button', { name: '确认解除' }).click();
    await expect(lift.getByText('请填写理由')).toBeVisible();
    await lift.getByLabel('理由').fill('已签订还款计划，总经理同意');
    await lift.getByRole('button', { name: '确认解除' }).click();
    await expect(page.getByText('已解除：黑名单')).toBeVisible();
    await expect(panel.getByRole('button', { name: '解除黑名单' })).toHaveCount(0);
    expect(await countRecords(page, 'ladderEffectLifts')).toBe(1);
  });

  await test.step('a sale over the limit is stopped; a manager overrides it', async () => {
    // a sale over the limit (50 000 open + 60 000) is stopped with every reason; a manager overrides it
    await panel.getByRole('button', { name: '记录赊销' }).click();
    await sale.getByLabel('金额（元）').fill('60000');
    await sale.getByRole('button', { name: '检查并记录' }).click();
    const stopped = sale.getByRole('alert').filter({ hasText: '这笔赊销被拦截' });
    await expect(stopped).toContainText('超出信用额度 10,000.00 元');
    await expect(stopped).toContainText('停止发货');
    await expect(stopped).not.toContainText('黑名单');
    expect(await countRecords(page, 'creditSales')).toBe(1);
    await sale.getByLabel('理由').fill('年度大客户，总经理特批');
    await sale.getByRole('button', { name: '特批并记录' }).click();
    await expect(page.getByText('已由经理特批并记录赊销')).toBeVisible();
    expect(await countRecords(page, 'creditSales')).toBe(2);
    expect(await countRecords(page, 'creditOverrides')).toBe(1);
    await expect(panel.getByRole('listitem').filter({ hasText: '王丽 特批：年度大客户，总经理特批' })).toContainText(
      '客户处于停止发货状态（有逾期 14 天以上的应收款）；超出信用额度 10,000.00 元'
    );
  });

  await test.step('a payment of 50 000 元 with its split edited', async () => {
    // a payment of 50 000 元: allocated to the oldest invoice first by default; the customer asks
    // for 40 000 to FP001 and 10 000 to the unbilled shipment, so the split is edited
    await panel.getByRole('button', { name: '记录回款' }).click();
    const payment = page.getByRole('form', { name: '记录回款' });
    await payment.getByLabel('金额（元）', { exact: true }).fill('50000');
    await expect(payment.getByLabel('核销到 FP001 的金额（元）')).toHaveValue('50000.00');
    await expect(payment.getByLabel('核销到 未开票 的金额（元）')).toHaveValue('');
    await payment.getByLabel('核销到 FP001 的金额（元）').fill('40000');
    await expect(payment.getByText('未核销（余款）：10,000.00 元')).toBeVisible();
    await payment.getByLabel('核销到 未开票 的金额（元）').fill('70000');
    await expect(payment.getByRole('alert').filter({ hasText: '核销金额超过该发票未收金额' })).toBeVisible();
    await expect(payment.getByRole('alert').filter({ hasText: '核销合计 110,000.00 元超过回款金额 50,000.00 元' })).toBeVisible();
    await payment.getByLabel('核销到 未开票 的金额（元）').fill('10000');
    await payment.getByRole('button', { name: '保存' }).click();
    await expect(page.getByText('已记录回款')).toBeVisible();
    const fp001 = receivables.getByRole('row', { name: /FP001/ });
    await expect(fp001).toContainText('10,000.00');
    await expect(receivables.getByRole('row', { name: /未开票/ })).toContainText('50,000.00');
  });

  await test.step('an extension request approved: the due date follows', async () => {
    // an extension request for the new sale (due 2026-05-30), approved by a manager: the due date follows
    await receivables.getByRole('button', { name: '为 未开票 申请延期' }).click();
    const ext = page.getByRole('form', { name: '为 未开票 申请延期' });
    await ext.getByLabel('申请延至').fill('2026-06-15');
    await ext.getByLabel('原因（客户无法控制的原因）').fill('台风导致港口停运');
    await ext.getByRole('button', { name: '保存' }).click();
    await expect(page.getByText('已提交延期申请')).toBeVisible();
    await expect(receivables.getByText('2026-04-30 申请延至 2026-06-15：台风导致港口停运（待审批）')).toBeVisible();
    await receivables.getByRole('button', { name: '批准 / 拒绝' }).click();
    const decision = receivables.getByRole('group', { name: '延期申请' });
    await decision.getByLabel('审批意见').fill('属实');
    await decision.getByRole('button', { name: '批准' }).click();
    await expect(page.getByText('已处理延期申请')).toBeVisible();
    await expect(receivables.getByRole('cell', { name: '2026-06-15', exact: true })).toBeVisible();
    await expect(receivables.getByText('原到期日 2026-05-30，已延期 1 次')).toBeVisible();
    await expect(receivables.getByText(/申请延至 2026-06-15：台风导致港口停运（已批准）/)).toBeVisible();
  });

  await test.step('aging and DSO', async () => {
    // aging: 50 000 元 current, 10 000 元 of FP001 30 days overdue; the stacked chart is drawn
    await page.getByRole('link', { name: '应收账款' }).click();
    const agingTable = page.getByRole('table', { name: '应收账款账龄' });
    const agingRow = agingTable.getByRole('row', { name: new RegExp(CUSTOMER) });
    await expect(agingRow.getByRole('cell')).toHaveText([CUSTOMER, '50,000.00', '10,000.00', '', '', '', '60,000.00', '10,000.00', /\d+\.\d/]);
    await expect(agingTable.getByRole('row', { name: /合计（1 位客户）/ })).toContainText('60,000.00');
    await expect(page.getByRole('img', { name: /账龄堆积图/ })).toBeVisible();
    await expect(page.getByText(/整体 DSO（近 90 天）：\d+\.\d 天/)).toBeVisible();
  });

  await test.step('the statement: print to A4, export to Excel', async () => {
    // the statement: print to A4 and export to Excel
    panel = await openCustomer(page, customerUrl);
    await panel.getByRole('link', { name: '对账单' }).click();
    await page.getByLabel('起始日期').fill('2026-01-01');
    const table = page.getByRole('table', { name: `${CUSTOMER} 对账单` });
    await expect(table.getByRole('row', { name: /期末余额/ })).toContainText('60,000.00');
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.byteLength).toBeGreaterThan(1000);
    await page.emulateMedia({ media: 'screen' });
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出 Excel' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^对账单-杭州顺达物流有限公司-2026-01-01-2026-04-30\.xlsx$/);
    await expect(page.getByText('已导出对账单')).toBeVisible();
  });

  await test.step('the payment record feeds the credit evaluation', async () => {
    // the payment record feeds the credit evaluation: 付款及时性 starts from the customer's behaviour
    await page.getByRole('link', { name: '信用', exact: true }).click();
    await page.getByRole('button', { name: '新建信用申请' }).click();
    const apply = page.getByRole('form', { name: '新建信用申请' });
    await apply.getByLabel('客户').fill(CUSTOMER);
    await apply.getByLabel('申请金额（元）').fill('200000');
    await apply.getByLabel('账期（天）').fill('60');
    await apply.getByLabel('用途').fill('续签');
    await apply.getByRole('button', { name: '保存' }).click();
    await expect(page.getByRole('heading', { name: `信用申请：${CUSTOMER}` })).toBeVisible();
    await page.getByRole('button', { name: '受理并转评估' }).click();
    const accept = page.getByRole('form', { name: '受理并转评估' });
    await accept.getByRole('button', { name: '保存' }).click();
    await expect(accept).toHaveCount(0);
    await page.getByRole('link', { name: '填写评估表' }).click();
    await expect(page.getByRole('status').filter({ hasText: /付款及时性已按该客户的回款记录预填为 \d+(\.\d)? 分/ })).toBeVisible();
  });
});
