import { expect, test, type Page } from '@playwright/test';
import { start } from './helpers';

/** Today as a collector's worklist (issue 15.4), in both languages, on the demo. */
const DAY = '2026-04-20';
const LATER = '2026-04-23';

const WORDS = {
  'zh-CN': {
    today: /^今日/,
    doneBy: '经办人',
    required: '请先选择经办人，再记录结果',
    notice: /^(逾期通知|催收函|上门拜访)：/,
    promised: '承诺付款',
    reminder: /^到期前提醒：/,
    asksExtension: '要求延期',
    extensionFor: /的延期申请$/,
    extensionDate: '申请延期至',
    reason: '理由',
    submit: '提交延期申请',
    log: '记录联系',
    logTitle: /^回访记录/,
    nextStep: '下一步',
    nextDate: '下次日期',
    save: '保存',
    step: '寄送样品',
    planned: /^计划回访/,
    plannedDone: /^完成回访：/,
    docs: /的催收函与短信$/,
    print: '打印',
    copy: '复制短信文本',
    letter: '催收函',
    asOf: `日期：${DAY}`
  },
  en: {
    today: /^Today/,
    doneBy: 'Done by',
    required: 'Choose who did it before recording an outcome',
    notice: /^(Overdue notice|Collection letter|Field visit): /,
    promised: 'Payment promised',
    reminder: /^Pre-due reminder: /,
    asksExtension: 'Asks for an extension',
    extensionFor: /^Extension request for /,
    extensionDate: 'Extend to',
    reason: 'Reason',
    submit: 'Request the extension',
    log: 'Log a contact',
    logTitle: /^Follow-ups/,
    nextStep: 'Next step',
    nextDate: 'Next date',
    save: 'Save',
    step: 'Send samples',
    planned: /^Planned follow-ups/,
    plannedDone: /^Follow-up done: /,
    docs: /^Collection letter and SMS for /,
    print: 'Print',
    copy: 'Copy the SMS text',
    letter: 'Collection letter',
    asOf: `Date: ${DAY}`
  }
} as const;

/** The customer named in a task's row, and the row. */
async function taskRow(page: Page, group: RegExp) {
  const buttons = page.getByRole('group', { name: group }).first();
  await expect(buttons).toBeVisible();
  const row = page.getByRole('listitem').filter({ has: buttons });
  const link = row.getByRole('link').first();
  const customer = (await link.textContent())!.trim();
  const href = (await link.getAttribute('href'))!;
  const label = (await buttons.getAttribute('aria-label'))!;
  return { row, buttons, customer, href, exact: page.getByRole('group', { name: label, exact: true }) };
}

/** Picks the first staff member once the staff list has loaded. */
async function chooseWho(picker: ReturnType<Page['getByLabel']>) {
  await expect(picker.locator('option').nth(1)).toBeAttached();
  const value = await picker.locator('option').nth(1).getAttribute('value');
  await picker.selectOption(value!);
}

