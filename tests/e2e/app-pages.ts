import { expect, type Page } from '@playwright/test';
import { start } from './helpers';

/** A page of the app to visit: its address and a name for reports and screenshots. */
export interface AppPage {
  name: string;
  path: string;
}

async function firstId(page: Page, table: string): Promise<string | null> {
  return page.evaluate(async (table) => {
    const wsId = localStorage.getItem('kebu.workspace');
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(`kebu-ws-${wsId}`);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const rows = await new Promise<{ id: string; deleted: number }[]>((resolve, reject) => {
      const req = db.transaction(table).objectStore(table).getAll();
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    db.close();
    return rows.find((r) => !r.deleted)?.id ?? null;
  }, table);
}

/**
 * Load the demo (in zh-CN, as the helpers' labels are), make sure a credit application exists
 * (the demo may have none), and list every page of the navigation plus one customer, its
 * statement and one credit application.
 */
export async function demoPages(page: Page): Promise<AppPage[]> {
  await start(page, 'demo');
  const customer = await firstId(page, 'customers');
  expect(customer).not.toBeNull();
  let application = await firstId(page, 'creditApplications');
  if (!application) {
    const name = await page.evaluate(async (id) => {
      const wsId = localStorage.getItem('kebu.workspace');
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open(`kebu-ws-${wsId}`);
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const row = await new Promise<{ name: string }>((resolve, reject) => {
        const req = db
          .transaction('customers')
          .objectStore('customers')
          .get(id as string);
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      db.close();
      return row.name;
    }, customer);
    await page.goto('/credit');
    await page.getByRole('button', { name: '新建信用申请' }).click();
    const form = page.getByRole('form', { name: '新建信用申请' });
    await form.getByLabel('客户').fill(name);
    await form.getByLabel(/申请金额/).fill('100000');
    await form.getByLabel(/账期/).fill('30');
    await form.getByLabel('用途').fill('备货');
    await form.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/\/credit\/[^/]+$/);
    application = new URL(page.url()).pathname.split('/').pop() ?? null;
  }
  return [
    { name: 'today', path: '/today' },
    { name: 'customers', path: '/customers' },
    { name: 'purchases', path: '/purchases' },
    { name: 'customer', path: `/customers/${customer}` },
    { name: 'statement', path: `/customers/${customer}/statement` },
    { name: 'complaints', path: '/complaints' },
    { name: 'credit', path: '/credit' },
    { name: 'credit-application', path: `/credit/${application}` },
    { name: 'receivables', path: '/receivables' },
    { name: 'agreements', path: '/agreements' },
    { name: 'opportunities', path: '/opportunities' },
    { name: 'opportunities-board', path: '/opportunities?view=board' },
    { name: 'products', path: '/products' },
    { name: 'quality', path: '/quality' },
    { name: 'staff', path: '/staff' },
    { name: 'settings', path: '/settings' },
    { name: 'settings-credit', path: '/settings/credit' },
    { name: 'settings-complaints', path: '/settings/complaints' }
  ];
}

/** Open a page and wait until its main content (and any grid's first rows) has arrived. */
export async function visit(page: Page, p: AppPage): Promise<void> {
  await page.goto(p.path);
  await expect(page.locator('main h1, main h2').first()).toBeVisible();
  const grid = page.getByRole('grid').first();
  if (await grid.count()) await expect(grid).not.toHaveAttribute('aria-busy', 'true');
  await page.waitForLoadState('networkidle');
}
