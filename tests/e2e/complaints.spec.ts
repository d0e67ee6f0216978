import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { start } from './helpers';

/**
 * A complaint through its five steps on the demo (issue 11), in both languages: recorded on the
 * customer's page, moved on the board by drag and by keyboard, one step late after the clock moves
 * (revisit within 7 working days of Monday 2 March is Wednesday 11 March; on Friday 13 March it is
 * late and the site escalates to its area), seen in Today, then archived; after a reload it is all
 * still there.
 */
const DAY = '2026-03-02';
const LATE_DAY = '2026-03-13';

const WORDS = {
  'zh-CN': {
    region: /^投诉（\d+）$/,
    record: '登记投诉',
    channel: '方式',
    hotline: '热线电话',
    summary: '投诉内容',
    save: '登记',
    doneBy: '经办人',
    column: (s: string) => new RegExp(`^${s}`),
    nav: '投诉处理',
    steps: ['核实', '审查', '整改', '回访', '归档', '已归档'],
    move: (summary: string, step: string) => new RegExp(`^把“${summary}”（.+）移到“${step}”$`),
    late: '超时',
    escalated: /^已升级至.+/,
    today: /^投诉期限（\d+）$/,
    history: '处理记录',
    lateLine: /^回访超时（期限 2026-03-11），由.+升级至.+$/,
    derived: '按期限推算',
    lateBy: '超时 2 个工作日',
    notes: '说明',
    addNote: '添加备注',
    note: '客户表示满意',
    summaryText: '加油卡充值未到账',
    settings: '投诉设置（时限与节假日）',
    nationalDay: '节假日第 27 行日期',
    addHoliday: '添加节假日',
    newDate: (n: number) => `节假日第 ${n} 行日期`,
    newName: (n: number) => `节假日第 ${n} 行名称`,
    saveSettings: '保存投诉设置',
    saved: '投诉设置已保存',
    due: '期限 2026-03-04'
  },
  en: {
    region: /^Complaints \(\d+\)$/,
    record: 'Record a complaint',
    channel: 'Channel',
    hotline: 'Hotline',
    summary: 'Complaint',
    save: 'Record',
    doneBy: 'Done by',
    column: (s: string) => new RegExp(`^${s}`),
    nav: 'Complaints',
    steps: ['Verify', 'Review', 'Rectify', 'Revisit', 'Archive', 'Archived'],
    move: (summary: string, step: string) => new RegExp(`^Move “${summary}” \\(.+\\) to ${step}$`),
    late: 'Late',
    escalated: /^Escalated to .+/,
    today: /^Complaint deadlines \(\d+\)$/,
    history: 'History',
    lateLine: /^Revisit late \(due 2026-03-11\): escalated from .+ to .+$/,
    derived: 'from the deadlines',
    lateBy: '2 working days late',
    notes: 'Notes',
    addNote: 'Add a note',
    note: 'The customer is satisfied',
    summaryText: 'Fuel card top-up not credited',
    settings: 'Complaint settings (service levels and holidays)',
    nationalDay: 'Public holidays row 27: date',
    addHoliday: 'Add a holiday',
    newDate: (n: number) => `Public holidays row ${n}: date`,
    newName: (n: number) => `Public holidays row ${n}: name`,
    saveSettings: 'Save complaint settings',
    saved: 'Complaint settings saved',
    due: 'Due 2026-03-04'
  }
} as const;

/** A demo customer that belongs to a site, read from the workspace database. */
async function customerWithSite(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const wsId = localStorage.getItem('kebu.workspace');
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(`kebu-ws-${wsId}`);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const read = <T>(table: string) =>
      new Promise<T[]>((resolve, reject) => {
        const req = db.transaction(table).objectStore(table).getAll();
        req.onsuccess = () => resolve(req.result as T[]);
        req.onerror = () => reject(req.error);
      });
    const units = await read<{ id: string; kind: string }>('orgUnits');
    const sites = new Set(units.filter((u) => u.kind === 'site').map((u) => u.id));
    const customers = await read<{ id: string; orgUnitId?: string; deleted: number }>('customers');
    db.close();
    return customers.find((c) => !c.deleted && c.orgUnitId && sites.has(c.orgUnitId))!.id;
  });
}

