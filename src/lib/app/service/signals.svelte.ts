/**
 * The churn signals of an open workspace, worked out in a worker (signals.worker.ts) from the
 * stored purchases, credit sales, follow-ups and customers, for "today" (the clock) and the
 * settings (`churnSignals`). The worker is told the ids of every committed write (a local edit,
 * an import, a peer's change, an undo), so the flags follow the records; nothing derived is
 * written back. One instance per open workspace (`signalsOf(ws)`), loaded lazily
 * (lazy-signals.svelte.ts) so the first page carries none of it.
 */
import type { OpenWorkspace } from '$lib/db/workspace';
import type { WorkerClient } from '$lib/workers/rpc';
import type { Flag } from '$lib/domain/service/flags';
import { clock } from '../clock.svelte';
import { CHURN_SETTINGS_ID, readChurnSettings, type ChurnSettings } from './churn-settings';
import { SIGNAL_TABLES, type CustomerSignals, type SignalTable } from './signals-engine';

/** A customer with at least one open flag, for Today's list. */
export interface FlaggedCustomer {
  customerId: string;
  open: Flag[];
  /** the earliest day an open flag was raised */
  since: string;
}

export class SignalsData {
  /** customer id → every flag (open or cleared); null until the worker's first answer */
  byCustomer = $state.raw<ReadonlyMap<string, readonly Flag[]> | null>(null);
  /** the worker could not work them out (shown instead of a list that would be wrong) */
  failed = $state(false);
  #worker: WorkerClient | null = null;
  #ready: Promise<void> | null = null;
  #unsubscribe: () => void;
  #stopEffect: () => void;
  #destroyed = false;
  #asked = 0;

  constructor(readonly ws: OpenWorkspace) {
    this.#unsubscribe = ws.writes.subscribe((n) => {
      const tables: Partial<Record<SignalTable, string[] | 'all'>> = {};
      let any = false;
      for (const t of SIGNAL_TABLES) {
        const ids = n.tables[t];
        if (ids) {
          tables[t] = ids;
          any = true;
        }
      }
      if (any) void this.#call('changes', { tables }).then(() => this.#refresh());
    });
    // the flags follow the clock (an override, or midnight) and the settings
    this.#stopEffect = $effect.root(() => {
      $effect(() => {
        const today = clock.today;
        const settings = this.settings;
        void this.#refresh(today, settings);
      });
    });
  }

  /** the settings in force (the stored record, else the defaults) */
  get settings(): ChurnSettings {
    return readChurnSettings(this.ws.settings.get(CHURN_SETTINGS_ID)?.value);
  }

  async #call<T>(type: string, payload: unknown): Promise<T> {
    if (!this.#worker) {
      const { WorkerClient } = await import('$lib/workers/rpc');
      this.#worker = new WorkerClient(new Worker(new URL('./signals.worker.ts', import.meta.url), { type: 'module' }));
      this.#ready = this.#worker.call<unknown>('open', { dbName: this.ws.db.name }).then(() => undefined);
    }
    await this.#ready;
    return this.#worker.call<T>(type, payload);
  }

  async #refresh(today = clock.today, settings = this.settings) {
    const ask = ++this.#asked;
    try {
      const r = await this.#call<{ signals: CustomerSignals[] }>('flags', { today, settings: { ...settings } });
      if (ask !== this.#asked || this.#destroyed) return;
      this.byCustomer = new Map(r.signals.map((s) => [s.customerId, s.flags]));
      this.failed = false;
    } catch {
      // the worker was stopped (workspace closed), or failed: say so rather than show stale flags
      if (!this.#destroyed && ask === this.#asked) this.failed = true;
    }
  }

  /** one customer's flags, open ones first */
  of(customerId: string): readonly Flag[] {
    return this.byCustomer?.get(customerId) ?? [];
  }

  /** customers with an open flag, the longest-standing first */
  readonly flagged: FlaggedCustomer[] = $derived.by(() => {
    const out: FlaggedCustomer[] = [];
    for (const [customerId, flags] of this.byCustomer ?? []) {
      const open = flags.filter((f) => !f.cleared);
      if (!open.length) continue;
      if (!this.ws.customers.get(customerId)) continue;
      out.push({ customerId, open, since: open.reduce((m, f) => (f.raisedOn < m ? f.raisedOn : m), open[0].raisedOn) });
    }
    return out.sort((a, b) => a.since.localeCompare(b.since) || a.customerId.localeCompare(b.customerId));
  });

  destroy() {
    this.#destroyed = true;
    this.#unsubscribe();
    this.#stopEffect();
    this.#worker?.terminate();
  }
}

let made: SignalsData | null = null;

/** The churn signals of an open workspace, made on first use; another workspace stops the previous one's worker. */
export function signalsOf(ws: OpenWorkspace): SignalsData {
  if (made?.ws !== ws) {
    made?.destroy();
    made = new SignalsData(ws);
  }
  return made;
}
