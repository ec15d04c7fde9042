// Writing a checklist's states back into the file it was imported from: `prepdeck sync FILE --write`, from the
// web. Only a server that was given `fileWrites` does it (`prepdeck serve` on a loopback address): a server
// for many users must not write into its own disk on their behalf.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../app/context.js';
import { writeBackToSource } from '../../app/write-back/write-back.js';
import type { ErrorJson, WriteBackResultJson } from '../../core/api.js';
import { errorBody } from '../errors.js';
import { ChecklistParams, errorResponses, WriteBackRequest, WriteBackResult } from '../schemas.js';

export interface FileWrites {
  /** Where the version each write replaces is kept (one per checklist). */
  backupDir: string;
}

/** Named, so that the type provider lets the handler answer 403 itself. */
const ErrorRef = Type.Unsafe<ErrorJson>(Type.Ref('Error'));

const FILE_WRITES_OFF = 'this server does not write files; run `prepdeck sync FILE --write`';

export const fileRoutes: FastifyPluginAsyncTypebox<{ app: AppContext; fileWrites: FileWrites | null }> = async (server, { app, fileWrites }) => {
  server.post(
    '/checklists/:name/write',
    {
      schema: {
        summary:
          "Write each topic's state into the file the checklist was imported from, as task markers (`prepdeck sync FILE --write`); the file's own edits are brought in first. With dryRun, the diff and nothing written",
        params: ChecklistParams,
        body: WriteBackRequest,
        response: { 200: WriteBackResult, 403: ErrorRef, ...errorResponses(400, 404, 409) },
      },
    },
    async (request, reply) => {
      if (!fileWrites) return reply.status(403).send(errorBody('Forbidden', FILE_WRITES_OFF));
      const result = await writeBackToSource(app, request.params.name, { ...request.body, backupDir: fileWrites.backupDir });
      const answer: WriteBackResultJson = result;
      return answer;
    },
  );
};