/** axe on the page as it is: no serious or critical violation. */
async function noSeriousViolation(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.flatMap((v) => v.nodes.slice(0, 3).map((n) => `${v.id} at ${n.target.join(' ')}`))).toEqual([]);
}

async function chooseWho(picker: ReturnType<Page['getByLabel']>) {
  await expect(picker.locator('option').nth(1)).toBeAttached();
  const value = await picker.locator('option').nth(1).getAttribute('value');
  await picker.selectOption(value!);
}

for (const locale of ['zh-CN', 'en'] as const) {
  test(`a complaint runs through five steps, one late and escalated, by drag and keyboard (${locale})`, async ({ page }) => {
    test.setTimeout(180_000);
    const w = WORDS[locale];
    const summary = w.summaryText;
    const column = (i: number) => page.getByRole('region', { name: w.column(w.steps[i]) });
    const card = () => page.getByRole('listitem').filter({ hasText: summary });

    await page.goto(`/?today=${DAY}`);
    await page.waitForFunction((day) => sessionStorage.getItem('kebu.today') === day, DAY);
    await start(page, 'demo');
    if (locale === 'en') await page.getByRole('button', { name: 'English' }).click();

    await test.step('record the complaint on the customer page', async () => {
      const id = await customerWithSite(page);
      await page.goto(`/customers/${id}`);
      const region = page.getByRole('region', { name: w.region });
      await region.getByRole('button', { name: w.record }).click();
      const form = region.getByRole('form', { name: w.record });
      await form.getByLabel(w.channel).selectOption({ label: w.hotline });
      await form.getByLabel(w.summary, { exact: true }).fill(summary);
      await form.getByRole('button', { name: w.save, exact: true }).click();
      await expect(region.getByRole('link', { name: summary })).toBeVisible();
    });

    await test.step('verify by dragging the card to the next column', async () => {
      await page.getByRole('navigation').getByRole('link', { name: w.nav, exact: true }).click();
      await chooseWho(page.getByLabel(w.doneBy));
      await expect(column(0).getByRole('listitem').filter({ hasText: summary })).toBeVisible();
      // the card's own text, not its link or button, is where a person grabs it
      await column(0).getByRole('listitem').filter({ hasText: summary }).getByText(w.hotline).hover();
      await page.mouse.down();
      const box = (await column(1).boundingBox())!;
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 5 });
      await page.mouse.move(box.x + box.width / 2 + 2, box.y + box.height / 2 + 2, { steps: 2 });
      await page.mouse.up();
      await expect(column(1).getByRole('listitem').filter({ hasText: summary })).toBeVisible();
    });

    await test.step('review and rectify from the keyboard', async () => {
      const toRectify = page.getByRole('button', { name: w.move(summary, w.steps[2]) });
      await toRectify.focus();
      await page.keyboard.press('Enter');
      await expect(column(2).getByRole('listitem').filter({ hasText: summary })).toBeVisible();
      await page.getByRole('button', { name: w.move(summary, w.steps[3]) }).focus();
      await page.keyboard.press('ArrowRight');
      await expect(column(3).getByRole('listitem').filter({ hasText: summary })).toBeVisible();
      await expect(card()).not.toContainText(w.late);
    });

    await test.step('eleven days later the revisit is late and escalates to the area', async () => {
      await page.goto(`/today?today=${LATE_DAY}`);
      const due = page.getByRole('region', { name: w.today });
      await expect(due.getByRole('link', { name: new RegExp(summary) })).toBeVisible();
      await expect(due).toContainText(w.late);
      await page.goto('/complaints');
      await expect(card()).toContainText(w.late);
      await expect(card().getByText(w.escalated)).toBeVisible();
      await noSeriousViolation(page);
    });

    await test.step('revisit (late) and archive from the keyboard', async () => {
      await chooseWho(page.getByLabel(w.doneBy));
      await page.getByRole('button', { name: w.move(summary, w.steps[4]) }).focus();
      await page.keyboard.press('ArrowRight');
      await expect(column(4).getByRole('listitem').filter({ hasText: summary })).toBeVisible();
      await page.getByRole('button', { name: w.move(summary, w.steps[5]) }).focus();
      await page.keyboard.press('Enter');
      await expect(column(5).getByRole('listitem').filter({ hasText: summary })).toBeVisible();
    });

    await test.step('after a reload: archived, every step done, the escalation kept in the history', async () => {
      await page.reload();
      await expect(column(5).getByRole('listitem').filter({ hasText: summary })).toBeVisible();
      await card().getByRole('link').first().click();
      const history = page.getByRole('region', { name: w.history });
      await expect(history.getByText(w.lateLine)).toBeVisible();
      await expect(history).not.toContainText(w.derived);
      await expect(page.getByRole('table')).toContainText(w.lateBy);
      await expect(page.getByRole('table').getByText(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/)).toHaveCount(5);
      await expect(page.locator('body')).not.toContainText(/undefined|NaN/);
      await noSeriousViolation(page);
      // an archived complaint still takes a note, kept after a reload
      await page.getByLabel(w.notes, { exact: true }).fill(w.note);
      await page.getByRole('button', { name: w.addNote }).click();
      await expect(history.getByText(w.note)).toBeVisible();
      await page.reload();
      await expect(page.getByRole('region', { name: w.history }).getByText(w.note)).toBeVisible();
    });
  });
}

