import { defineConfig } from '@playwright/test';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumLaunchOptions } from './tests/chromium';

const port = Number(process.env.KEBU_PORT ?? 4173);
/** Point the specs at an already running app (e.g. `vite dev`) instead of serving build/. */
const external = process.env.KEBU_BASE_URL;

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: external ?? `http://127.0.0.1:${port}`,
    locale: 'zh-CN',
    launchOptions: chromiumLaunchOptions(),
    trace: 'retain-on-failure'
  },
  webServer: external
    ? undefined
    : {
        command: `node scripts/serve.js`,
        // the app with the signaling server and the relay beside it (npm start), on loopback
        env: { PORT: String(port), HOST: '127.0.0.1', KEBU_RELAY_DIR: join(tmpdir(), `kebu-e2e-relay-${port}`) },
        url: `http://127.0.0.1:${port}`,
        reuseExistingServer: false,
        timeout: 60_000
      }
});
