// A server on 127.0.0.1 is reachable from any web page the user opens, through DNS rebinding (a page's
// own domain re-pointed at 127.0.0.1) or plain cross-site requests. prepdeck has no accounts, so it
// answers only requests addressed to it by a name it knows, and changes only from its own pages.
import type { FastifyInstance } from 'fastify';
import { errorBody } from './errors.js';

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The names a loopback server answers to. */
export const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]', '::1'];

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
    const origin = request.headers.origin;
    if (UNSAFE_METHODS.has(request.method) && origin !== undefined && origin !== 'null') {
      let originHost = '';
      try {
        originHost = new URL(origin).host.toLowerCase();
      } catch {
        // An unparseable origin is nobody's: refused below.
      }
      if (originHost !== host.toLowerCase()) {
        return reply.status(403).send(errorBody('Forbidden', `changes are accepted only from prepdeck's own pages, not from ${origin}`));
      }
    }
    return undefined;
  });
}
