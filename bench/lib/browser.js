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

async function launchOptions() {
  const path = fileURLToPath(new URL('../../tests/chromium.ts', import.meta.url));
  const { module } = await runnerImport(path);
  return /** @type {{ executablePath?: string, args: string[] }} */ (module.chromiumLaunchOptions());
}

export async function launchChromium(extraArgs = []) {
  const options = await launchOptions();
  return chromium.launch({ ...options, args: [...options.args, ...extraArgs], ignoreDefaultArgs: ['--hide-scrollbars'] });
}

/**
 * Chromium with an on-disk profile in `userDataDir`, as a person's browser is: closing the
 * context ends the browser process, so the next launch on the same folder is a cold start.
 * @param {string} userDataDir
 * @param {import('@playwright/test').BrowserContextOptions} contextOptions
 */
export async function launchPersistent(userDataDir, contextOptions) {
  const options = await launchOptions();
  return chromium.launchPersistentContext(userDataDir, { ...options, ...contextOptions, ignoreDefaultArgs: ['--hide-scrollbars'] });
}
