// Liveness and readiness in one: the process answers and the database does.
import type { FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';
import { listChecklists } from '../../app/checklists/checklists.js';
import type { AppContext } from '../../app/context.js';

export const healthRoutes: FastifyPluginAsync<{ app: AppContext }> = async (server, { app }) => {
  server.get(
    '/healthz',
    { schema: { hide: true, response: { 200: Type.Object({ status: Type.Literal('ok'), checklists: Type.Integer() }) } } },
    async () => ({ status: 'ok' as const, checklists: (await listChecklists(app)).length }),
  );
};
