/**
 * A hostile member of a shared workspace, for the bombs spec (tests/e2e/sharing-bombs.spec.ts)
 * and its measurement (bench/sync/bombs.js): a raw Yjs client that reaches the room through the
 * relay with the invite's room and secret, and appends compression bombs to the log, then one
 * good entry.
 *
 * A packed log element is one format byte (1), the UTF-8 length (uint32, little-endian) and raw
 * deflate data (src/lib/sync/entry.ts). The bombs, 3.7 MB in all:
 *   12 × 256 MB of zeros, declared at their length   → 'not-json' (no object starts: at the first chunk)
 *    2 × `{` and 256 MB of spaces, declared at 200 MB → 'bad-packing' once past the declared length
 *    1 × `{` and 256 MB of spaces, at their length    → inflated whole, then 'not-json'
 *    1 × an entry whose label is 100 M characters     → parses, then 'bad-label'
 */
import { createHash } from 'node:crypto';
import { constants, deflateRawSync } from 'node:zlib';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';

/** The largest declared length the decoder accepts (MAX_ENTRY_CHARS of entry.ts). */
const MAX_ENTRY_CHARS = 256_000_000;

function packed(declared: number, body: Uint8Array): Uint8Array {
  const out = new Uint8Array(5 + body.length);
  out[0] = 1;
  new DataView(out.buffer).setUint32(1, declared, true);
  out.set(body, 5);
  return out;
}

/** The bombs, and the reason each is refused with. */
export function bombs(): { item: Uint8Array; reason: string }[] {
  const zeros = deflateRawSync(Buffer.alloc(MAX_ENTRY_CHARS), { level: constants.Z_BEST_COMPRESSION });
  const spaces = Buffer.alloc(MAX_ENTRY_CHARS, ' ');
  spaces[0] = 0x7b;
  const object = deflateRawSync(spaces, { level: constants.Z_BEST_COMPRESSION });
  const head = `{"v":2,"id":"bomb-label","actor":"mallory","actorName":"M","device":"evil-laptop","at":1,"label":"`;
  const label = Buffer.concat([Buffer.from(head), Buffer.alloc(100_000_000, 'a'), Buffer.from('","ops":[]}')]);
  const out: { item: Uint8Array; reason: string }[] = [];
  for (let i = 0; i < 12; i++) out.push({ item: packed(MAX_ENTRY_CHARS, zeros), reason: 'not-json' });
  for (let i = 0; i < 2; i++) out.push({ item: packed(200_000_000, object), reason: 'bad-packing' });
  out.push({ item: packed(MAX_ENTRY_CHARS, object), reason: 'not-json' });
  out.push({ item: packed(label.length, deflateRawSync(label, { level: constants.Z_BEST_COMPRESSION })), reason: 'bad-label' });
  return out;
}

/** One well-formed entry of the hostile member: a customer named `name`. */
export function goodEntry(name: string): string {
  const at = Date.now();
  const id = `mallory-${at.toString(36)}`;
  return JSON.stringify({
    v: 2,
    id,
    actor: 'mallory',
    actorName: 'M',
    device: 'evil-laptop',
    at,
    label: 'change.add',
    ops: [{ t: 'customers', id: `${id}-c`, ins: 1, f: { kind: ['unit'], name: [name], deleted: [0] } }]
  });
}

/** The relay's name for the invite's room (src/lib/sync/connection.ts relayDocName). */
function relayDocName(room: string, secret: string): string {
  return `${room}.${createHash('sha256').update(`${room}:${secret}`).digest('hex').slice(0, 32)}`;
}

/**
 * Join the room of `invite` (an invite link) through `relay` as a raw Yjs client, append `items`
 * to the log one update each, and leave once the relay has them.
 */
export async function appendThroughRelay(relay: string, invite: string, items: (string | Uint8Array)[]): Promise<void> {
  const p = new URLSearchParams(invite.slice(invite.indexOf('#') + 1));
  const doc = new Y.Doc();
  const ws = new WebsocketProvider(relay, relayDocName(p.get('r')!, p.get('s')!), doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket
  });
  try {
    await new Promise<void>((resolve) => ws.once('sync', () => resolve()));
    for (const item of items) doc.getArray('log').push([item]);
    // the relay has the update once it answers a sync step with our state
    await new Promise((r) => setTimeout(r, 1000));
  } finally {
    ws.destroy();
    doc.destroy();
  }
}
