/**
 * The page's handles on the io workers. Each is created on demand (a dynamic import of this
 * module and a `new Worker`), so neither the workers nor ExcelJS weigh on the first page.
 */
import { WorkerClient } from '$lib/workers/rpc';
import { ioErrors } from './worker-errors';

export function importWorker(): WorkerClient {
  return new WorkerClient(new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' }), ioErrors);
}

export function exportWorker(): WorkerClient {
  return new WorkerClient(new Worker(new URL('./export.worker.ts', import.meta.url), { type: 'module' }), ioErrors);
}

/** Offer bytes to the user as a download. */
export function download(bytes: Uint8Array, fileName: string, mime: string) {
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
