import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { demoPages, visit, type AppPage } from './app-pages';

/**
 * axe-core on every page of the navigation with the demo loaded, in Chinese and English, at
 * 390 and 1 366 px wide: no serious or critical violation (issue 15, "Checks"). One page load per
 * page, language and width; the demo is loaded once per language and width.
 */

async function violations(page: Page, p: AppPage): Promise<string[]> {
  await visit(page, p);
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.slice(0, 3).map((n) => `${p.name}: ${v.id} (${v.impact}) at ${n.target.join(' ')}`));
}

for (const locale of ['zh-CN', 'en'] as const) {
  for (const width of [390, 1366]) {
    test(`no serious or critical axe violation on any page: ${locale}, ${width} px`, async ({ page }) => {
      test.setTimeout(240_000);
      const pages = await demoPages(page);
      if (locale === 'en') await page.getByRole('button', { name: 'English' }).click();
      await page.setViewportSize({ width, height: width < 600 ? 844 : 768 });
      const found: string[] = [];
      for (const p of pages) found.push(...(await violations(page, p)));
      expect(found).toEqual([]);
    });
  }
}
