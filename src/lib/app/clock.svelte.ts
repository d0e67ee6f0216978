/**
 * The app's clock: "today" as an ISO calendar date in the user's time zone, and "now" in ms.
 * Every screen reads the date from here, never from `new Date()`, so tests and demos can move it:
 * open any page with `?today=YYYY-MM-DD` and that day holds for the tab (kept in sessionStorage)
 * until `?today=` (empty) clears it. Without an override the day follows the wall clock and
 * rolls over at midnight (checked every minute).
 */
const KEY = 'kebu.today';
const ISO = /^\d{4}-\d{2}-\d{2}$/;

function localIso(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function isRealDate(iso: string): boolean {
  if (!ISO.test(iso)) return false;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso;
}

function storage(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}

function readOverride(): string | null {
  if (typeof location !== 'undefined') {
    const q = new URLSearchParams(location.search).get('today');
    if (q !== null) {
      if (q === '') storage()?.removeItem(KEY);
      else if (isRealDate(q)) storage()?.setItem(KEY, q);
    }
  }
  const v = storage()?.getItem(KEY) ?? null;
  return v && isRealDate(v) ? v : null;
}

class Clock {
  #override = $state<string | null>(readOverride());
  #wall = $state(localIso(new Date()));

  constructor() {
    if (typeof setInterval !== 'undefined') setInterval(() => (this.#wall = localIso(new Date())), 60_000);
  }

  /** today, `YYYY-MM-DD` */
  get today(): string {
    return this.#override ?? this.#wall;
  }

  /** whether today is set by hand (`?today=`) */
  get overridden(): boolean {
    return this.#override !== null;
  }

  /** ms since the epoch (stamps of overrides and decisions) */
  now(): number {
    return Date.now();
  }

  /** set or clear (null) the day by hand, for this tab */
  set(iso: string | null) {
    if (iso === null) {
      storage()?.removeItem(KEY);
      this.#override = null;
    } else if (isRealDate(iso)) {
      storage()?.setItem(KEY, iso);
      this.#override = iso;
    }
  }
}

export const clock = new Clock();