for (const locale of ['zh-CN', 'en'] as const) {
  test(`Today is a collector's worklist: call, outcomes in the follow-up log, extension, planned follow-ups, documents (${locale})`, async ({
    page,
    context
  }) => {
    test.setTimeout(180_000);
    const w = WORDS[locale];
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto(`/?today=${DAY}`);
    // the app keeps the day once its clock has read it: wait for that before moving on
    await page.waitForFunction((day) => sessionStorage.getItem('kebu.today') === day, DAY);
    await start(page, 'demo');
    if (locale === 'en') await page.getByRole('button', { name: 'English' }).click();
    await page.goto('/today');
    await expect(page.getByText(w.asOf)).toBeVisible();

    let worked = '';
    let workedUrl = '';
    await test.step('an outcome needs who did it, then goes to the follow-up log', async () => {
      const { row, buttons, customer, href, exact } = await taskRow(page, w.notice);
      worked = customer;
      workedUrl = href;
      await expect(row.getByRole('link', { name: /^tel:|\d/ }).first()).toHaveAttribute('href', /^tel:[+\d]+$/);
      const picker = page.getByLabel(w.doneBy);
      await picker.selectOption({ index: 0 });
      if ((await picker.inputValue()) === '') {
        await buttons.getByRole('button', { name: w.promised }).click();
        await expect(page.getByRole('alert').filter({ hasText: w.required })).toBeVisible();
      }
      await chooseWho(picker);
      await buttons.getByRole('button', { name: w.promised }).click();
      await expect(exact).toHaveCount(0);
    });

    await test.step('the outcome is on the customer page after a reload', async () => {
      await page.goto(workedUrl);
      await page.reload();
      const log = page.getByRole('region', { name: w.logTitle });
      await expect(log.getByText(w.promised).first()).toBeVisible();
    });

    await test.step('asks for an extension opens the request, prefilled', async () => {
      await page.goto('/today');
      const picker = page.getByLabel(w.doneBy);
      await chooseWho(picker);
      const { buttons, customer: customerOf } = await taskRow(page, w.reminder);
      await buttons.getByRole('button', { name: w.asksExtension }).click();
      const form = page.getByRole('form', { name: w.extensionFor });
      await expect(form.getByLabel(w.extensionDate)).toHaveValue(/^\d{4}-\d{2}-\d{2}$/);
      await expect(form.getByLabel(w.extensionDate)).toBeFocused();
      await expect(form).toContainText(customerOf);
      await form.getByLabel(w.reason).fill(locale === 'en' ? 'Waiting for their customer' : '下游回款慢');
      await form.getByRole('button', { name: w.submit }).click();
      await expect(form).toHaveCount(0);
    });

    await test.step('a planned follow-up appears on its day and is marked done there', async () => {
      await page.goto(workedUrl);
      const log = page.getByRole('region', { name: w.logTitle });
      await log.getByRole('button', { name: w.log }).click();
      const form = page.getByRole('form', { name: w.log });
      await form.getByLabel(w.nextStep).fill(w.step);
      await form.getByLabel(w.nextDate).fill(LATER);
      await form.getByRole('button', { name: w.save }).click();
      await page.goto(`/today?today=${LATER}`);
      const planned = page.getByRole('region', { name: w.planned });
      const item = planned.getByRole('listitem').filter({ hasText: w.step }).filter({ hasText: worked });
      await expect(item).toBeVisible();
      await item.getByRole('button', { name: w.plannedDone }).click();
      await expect(item).toHaveCount(0);
    });

    await test.step('print a collection letter on one A4 page and copy the SMS text', async () => {
      await page.goto(`/today?today=${DAY}`);
      const { row, customer } = await taskRow(page, w.notice);
      await row.getByRole('link', { name: w.docs }).first().click();
      const sheet = page.getByRole('article', { name: w.letter });
      await expect(sheet).toContainText(customer);
      await expect(sheet).toContainText(/\d{1,3}(,\d{3})*\.\d{2}/);
      await expect(sheet).not.toContainText(/undefined|NaN/);
      await expect(page.getByRole('button', { name: w.print })).toBeVisible();
      await page.emulateMedia({ media: 'print' });
      const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
      expect(pdf.match(/\/Type\s*\/Page[^s]/g)?.length).toBe(1);
      // A4 is 595 × 842 points
      expect(pdf).toMatch(/\/MediaBox\s*\[\s*0 0 595\.\d+ 841\.\d+|\/MediaBox\s*\[\s*0 0 595\.\d+ 842\.\d+|\/MediaBox\s*\[\s*0 0 595 842/);
      await page.emulateMedia({ media: 'screen' });
      await page.getByRole('button', { name: w.copy }).click();
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(copied).toContain(customer);
      expect(copied).not.toMatch(/undefined|NaN|\{/);
    });
  });
}
