/**
 * Which Chromium the tests and benchmarks drive: `CHROMIUM_PATH`, then the system's
 * `/usr/bin/chromium`, then Playwright's own (on a developer machine that installed it).
 */
import { existsSync } from 'node:fs';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync'
];

export function chromiumPath(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return fromEnv;
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  return undefined;
}

export function chromiumLaunchOptions() {
  // WebRTC specs (scripts/test-p2p.sh): plain host candidates, not mDNS names nobody resolves there
  const p2p = process.env.KEBU_P2P ? ['--disable-features=WebRtcHideLocalIpsWithMdns'] : [];
  return { executablePath: chromiumPath(), args: [...CHROMIUM_ARGS, ...p2p] };
}
