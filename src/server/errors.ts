// One place maps failures to HTTP: the app's typed errors to 4xx with their message, validation to 400
// naming the field, anything unexpected to a bare 500 (logged, never sent).
import type { FastifyError, FastifyInstance } from 'fastify';
import type { ErrorJson } from '../core/api.js';
import { AmbiguousError, ConflictError, InvalidInputError, NotFoundError, PayloadTooLargeError, PrepdeckError } from '../core/errors.js';

function statusOf(error: PrepdeckError): number {
  if (error instanceof PayloadTooLargeError) return 413;
  if (error instanceof NotFoundError) return 404;
  if (error instanceof AmbiguousError || error instanceof ConflictError) return 409;
  if (error instanceof InvalidInputError) return 400;
  return 500;
}

export function errorBody(type: string, message: string, extra: Partial<ErrorJson['error']> = {}): ErrorJson {
  return { error: { type, message, ...extra } };
}

export function registerErrorHandling(server: FastifyInstance): void {
  server.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof PrepdeckError) {
      const status = statusOf(error);
      if (status >= 500) request.log.error({ err: error }, 'store failure');
      const candidates = error instanceof AmbiguousError ? { candidates: error.candidates } : {};
      return reply.status(status).send(errorBody(error.name, error.message, candidates));
    }
    if (error.validation) {
      return reply.status(400).send(errorBody('ValidationError', error.message));
    }
    // Fastify's own client errors: malformed JSON, a body over the limit, a wrong content type.
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      return reply.status(status).send(errorBody(error.code ?? 'BadRequest', clientMessage(error, status)));
    }
    request.log.error({ err: error }, 'unexpected error');
    return reply.status(500).send(errorBody('InternalError', 'something went wrong on the server; the log has the details'));
  });
}

function clientMessage(error: FastifyError, status: number): string {
  if (status === 413) return 'the request body is too large; checklists over 10 MB are refused';
  return error.message;
}
