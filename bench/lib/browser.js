/**
 * Chromium for the benchmarks, launched exactly as the tests launch it: the executable and flags
 * come from tests/chromium.ts (loaded through Vite's module runner, so there is one source of
 * truth and no TypeScript build step). Never `npx playwright install`.
 *
 * One difference: Playwright hides scrollbars in headless Chromium by default
 * (`--hide-scrollbars`); the scrollbar-drag benchmark needs them, so that default is dropped.
 */
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { runnerImport } from 'vite';

export async function launchChromium(extraArgs = []) {
  const path = fileURLToPath(new URL('../../tests/chromium.ts', import.meta.url));
  const { module } = await runnerImport(path);
  const options = /** @type {{ executablePath?: string, args: string[] }} */ (module.chromiumLaunchOptions());
  return chromium.launch({ ...options, args: [...options.args, ...extraArgs], ignoreDefaultArgs: ['--hide-scrollbars'] });
}
