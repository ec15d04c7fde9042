// Checklists: the list, one tree as in the file, and the dashboard.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { checklistRevision, listChecklists, loadTree, removeChecklist } from '../../app/checklists/checklists.js';
import type { AppContext } from '../../app/context.js';
import { loadDashboard } from '../../app/checklists/dashboard.js';
import { checklistSummaryJson } from '../../app/checklists/summary-json.js';
import { ChecklistListJson, ChecklistTreeJson, DashboardJson, RemovedChecklistJson } from '../../contract/checklists.js';
import { ChecklistParams, errorResponses } from '../../contract/common.js';
import { NotFoundError } from '../../core/errors.js';
import { exportJson } from '../../core/checklist/export.js';
import { Type } from 'typebox';

const NotModified = Type.Unsafe<undefined>({ description: 'not modified: the browser has this revision (ETag)' });

/** Sets the revision as the ETag (always revalidated); true when the browser has this revision already. */
function notModified(request: FastifyRequest, reply: FastifyReply, revision: string): boolean {
  const etag = `"${revision}"`;
  void reply.header('etag', etag).header('cache-control', 'no-cache');
  return request.headers['if-none-match'] === etag;
}

export const checklistRoutes: FastifyPluginAsyncTypebox<{ app: AppContext }> = async (server, { app }) => {
  const currentRevision = async (name: string): Promise<string> => {
    const revision = await checklistRevision(app, name);
    if (revision === null) throw new NotFoundError(`no checklist named '${name}'`);
    return revision;
  };

  server.get(
    '/checklists',
    { schema: { summary: 'The imported checklists with their progress', response: { 200: ChecklistListJson } } },
    async () => ({ checklists: (await listChecklists(app)).map(checklistSummaryJson) }),
  );

  // The tree is what the Checklist page loads on every visit and after every change: built and
  // serialized once per revision of the checklist, answered 304 when the browser has it already.
  const trees = new Map<string, { revision: string; json: string }>();
  server.get(
    '/checklists/:name/tree',
    {
      schema: {
        summary: 'A checklist as the file has it: sections, topics, resources and notes, with progress',
        params: ChecklistParams,
        response: {
          200: ChecklistTreeJson,
          304: NotModified,
          ...errorResponses(404),
        },
      },
    },
    async (request, reply) => {
      const { name } = request.params;
      const revision = await currentRevision(name);
      if (notModified(request, reply, revision)) return reply.status(304).send();
      let cached = trees.get(name);
      if (cached?.revision !== revision) {
        const { checklist, tree } = await loadTree(app, name);
        // Serialized by the route's own schema, so the cache holds exactly what the schema allows.
        cached = { revision, json: reply.serialize(exportJson(checklist, tree)) as string };
        trees.set(name, cached);
      }
      // A string with a JSON content type goes out as it is, without a second serialization.
      return reply.type('application/json; charset=utf-8').send(cached.json as unknown as ChecklistTreeJson);
    },
  );

  server.delete(
    '/checklists/:name',
    {
      schema: {
        summary: 'Remove a checklist with all its progress and history, for good',
        params: ChecklistParams,
        response: { 200: RemovedChecklistJson, ...errorResponses(404, 409) },
      },
    },
    async (request) => {
      const answer = await removeChecklist(app, request.params.name);
      trees.delete(answer.removed.name);
      return answer;
    },
  );

  server.get(
    '/checklists/:name/dashboard',
    {
      schema: {
        summary: 'Progress overall and per section, activity per day, likely duplicates',
        params: ChecklistParams,
        response: { 200: DashboardJson, 304: NotModified, ...errorResponses(404) },
      },
    },
    async (request, reply) => {
      const { name } = request.params;
      // The activity's study days turn at an hour of the checklist's time zone (or change with its settings): the
      // browser keeps an answer for the rest of the UTC hour at most.
      if (notModified(request, reply, `${await currentRevision(name)}.${app.now().slice(0, 13)}`)) return reply.status(304).send();
      return loadDashboard(app, name);
    },
  );
};
