/**
 * One shared workspace's connection to the other devices of its team:
 *
 *   Dexie ◄── WritePath ◄── Replica ──► Y.Doc ──► y-indexeddb   (the log survives a reload)
 *                                          ├──► y-webrtc        (devices talk directly; signaling
 *                                          │                     encrypted with the secret)
 *                                          └──► y-websocket     (the optional relay)
 *
 * The providers are loaded on demand (a workspace that is not shared never loads them). The log
 * is first read from this device's copy (y-indexeddb), applied through the Replica, then a device
 * whose records are not in the log yet (the owner sharing an existing workspace, a member merging
 * a local workspace into a shared one) pushes them as snapshot entries, and only then does it go
 * online. Presence (who is online, and where) travels in Yjs awareness, never in the log.
 * While online, the connection compacts the log when `shouldCompact` says it has grown (epoch.ts).
 */
import * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import { wallTime } from '$lib/db/ids';
import type { WritePath } from '$lib/db/write-path';
import { sharedLogDbName, type ShareConfig } from '$lib/db/registry';

export type { ShareConfig };
import { Replica, type RefusedEntry } from './replica';
import type { LogDecoder } from './decoder';
import { shouldCompact } from './epoch';

export type { RefusedEntry };
import { colorOf } from './share';
import { backOff, MAX_PAUSE_MS, onWake, type RetryingSocket } from './backoff';

export type LinkState = 'off' | 'connecting' | 'connected';

export interface SyncStatus {
  /** loading the local copy of the log, then applying it */
  ready: boolean;
  /** connected to at least one signaling server */
  signaling: LinkState;
  relay: LinkState;
  /** other devices connected directly (WebRTC), and other tabs of this browser */
  peers: number;
  /** last time something arrived from, or was exchanged with, another device (ms) */
  lastSync: number | null;
  /** local changes made since another device or the relay was last reached */
  pending: number;
  /** entries from peers that were refused (malformed or invalid), see Replica.refused */
  refused: number;
  /** the refused entries, newest first, with their reason and device (at most 50) */
  refusals: RefusedEntry[];
  /** log elements other devices deleted, appended again from this device's copy */
  deleted: number;
  /** the devices (from presence) that deleted them, when known */
  deletedBy: string[];
  /** entries set aside: they wait for records this device does not have (Replica.setAside) */
  setAside: number;
  /** the log's epoch (0: never compacted) and its elements */
  epoch: number;
  elements: number;
}

/** How often an online device looks at the log's size, and the longest random wait before it compacts. */
export const COMPACT_CHECK_MS = 5 * 60 * 1000;
export const COMPACT_JITTER_MS = 60 * 1000;

/** Where a person is: a page, and on a grid a record and a column. */
export interface Focus {
  path: string;
  table?: string;
  rowId?: string;
  column?: string;
}

export interface Presence {
  clientId: number;
  self: boolean;
  actorId: string;
  name: string;
  device: string;
  color: string;
  focus: Focus | null;
}

export interface SyncUser {
  id: string;
  name: string;
  device: string;
}

/**
 * The relay's name for a room: the room and a hash of the secret, so that a device holding the
 * room but not the secret (an old invite after the secret changed) reaches a different, empty
 * document. The relay never learns the secret itself.
 */
