/**
 * Sharing a workspace as people do it: the owner shares from Settings, a colleague opens the
 * invite link in another browser (a separate context: its own storage), both edit; then one closes
 * the app while the devices cannot reach each other (the server they meet through is down), opens
 * it again offline from that and edits while the other edits too, and when they meet again both
 * converge; someone holding the room with a wrong secret receives nothing. (Playwright's offline
 * emulation does not reliably cut a WebSocket on loopback, so "apart" is the server being down.)
 *
 * Through the relay this runs anywhere (WebSockets work on loopback). Over WebRTC it needs an
 * address other than loopback (headless Chromium gathers no ICE candidates on loopback alone), so
 * `npm run test:p2p` runs the same flow inside a network namespace it creates, with KEBU_P2P
 * set (scripts/test-p2p.sh).
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { addCustomer, customerGrid, start } from './helpers';
import { startServer, type Server } from '../servers';

const transport: 'webrtc' | 'relay' = process.env.KEBU_P2P ? 'webrtc' : 'relay';
// the servers listen on loopback; only WebRTC's own candidates need the namespace's address
const host = '127.0.0.1';
// a free port, picked when the server first starts (another run may be using any fixed one)
let PORT = 0;
let server: Server | null = null;
const dir = mkdtempSync(joinPath(tmpdir(), 'kebu-e2e-relay-'));

/** The server this run's devices meet through: the signaling server, or the relay. */
async function serverUp() {
  server = await startServer(transport === 'webrtc' ? 'signal' : 'relay', { host, port: PORT || undefined, env: { KEBU_RELAY_DIR: dir } });
  PORT = server.port;
}

async function serverDown() {
  await server?.stop();
  server = null;
}

test.beforeAll(async () => {
  await serverUp();
});
test.afterAll(async () => {
  await serverDown();
  rmSync(dir, { recursive: true, force: true });
});

async function person(browser: Browser, baseURL: string) {
  const context = await browser.newContext({ baseURL, locale: 'zh-CN' });
  const page = await context.newPage();
  return { context, page };
}

