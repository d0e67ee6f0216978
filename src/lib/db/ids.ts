/**
 * Globally unique, time-ordered ids (ULID layout: 10 characters of milliseconds, 16 of randomness,
 * Crockford base 32). Ids made on one device sort in the order they were made, even within one
 * millisecond (the random part is incremented), so a table's primary-key order is creation order.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * The device's wall time in ms, for ids and for stamps below the app layer (a workspace's
 * creation, a share's start, a backup's time), which cannot import the app's clock. Never a
 * calendar date: screens read "today" and "now" from `app/clock.svelte.ts`.
 */
export const wallTime = (): number => Date.now();

let lastTime = -1;
let lastRandom: number[] = [];

function randomDigits(): number[] {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b & 31);
}

function increment(digits: number[]): number[] {
  const out = digits.slice();
  for (let i = out.length - 1; i >= 0; i--) {
    if (out[i] < 31) {
      out[i]++;
      return out;
    }
    out[i] = 0;
  }
  return randomDigits(); // 32^16 ids in one millisecond: start afresh
}

export function newId(now: number = wallTime()): string {
  if (now <= lastTime) {
    lastRandom = increment(lastRandom);
  } else {
    lastTime = now;
    lastRandom = randomDigits();
  }
  let time = '';
  let t = lastTime;
  for (let i = 0; i < 10; i++) {
    time = ALPHABET[t % 32] + time;
    t = Math.floor(t / 32);
  }
  return time + lastRandom.map((d) => ALPHABET[d]).join('');
}
