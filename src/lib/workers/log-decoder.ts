/**
 * The page's decoder of shared logs (sync/decoder.ts `LogDecoder`): the decode worker
 * (log-decode.worker.ts), started when first asked and shared by every workspace of the page.
 * The app gives it to SyncConnection.open; the Replica sends it log elements and receives
 * decoded entries a budgeted batch at a time.
 */
import type { LogDecoder } from '$lib/sync/decoder';
import { WorkerClient } from './rpc';

let client: WorkerClient | null = null;
const worker = () => (client ??= new WorkerClient(new Worker(new URL('./log-decode.worker.ts', import.meta.url), { type: 'module' })));

export const workerDecoder: LogDecoder = {
  open: () => worker().call<number>('open', {}),
  add: (session, items) => worker().call('add', { session, items }),
  next: (session, keep) => worker().call('next', { session, keep }),
  close: (session) =>
    void worker()
      .call('close', { session })
      .catch(() => undefined),
  // the worker failed (out of memory on an element): the next request starts a new one
  reset: () => {
    client?.terminate();
    client = null;
  }
};