/** Share the open workspace from Settings with this test's server; returns the invite link. */
async function shareWorkspace(page: Page): Promise<string> {
  await page.getByRole('link', { name: '设置' }).click();
  const panel = page.getByRole('region', { name: '共享' });
  await panel.getByLabel('信令服务器（每行一个）').fill(transport === 'webrtc' ? `ws://${host}:${PORT}` : '');
  await panel.getByLabel('中继服务器（可选）').fill(transport === 'relay' ? `ws://${host}:${PORT}` : '');
  await panel.getByRole('button', { name: '共享这个工作区' }).click();
  const link = await page.getByRole('textbox', { name: '邀请链接' }).inputValue();
  expect(link).toMatch(/\/join#r=kebu-/);
  await expect(page.getByRole('img', { name: '邀请二维码' })).toBeVisible();
  return link;
}

async function join(page: Page, link: string, name: string) {
  await page.goto(link);
  await page.getByLabel('您的姓名').fill(name);
  await page.getByRole('button', { name: '开始使用' }).click();
  await expect(page.getByRole('heading', { name: '加入共享工作区' })).toBeVisible();
  await page.getByRole('button', { name: '加入' }).click();
  await expect(page.getByRole('heading', { name: '客户档案' })).toBeVisible();
}

/** Type into the cell of `column` in the row whose name is `rowName`, moving there by keyboard. */
async function editCell(page: Page, rowName: string, column: string, text: string) {
  const grid = customerGrid(page);
  await grid.getByRole('gridcell', { name: rowName, exact: true }).click();
  for (let i = 0; ; i++) {
    const index = await grid.locator('[role=gridcell].active').getAttribute('aria-colindex');
    const header = await grid.locator(`[role=columnheader][aria-colindex="${index}"]`).innerText();
    if (header.trim().startsWith(column)) break;
    expect(i, `column ${column}`).toBeLessThan(40);
    await page.keyboard.press('ArrowRight');
  }
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

/** A customer as this browser stored it (IndexedDB), by name. */
function stored(page: Page, name: string): Promise<Record<string, unknown> | null> {
  return page.evaluate(async (name) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(`kebu-ws-${localStorage.getItem('kebu.workspace')}`);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const rows = await new Promise<Record<string, unknown>[]>((resolve, reject) => {
      const req = db.transaction('customers').objectStore('customers').getAll();
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    db.close();
    return rows.find((r) => r.name === name && !r.deleted) ?? null;
  }, name);
}

/** Wait until both browsers hold the customer with these fields. */
async function converged(pages: Page[], name: string, fields: Record<string, string>) {
  for (const page of pages) {
    await expect
      .poll(
        async () => {
          const r = await stored(page, name);
          return r && Object.fromEntries(Object.keys(fields).map((k) => [k, r[k]]));
        },
        { timeout: 30_000 }
      )
      .toEqual(fields);
  }
}

const cell = (page: Page, text: string) => customerGrid(page).getByRole('gridcell', { name: text, exact: true });

test(`two people share a workspace over ${transport}, edit, are apart and edit, meet again and converge; a wrong secret gets nothing`, async ({
  browser,
  baseURL
}) => {
  test.setTimeout(120_000);
  const a = await person(browser, baseURL!);
  await start(a.page, 'empty', '王丽');
  await addCustomer(a.page, '河北石油');
  const link = await shareWorkspace(a.page);

  const b = await person(browser, baseURL!);
  await join(b.page, link, '李强');
  await expect(cell(b.page, '河北石油')).toBeVisible({ timeout: 20_000 });

  // presence: each sees the other online, in the sync bar
  await a.page.getByRole('link', { name: '客户' }).first().click();
  const barA = a.page.getByRole('region', { name: '同步状态' });
  await expect(barA.getByRole('list', { name: '在线的人' }).getByText('李强')).toBeVisible({ timeout: 20_000 });
  await expect(b.page.getByRole('region', { name: '同步状态' }).getByText('王丽')).toBeVisible();
  // connected directly over WebRTC, or only through the relay
  await expect(barA.getByRole('status')).toContainText(transport === 'webrtc' ? '1 台设备在线' : '中继 已连接');

  // live edits of different fields of one record, both ways
  await editCell(a.page, '河北石油', '简称', '河北');
  await editCell(b.page, '河北石油', '城市', '石家庄');
  await converged([a.page, b.page], '河北石油', { shortName: '河北', city: '石家庄' });
  // the cell each person is on is outlined, with their name, on the other's grid
  await expect(customerGrid(a.page).getByText('李强', { exact: true })).toBeVisible({ timeout: 20_000 });

  // a record added on one screen appears on the other's grid
  await addCustomer(b.page, '杭州顺达物流');
  await b.page.getByRole('link', { name: /返回客户列表/ }).click();
  await a.page.keyboard.press('Home');
  await expect(cell(a.page, '杭州顺达物流')).toBeVisible({ timeout: 20_000 });

  // B goes offline and edits; A edits meanwhile; they meet again and converge
  // B goes away (the page closes, as a laptop lid does) and the devices cannot meet (the server
  // they meet through is down); B opens the app again and edits, A edits meanwhile; when the
  // server is back they find each other and converge
  await b.page.close();
  await serverDown();
  b.page = await b.context.newPage();
  await b.page.goto('/customers');
  await expect(b.page.getByRole('region', { name: '同步状态' })).toContainText('未连接', { timeout: 20_000 });
  await editCell(b.page, '河北石油', '区县', '长安区');
  await expect(b.page.getByRole('region', { name: '同步状态' })).toContainText('1 项更改待同步');
  await editCell(a.page, '河北石油', '省份', '河北省');
  await serverUp();
  await converged([a.page, b.page], '河北石油', { shortName: '河北', city: '石家庄', district: '长安区', province: '河北省' });
  await expect(b.page.getByRole('region', { name: '同步状态' })).not.toContainText('待同步');

  // on a record's page, each sees who else is on the same record
  const hebei = await stored(a.page, '河北石油');
  await a.page.goto(`/customers/${hebei!.id}`);
  await b.page.goto(`/customers/${hebei!.id}`);
  await expect(a.page.getByText('李强 正在查看这条记录')).toBeVisible({ timeout: 20_000 });
  await expect(b.page.getByText('王丽 正在查看这条记录')).toBeVisible();

  // a third person with the room but a wrong secret receives nothing
  const c = await person(browser, baseURL!);
  await join(c.page, link.replace(/([#&]s=)[^&]+/, '$1wrong-secret-0123456789abcdefghij'), '外人');
  await c.page.waitForTimeout(4000);
  await expect(cell(c.page, '河北石油')).toHaveCount(0);
  await expect(barA.getByRole('list', { name: '在线的人' }).getByText('外人')).toHaveCount(0);

  for (const p of [a, b, c]) await p.context.close();
});
