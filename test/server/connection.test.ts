// A request whose URL Fastify can't route (a malformed %-escape, a parameter over the length limit) sent with a
// body, however framed: one response, then the server closes the connection, so the body is never read as a
// second request. Over a real socket, raw bytes: inject has no connection to show it.
import fc from 'fast-check';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeApp, openApp, type AppContext } from '../../src/app/context.js';
import { buildServer, LOOPBACK_HOSTS, type PrepdeckServer } from '../../src/server/app.js';

/** What the server sent on one connection until it closed it (or `null` when it kept it open past `waitMs`). */
function exchange(port: number, bytes: string, waitMs = 3000): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let received = '';
    const timer = setTimeout(() => {
      socket.destroy();
      resolve(null);
    }, waitMs);
    socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')));
    socket.on('end', () => {
      clearTimeout(timer);
      socket.destroy();
      resolve(received);
    });
    socket.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      if (error.code === 'ECONNRESET') resolve(received);
      else reject(error);
    });
    socket.write(bytes);
  });
}

// Not anchored to a line: a second response may follow the first body without a line break.
const statusLines = (response: string) => response.match(/HTTP\/1\.1 \d{3}/g) ?? [];

const METHODS = ['POST', 'PATCH', 'PUT', 'DELETE', 'GET'] as const;

/** A request line Fastify can't route: a broken %-escape anywhere, or a checklist name past the 256-character limit. */
const unroutable = fc.oneof(
  fc
    .tuple(
      fc.constantFrom(...METHODS),
      fc.constantFrom('/api/topics/', '/api/checklists/', '/api/checklists/prep/review/', '/api/imports/', '/'),
      fc.stringMatching(/^[a-z0-9]{0,8}$/),
      fc.constantFrom('%', '%E0%A4%A', '%zz', '%C3', '%%41', '%E0%80'),
      // Starting with a slash, so no hex digit completes the escape.
      fc.stringMatching(/^(\/[a-z0-9]{0,8})?$/),
    )
    .map(([method, prefix, before, escape, after]) => ({ method, path: `${prefix}${before}${escape}${after}` })),
  // The limit applies on a route that exists for the method; elsewhere the answer is an ordinary 404.
  fc
    .tuple(fc.constantFrom(['GET', '/tree'], ['POST', '/review/undo'], ['DELETE', ''], ['POST', '/write']), fc.integer({ min: 257, max: 4000 }))
    .map(([[method, rest], length]) => ({ method, path: `/api/checklists/${'n'.repeat(length)}${rest}` })),
);

const body = fc.oneof(fc.json(), fc.constant('{"state":"known"}'), fc.constant('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n'));

/** The body as a client might frame it: with its length, with none, with a wrong one, or chunked. */
const framing = fc.constantFrom('length', 'none', 'short', 'chunked');

function requestBytes(method: string, path: string, payload: string, frame: string): string {
  const head = `${method} ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n`;
  const length = Buffer.byteLength(payload);
  switch (frame) {
    case 'length':
      return `${head}Content-Length: ${length}\r\n\r\n${payload}`;
    case 'short':
      return `${head}Content-Length: ${Math.floor(length / 2)}\r\n\r\n${payload}`;
    case 'chunked':
      return `${head}Transfer-Encoding: chunked\r\n\r\n${length.toString(16)}\r\n${payload}\r\n0\r\n\r\n`;
    default:
      return `${head}\r\n${payload}`;
  }
}

describe('a request with an unroutable URL and a body', () => {
  let app: AppContext;
  let server: PrepdeckServer;
  let port: number;
  beforeAll(async () => {
    app = await openApp(':memory:');
    server = await buildServer({ app, allowedHosts: LOOPBACK_HOSTS });
    await server.listen({ host: '127.0.0.1', port: 0 });
    port = (server.server.address() as { port: number }).port;
  });
  afterAll(async () => {
    await server.close();
    await closeApp(app);
  });

  it('gets one 400, then the server closes the connection', async () => {
    const response = await exchange(port, requestBytes('PATCH', '/api/topics/%E0%A4%A', '{"state":"known"}', 'none'));
    expect(response).not.toBeNull();
    expect(statusLines(response!)).toEqual(['HTTP/1.1 400']);
    expect(response).toMatch(/"type":"BadRequest"/);
  });

  it('gets exactly one response whatever the URL, method, body and framing', { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(unroutable, body, framing, async ({ method, path }, payload, frame) => {
        const response = await exchange(port, requestBytes(method, path, payload, frame));
        expect(response, 'the connection stayed open').not.toBeNull();
        expect(statusLines(response!)).toEqual(['HTTP/1.1 400']);
      }),
      { numRuns: 150 },
    );
  });

  it('still answers a well-formed request on a connection of its own', async () => {
    const response = await exchange(port, 'GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n');
    expect(statusLines(response!)).toEqual(['HTTP/1.1 200']);
  });
});
