/**
 * A small request/response protocol between the page and a worker: every request has an id,
 * the worker answers once (a result, or an error as a code with parameters) and may send progress
 * before that. `cancel` aborts the request running in the worker. How an error becomes a code and
 * back is the caller's (`WorkerErrors`): the io workers speak IoErrors (`io/worker-errors.ts`).
 */
export type Progress = { done: number; total: number; phase?: string };

export type ErrorParams = Record<string, string | number>;

export type WorkerRequest = { id: number; type: string; payload: unknown };
export type WorkerReply =
  | { id: number; kind: 'progress'; progress: Progress }
  | { id: number; kind: 'result'; result: unknown }
  | { id: number; kind: 'error'; code: string; params: ErrorParams };

export interface HandlerContext {
  signal: AbortSignal;
  progress(p: Progress): void;
  /** buffers to hand over instead of copying */
  transfer: Transferable[];
}

export type Handlers = Record<string, (payload: never, ctx: HandlerContext) => Promise<unknown> | unknown>;

/** How failures cross the worker boundary: encoded in the worker, decoded on the page. */
export interface WorkerErrors {
  encode(e: unknown): { code: string; params: ErrorParams };
  decode(code: string, params: ErrorParams): Error;
  /** codes of the two failures the protocol makes itself */
  failed: string;
  cancelled: string;
}

/** A failure of a worker without error codes of its own. */
export class WorkerError extends Error {
  constructor(
    readonly code: string,
    readonly params: ErrorParams = {}
  ) {
    super(code);
    this.name = 'WorkerError';
  }
}

export const plainErrors: WorkerErrors = {
  failed: 'failed',
  cancelled: 'cancelled',
  encode(e) {
    if (e instanceof WorkerError) return { code: e.code, params: e.params };
    if ((e as Error)?.name === 'AbortError') return { code: 'cancelled', params: {} };
    console.error(e);
    return { code: 'failed', params: {} };
  },
  decode: (code, params) => new WorkerError(code, params)
};

/** The worker side: answer requests with `handlers`. */
export function serve(
  scope: { onmessage: unknown; postMessage(m: unknown, t?: Transferable[]): void },
  handlers: Handlers,
  errors: WorkerErrors = plainErrors
) {
  const running = new Map<number, AbortController>();
  scope.onmessage = async (e: MessageEvent<WorkerRequest | { type: 'cancel'; id: number }>) => {
    const msg = e.data;
    if (msg.type === 'cancel') {
      running.get(msg.id)?.abort();
      return;
    }
    const { id, type, payload } = msg as WorkerRequest;
    const controller = new AbortController();
    running.set(id, controller);
    let last = 0;
    const ctx: HandlerContext = {
      signal: controller.signal,
      transfer: [],
      progress: (progress) => {
        const now = performance.now();
        // at most ~20 messages a second, and always the last one
        if (now - last < 50 && progress.done < progress.total) return;
        last = now;
        scope.postMessage({ id, kind: 'progress', progress } satisfies WorkerReply);
      }
    };
    try {
      const handler = handlers[type];
      if (!handler) throw errors.decode(errors.failed, { request: type });
      const result = await handler(payload as never, ctx);
      scope.postMessage({ id, kind: 'result', result } satisfies WorkerReply, ctx.transfer);
    } catch (err) {
      const { code, params } = errors.encode(err);
      scope.postMessage({ id, kind: 'error', code, params } satisfies WorkerReply);
    } finally {
      running.delete(id);
    }
  };
}

/** The page side of one worker. */
export class WorkerClient {
  readonly #worker: Worker;
  readonly #errors: WorkerErrors;
  #next = 1;
  readonly #pending = new Map<number, { resolve(v: unknown): void; reject(e: unknown): void; onProgress?: (p: Progress) => void }>();

  constructor(worker: Worker, errors: WorkerErrors = plainErrors) {
    this.#worker = worker;
    this.#errors = errors;
    worker.onmessage = (e: MessageEvent<WorkerReply>) => {
      const reply = e.data;
      const p = this.#pending.get(reply.id);
      if (!p) return;
      if (reply.kind === 'progress') p.onProgress?.(reply.progress);
      else {
        this.#pending.delete(reply.id);
        if (reply.kind === 'result') p.resolve(reply.result);
        else p.reject(errors.decode(reply.code, reply.params));
      }
    };
    worker.onerror = () => {
      for (const p of this.#pending.values()) p.reject(errors.decode(errors.failed, {}));
      this.#pending.clear();
    };
  }

  /** Send a request; `requestId` (called at once) tells the id, for `cancel`. */
  call<T>(type: string, payload: unknown, onProgress?: (p: Progress) => void, requestId?: (id: number) => void): Promise<T> {
    const id = this.#next++;
    requestId?.(id);
    return new Promise<T>((resolve, reject) => {
      this.#pending.set(id, { resolve: resolve as (v: unknown) => void, reject, onProgress });
      this.#worker.postMessage({ id, type, payload } satisfies WorkerRequest);
    });
  }

  cancel(id: number) {
    this.#worker.postMessage({ type: 'cancel', id });
  }

  terminate() {
    this.#worker.terminate();
    for (const p of this.#pending.values()) p.reject(this.#errors.decode(this.#errors.cancelled, {}));
    this.#pending.clear();
  }
}
