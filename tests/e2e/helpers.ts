import { expect, type Page } from '@playwright/test';

/** First start as a new person: say who you are, then open an empty or the demo workspace. */
export async function start(page: Page, workspace: 'empty' | 'demo' = 'empty', name = '王丽') {
  await page.goto('/');
  await page.getByLabel('您的姓名').fill(name);
  await page.getByRole('button', { name: '开始使用' }).click();
  await page.getByRole('button', { name: workspace === 'demo' ? /载入演示工作区/ : '新建空白工作区' }).click();
  await expect(page.getByRole('heading', { name: '客户档案' })).toBeVisible();
}

export function customerGrid(page: Page) {
  return page.getByRole('grid', { name: '客户档案' });
}

/** Paste as Excel and WPS put a copied range on the clipboard: tab-separated text and an HTML table. */
export async function pasteBlock(page: Page, rows: string[][]) {
  const text = rows.map((r) => r.join('\t')).join('\r\n') + '\r\n';
  const html =
    '<html><body><!--StartFragment--><table border=0 cellpadding=0 cellspacing=0 style="border-collapse:collapse">' +
    rows
      .map(
        (r) =>
          '<tr height=18 style="height:13.5pt">' +
          r.map((c) => `<td class=xl65 style="mso-number-format:'\\@'">${c.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</td>`).join('') +
          '</tr>'
      )
      .join('') +
    '</table><!--EndFragment--></body></html>';
  await page.evaluate(
    ({ text, html }) => {
      const data = new DataTransfer();
      data.setData('text/plain', text);
      data.setData('text/html', html);
      const target = document.activeElement ?? document.body;
      target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    },
    { text, html }
  );
}

/** Count live records of a table straight from IndexedDB, as the browser stored them. */
export async function countRecords(page: Page, table = 'customers'): Promise<number> {
  return page.evaluate(async (table) => {
    const wsId = localStorage.getItem('kebu.workspace');
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(`kebu-ws-${wsId}`);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const rows = await new Promise<{ deleted: number }[]>((resolve, reject) => {
      const req = db.transaction(table).objectStore(table).getAll();
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    db.close();
    return rows.filter((r) => !r.deleted).length;
  }, table);
}

/** Add a customer with the "New customer" form; the app opens its page. */
export async function addCustomer(page: Page, name: string) {
  await page.getByRole('button', { name: '新增客户' }).click();
  const form = page.getByRole('form', { name: '新增客户' });
  await form.getByLabel('名称').fill(name);
  await form.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('heading', { name, exact: true })).toBeVisible();
}
