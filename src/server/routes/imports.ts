// Imports from the browser: preview what would change, then apply it.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../app/context.js';
import { checklistFromUpload, checklistNameFromPath } from '../../app/import/import-checklist.js';
import { importChecklistOffThread } from '../../app/import/off-thread.js';
import { errorResponses } from '../../contract/common.js';
import { ImportRequestJson, ImportResultJson } from '../../contract/imports.js';
import { IMPORT_BODY_LIMIT_BYTES } from '../limits.js';

export const importRoutes: FastifyPluginAsyncTypebox<{ app: AppContext }> = async (server, { app }) => {
  const run = (body: ImportRequestJson, dryRun: boolean) => {
    const file = checklistFromUpload(body.text, body.fileName);
    const name = body.name?.trim() || (body.fileName ? checklistNameFromPath(body.fileName) : 'checklist');
    // A large upload is parsed in a worker thread: the server keeps answering other requests meanwhile.
    return importChecklistOffThread(app, { file, name, topics: body.topics, dryRun });
  };
  const schema = (summary: string) => ({
    summary,
    body: ImportRequestJson,
    response: { 200: ImportResultJson, ...errorResponses(400, 409, 413) },
  });

  server.post(
    '/imports/preview',
    { bodyLimit: IMPORT_BODY_LIMIT_BYTES, schema: schema('What importing this Markdown would do; writes nothing') },
    async (request) => run(request.body, true),
  );
  server.post(
    '/imports',
    { bodyLimit: IMPORT_BODY_LIMIT_BYTES, schema: schema('Import this Markdown, or re-import it into the same name keeping all progress') },
    async (request) => run(request.body, false),
  );
};
