// Expected failures, typed so that each adapter maps them once (exit codes, HTTP statuses).

/** Base of every failure a user can act on; its message is one line meant for them. */
export class PrepdeckError extends Error {
  override name = 'PrepdeckError';
}

/** The input can't be used: a binary file, a bad state name, an empty query. */
export class InvalidInputError extends PrepdeckError {
  override name = 'InvalidInputError';
}

/** The input is over a size limit (a checklist over 10 MB). */
export class PayloadTooLargeError extends InvalidInputError {
  override name = 'PayloadTooLargeError';
}

/** No such checklist, topic or file. */
export class NotFoundError extends PrepdeckError {
  override name = 'NotFoundError';
}

/** A reference matched more than one thing; the candidates let the user pick. */
export class AmbiguousError extends PrepdeckError {
  override name = 'AmbiguousError';
  constructor(
    message: string,
    readonly candidates: Array<{ id: number; label: string }>,
  ) {
    super(message);
  }
}

/** Someone else changed the same data first. */
export class ConflictError extends PrepdeckError {
  override name = 'ConflictError';
}
