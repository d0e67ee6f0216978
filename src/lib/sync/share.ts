/**
 * Small pieces of sharing that the app needs before (or without) loading Yjs and the providers:
 * new rooms and secrets, and each person's colour.
 */
import { wallTime } from '$lib/db/ids';
import type { ShareConfig } from '$lib/db/registry';

const PALETTE = ['#d9480f', '#2b8a3e', '#1971c2', '#ae3ec9', '#c2255c', '#0c8599', '#e67700', '#5f3dc4'];

/** A person's colour, the same on every device. */
export function colorOf(actorId: string): string {
  let h = 0;
  for (let i = 0; i < actorId.length; i++) h = (h * 31 + actorId.charCodeAt(i)) >>> 0;
  return PALETTE[h % PALETTE.length];
}

/** Random URL-safe text of `bytes` random bytes. */
export function randomToken(bytes: number): string {
  const raw = crypto.getRandomValues(new Uint8Array(bytes));
  return btoa(String.fromCharCode(...raw))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

export function newShareConfig(defaults: Pick<ShareConfig, 'signaling' | 'relay' | 'iceServers'>): ShareConfig {
  return { room: `kebu-${randomToken(16)}`, secret: randomToken(32), ...defaults, role: 'owner', seeded: false, since: wallTime() };
}
