// Writing a checklist's states back into the file it was imported from: `prepdeck sync FILE --write`, from the
// web. Only a server that was given `fileWrites` does it (`prepdeck serve` on a loopback address): a server
// for many users must not write into its own disk on their behalf.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../app/context.js';
import { writeBackToSource } from '../../app/write-back/write-back.js';
import { ChecklistParams, errorResponses } from '../../contract/common.js';
import { WriteBackRequestJson, WriteBackResultJson } from '../../contract/write-back.js';
import { errorBody } from '../errors.js';

export interface FileWrites {
  /** Where the version each write replaces is kept (one per checklist). */
  backupDir: string;
}

const FILE_WRITES_OFF = 'this server does not write files; run `prepdeck sync FILE --write`';

export const fileRoutes: FastifyPluginAsyncTypebox<{ app: AppContext; fileWrites: FileWrites | null }> = async (server, { app, fileWrites }) => {
  server.post(
    '/checklists/:name/write',
    {
      schema: {
        summary:
          "Write each topic's state into the file the checklist was imported from, as task markers (`prepdeck sync FILE --write`); the file's own edits are brought in first. With dryRun, the diff and nothing written",
        params: ChecklistParams,
        body: WriteBackRequestJson,
        response: { 200: WriteBackResultJson, ...errorResponses(400, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      if (!fileWrites) return reply.status(403).send(errorBody('Forbidden', FILE_WRITES_OFF));
      const result = await writeBackToSource(app, request.params.name, { ...request.body, backupDir: fileWrites.backupDir });
      return result;
    },
  );
};
