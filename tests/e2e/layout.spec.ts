import { expect, test, type Page } from '@playwright/test';
import { demoPages, visit } from './app-pages';

/**
 * Issue 15.6: every grid fills its page; at 390 px every screen is usable (the navigation is a
 * menu, nothing wraps letter by letter, the sync status stays in the header). Screenshots of
 * every page land in /tmp/kebu-layout/ for a person to look at.
 */

/** Elements narrower than about two characters whose own text wraps onto several lines. */
async function letterWraps(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.querySelector('.shell') ?? document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim() ?? '';
      if (text.length < 2) continue;
      const el = node.parentElement;
      if (!el || el.closest('.visually-hidden, .kg-sr, [aria-hidden="true"]')) continue;
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || style.display === 'none') continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      const em = parseFloat(style.fontSize) || 14;
      const range = document.createRange();
      range.selectNodeContents(node);
      const lines = new Set(Array.from(range.getClientRects(), (r) => Math.round(r.top))).size;
      if (lines > 1 && box.width < 2.5 * em)
        out.push(`${el.tagName.toLowerCase()}.${el.className}: "${text.slice(0, 20)}" (${Math.round(box.width)} px, ${lines} lines)`);
    }
    return out;
  });
}

/** Where a grid does not fill what its page leaves it: across, always; down, when the page does not scroll. */
async function gridGaps(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const main = document.querySelector('main');
    if (!main) return ['no main'];
    const cs = getComputedStyle(main);
    const m = main.getBoundingClientRect();
    const right = m.right - parseFloat(cs.paddingRight) - (main.offsetWidth - main.clientWidth);
    const bottom = m.bottom - parseFloat(cs.paddingBottom);
    // a grid kept mounted but not displayed (the opportunities grid under its board) fills nothing
    const grids = Array.from(main.querySelectorAll<HTMLElement>('.kebu-grid')).filter((g) => g.getClientRects().length > 0);
    for (const g of grids) {
      const b = g.getBoundingClientRect();
      const label = g.querySelector('[role="grid"]')?.getAttribute('aria-label') ?? '?';
      // inside a card or section with its own padding, compare with that box
      const host = g.parentElement?.closest('section, .card, article') as HTMLElement | null;
      const hostRight = host && host !== main ? host.getBoundingClientRect().right - parseFloat(getComputedStyle(host).paddingRight) - 2 : right;
      if (b.right < Math.min(right, hostRight) - 24)
        out.push(`${label}: right edge ${Math.round(b.right)} of ${Math.round(Math.min(right, hostRight))}`);
    }
    const last = grids[grids.length - 1];
    if (last && main.scrollHeight <= main.clientHeight + 1) {
      const b = last.getBoundingClientRect();
      const label = last.querySelector('[role="grid"]')?.getAttribute('aria-label') ?? '?';
      if (b.bottom < bottom - 24) out.push(`${label}: bottom ${Math.round(b.bottom)} of ${Math.round(bottom)}`);
    }
    return out;
  });
}

for (const width of [390, 1366]) {
  test(`every page at ${width} px: grids fill the page, no letter-by-letter wrapping, the header works`, async ({ page }) => {
    test.setTimeout(180_000);
    const pages = await demoPages(page);
    await page.setViewportSize({ width, height: width < 600 ? 844 : 768 });
    const problems: string[] = [];
    for (const p of pages) {
      await visit(page, p);
      await page.screenshot({ path: `/tmp/kebu-layout/${width}-${p.name}.png` });
      for (const w of await letterWraps(page)) problems.push(`${p.name}: wraps ${w}`);
      for (const g of await gridGaps(page)) problems.push(`${p.name}: grid ${g}`);
      // nothing sticks out sideways: the page itself never scrolls horizontally
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      if (overflow > 1) problems.push(`${p.name}: the page is ${overflow} px wider than the screen`);
      // the header stays one block at the top with the language button and the sync area in it
      await expect(page.getByRole('button', { name: 'English' })).toBeInViewport();
      const sync = page.getByRole('region', { name: '同步状态' });
      if (await sync.count()) await expect(sync).toBeInViewport();
    }
    expect(problems).toEqual([]);

    const menu = page.getByRole('button', { name: '菜单' });
    const nav = page.getByRole('navigation', { name: '主导航' });
    if (width < 760) {
      // the navigation is a menu: the button opens it, Esc closes it, the keyboard works
      await expect(nav).toBeHidden();
      await expect(menu).toHaveAttribute('aria-expanded', 'false');
      await menu.focus();
      await page.keyboard.press('Enter');
      await expect(nav).toBeVisible();
      await expect(menu).toHaveAttribute('aria-expanded', 'true');
      await expect(nav.getByRole('link').first()).toBeFocused();
      await page.keyboard.press('Escape');
      await expect(nav).toBeHidden();
      await expect(menu).toBeFocused();
      // a link from the menu goes there and closes the menu
      await menu.click();
      await nav.getByRole('link', { name: '应收账款' }).click();
      await expect(page).toHaveURL(/\/receivables/);
      await expect(nav).toBeHidden();
      await page.screenshot({ path: `/tmp/kebu-layout/${width}-menu-closed.png` });
      await menu.click();
      await page.screenshot({ path: `/tmp/kebu-layout/${width}-menu-open.png` });
    } else {
      await expect(menu).toBeHidden();
      await expect(nav).toBeVisible();
    }
  });
}
