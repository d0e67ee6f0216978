/**
 * The app's clock: "today" as an ISO calendar date in the user's time zone, and "now" in ms.
 * Every screen reads the date from here, never from `new Date()`, so tests and demos can move it:
 * open any page with `?today=YYYY-MM-DD` and that day holds for the tab (kept in sessionStorage)
 * until `?today=` (empty) clears it. Without an override the day follows the wall clock and
 * rolls over at midnight (checked every minute).
 */
import { isIsoDate as isRealDate, localDateTimeOf, localIsoOf as localIso } from '$lib/domain/dates';

const KEY = 'kebu.today';

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

  /** now as an `<input type="datetime-local">` value: today's date (moved with `?today=`), the wall time */
  nowLocal(): string {
    return `${this.today}${localDateTimeOf(new Date(this.now())).slice(10)}`;
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
