import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { backOff, CHECK_MS, PAUSES_MS, QUICK_TRIES, type RetryingSocket } from './backoff';

/** A socket whose server never answers: like lib0's, it tries again on its own while it should. */
function deadSocket() {
  const s = {
    connected: false,
    unsuccessfulReconnects: 0,
    shouldConnect: true,
    attempts: 0,
    connect: () => {
      s.shouldConnect = true;
      tryOnce();
    },
    disconnect: () => {
      s.shouldConnect = false;
    }
  };
  const tryOnce = () => {
    if (!s.shouldConnect) return;
    s.attempts++;
    s.unsuccessfulReconnects++;
    setTimeout(tryOnce, 500);
  };
  tryOnce();
  return s satisfies RetryingSocket;
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('backOff', () => {
  it('allows a few quick tries, then one try per pause, the pauses doubling up to a ceiling', () => {
    const s = deadSocket();
    const retry = backOff([s]);
    vi.advanceTimersByTime(QUICK_TRIES * 500 + CHECK_MS);
    expect(s.attempts).toBe(QUICK_TRIES);
    const after: number[] = [];
    for (const pause of [...PAUSES_MS, PAUSES_MS.at(-1)!]) {
      vi.advanceTimersByTime(pause + CHECK_MS);
      after.push(s.attempts);
    }
    // one try after each pause, and none in between
    expect(after).toEqual([4, 5, 6, 7, 8, 9]);
    // ten minutes of a dead server: a handful of tries, not the 240 of a 2.5 s loop
    vi.advanceTimersByTime(600_000);
    expect(s.attempts).toBeLessThan(22);
    retry.stop();
  });

  it('tries at once when woken, and starts over once a socket connects', () => {
    const s = deadSocket();
    const retry = backOff([s]);
    vi.advanceTimersByTime(QUICK_TRIES * 500 + CHECK_MS);
    expect(s.attempts).toBe(QUICK_TRIES);
    retry.wake();
    expect(s.attempts).toBe(QUICK_TRIES + 1);
    // the server is back: the socket connects, and a later outage gets quick tries again
    s.disconnect();
    s.connected = true;
    s.unsuccessfulReconnects = 0;
    vi.advanceTimersByTime(CHECK_MS);
    s.connected = false;
    s.connect();
    vi.advanceTimersByTime(QUICK_TRIES * 500);
    expect(s.attempts).toBe(2 * QUICK_TRIES + 1);
    retry.stop();
    s.disconnect();
  });

  it('stops: no timer is left behind', () => {
    const s = deadSocket();
    const retry = backOff([s]);
    vi.advanceTimersByTime(QUICK_TRIES * 500 + CHECK_MS);
    retry.stop();
    const n = s.attempts;
    vi.advanceTimersByTime(120_000);
    expect(s.attempts).toBe(n);
  });
});
