// The HTTP server as a function of the app: build it, inject into it in tests, listen only in `serve`.
import fastifyCompress from '@fastify/compress';
import fastifySwagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, {
  LogController,
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyReply,
  type FastifyServerOptions,
  type RawReplyDefaultExpression,
  type RawRequestDefaultExpression,
  type RawServerDefault,
} from 'fastify';
import type { AppContext } from '../app/context.js';
import { COMPONENTS } from '../contract/components.js';
import { answerUnparsableRequest, errorBody, registerErrorHandling } from './errors.js';
import { refuseCrossSiteChanges, refuseOtherHosts } from './hosts.js';
import { BODY_LIMIT_BYTES } from './limits.js';
import { applicationPartRoutes } from './routes/application-parts.js';
import { applicationRoutes } from './routes/applications.js';
import { checklistRoutes } from './routes/checklists.js';
import { fileRoutes, type FileWrites } from './routes/file.js';
import { healthRoutes } from './routes/health.js';
import { huntRoutes } from './routes/hunt.js';
import { importRoutes } from './routes/imports.js';
import { reviewRoutes } from './routes/review.js';
import { roundRoutes } from './routes/rounds.js';
import { storyRoutes } from './routes/stories.js';
import { planRoutes } from './routes/plan.js';
import { topicRoutes } from './routes/topics.js';
import { buildValidatorCompiler, formatValidationError } from './validation.js';
import { registerWebUi } from './web.js';

export { CLIENT_HEADER, LOOPBACK_HOSTS, servedHosts } from './hosts.js';

export interface ServerOptions {
  app: AppContext;
  /** The built web UI (dist/web); without it the server answers the API only. */
  webRoot?: string | null;
  logger?: FastifyServerOptions['logger'] | FastifyBaseLogger;
  /**
   * Host names the server answers to (`localhost`, `127.0.0.1` ...; see `servedHosts`); null answers any.
   * `prepdeck serve` always lists them, so a web page can't reach it through DNS rebinding.
   */
  allowedHosts?: string[] | null;
  /** A log line per request; off by default, so the terminal that shows the URL stays readable. */
  logRequests?: boolean;
  version?: string;
  /**
   * Lets POST /api/checklists/:name/write write into the files checklists were imported from; null or absent
   * refuses it (403). Only for a server that is the user's own: one serving many must not write into its disk for them.
   */
  fileWrites?: FileWrites | null;
}

export type PrepdeckServer = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

/** The same options in production and in tests, so tests exercise what users run. */
function fastifyOptions(options: ServerOptions): FastifyServerOptions {
  const logger = options.logger ?? false;
  return {
    ...(typeof logger === 'object' && 'child' in logger ? { loggerInstance: logger } : { logger }),
    bodyLimit: BODY_LIMIT_BYTES,
    logController: new LogController({ disableRequestLogging: !options.logRequests }),
    // Finish what is in flight on close, refuse new work with 503 meanwhile.
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    schemaErrorFormatter: formatValidationError,
    // Checklist names can be long (the schemas allow 200 characters); Fastify's default is 100.
    routerOptions: { maxParamLength: 256 },
    // Errors Fastify meets before routing (a malformed %-escape), in the shape of every other error. The connection
    // closes after it: what follows such a request (its body, however framed) must not be read as another one.
    frameworkErrors: (error, _request, reply) => {
      void (reply as FastifyReply)
        .status(400)
        .header('connection', 'close')
        .send(errorBody('BadRequest', `the request's URL is malformed (${error.message})`));
    },
    clientErrorHandler: answerUnparsableRequest,
  };
}

export async function buildServer(options: ServerOptions): Promise<PrepdeckServer> {
  const server = Fastify(fastifyOptions(options)).withTypeProvider<TypeBoxTypeProvider>();
  server.setValidatorCompiler(buildValidatorCompiler());
  if (options.allowedHosts) refuseOtherHosts(server, options.allowedHosts);
  // On every host: a page anywhere can send a change to any address the user's browser reaches.
  refuseCrossSiteChanges(server);
  // Registered once, so the contract's $refs resolve in serialization and OpenAPI lists them as components.
  for (const schema of COMPONENTS) server.addSchema(schema);
  registerErrorHandling(server);
  closeConnectionsWhenClosing(server);
  await server.register(fastifyCompress, { global: true, threshold: 1024 });
  await server.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'prepdeck',
        version: options.version ?? '0.0.0',
        description:
          'Interview-prep checklists: their trees, progress, topics and imports; reviewing them with spaced repetition (FSRS); the job hunt: applications through their stages against your criteria.',
      },
    },
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json['$id'] === 'string' ? json['$id'] : `def-${i}`) },
  });

  const { app } = options;
  await server.register(healthRoutes, { app });
  await server.register(
    async (api) => {
      await api.register(checklistRoutes, { app });
      await api.register(topicRoutes, { app });
      await api.register(importRoutes, { app });
      await api.register(reviewRoutes, { app });
      await api.register(fileRoutes, { app, fileWrites: options.fileWrites ?? null });
      await api.register(huntRoutes, { app });
      await api.register(applicationRoutes, { app });
      await api.register(applicationPartRoutes, { app });
      await api.register(roundRoutes, { app });
      await api.register(storyRoutes, { app });
      await api.register(planRoutes, { app });
      api.get('/openapi.json', { schema: { hide: true } }, async () => server.swagger());
    },
    { prefix: '/api' },
  );
  await registerWebUi(server, options.webRoot ?? null);
  return server;
}

/**
 * Node closes the idle keep-alive connections when the server closes, but not the ones busy at that
 * moment: once their response is out they would sit idle and hold the close up until the client lets
 * go. Each response finished while closing sweeps them again.
 */
function closeConnectionsWhenClosing(server: PrepdeckServer): void {
  let closing = false;
  const sweep = () => server.server.closeIdleConnections();
  server.addHook('preClose', async () => {
    closing = true;
    sweep();
  });
  server.addHook('onResponse', async () => {
    // Next tick: the connection counts as idle only once the response's own bookkeeping is done.
    if (closing) setImmediate(sweep);
  });
}
