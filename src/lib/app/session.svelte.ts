/**
 * The app's session on this device: who I am, which workspaces exist here, and the open one.
 * One instance, shared by every page through `session`.
 */
import {
  createWorkspace,
  deleteWorkspace,
  getProfile,
  listWorkspaces,
  renameWorkspace,
  saveProfile,
  setWorkspaceShare,
  type Profile,
  type WorkspaceInfo
} from '$lib/db/registry';
import type { OpenWorkspace } from '$lib/db/workspace';
import { translate } from '$lib/i18n/translate';
import { sharing, shareFor, type Invite, type SharingServers } from './sharing.svelte';
import { clock } from './clock.svelte';
import { historyMessage, stepHistory, type HistoryOutcome, type HistoryQuestion, type HistoryStep } from './commands/history';
import { toasts } from './toast.svelte';
import type { ShareConfig } from '$lib/sync/connection';
import Dexie from 'dexie';
import { sharedLogDbName } from '$lib/db/registry';
import { i18n } from '$lib/i18n/index.svelte';

const CURRENT_KEY = 'kebu.workspace';

/**
 * The open workspace's class (its database, write path and stores) loads with the first workspace,
 * not with the first page: a first visit shows the profile prompt and the welcome page without it.
 * Every way to a workspace awaits `loadWorkspace()` before `#open`.
 */
let Workspace: typeof OpenWorkspace | null = null;
let loadingWorkspace: Promise<unknown> | null = null;
function loadWorkspace(): Promise<unknown> {
  loadingWorkspace ??= import('$lib/db/workspace').then(
    (m) => (Workspace = m.OpenWorkspace),
    (e) => {
      loadingWorkspace = null; // tried again next time
      throw e;
    }
  );
  return loadingWorkspace;
}

class Session {
  ready = $state(false);
  profile = $state<Profile | null>(null);
  workspaces = $state<WorkspaceInfo[]>([]);
  current = $state.raw<OpenWorkspace | null>(null);
  canUndo = $state(false);
  canRedo = $state(false);
  /** an undo or redo waiting for the person to confirm it (commands/history.ts) */
  historyQuestion = $state.raw<{ question: HistoryQuestion; answer: (ok: boolean) => void } | null>(null);
  #steps: Promise<unknown> = Promise.resolve();
  #unsubscribe: (() => void) | null = null;

  #init: Promise<void> | null = null;

  /** Read the profile and workspaces and open the last one; once (the root layout's load starts it). */
  init(): Promise<void> {
    return (this.#init ??= this.#load());
  }

  async #load() {
    const last = localStorage.getItem(CURRENT_KEY);
    // a device that had a workspace open loads its code while the registry is read
    if (last) loadWorkspace().catch(() => {});
    [this.profile, this.workspaces] = await Promise.all([getProfile(), listWorkspaces()]);
    const ws = this.workspaces.find((w) => w.id === last) ?? this.workspaces[0];
    if (ws) await loadWorkspace();
    if (ws && this.profile) this.#open(ws);
    this.ready = true;
  }

  async setProfile(name: string, device: string) {
    this.profile = await saveProfile(name, device);
    if (!this.current && this.workspaces[0]) this.#open(this.workspaces[0]);
  }

  open(id: string) {
    const ws = this.workspaces.find((w) => w.id === id);
    if (ws && ws.id !== this.current?.info.id) this.#open(ws);
  }

  async createEmpty(name?: string): Promise<OpenWorkspace> {
    const ws = await createWorkspace(name?.trim() || translate(i18n.locale, 'workspace.defaultName'));
    await loadWorkspace();
    this.workspaces = await listWorkspaces();
    return this.#open(ws);
  }

  async createDemo(customers = 300): Promise<OpenWorkspace> {
    const ws = await createWorkspace(translate(i18n.locale, 'workspace.demoName'), true);
    const [{ loadDemoData }] = await Promise.all([import('./commands/demo'), loadWorkspace()]);
    this.workspaces = await listWorkspaces();
    const open = this.#open(ws);
    const result = await loadDemoData(open, { customers, today: clock.today });
    if (!result.ok) throw result.error;
    return open;
  }

  async rename(id: string, name: string) {
    await renameWorkspace(id, name);
    this.workspaces = await listWorkspaces();
  }

  async remove(id: string) {
    if (this.current?.info.id === id) this.#close();
    await deleteWorkspace(id);
    this.workspaces = await listWorkspaces();
    if (!this.current && this.workspaces[0]) this.#open(this.workspaces[0]);
  }