export async function relayDocName(config: Pick<ShareConfig, 'room' | 'secret'>): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`${config.room}:${config.secret}`));
  const hex = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${config.room}.${hex.slice(0, 32)}`;
}

type Listener = () => void;

interface Provider {
  destroy(): void;
}

export class SyncConnection {
  readonly doc = new Y.Doc();
  readonly status: SyncStatus = {
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
  presence: Presence[] = [];
  #replica: Replica | null = null;
  #persistence: Provider | null = null;
  #providers: Provider[] = [];
  #awareness: Awareness | null = null;
  #listeners = new Set<Listener>();
  #destroyed = false;
  #offEntry: (() => void) | null = null;
  #compacting: Promise<boolean> | null = null;
  /** rewrite this device's stored copy of the log as one update (what a new epoch released is freed) */
  #release: (() => Promise<void>) | null = null;
  readonly #user: SyncUser;
  #decoder: LogDecoder | undefined;

  private constructor(
    readonly workspaceId: string,
    readonly config: ShareConfig,
    user: SyncUser
  ) {
    this.#user = user;
  }

  /**
   * Open the workspace's log and go online. `onSeeded` is called once this device's records are
   * in the log, so that the caller can remember it (`config.seeded`).
   */
  static async open(opts: {
    workspaceId: string;
    writes: WritePath;
    config: ShareConfig;
    user: SyncUser;
    onSeeded?: () => void;
    /** a WebSocket class where there is no global one (Node 20, in tests) */
    WebSocket?: unknown;
    /** where the log is decoded: the page's decode worker (workers/log-decoder.ts); in this thread without */
    decoder?: LogDecoder;
  }): Promise<SyncConnection> {
    const c = new SyncConnection(opts.workspaceId, opts.config, opts.user);
    c.#decoder = opts.decoder;
    await c.#start(opts.writes, opts.onSeeded, opts.WebSocket);
    return c;
  }

  on(fn: Listener): () => void {
    this.#listeners.add(fn);
    return () => this.#listeners.delete(fn);
  }

  /** Where I am now, for the others' presence bar and grids. */
  setFocus(focus: Focus | null) {
    this.#awareness?.setLocalStateField('focus', focus);
  }

  /**
   * Compact the log now (the whole workspace as a snapshot in a new epoch; epoch.ts). False when
   * this device cannot now: not ready, entries set aside, or another compaction under way.
   */
  compact(): Promise<boolean> {
    const replica = this.#replica;
    if (!replica || !this.status.ready || this.#destroyed) return Promise.resolve(false);
    this.#compacting ??= replica.compact().finally(() => {
      this.#compacting = null;
      this.#emit();
    });
    return this.#compacting;
  }

  /**
   * Compact when the log has grown past `shouldCompact`, only while another device or the relay
   * is reached (an offline device would start an epoch nobody else sees), after a random wait so
   * that devices crossing the threshold together do not all compact (the one that does first
   * makes the log short again for the others).
   */
  async #autoCompact(writes: WritePath) {
    const online = () => this.status.peers > 0 || this.status.relay === 'connected';
    const grown = async () => !!this.#replica && shouldCompact(this.#replica.log.length, await writes.recordCount());
    if (this.#compacting || !online() || !(await grown())) return;
    await new Promise((r) => setTimeout(r, Math.random() * COMPACT_JITTER_MS));
    if (!this.#destroyed && online() && (await grown())) await this.compact();
  }

  destroy() {
    if (this.#destroyed) return;
    this.#destroyed = true;
    this.#offEntry?.();
    for (const p of this.#providers) p.destroy();
    this.#providers = [];
    this.#replica?.destroy();
    this.#persistence?.destroy();
    this.doc.destroy();
    this.#listeners.clear();
  }

  #emit() {
    if (this.#destroyed) return;
    const refused = this.#replica?.refused ?? [];
    if (refused.length !== this.status.refused) {
      this.status.refused = refused.length;
      this.status.refusals = refused.slice(-50).reverse();
    }
    this.status.setAside = this.#replica?.setAside ?? 0;
    const epoch = this.#replica?.epoch?.n ?? 0;
    // y-indexeddb keeps every update until it has 500 of them; a new epoch rewrites it at once
    if (epoch !== this.status.epoch)
      setTimeout(() => void this.#release?.().catch((e) => console.warn('kebu sync: could not rewrite the stored log', e)), 1000);
    this.status.epoch = epoch;
    this.status.elements = this.#replica?.log.length ?? 0;
    const deletions = this.#replica?.deletions ?? [];
    const deleted = deletions.reduce((n, d) => n + d.count, 0);
    if (deleted !== this.status.deleted) {
      this.status.deleted = deleted;
      const states = this.#awareness?.getStates();
      const names = new Set<string>();
      for (const d of deletions) {
        for (const client of d.clients) {
          const st = states?.get(client) as Partial<Presence> | undefined;
          if (typeof st?.name === 'string')
            names.add(`${st.name.slice(0, 60)}${typeof st.device === 'string' ? ` (${st.device.slice(0, 60)})` : ''}`);
        }
      }
      this.status.deletedBy = [...names];
    }
    for (const fn of this.#listeners) fn();
  }

  async #start(writes: WritePath, onSeeded?: () => void, WebSocketClass?: unknown) {
    const [{ IndexeddbPersistence, storeState }, { WebrtcProvider }, awarenessMod] = await Promise.all([
      import('y-indexeddb'),
      import('y-webrtc'),
      import('y-protocols/awareness')
    ]);
    if (this.#destroyed) return;
    const persistence = new IndexeddbPersistence(sharedLogDbName(this.workspaceId), this.doc);
    this.#persistence = persistence;
    this.#release = () => (this.#destroyed ? Promise.resolve() : storeState(persistence));
    await persistence.whenSynced;
    if (this.#destroyed) return;

    const replica = new Replica(this.doc, writes, { decoder: this.#decoder });
    this.#replica = replica;
    // counted at once, not at the next event of another kind
    this.#providers.push({ destroy: replica.onRefused(() => this.#emit()) });
    await replica.whenSynced;
    if (this.#destroyed) return;
    if (!this.config.seeded) {
      const entries = await writes.snapshotEntries();
      if (this.#destroyed) return;
      replica.push(entries);
      await replica.sent();
      if (this.#destroyed) return;
      onSeeded?.();
    }
    this.status.ready = true;

    // a change made while nobody else can hear it is pending until another device is reached
    this.#offEntry = writes.onEntry(() => {
      if (this.status.peers === 0 && this.status.relay !== 'connected') this.status.pending++;
      else this.status.lastSync = wallTime();
      this.#emit();
    });
    // writes made in a worker (imports, reverts of imports) have no replica there: their entry
    // comes with the worker's notice and is sent from here (packed in slices when long)
    const offNotices = writes.subscribe((notice) => {
      if (!notice.detached || notice.local || !notice.entry || this.#destroyed) return;
      replica.push([notice.entry]);
      if (this.status.peers === 0 && this.status.relay !== 'connected') this.status.pending++;
      this.#emit();
    });
    this.#providers.push({ destroy: offNotices });
    this.doc.on('update', (_u: Uint8Array, origin: unknown) => {
      if (origin !== replica && origin !== persistence) {
        this.status.lastSync = wallTime();
        this.#emit();
      }
    });
    const reached = () => {
      this.status.pending = 0;
      this.status.lastSync = wallTime();
      this.#emit();
    };

    const awareness = new awarenessMod.Awareness(this.doc);
    this.#awareness = awareness;
    awareness.setLocalState({
      actorId: this.#user.id,
      name: this.#user.name,
      device: this.#user.device,
      color: colorOf(this.#user.id),
      focus: null
    });
    const refresh = () => {
      this.presence = [...awareness.getStates()].flatMap(([clientId, s]) => {
        const st = s as Partial<Presence> | null;
        if (!st || typeof st.name !== 'string' || typeof st.actorId !== 'string') return [];
        return [
          {
            clientId,
            self: clientId === awareness.clientID,
            actorId: st.actorId,
            name: st.name.slice(0, 60),
            device: typeof st.device === 'string' ? st.device.slice(0, 60) : '',
            color: typeof st.color === 'string' && /^#[0-9a-f]{6}$/i.test(st.color) ? st.color : colorOf(st.actorId),
            focus: st.focus && typeof st.focus === 'object' ? (st.focus as Focus) : null
          }
        ];
      });
      this.#emit();
    };
    awareness.on('change', refresh);
    refresh();

    if (this.config.signaling.length) this.#webrtc(WebrtcProvider, awareness, reached);
    if (this.config.relay) {
      const { WebsocketProvider } = await import('y-websocket');
      const docName = await relayDocName(this.config);
      if (this.#destroyed) return;
      this.status.relay = 'connecting';
      const ws = new WebsocketProvider(this.config.relay, docName, this.doc, {
        awareness,
        maxBackoffTime: MAX_PAUSE_MS,
        ...(WebSocketClass ? { WebSocketPolyfill: WebSocketClass as typeof WebSocket } : {})
      });
      ws.on('status', ({ status }: { status: string }) => {
        // a relay that did not answer the last try is off, not "connecting", while it waits
        const failed = status === 'connecting' && ws.wsUnsuccessfulReconnects > 0;
        this.status.relay = status === 'connected' ? 'connected' : status === 'connecting' && !failed ? 'connecting' : 'off';
        this.#emit();
      });
      ws.on('connection-close', () => {
        if (ws.wsconnected || this.status.relay === 'off') return;
        this.status.relay = 'off';
        this.#emit();
      });
      const offWake = onWake(() => ws.connect());
      this.#providers.push({ destroy: offWake });
      ws.on('sync', (synced: boolean) => {
        if (synced) reached();
      });
      this.#providers.push(ws);
    }
    this.#providers.push({ destroy: () => awareness.destroy() });
    const check = setInterval(() => void this.#autoCompact(writes).catch((e) => console.warn('kebu sync: compaction failed', e)), COMPACT_CHECK_MS);
    this.#providers.push({ destroy: () => clearInterval(check) });
    this.#emit();
  }

  /** y-webrtc: devices talk directly; signaling encrypted with the secret. */
  #webrtc(WebrtcProvider: typeof import('y-webrtc').WebrtcProvider, awareness: Awareness, reached: () => void) {
    this.status.signaling = 'connecting';
    const rtc = new WebrtcProvider(this.config.room, this.doc, {
      signaling: this.config.signaling,
      password: this.config.secret,
      awareness,
      peerOpts: { config: { iceServers: this.config.iceServers.map((urls) => ({ urls })) } }
    });
    // y-webrtc's own 'status' says whether the provider is on, not whether a signaling server
    // answers: follow its signaling sockets (lib0 WebsocketClient: `connected`, and
    // `unsuccessfulReconnects` while a server does not answer, which raises no event)
    type Socket = RetryingSocket & { on(e: string, f: () => void): void; off(e: string, f: () => void): void };
    const sockets = rtc.signalingConns as unknown as Socket[];
    const retry = backOff(sockets);
    const offWake = onWake(retry.wake);
    const follow = () => {
      const state: LinkState = sockets.some((c) => c.connected)
        ? 'connected'
        : sockets.some((c) => c.unsuccessfulReconnects > 0)
          ? 'off'
          : 'connecting';
      if (state === this.status.signaling) return;
      this.status.signaling = state;
      this.#emit();
    };
    for (const c of sockets) {
      c.on('connect', follow);
      c.on('disconnect', follow);
    }
    const poll = setInterval(follow, 1000);
    this.#providers.push({
      destroy: () => {
        clearInterval(poll);
        retry.stop();
        offWake();
        for (const c of sockets) {
          c.off('connect', follow);
          c.off('disconnect', follow);
        }
      }
    });
    follow();
    rtc.on('peers', ({ webrtcPeers, bcPeers }: { webrtcPeers: string[]; bcPeers: string[] }) => {
      this.status.peers = webrtcPeers.length + bcPeers.length;
      this.#emit();
    });
    rtc.on('synced', ({ synced }: { synced: boolean }) => {
      if (synced) reached();
    });
    this.#providers.push(rtc);
  }
}
