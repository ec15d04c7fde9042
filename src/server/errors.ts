// One place maps failures to HTTP: the app's typed errors to 4xx with their message, validation to 400
// naming the field, anything unexpected to a bare 500 (logged, never sent).
import { STATUS_CODES, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance } from 'fastify';
import type { ErrorJson } from '../contract/common.js';
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
      const { type, message } = clientError(error, status, request.routeOptions.bodyLimit);
      return reply.status(status).send(errorBody(type, message));
    }
    request.log.error({ err: error }, 'unexpected error');
    return reply.status(500).send(errorBody('InternalError', 'something went wrong on the server; the log has the details'));
  });
}

/** Fastify's codes (FST_ERR_...) are its internals; the client gets a plain type and a message to act on. */
function clientError(error: FastifyError, status: number, bodyLimit: number | undefined): { type: string; message: string } {
  switch (status) {
    case 413: {
      const limit = bodyLimit ? `${Math.round(bodyLimit / 1024)} KB` : 'the limit';
      return { type: 'PayloadTooLarge', message: `the request body is over ${limit}; send less (a checklist may be up to 10 MB)` };
    }
    case 415:
      return { type: 'UnsupportedMediaType', message: 'send the body as JSON, with content-type: application/json' };
    case 400:
      return { type: 'BadRequest', message: error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ? 'the body is not valid JSON' : error.message };
    default:
      return { type: 'BadRequest', message: error.message };
  }
}

/**
 * Fastify's answer to bytes Node can't parse as a request, except on a connection that already has a response
 * in flight (bytes after a malformed URL, say): that response is the only one, and the connection closes after it.
 */
export function answerUnparsableRequest(this: FastifyInstance, error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  // Node's own clientError default checks the same property: the response being written on this socket.
  const inFlight = (socket as Socket & { _httpMessage?: ServerResponse | null })._httpMessage;
  if (inFlight) {
    if (inFlight.writableFinished) socket.end();
    else inFlight.once('finish', () => socket.end());
    return;
  }
  const [code, message] =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? [408, 'Client Timeout']
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'Exceeded maximum allowed HTTP header size']
        : [400, 'Client Error'];
  const status = STATUS_CODES[code]!;
  const body = JSON.stringify({ error: status, message, statusCode: code });
  this.log.trace({ err: error }, 'client error');
  if (socket.writable) socket.write(`HTTP/1.1 ${code} ${status}\r\nContent-Length: ${body.length}\r\nContent-Type: application/json\r\n\r\n${body}`);
  socket.destroy(error);
}
