/**
 * A restore that fails leaves nothing behind (issue 16.8): a backup whose checksum is right but
 * whose content is refused (a number for a customer's name) is restored into a new workspace
 * twice; each time the message names the table, the field and the real problem, and afterwards
 * there are exactly as many workspaces (and workspace databases) as before. A backup that is a
 * deflate bomb (scripts/make-hostile.mjs) is refused with its message.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { start } from './helpers';

/** A backup file made by the app, with the first customer's name made a number and the hash redone. */
function corrupt(path: string): Buffer {
  const bytes = gunzipSync(readFileSync(path));
  const nl = bytes.indexOf(0x0a);
  const header = JSON.parse(bytes.subarray(0, nl).toString('utf8'));
  const content = JSON.parse(bytes.subarray(nl + 1).toString('utf8'));
  content.tables.customers[0].name = 123;
  const body = Buffer.from(JSON.stringify(content), 'utf8');
  header.sha256 = createHash('sha256').update(body).digest('hex');
  header.bytes = body.length;
  return gzipSync(Buffer.concat([Buffer.from(JSON.stringify(header) + '\n', 'utf8'), body]));
}

test.beforeAll(() => {
  execFileSync('node', [new URL('../../scripts/make-hostile.mjs', import.meta.url).pathname], { stdio: 'ignore' });
});

const workspaceDbs = (page: Page) =>
  page.evaluate(async () =>
    (await indexedDB.databases())
      .map((d) => d.name ?? '')
      .filter((n) => n.startsWith('kebu-ws-'))
      .sort()
  );

test('a failed restore into a new workspace, twice, leaves no workspace behind', async ({ page }) => {
  await start(page, 'demo');
  await page.getByRole('link', { name: '设置' }).click();
  const section = page.getByRole('region', { name: '备份与恢复' });
  const download = page.waitForEvent('download');
  await section.getByRole('button', { name: '下载备份' }).click();
  const bad = corrupt(await (await download).path());

  const switcher = page.getByLabel('切换工作区');
  const workspaces = await switcher.locator('option').allTextContents();
  const dbs = await workspaceDbs(page);
  expect(dbs.length).toBe(workspaces.length);

  for (let attempt = 1; attempt <= 2; attempt++) {
    await section.getByLabel('备份文件').setInputFiles({ name: `bad-${attempt}.kebu`, mimeType: 'application/gzip', buffer: bad });
    await expect(section.getByRole('status')).toContainText('备份有效：“演示工作区”', { timeout: 30_000 });
    await section.getByRole('button', { name: '恢复为新工作区' }).click();
    await expect(section.getByRole('alert')).toContainText('保存失败，没有写入任何数据：客户档案的“名称”：应为文字，不能是数字或其他类型的值。', {
      timeout: 30_000
    });
    await expect.poll(() => workspaceDbs(page)).toEqual(dbs);
  }

  // a backup that is a deflate bomb is refused while it inflates
  await section.getByLabel('备份文件').setInputFiles(new URL('../fixtures/hostile/backup-bomb.kebu', import.meta.url).pathname);
  await expect(section.getByRole('alert')).toContainText('这个备份文件解压后超过 512 MB', { timeout: 60_000 });

  // after a reload, the list of workspaces is what it was
  await page.reload();
  await expect(switcher.locator('option')).toHaveText(workspaces);
  expect(await workspaceDbs(page)).toEqual(dbs);
});
