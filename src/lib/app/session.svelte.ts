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
  type Profile,
  type WorkspaceInfo
} from '$lib/db/registry';
import { OpenWorkspace } from '$lib/db/workspace';
import { translate } from '$lib/i18n/translate';
import { i18n } from '$lib/i18n/index.svelte';

const CURRENT_KEY = 'kebu.workspace';

class Session {
  ready = $state(false);
  profile = $state<Profile | null>(null);
  workspaces = $state<WorkspaceInfo[]>([]);
  current = $state.raw<OpenWorkspace | null>(null);
  canUndo = $state(false);
  canRedo = $state(false);
  #unsubscribe: (() => void) | null = null;

  async init() {
    [this.profile, this.workspaces] = await Promise.all([getProfile(), listWorkspaces()]);
    const last = localStorage.getItem(CURRENT_KEY);
    const ws = this.workspaces.find((w) => w.id === last) ?? this.workspaces[0];
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
    this.workspaces = await listWorkspaces();
    return this.#open(ws);
  }

  async createDemo(customers = 300): Promise<OpenWorkspace> {
    const ws = await createWorkspace(translate(i18n.locale, 'workspace.demoName'), true);
    this.workspaces = await listWorkspaces();
    const open = this.#open(ws);
    // the generator is only needed here: keep it off the first page's JavaScript
    const { loadDemo } = await import('$lib/db/demo');
    await loadDemo(open.writes, { customers });
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

  async undo() {
    const cs = await this.current?.writes.undo();
    await this.refreshUndo();
    return cs ?? null;
  }

  async redo() {
    const cs = await this.current?.writes.redo();
    await this.refreshUndo();
    return cs ?? null;
  }

  async refreshUndo() {
    const s = (await this.current?.writes.undoState()) ?? { canUndo: false, canRedo: false };
    this.canUndo = s.canUndo;
    this.canRedo = s.canRedo;
  }

  #close() {
    this.#unsubscribe?.();
    this.#unsubscribe = null;
    this.current?.close();
    this.current = null;
  }

  #open(info: WorkspaceInfo): OpenWorkspace {
    this.#close();
    const profile = this.profile!;
    const open = new OpenWorkspace(info, { id: profile.id, name: profile.name, device: profile.device });
    this.current = open;
    localStorage.setItem(CURRENT_KEY, info.id);
    this.#unsubscribe = open.writes.subscribe(() => void this.refreshUndo());
    void this.refreshUndo();
    return open;
  }
}

export const session = new Session();
