// Applications: the board's list and its CSV, one application in full, and what a user does to one (edit, archive,
// move through the stages, mark against the criteria, delete for good when asked in words).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../app/context.js';
import {
  addApplication,
  applicationById,
  deleteApplication,
  listApplications,
  markApplication,
  moveApplication,
  updateApplication,
} from '../../app/hunt/applications.js';
import { applicationsCsv } from '../../app/hunt/export-csv.js';
import { getHunt } from '../../app/hunt/hunt.js';
import { errorResponses } from '../../contract/common.js';
import {
  ApplicationCreateJson,
  ApplicationDetailJson,
  ApplicationListJson,
  ApplicationListQuery,
  ApplicationPatchJson,
  ApplicationPatchResultJson,
  HardDeleteQuery,
  HuntIdParams,
  MarkParams,
  MarkPutJson,
  MoveJson,
  MoveResultJson,
} from '../../contract/hunt.js';
import { requireDeleteConfirmation } from '../validation.js';

const Deleted = Type.Unsafe<undefined>({ description: 'deleted, with its history, contacts, follow-ups and offer' });
const CSV_DESCRIPTION = 'RFC 4180 CSV, UTF-8 with a BOM, a header row then one row per application';
const CsvText = Type.String({ description: CSV_DESCRIPTION });

export const applicationRoutes: FastifyPluginAsyncTypebox<{ app: AppContext }> = async (server, { app }) => {
  server.get(
    '/hunt/applications',
    {
      schema: {
        summary: 'Applications with their fit and next follow-up, by stage, tag or words; archived ones only when asked',
        querystring: ApplicationListQuery,
        response: { 200: ApplicationListJson, ...errorResponses(400) },
      },
    },
    async (request) => listApplications(app, request.query),
  );

  server.get(
    '/hunt/applications.csv',
    {
      schema: {
        summary: 'The same applications as CSV for a spreadsheet; 404 when none matches',
        querystring: ApplicationListQuery,
        response: { 200: { description: CSV_DESCRIPTION, content: { 'text/csv': { schema: CsvText } } }, ...errorResponses(400, 404) },
      },
    },
    async (request, reply) => {
      const [csv, { today }] = await Promise.all([applicationsCsv(app, request.query), getHunt(app)]);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="prepdeck-applications-${today}.csv"`)
        .send(csv);
    },
  );

  server.post(
    '/hunt/applications',
    {
      schema: {
        summary: 'Add an application (only the company is required), in the first stage unless another is given',
        body: ApplicationCreateJson,
        response: { 201: ApplicationDetailJson, ...errorResponses(400, 409) },
      },
    },
    async (request, reply) => reply.status(201).send(await addApplication(app, request.body)),
  );

  server.get(
    '/hunt/applications/:id',
    {
      schema: {
        summary: 'An application with its marks, stage history, contacts, follow-ups and offer',
        params: HuntIdParams,
        response: { 200: ApplicationDetailJson, ...errorResponses(400, 404) },
      },
    },
    async (request) => applicationById(app, request.params.id),
  );

  server.patch(
    '/hunt/applications/:id',
    {
      schema: {
        summary: 'Change the fields given, or archive and restore it; the stage moves only through /moves',
        params: HuntIdParams,
        body: ApplicationPatchJson,
        response: { 200: ApplicationPatchResultJson, ...errorResponses(400, 404, 409) },
      },
    },
    async (request) => updateApplication(app, request.params.id, request.body),
  );

  server.delete(
    '/hunt/applications/:id',
    {
      schema: {
        summary: 'Delete an application for good, its history included, only with ?confirm=delete (archiving keeps it)',
        params: HuntIdParams,
        querystring: HardDeleteQuery,
        response: { 204: Deleted, ...errorResponses(400, 404, 409) },
      },
      // A missing confirmation gets a message saying how to confirm, not the bare schema error.
      attachValidation: true,
    },
    async (request, reply) => {
      requireDeleteConfirmation(request, 'the application with its whole history');
      await deleteApplication(app, request.params.id);
      return reply.status(204).send();
    },
  );

  server.post(
    '/hunt/applications/:id/moves',
    {
      schema: {
        summary: 'Move an application to a stage, kept in its history; with `from` (the stage the client saw), 409 when it has moved since',
        params: HuntIdParams,
        body: MoveJson,
        response: { 200: MoveResultJson, ...errorResponses(400, 404, 409) },
      },
    },
    async (request) => moveApplication(app, request.params.id, request.body),
  );

  server.put(
    '/hunt/applications/:id/marks/:criterionId',
    {
      schema: {
        summary: 'Mark an application against a criterion: yes, no or unknown, with an optional note',
        params: MarkParams,
        body: MarkPutJson,
        response: { 200: ApplicationDetailJson, ...errorResponses(400, 404, 409) },
      },
    },
    async (request) => markApplication(app, request.params.id, request.params.criterionId, request.body),
  );
};
