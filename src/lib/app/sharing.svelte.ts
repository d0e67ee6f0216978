/**
 * Sharing on this device: the open workspace's connection to its team (sync/connection.ts) as
 * reactive state for the header's sync bar and the grids' presence outlines, the servers this
 * device offers when sharing, and the invite link.
 *
 * The invite link is `<app>/join#<params>`: everything after `#` (room, secret, servers, the
 * workspace's name) stays in the browser; a URL fragment is never sent to any server.
 */
import type { Focus, Presence, ShareConfig, SyncConnection, SyncStatus } from '$lib/sync/connection';
import { newShareConfig } from '$lib/sync/share';
import type { OpenWorkspace } from '$lib/db/workspace';
import type { Profile } from '$lib/db/registry';

const SERVERS_KEY = 'kebu.sharing.servers';

export interface SharingServers {
  signaling: string[];
  relay: string | null;
  iceServers: string[];
}

export interface Invite {
  room: string;
  secret: string;
  name: string;
  signaling: string[];
  relay: string | null;
  iceServers: string[];
}

const urlOk = (u: string, schemes: RegExp) => {
  try {
    return schemes.test(new URL(u).protocol);
  } catch {
    return false;
  }
};
export const isSocketUrl = (u: string) => urlOk(u, /^wss?:$/);
export const isIceUrl = (u: string) => /^(stun|turns?):[^\s]+$/.test(u);

/** Where `npm start` (scripts/serve.js) says that its signaling server and relay are. */
export const ORIGIN_SERVERS_PATH = '/kebu-servers.json';

const NO_SERVERS: SharingServers = { signaling: [], relay: null, iceServers: [] };

/**
 * The servers beside the app, as its own server describes them (paths such as `/signal`), as
 * addresses on the page's own origin: ws:// for an http page, wss:// for an https one. Null when
 * the answer is not such a description (a static host answers with its fallback page or 404).
 */
export function serversAt(origin: string, found: unknown): SharingServers | null {
  if (!found || typeof found !== 'object') return null;
  const { signaling, relay } = found as { signaling?: unknown; relay?: unknown };
  const url = new URL(origin);
  const at = (path: unknown) =>
    typeof path === 'string' && /^\/[\w/-]*$/.test(path) ? `${url.protocol === 'https:' ? 'wss' : 'ws'}://${url.host}${path}` : null;
  const servers = { signaling: [at(signaling)].filter((u) => u !== null), relay: at(relay), iceServers: [] };
  return servers.signaling.length || servers.relay ? servers : null;
}

/** The servers of the origin this page came from (`npm start`), or null (a static host, offline). */
export async function originServers(): Promise<SharingServers | null> {
  if (typeof location === 'undefined') return null;
  try {
    const res = await fetch(ORIGIN_SERVERS_PATH, { cache: 'no-store' });
    if (!res.ok || !/json/.test(res.headers.get('content-type') ?? '')) return null;
    return serversAt(location.origin, await res.json());
  } catch {
    return null;
  }
}

/** The servers this device saved in Settings, or null when it saved none. */
export function savedServers(): SharingServers | null {
  try {
    const saved = JSON.parse(localStorage.getItem(SERVERS_KEY) ?? 'null') as Partial<SharingServers> | null;
    if (saved && Array.isArray(saved.signaling)) {
      return {
        signaling: saved.signaling.filter((u) => typeof u === 'string' && isSocketUrl(u)),
        relay: typeof saved.relay === 'string' && isSocketUrl(saved.relay) ? saved.relay : null,
        iceServers: (saved.iceServers ?? []).filter((u) => typeof u === 'string' && isIceUrl(u))
      };
    }
  } catch {
    // none saved
  }
  return null;
}

/** The servers Settings starts from: the saved ones, else none (originServers() fills them in). */
export function loadServers(): SharingServers {
  return savedServers() ?? NO_SERVERS;
}

export function saveServers(servers: SharingServers) {
  localStorage.setItem(SERVERS_KEY, JSON.stringify(servers));
}

