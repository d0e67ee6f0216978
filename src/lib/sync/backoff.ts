/**
 * Trying again, quietly, when no server answers. Every failed WebSocket attempt is an error line
 * in the browser's console that no code can suppress; y-webrtc's signaling sockets (lib0's
 * WebsocketClient) try again every 2.5 s at most, forever, and y-websocket every 2.5 s by default.
 * Here a signaling socket gets QUICK_TRIES quick tries, then pauses that double from PAUSES_MS[0]
 * up to MAX_PAUSE_MS between single tries; the relay uses y-websocket's own doubling with the same
 * ceiling. Both try at once when the browser comes back online or the page is shown again.
 */
export const QUICK_TRIES = 3;
export const MAX_PAUSE_MS = 60_000;
export const PAUSES_MS = [5_000, 10_000, 20_000, 40_000, MAX_PAUSE_MS];
/** how often the sockets are looked at (lib0 raises no event for a failed attempt) */
export const CHECK_MS = 250;

/** What lib0's WebsocketClient (y-webrtc's signaling connection) offers. */
export interface RetryingSocket {
  connected: boolean;
  unsuccessfulReconnects: number;
  connect(): void;
  disconnect(): void;
}

/** Call `wake` when the browser is back online or the page is shown again; returns the unsubscribe. */
export function onWake(wake: () => void): () => void {
  if (typeof window === 'undefined') return () => {};
  const visible = () => document.visibilityState === 'visible' && wake();
  window.addEventListener('online', wake);
  document.addEventListener('visibilitychange', visible);
  return () => {
    window.removeEventListener('online', wake);
    document.removeEventListener('visibilitychange', visible);
  };
}

/**
 * Keep `sockets` from retrying in a tight loop: after `QUICK_TRIES` failures in a row a socket is
 * disconnected and connected again after the next pause, which then allows one more try. A socket
 * that connects starts over. Returns `wake` (try the paused ones now) and `stop`.
 */
export function backOff(sockets: RetryingSocket[]): { wake(): void; stop(): void } {
  const state = new Map(sockets.map((s) => [s, { allowed: QUICK_TRIES, pauses: 0, timer: null as ReturnType<typeof setTimeout> | null }]));
  const resume = (s: RetryingSocket) => {
    const st = state.get(s)!;
    if (st.timer) clearTimeout(st.timer);
    st.timer = null;
    st.allowed = s.unsuccessfulReconnects + 1;
    s.connect();
  };
  const check = () => {
    for (const [s, st] of state) {
      if (s.connected) {
        st.allowed = QUICK_TRIES;
        st.pauses = 0;
      } else if (!st.timer && s.unsuccessfulReconnects >= st.allowed) {
        s.disconnect();
        st.timer = setTimeout(() => resume(s), PAUSES_MS[Math.min(st.pauses++, PAUSES_MS.length - 1)]);
      }
    }
  };
  const poll = setInterval(check, CHECK_MS);
  return {
    wake() {
      for (const [s, st] of state) if (st.timer) resume(s);
    },
    stop() {
      clearInterval(poll);
      for (const st of state.values()) if (st.timer) clearTimeout(st.timer);
      state.clear();
    }
  };
}
