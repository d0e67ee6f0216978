/**
 * The device's registry: which workspaces exist here and who the local person is. This is device
 * state, never replicated, so it lives in its own small database (`kebu`) outside the write path.
 * Workspace contents only ever change through `WritePath`.
 */
import Dexie, { type Table } from 'dexie';
import { newId, wallTime } from './ids';
import { workspaceDbName } from './schema';

export interface WorkspaceInfo {
  id: string;
  name: string;
  createdAt: number;
  demo?: boolean;
  /** set while this device shares the workspace with others (sync/connection.ts) */
  share?: ShareConfig;
}

/** How this device shares a workspace (src/lib/sync/connection.ts uses it). */
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

/** "Who am I" on this device; every change records it. */
export interface Profile {
  id: string;
  name: string;
  device: string;
  createdAt: number;
}

class RegistryDB extends Dexie {
  workspaces!: Table<WorkspaceInfo, string>;
  profile!: Table<Profile & { key: 'me' }, string>;
  constructor() {
    super('kebu');
    this.version(1).stores({ workspaces: 'id', profile: 'key' });
  }
}

let registry: RegistryDB | null = null;
function reg(): RegistryDB {
  return (registry ??= new RegistryDB());
}

export async function getProfile(): Promise<Profile | null> {
  const p = await reg().profile.get('me');
  if (!p) return null;
  const { key: _key, ...profile } = p;
  return profile;
}

export async function saveProfile(name: string, device: string): Promise<Profile> {
  const existing = await getProfile();
  const profile: Profile = {
    id: existing?.id ?? newId(),
    name: name.trim(),
    device: device.trim(),
    createdAt: existing?.createdAt ?? wallTime()
  };
  await reg().profile.put({ ...profile, key: 'me' });
  return profile;
}

export function listWorkspaces(): Promise<WorkspaceInfo[]> {
  return reg().workspaces.orderBy('id').toArray();
}

export async function createWorkspace(name: string, demo = false): Promise<WorkspaceInfo> {
  const ws: WorkspaceInfo = { id: newId(), name: name.trim(), createdAt: wallTime(), demo };
  await reg().workspaces.add(ws);
  return ws;
}

export async function renameWorkspace(id: string, name: string): Promise<void> {
  await reg().workspaces.update(id, { name: name.trim() });
}

/**
 * A share config as plain data: IndexedDB cannot store a Svelte `$state` proxy (DataCloneError),
 * and a config read from reactive state holds proxied arrays.
 */
export function plainShare(share: ShareConfig): ShareConfig {
  const { room, secret, signaling, relay, iceServers, role, seeded, since } = share;
  return { room, secret, signaling: [...signaling], relay, iceServers: [...iceServers], role, seeded, since };
}

/** Share (or stop sharing) a workspace from this device. */
export async function setWorkspaceShare(id: string, share: ShareConfig | null): Promise<void> {
  const ws = await reg().workspaces.get(id);
  if (!ws) return;
  if (share) ws.share = plainShare(share);
  else delete ws.share;
  await reg().workspaces.put(ws);
}

/**
 * Whether the workspace stored in the database `dbName` (`kebu-ws-<id>`) is shared from this
 * device: a write made in a worker sends its replication entry to the page only then.
 */
export async function isSharedDb(dbName: string): Promise<boolean> {
  const id = /^kebu-ws-(.+)$/.exec(dbName)?.[1];
  return id !== undefined && (await reg().workspaces.get(id))?.share !== undefined;
}

/** The device's copy of a shared workspace's log (y-indexeddb). */
export function sharedLogDbName(id: string): string {
  return `kebu-y-${id}`;
}

/** Remove a workspace, its database and its shared log from this device. */
export async function deleteWorkspace(id: string): Promise<void> {
  await reg().workspaces.delete(id);
  await Dexie.delete(workspaceDbName(id));
  await Dexie.delete(sharedLogDbName(id));
}

/** A readable default for "which device is this", from the user agent. */
export function guessDevice(userAgent: string): string {
  const browser = /Edg\//.test(userAgent)
    ? 'Edge'
    : /Firefox\//.test(userAgent)
      ? 'Firefox'
      : /Chrome\//.test(userAgent)
        ? 'Chrome'
        : /Safari\//.test(userAgent)
          ? 'Safari'
          : 'Browser';
  const os = /Windows/.test(userAgent)
    ? 'Windows'
    : /Android/.test(userAgent)
      ? 'Android'
      : /iPhone|iPad/.test(userAgent)
        ? 'iOS'
        : /Mac OS X/.test(userAgent)
          ? 'macOS'
          : /Linux/.test(userAgent)
            ? 'Linux'
            : '';
  return os ? `${browser} · ${os}` : browser;
}
