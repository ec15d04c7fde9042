// Expected store failures: one line a user can act on, never a stack trace.
import { ConflictError, PrepdeckError } from '../core/errors.js';

// Another writer got in the way: the core's ConflictError, so each adapter maps one conflict type.
export { ConflictError };

export type StoreErrorCode = 'cannot-open' | 'cannot-connect' | 'migration-failed' | 'read-only';

export class StoreError extends PrepdeckError {
  override name = 'StoreError';
  constructor(
    readonly code: StoreErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
