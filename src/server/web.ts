// The built web UI from the same origin as the API: hashed assets cached for good, index.html for every
// page route (the UI routes in the browser), and headers that keep user Markdown from running scripts.
import fastifyStatic from '@fastify/static';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { errorBody } from './errors.js';
import { pagePreloadTags, withPreloads } from './page-preloads.js';

/** Defence in depth behind the sanitiser: no inline or foreign script, no plugins, no framing. */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: https:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export async function registerWebUi(server: FastifyInstance, webRoot: string | null): Promise<void> {
  const hasUi = webRoot !== null && existsSync(join(webRoot, 'index.html'));
  server.addHook('onSend', async (_request, reply, payload) => {
    void reply.header('x-content-type-options', 'nosniff').header('referrer-policy', 'no-referrer');
    if (String(reply.getHeader('content-type') ?? '').startsWith('text/html')) {
      void reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
    }
    return payload;
  });

  // The pages whose HTML names their code and first reads, read once: a rebuild means a restart (new asset names).
  const preloadedPages = new Map<string, string>();
  if (hasUi) {
    const html = readFileSync(join(webRoot, 'index.html'), 'utf8');
    for (const [path, tags] of pagePreloadTags(webRoot)) preloadedPages.set(path, withPreloads(html, tags));
    await server.register(fastifyStatic, {
      root: webRoot,
      wildcard: false,
      index: false,
      // The build writes .br and .gz beside each script and stylesheet (web/vite.config.ts#precompress).
      preCompressed: true,
      // Our own cache-control below; the plugin's default (max-age=0) would overwrite it.
      cacheControl: false,
      setHeaders: (res, path) => {
        // Vite names every asset by its content hash: a changed file is a new name.
        const immutable = path.startsWith(join(webRoot, 'assets'));
        res.setHeader('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
        // A script or stylesheet goes out as its .br or .gz, or as is, by the request's Accept-Encoding.
        if (immutable) res.setHeader('vary', 'accept-encoding');
      },
    });
    // Served by hand so that `/` gets the same headers as every other page route.
    server.get('/', { schema: { hide: true } }, (_request, reply) => reply.header('cache-control', 'no-cache').sendFile('index.html'));
  }

  server.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    const isPage = (request.method === 'GET' || request.method === 'HEAD') && !path.startsWith('/api/') && !/\.\w+$/.test(path);
    if (hasUi && isPage) {
      void reply.header('cache-control', 'no-cache');
      const preloaded = preloadedPages.get(path.replace(/(.)\/$/, '$1'));
      return preloaded === undefined ? reply.sendFile('index.html') : reply.type('text/html; charset=utf-8').send(preloaded);
    }
    const message = hasUi || path.startsWith('/api/') ? `no such route: ${request.method} ${path}` : 'the web UI is not built; run `npm run build`';
    return reply.status(404).send(errorBody('NotFound', message));
  });
}