export function inviteLink(base: string, share: ShareConfig, name: string): string {
  const p = new URLSearchParams();
  p.set('r', share.room);
  p.set('s', share.secret);
  p.set('n', name);
  for (const u of share.signaling) p.append('sig', u);
  if (share.relay) p.set('relay', share.relay);
  for (const u of share.iceServers) p.append('ice', u);
  return `${base.replace(/\/$/, '')}/join#${p.toString()}`;
}

/** The invite in a link's fragment, or null when it is not a valid one. */
export function parseInvite(fragment: string): Invite | null {
  const p = new URLSearchParams(fragment.replace(/^#/, ''));
  const room = p.get('r') ?? '';
  const secret = p.get('s') ?? '';
  if (!/^kebu-[\w-]{8,64}$/.test(room) || !/^[\w-]{16,128}$/.test(secret)) return null;
  const signaling = p.getAll('sig').filter(isSocketUrl);
  const relay = p.get('relay');
  if (!signaling.length && !relay) return null;
  return {
    room,
    secret,
    name: (p.get('n') ?? '').trim().slice(0, 80),
    signaling,
    relay: relay && isSocketUrl(relay) ? relay : null,
    iceServers: p.getAll('ice').filter(isIceUrl)
  };
}

export function shareFor(servers: SharingServers): ShareConfig {
  return newShareConfig(servers);
}

class Sharing {
  status = $state.raw<SyncStatus | null>(null);
  presence = $state.raw<Presence[]>([]);
  error = $state<string | null>(null);
  #conn: SyncConnection | null = null;
  #off: (() => void) | null = null;
  #generation = 0;
  #focus: Focus | null = null;

  /** Others on the same workspace, one per device, in a stable order. */
  get others(): Presence[] {
    return this.presence.filter((p) => !p.self).sort((a, b) => a.clientId - b.clientId);
  }

  /** Connect the open workspace when this device shares it; `onSeeded` remembers the snapshot. */
  async connect(open: OpenWorkspace, profile: Profile, onSeeded: () => void) {
    this.disconnect();
    const share = open.info.share;
    if (!share) return;
    const generation = ++this.#generation;
    // a literal: a value import of sync/connection would load Yjs for every workspace
    this.status = {
      ready: false,
      signaling: 'off',
      relay: 'off',
      peers: 0,
      lastSync: null,
      pending: 0,
      refused: 0,
      refusals: [],
      deleted: 0,
      deletedBy: [],
      setAside: 0,
      epoch: 0,
      elements: 0
    };
    try {
      // Yjs and the providers load only for a shared workspace; the log is decoded in a worker
      const [{ SyncConnection }, { workerDecoder }] = await Promise.all([import('$lib/sync/connection'), import('$lib/workers/log-decoder')]);
      if (generation !== this.#generation) return;
      const conn = await SyncConnection.open({
        workspaceId: open.info.id,
        writes: open.writes,
        config: share,
        user: { id: profile.id, name: profile.name, device: profile.device },
        onSeeded,
        decoder: workerDecoder
      });
      if (generation !== this.#generation) return conn.destroy();
      this.#conn = conn;
      conn.setFocus(this.#focus);
      const update = () => {
        this.status = { ...conn.status };
        this.presence = conn.presence;
      };
      this.#off = conn.on(update);
      update();
    } catch (e) {
      if (generation !== this.#generation) return;
      console.error('kebu sync: could not connect', e);
      this.error = String(e);
    }
  }

  disconnect() {
    this.#generation++;
    this.#off?.();
    this.#off = null;
    this.#conn?.destroy();
    this.#conn = null;
    this.status = null;
    this.presence = [];
    this.error = null;
  }

  /** Where I am; kept, so that a connection opening later still says it. */
  setFocus(focus: Focus | null) {
    this.#focus = focus;
    this.#conn?.setFocus(focus);
  }
}

export const sharing = new Sharing();