  /** Share the open workspace from this device: a new room and secret, this device as owner. */
  async share(servers: SharingServers): Promise<ShareConfig | null> {
    const ws = this.current;
    if (!ws) return null;
    const share = shareFor(servers);
    await this.#setShare(ws.info.id, share);
    return share;
  }

  /**
   * A new room and secret for the open workspace (the owner removes someone): devices holding the
   * old invite receive nothing new; the others need the new link. What a removed device already
   * has stays on it.
   */
  async rotateSecret(): Promise<ShareConfig | null> {
    const ws = this.current;
    if (!ws?.info.share) return null;
    const { signaling, relay, iceServers } = ws.info.share;
    const share = { ...shareFor({ signaling, relay, iceServers }), role: ws.info.share.role, seeded: true };
    await this.#setShare(ws.info.id, share);
    return share;
  }

  /** Stop sharing on this device: the records stay here; nothing more is sent or received. */
  async leave() {
    const ws = this.current;
    if (!ws?.info.share) return;
    sharing.disconnect();
    await this.#setShare(ws.info.id, null);
    await Dexie.delete(sharedLogDbName(ws.info.id));
  }

  /**
   * Join a shared workspace from an invite: as a fresh copy (a new workspace here), or merged into
   * a workspace this device already has (its records are added to the shared log).
   */
  async join(invite: Invite, into: string | null): Promise<OpenWorkspace> {
    const base = { room: invite.room, secret: invite.secret, signaling: invite.signaling, relay: invite.relay, iceServers: invite.iceServers };
    let id = into;
    if (!id) {
      const created = await createWorkspace(invite.name || translate(i18n.locale, 'workspace.defaultName'));
      id = created.id;
    }
    const share: ShareConfig = { ...base, role: 'member', seeded: !into, since: clock.now() };
    await Promise.all([setWorkspaceShare(id, share), loadWorkspace()]);
    this.workspaces = await listWorkspaces();
    this.#open(this.workspaces.find((w) => w.id === id)!);
    return this.current!;
  }

  async #setShare(id: string, share: ShareConfig | null) {
    await setWorkspaceShare(id, share);
    this.workspaces = await listWorkspaces();
    const info = this.workspaces.find((w) => w.id === id);
    if (info && this.current?.info.id === id) this.#open(info);
  }

  /** Undo the newest of this person's changes (commands/history.ts: asks first above 100 records) and say so in a toast. */
  undo() {
    return this.#step('undo');
  }

  redo() {
    return this.#step('redo');
  }

  /**
   * One step at a time, so a step never runs on a stack another step has just changed after it
   * was counted; presses while a question is open are ignored (the dialog answers them).
   */
  #step(step: HistoryStep): Promise<HistoryOutcome> {
    if (this.historyQuestion) return Promise.resolve({ status: 'kept' });
    const run = async (): Promise<HistoryOutcome> => {
      const ws = this.current;
      if (!ws) return { status: 'nothing' };
      const outcome = await stepHistory(ws, step, (question) => new Promise((answer) => (this.historyQuestion = { question, answer })));
      await this.refreshUndo();
      const text = historyMessage(step, outcome);
      if (text) toasts.show(text);
      return outcome;
    };
    const next = this.#steps.then(run, run);
    this.#steps = next;
    return next;
  }

  /** The screen's answer to `historyQuestion` (HistoryConfirm.svelte). */
  answerHistory(ok: boolean) {
    const pending = this.historyQuestion;
    this.historyQuestion = null;
    pending?.answer(ok);
  }

  async refreshUndo() {
    const s = (await this.current?.writes.undoState()) ?? { canUndo: false, canRedo: false };
    this.canUndo = s.canUndo;
    this.canRedo = s.canRedo;
  }

  #close() {
    this.answerHistory(false);
    sharing.disconnect();
    this.#unsubscribe?.();
    this.#unsubscribe = null;
    this.current?.close();
    this.current = null;
  }

  #open(info: WorkspaceInfo): OpenWorkspace {
    this.#close();
    const profile = this.profile!;
    if (!Workspace) throw new Error('open a workspace after loadWorkspace()');
    const open = new Workspace(info, { id: profile.id, name: profile.name, device: profile.device });
    this.current = open;
    localStorage.setItem(CURRENT_KEY, info.id);
    this.#unsubscribe = open.writes.subscribe(() => void this.refreshUndo());
    void this.refreshUndo();
    if (info.share) {
      void sharing.connect(open, profile, () => {
        // plain data: the config read from reactive state holds proxies IndexedDB cannot store
        const share = info.share ? { ...$state.snapshot(info.share), seeded: true } : null;
        if (share) void setWorkspaceShare(info.id, share).then(() => (info.share = share));
      });
    }
    return open;
  }
}

export const session = new Session();
