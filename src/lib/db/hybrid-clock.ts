/**
 * The hybrid clock of one device: every stamp it gives is wall time, but never behind a stamp
 * this device has written or accepted, and never the same twice. Stamps order writes under
 * last-writer-wins (field-merge.ts), so a clock that went backwards would let a later edit lose.
 *
 * - `now()` gives a new stamp: max(wall time, last + 1).
 * - `observe(at)` is the receive rule: after accepting a remote write stamped `at`, later local
 *   stamps sort after it. Only accepted stamps are observed, and only up to `limit()`: wall time
 *   plus MAX_SKEW. A stamp further ahead is refused by the caller (apply-remote.ts), so one
 *   device with a wrong clock cannot drag every other device's stamps to the end of time.
 * - The greatest stamp is kept in the workspace database's `meta` (key `clock`, a plain number)
 *   in the same transaction as the write that gave or accepted it, and read back at the start of
 *   every write: the clock survives a reload, and a worker's WritePath on the same database shares it.
 */
import { wallTime } from './ids';
import type { KebuDB } from './schema';

/** The greatest time a stamp may hold (the end of JavaScript dates). */
export const MAX_STAMP_AT = 8.64e15;

/**
 * How far ahead of this device's own time a remote stamp may be: 24 hours. A clock set a day
 * wrong is a mistake to be told about, not a time to follow.
 */
export const MAX_SKEW = 24 * 60 * 60 * 1000;

/** The `meta` key of the greatest stamp this device has written or accepted. */
export const CLOCK_KEY = 'clock';

export class HybridClock {
  #last = 0;
  readonly #wall: () => number;

  constructor(wall: () => number = wallTime) {
    this.#wall = wall;
  }

  /** the greatest stamp given or accepted so far */
  get last(): number {
    return this.#last;
  }

  /** A new stamp: wall time, never backwards, never twice. */
  now(): number {
    this.#last = Math.max(this.#wall(), this.#last + 1);
    return this.#last;
  }

  /** The greatest remote stamp this device accepts now: its own time plus MAX_SKEW. */
  limit(): number {
    return Math.min(this.#wall() + MAX_SKEW, MAX_STAMP_AT);
  }

  /** Whether a remote stamp may be accepted (a finite time, not beyond `limit()`). */
  accepts(at: unknown): at is number {
    return typeof at === 'number' && Number.isFinite(at) && at <= this.limit();
  }

  /** Receive rule: later stamps sort after `at`. Ignored when `at` is not acceptable. */
  observe(at: number) {
    if (this.accepts(at) && at > this.#last) this.#last = at;
  }

  /**
   * Take a persisted value back (a reload, or another WritePath on the same database wrote since):
   * the clock never goes below it. Anything that is not a finite stamp is ignored.
   */
  restore(saved: unknown) {
    if (typeof saved === 'number' && Number.isFinite(saved) && saved <= MAX_STAMP_AT && saved > this.#last) this.#last = saved;
  }
}

/** Read the persisted clock into `clock` (inside the caller's transaction). */
export function loadClock(db: KebuDB, clock: HybridClock): Promise<void> {
  // a Dexie promise, not an async function: it stays inside the caller's transaction zone
  return db.meta.get(CLOCK_KEY).then((e) => clock.restore(e?.value));
}

/** Persist the clock (inside the caller's transaction, with the write that moved it). */
export function saveClock(db: KebuDB, clock: HybridClock): Promise<unknown> {
  return db.meta.put({ key: CLOCK_KEY, value: clock.last });
}
