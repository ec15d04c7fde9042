// A server on 127.0.0.1 is reachable from any web page the user opens, through DNS rebinding (a page's
// own domain re-pointed at 127.0.0.1) or plain cross-site requests. prepdeck has no accounts, so it
// answers only requests addressed to it by a name it knows, and changes only from its own pages.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { errorBody } from './errors.js';

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The names a loopback server answers to. */
export const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]', '::1'];

/** Addresses that mean "every interface": clients then use one of the machine's own addresses. */
const WILDCARD_HOSTS = new Set(['0.0.0.0', '::', '[::]']);

/**
 * The names a server listening on `host` answers to: the loopback names, `host` itself (for a wildcard
 * address, each of the machine's `ownAddresses` instead), and the `extra` names the user allowed.
 */
export function servedHosts(host: string, ownAddresses: readonly string[], extra: readonly string[] = []): string[] {
  const listened = host.trim().toLowerCase();
  const served = WILDCARD_HOSTS.has(listened) ? ownAddresses : [listened];
  const names = [...served, ...extra].map((name) => {
    const lower = name.trim().toLowerCase();
    // A Host header writes an IPv6 address in brackets.
    return lower.includes(':') && !lower.startsWith('[') ? `[${lower}]` : lower;
  });
  return [...new Set([...LOOPBACK_HOSTS, ...names])].filter((name) => name !== '');
}

/**
 * The header prepdeck's pages send with every change. A page elsewhere can send it only after a CORS
 * preflight, which this server never approves; `web/src/lib/api.ts` sends it.
 */
export const CLIENT_HEADER = 'x-prepdeck-client';

function hostName(hostHeader: string): string {
  // `[::1]:4321` keeps its brackets; `localhost:4321` loses its port.
  const match = /^(\[[^\]]+\]|[^:]+)(?::\d+)?$/.exec(hostHeader.trim().toLowerCase());
  return match?.[1] ?? '';
}

export function refuseOtherHosts(server: FastifyInstance, allowedHosts: string[]): void {
  const allowed = new Set(allowedHosts.map((host) => host.toLowerCase()));
  server.addHook('onRequest', async (request, reply) => {
    const host = request.headers.host ?? '';
    if (!allowed.has(hostName(host))) {
      return reply
        .status(403)
        .send(errorBody('Forbidden', `this prepdeck server answers only to ${allowedHosts[0]}, not to '${host}'; open it at the URL it printed`));
    }
    return undefined;
  });
}

/**
 * Changes (POST, PUT, PATCH, DELETE) only from prepdeck's own pages, whatever the host: a foreign or `null`
 * Origin, or a browser saying the request is cross-site, is refused; and a change must carry the client header
 * or a body a form or a no-cors fetch can't send (JSON), so a browser that sends no Origin is covered too.
 */
export function refuseCrossSiteChanges(server: FastifyInstance): void {
  server.addHook('onRequest', async (request, reply) => {
    if (!UNSAFE_METHODS.has(request.method)) return undefined;
    const origin = request.headers.origin;
    if (origin !== undefined && !isOwnOrigin(origin, request.headers.host ?? '')) {
      return reply.status(403).send(errorBody('Forbidden', `changes are accepted only from prepdeck's own pages, not from ${origin}`));
    }
    const site = request.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin' && site !== 'none') {
      return reply.status(403).send(errorBody('Forbidden', `changes are accepted only from prepdeck's own pages, not from a ${site} page`));
    }
    if (!sentByScript(request)) {
      return reply
        .status(403)
        .send(
          errorBody(
            'Forbidden',
            `a change needs a JSON body (content-type: application/json) or the ${CLIENT_HEADER} header; prepdeck's pages send them`,
          ),
        );
    }
    return undefined;
  });
}

function isOwnOrigin(origin: string, host: string): boolean {
  try {
    // `null` (a sandboxed frame, a file) does not parse, so it is nobody's own.
    return new URL(origin).host.toLowerCase() === host.toLowerCase();
  } catch {
    return false;
  }
}

/** The content types a form or a no-cors fetch may send without asking the server first (a CORS preflight). */
const SIMPLE_CONTENT_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain']);

/** What a page elsewhere can't send without a preflight: the client header, or a body of another content type. */
function sentByScript(request: FastifyRequest): boolean {
  const clientHeader = request.headers[CLIENT_HEADER];
  if (typeof clientHeader === 'string' && clientHeader !== '') return true;
  const mediaType = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  return mediaType !== '' && !SIMPLE_CONTENT_TYPES.has(mediaType);
}
