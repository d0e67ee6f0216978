/**
 * The complaint screens' data: the two tables' live stores of the open workspace (the workspace's
 * own `ws.store(table)`, shared by the board, the grid, the customer's page and Today), the
 * workspace's complaint settings, and every complaint as a view for today (`complaintViews`),
 * recomputed when a record, a setting, an org unit or the day changes.
 */
import type { OpenWorkspace } from '$lib/db/workspace';
import type { TableStore } from '$lib/db/table-store.svelte';
import { COMPLAINT_SETTINGS_ID, complaintViews, readComplaintSettings, type ComplaintSettings, type ComplaintView } from '$lib/domain/service';
import { clock } from '../clock.svelte';

export class ComplaintData {
  readonly complaints: TableStore<'complaints'>;
  readonly events: TableStore<'complaintEvents'>;
  readonly #ws: OpenWorkspace;

  constructor(ws: OpenWorkspace) {
    this.#ws = ws;
    this.complaints = ws.store('complaints');
    this.events = ws.store('complaintEvents');
  }

  get loading(): boolean {
    return this.complaints.loading || this.events.loading;
  }

  /** the settings as stored, or the defaults (`fallback` when the stored value was unreadable) */
  readonly stored = $derived.by(() => readComplaintSettings(this.#ws.settings.get(COMPLAINT_SETTINGS_ID)?.value));
  get settings(): ComplaintSettings {
    return this.stored.settings;
  }
  get settingsSaved(): boolean {
    return this.#ws.settings.get(COMPLAINT_SETTINGS_ID) !== undefined;
  }

  /** every live complaint for today, newest first */
  readonly views: ComplaintView[] = $derived.by(() =>
    complaintViews(this.complaints.rows, this.events.rows, { settings: this.settings, units: this.#ws.orgUnits.rows, today: clock.today })
  );

  view(id: string): ComplaintView | undefined {
    return this.views.find((v) => v.complaint.id === id);
  }
}

let cached: { ws: OpenWorkspace; data: ComplaintData; stop: () => void } | null = null;

/**
 * The complaint data of `ws` (made on first use; its stores close with the workspace). It is made
 * in an effect root of its own: made inside a page's `$derived`, its deriveds would belong to that
 * page and go stale once the person leaves it (Svelte's `derived_inert`).
 */
export function complaintsOf(ws: OpenWorkspace): ComplaintData {
  if (cached?.ws !== ws) {
    cached?.stop();
    let data: ComplaintData | null = null;
    const stop = $effect.root(() => {
      data = new ComplaintData(ws);
    });
    cached = { ws, data: data!, stop };
  }
  return cached.data;
}
