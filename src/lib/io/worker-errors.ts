/**
 * The io workers' failures on the worker protocol (`$lib/workers/rpc`): an IoError crosses as its
 * message key and parameters; a refused write names its reason; anything else is "failed".
 */
import { WriteError } from '$lib/db/validate';
import type { WorkerErrors } from '$lib/workers/rpc';
import { IoError, type IoErrorCode } from './errors';

export function toIoError(e: unknown): IoError {
  if (e instanceof IoError) return e;
  if ((e as Error)?.name === 'AbortError') return new IoError('io.error.cancelled');
  if (e instanceof WriteError) return new IoError('io.error.write', { code: e.problem.code, field: e.problem.field ?? '' });
  console.error(e);
  return new IoError('io.error.failed');
}

export const ioErrors: WorkerErrors = {
  failed: 'io.error.failed',
  cancelled: 'io.error.cancelled',
  encode(e) {
    const io = toIoError(e);
    return { code: io.code, params: io.params };
  },
  decode: (code, params) => new IoError(code as IoErrorCode, params)
};