for (const locale of ['zh-CN', 'en'] as const) {
  test(`the holiday calendar starts from 2026, is edited, kept, and moves a deadline (${locale})`, async ({ page }) => {
    test.setTimeout(120_000);
    const w = WORDS[locale];
    await page.goto(`/?today=${DAY}`);
    await page.waitForFunction((day) => sessionStorage.getItem('kebu.today') === day, DAY);
    await start(page, 'demo');
    if (locale === 'en') await page.getByRole('button', { name: 'English' }).click();
    await page.goto('/complaints');
    await page.getByRole('link', { name: w.settings }).click();
    // the first day of the National Day holiday, 33 holiday days in all
    await expect(page.getByLabel(w.nationalDay, { exact: true })).toHaveValue('2026-10-01');
    await page.getByRole('button', { name: w.addHoliday }).click();
    await page.getByLabel(w.newDate(34), { exact: true }).fill('2026-03-03');
    await page.getByLabel(w.newName(34), { exact: true }).fill(locale === 'en' ? 'Anniversary' : '店庆');
    await page.getByRole('button', { name: w.saveSettings }).click();
    await expect(page.getByRole('status').getByText(w.saved)).toBeVisible();
    await page.reload();
    await expect(page.getByLabel(w.newDate(34), { exact: true })).toHaveValue('2026-03-03');
    await noSeriousViolation(page);

    // received Monday 2 March: verify within one working day, and Tuesday is now a holiday
    const id = await customerWithSite(page);
    await page.goto(`/customers/${id}`);
    const region = page.getByRole('region', { name: w.region });
    await region.getByRole('button', { name: w.record }).click();
    const form = region.getByRole('form', { name: w.record });
    await form.getByLabel(w.channel).selectOption({ label: w.hotline });
    await form.getByLabel(w.summary, { exact: true }).fill(w.summaryText);
    await form.getByRole('button', { name: w.save, exact: true }).click();
    await expect(region.getByRole('listitem').filter({ hasText: w.summaryText })).toContainText(w.due);
  });
}
