/**
 * Browser storage: ask the browser to keep ours (`navigator.storage.persist()`), and report how
 * much is used and whether it is persistent.
 */
class StorageStatus {
  usage = $state<number | null>(null);
  quota = $state<number | null>(null);
  persisted = $state<boolean | null>(null);
  online = $state(true);

  async refresh() {
    const s = navigator.storage;
    if (!s) return;
    if (s.estimate) {
      const e = await s.estimate();
      this.usage = e.usage ?? null;
      this.quota = e.quota ?? null;
    }
    if (s.persisted) this.persisted = await s.persisted();
  }

  /** Ask once at start; browsers grant it silently to sites a person uses, or prompt. */
  async requestPersistence() {
    if (navigator.storage?.persist) this.persisted = await navigator.storage.persist();
    await this.refresh();
  }

  watchOnline(): () => void {
    const update = () => (this.online = navigator.onLine);
    update();
    addEventListener('online', update);
    addEventListener('offline', update);
    return () => {
      removeEventListener('online', update);
      removeEventListener('offline', update);
    };
  }
}

export const storage = new StorageStatus();

export function formatBytes(bytes: number | null): string {
  if (bytes === null || !Number.isFinite(bytes)) return '—';
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let v = bytes;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(v < 10 && i > 0 ? 1 : 0)} ${units[i]}`;
}
