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
 */
import * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import type { WritePath } from '$lib/db/write-path';
import { encodeEntry } from './entry';
import { Replica } from './replica';

export interface ShareConfig {
  /** the room the devices meet in (y-webrtc room, y-websocket document name) */
  room: string;
  /** the shared secret: encrypts signaling (y-webrtc's `password`); only ever in a URL fragment */
  secret: string;
  /** signaling servers (`npm run signal`) */
  signaling: string[];
  /** the relay (`npm run relay`), when the team uses one */
  relay: string | null;
  /** ICE servers (STUN/TURN) for devices on different networks; none by default */
  iceServers: string[];
  role: 'owner' | 'member';
  /** this device's records are in the log (its snapshot was pushed) */
  seeded: boolean;
  /** when this device joined or shared */
  since: number;
}

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
}

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
  return btoa(String.fromCharCode(...raw)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function newShareConfig(defaults: Pick<ShareConfig, 'signaling' | 'relay' | 'iceServers'>): ShareConfig {
  return { room: `kebu-${randomToken(16)}`, secret: randomToken(32), ...defaults, role: 'owner', seeded: false, since: Date.now() };
}

export function yDocName(workspaceId: string): string {
  return `kebu-y-${workspaceId}`;
}

type Listener = () => void;

interface Provider {
  destroy(): void;
}

export class SyncConnection {
  readonly doc = new Y.Doc();
  readonly status: SyncStatus = { ready: false, signaling: 'off', relay: 'off', peers: 0, lastSync: null, pending: 0, refused: 0 };
  presence: Presence[] = [];
  #replica: Replica | null = null;
  #persistence: Provider | null = null;
  #providers: Provider[] = [];
  #awareness: Awareness | null = null;
  #listeners = new Set<Listener>();
  #destroyed = false;
  #offEntry: (() => void) | null = null;
  readonly #user: SyncUser;

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
  }): Promise<SyncConnection> {
    const c = new SyncConnection(opts.workspaceId, opts.config, opts.user);
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
    this.status.refused = this.#replica?.refused.length ?? 0;
    for (const fn of this.#listeners) fn();
  }

  async #start(writes: WritePath, onSeeded?: () => void, WebSocketClass?: unknown) {
    const [{ IndexeddbPersistence }, { WebrtcProvider }, awarenessMod] = await Promise.all([
      import('y-indexeddb'),
      import('y-webrtc'),
      import('y-protocols/awareness')
    ]);
    if (this.#destroyed) return;
    const persistence = new IndexeddbPersistence(yDocName(this.workspaceId), this.doc);
    this.#persistence = persistence;
    await persistence.whenSynced;
    if (this.#destroyed) return;

    const replica = new Replica(this.doc, writes);
    this.#replica = replica;
    await replica.whenSynced;
    if (this.#destroyed) return;
    if (!this.config.seeded) {
      const entries = await writes.snapshotEntries();
      if (this.#destroyed) return;
      this.doc.transact(() => replica.log.push(entries.map(encodeEntry)), replica);
      onSeeded?.();
    }
    this.status.ready = true;

    // a change made while nobody else can hear it is pending until another device is reached
    this.#offEntry = writes.onEntry(() => {
      if (this.status.peers === 0 && this.status.relay !== 'connected') this.status.pending++;
      else this.status.lastSync = Date.now();
      this.#emit();
    });
    this.doc.on('update', (_u: Uint8Array, origin: unknown) => {
      if (origin !== replica && origin !== persistence) {
        this.status.lastSync = Date.now();
        this.#emit();
      }
    });
    const reached = () => {
      this.status.pending = 0;
      this.status.lastSync = Date.now();
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
    awareness.on('change', () => {
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
    });

    if (this.config.signaling.length) {
      this.status.signaling = 'connecting';
      const rtc = new WebrtcProvider(this.config.room, this.doc, {
        signaling: this.config.signaling,
        password: this.config.secret,
        awareness,
        peerOpts: { config: { iceServers: this.config.iceServers.map((urls) => ({ urls })) } }
      });
      rtc.on('status', ({ connected }: { connected: boolean }) => {
        this.status.signaling = connected ? 'connected' : 'connecting';
        this.#emit();
      });
      rtc.on('peers', ({ webrtcPeers, bcPeers }: { webrtcPeers: string[]; bcPeers: string[] }) => {
        this.status.peers = webrtcPeers.length + bcPeers.length;
        this.#emit();
      });
      rtc.on('synced', ({ synced }: { synced: boolean }) => {
        if (synced) reached();
      });
      this.#providers.push(rtc);
    }
    if (this.config.relay) {
      const { WebsocketProvider } = await import('y-websocket');
      if (this.#destroyed) return;
      this.status.relay = 'connecting';
      const ws = new WebsocketProvider(this.config.relay, this.config.room, this.doc, {
        awareness,
        ...(WebSocketClass ? { WebSocketPolyfill: WebSocketClass as typeof WebSocket } : {})
      });
      ws.on('status', ({ status }: { status: string }) => {
        this.status.relay = status === 'connected' ? 'connected' : 'connecting';
        this.#emit();
      });
      ws.on('sync', (synced: boolean) => {
        if (synced) reached();
      });
      this.#providers.push(ws);
    }
    this.#providers.push({ destroy: () => awareness.destroy() });
    this.#emit();
  }
}
