// Writing a checklist's states back into the file it was imported from: `prepdeck sync FILE --write`, from the
// web. Only a server that was given `fileWrites` does it (`prepdeck serve` on a loopback address): a server
// for many users must not write into its own disk on their behalf.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { selectChecklists } from '../../app/checklists/checklists.js';
import type { AppContext } from '../../app/context.js';
import { readChecklistFile } from '../../app/import/import-checklist.js';
import { writeBackChecklist } from '../../app/write-back/sync.js';
import { ChecklistParams, errorResponses } from '../../contract/common.js';
import { WriteBackRequestJson, WriteBackResultJson } from '../../contract/write-back.js';
import { ConflictError, NotFoundError } from '../../core/errors.js';
import { errorBody } from '../errors.js';

export interface FileWrites {
  /** Where the version each write replaces is kept (one per checklist). */
  backupDir: string;
}

const FILE_WRITES_OFF = 'this server does not write files; run `prepdeck sync FILE --write`';

/** A shell word for a checklist name in a message (names may hold spaces and quotes). */
const shellWord = (text: string) => (/^[\w.@%+=:,-]+$/u.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`);

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
      const [checklist] = await selectChecklists(app, request.params.name);
      const { name, sourcePath } = checklist!;
      if (sourcePath === null) {
        throw new ConflictError(
          `'${name}' has no file behind it (uploaded, pasted, or the bundled example), so there is nothing to write; \`prepdeck export --format md -c ${shellWord(name)}\` gives its Markdown`,
        );
      }
      // Read here, so that a file gone from disk says which checklist it was and what to do.
      const file = await readChecklistFile(sourcePath).catch((error: unknown) => {
        if (error instanceof NotFoundError) {
          throw new ConflictError(
            `${sourcePath}, the file '${name}' was imported from, is not there any more; import it again from where it is now (\`prepdeck import FILE --name ${shellWord(name)}\`)`,
          );
        }
        throw error;
      });
      const { dryRun, all, cards, skipped } = request.body;
      const result = await writeBackChecklist(app, { path: sourcePath, name, file, dryRun, all, cards, skipped, backupDir: fileWrites.backupDir });
      const answer: WriteBackResultJson = { file: result.file, readIn: result.readIn, writeBack: result.writeBack! };
      return answer;
    },
  );
};
