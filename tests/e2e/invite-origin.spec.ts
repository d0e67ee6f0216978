/**
 * Invites that work where the team is: a page served by `npm start` (scripts/serve.js, the server
 * this suite runs) offers the signaling server and the relay beside it on its own origin, its
 * invite link names that origin, and a second device joins through it. When no server answers,
 * the sync bar says so in words and the console does not fill with failed connections.
 */
import { expect, test, type Page } from '@playwright/test';
import { addCustomer, customerGrid, start } from './helpers';
import { freePort } from '../servers';

async function sharingPanel(page: Page) {
  await page.getByRole('link', { name: '设置' }).click();
  return page.getByRole('region', { name: '共享' });
}

test('the invite of a page served by npm start names that page’s origin, and a colleague joins through it', async ({ browser, baseURL }) => {
  test.setTimeout(90_000);
  const origin = new URL(baseURL!);
  const ws = `ws://${origin.host}`;
  const a = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
  await start(a, 'empty', '王丽');
  await addCustomer(a, '河北石油');
  const panel = await sharingPanel(a);
  await expect(panel.getByText(`打开这个页面的服务器（${origin.host}）同时提供信令服务器和中继`)).toBeVisible();
  // opened on this machine's loopback address: said, since others cannot use it
  await expect(panel.getByText(`这个地址（${origin.host}）只在本机有效`)).toBeVisible();
  await expect(panel.getByLabel('信令服务器（每行一个）')).toHaveValue(`${ws}/signal`);
  await expect(panel.getByLabel('中继服务器（可选）')).toHaveValue(`${ws}/relay`);
  await panel.getByRole('button', { name: '共享这个工作区' }).click();
  const link = await a.getByRole('textbox', { name: '邀请链接' }).inputValue();
  expect(link.startsWith(`${origin.origin}/join#`)).toBe(true);
  const params = new URLSearchParams(new URL(link).hash.slice(1));
  expect(params.getAll('sig')).toEqual([`${ws}/signal`]);
  expect(params.get('relay')).toBe(`${ws}/relay`);
  expect(link).not.toContain('4444');

  const b = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
  await b.goto(link);
  await b.getByLabel('您的姓名').fill('李强');
  await b.getByRole('button', { name: '开始使用' }).click();
  await b.getByRole('button', { name: '加入' }).click();
  await expect(customerGrid(b).getByRole('gridcell', { name: '河北石油', exact: true })).toBeVisible({ timeout: 20_000 });
  const bar = b.getByRole('region', { name: '同步状态' });
  await expect(bar.getByRole('status')).toContainText('中继 已连接', { timeout: 20_000 });

  // a second time, after a reload: the member's copy and its connection come back
  await b.reload();
  await expect(customerGrid(b).getByRole('gridcell', { name: '河北石油', exact: true })).toBeVisible();
  await expect(bar.getByRole('status')).toContainText('中继 已连接', { timeout: 20_000 });
  await expect(bar.getByRole('status')).not.toContainText('无法连接');
});

test('on a static host without the servers, Settings says so and shares through the servers the owner names', async ({ browser, baseURL }) => {
  // a static host has no /kebu-servers.json (the service worker is blocked so that the route applies)
  const context = await browser.newContext({ locale: 'zh-CN', serviceWorkers: 'block' });
  await context.route('**/kebu-servers.json', (route) => route.fulfill({ status: 404, body: 'Not found' }));
  const page = await context.newPage();
  await start(page, 'empty', '王丽');
  const panel = await sharingPanel(page);
  await expect(panel.getByText('这个页面所在的服务器不提供信令服务器或中继。')).toBeVisible();
  await expect(panel.getByLabel('信令服务器（每行一个）')).toHaveValue('');
  await expect(panel.getByLabel('中继服务器（可选）')).toHaveValue('');
  await panel.getByRole('button', { name: '共享这个工作区' }).click();
  await expect(panel.getByRole('alert')).toHaveText('至少需要一个信令服务器或中继服务器');
  // the team's server elsewhere (here: this suite's npm start)
  const ws = `ws://${new URL(baseURL!).host}`;
  await panel.getByLabel('中继服务器（可选）').fill(`${ws}/relay`);
  await panel.getByRole('button', { name: '共享这个工作区' }).click();
  const link = await page.getByRole('textbox', { name: '邀请链接' }).inputValue();
  expect(new URLSearchParams(new URL(link).hash.slice(1)).get('relay')).toBe(`${ws}/relay`);
  await expect(page.getByRole('region', { name: '同步状态' }).getByRole('status')).toContainText('中继 已连接', { timeout: 20_000 });
});

test('when no server answers, the sync bar says so in words and the console stays quiet', async ({ browser }) => {
  test.setTimeout(90_000);
  const page = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
  const failures: number[] = [];
  page.on('console', (m) => m.type() === 'error' && /WebSocket/i.test(m.text()) && failures.push(Date.now()));
  await start(page, 'empty', '王丽');
  const panel = await sharingPanel(page);
  // nothing listens there
  const dead = `ws://127.0.0.1:${await freePort()}`;
  await panel.getByLabel('信令服务器（每行一个）').fill(`${dead}/signal`);
  await panel.getByLabel('中继服务器（可选）').fill(`${dead}/relay`);
  await panel.getByRole('button', { name: '共享这个工作区' }).click();
  const since = Date.now();
  const bar = page.getByRole('region', { name: '同步状态' });
  await expect(bar).toContainText('未连接', { timeout: 20_000 });
  await expect(bar.getByRole('status')).toContainText('无法连接到其他设备：信令服务器和中继都没有响应。');
  // after the first quick tries, a try now and then (two in this window: one per server), not
  // one every 2.5 s per server (five here before the backoff: Chromium slows failing sockets too)
  await page.waitForTimeout(Math.max(0, since + 22_000 - Date.now()));
  const late = failures.filter((at) => at >= since + 10_000).length;
  expect(late, `failed connections between 10 s and 22 s: ${late}`).toBeLessThanOrEqual(3);
});
