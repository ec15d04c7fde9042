// The gaps across every round, and the bank of behavioural stories with its competencies: write, edit, archive,
// rehearse and undo, delete for good when asked in words; add, rename and reorder competencies.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../app/context.js';
import { gaps } from '../../app/interviews/gaps.js';
import { refuseUnknownKind } from '../../app/interviews/rounds.js';
import {
  addCompetency,
  addStory,
  deleteStory,
  reviewStory,
  storyBank,
  storyDetail,
  undoStoryReview,
  updateCompetency,
  updateStory,
} from '../../app/interviews/stories.js';
import { errorResponses } from '../../contract/common.js';
import { HardDeleteQuery } from '../../contract/hunt.js';
import {
  CompetencyCreateJson,
  CompetencyParams,
  CompetencyPatchJson,
  GapsJson,
  GapsQuery,
  InterviewIdParams,
  StoryBankJson,
  StoryCreateJson,
  StoryJson,
  StoryPatchJson,
  StoryReviewJson,
} from '../../contract/interviews.js';
import { requireDeleteConfirmation } from '../validation.js';

const Deleted = Type.Unsafe<undefined>({ description: 'deleted, with its rehearsals and its links to questions' });

/**
 * The gaps the query asks for; a kind that is neither one of the usual kinds nor one any round has is bad input
 * naming the nearest kind (as `GET /api/rounds` and the CLI's `gaps --kind` refuse it), not an empty answer.
 */
async function gapsOfKnownKind(app: AppContext, query: GapsQuery): Promise<GapsJson> {
  const result = await gaps(app, query);
  await refuseUnknownKind(app, query.kind, result.rounds);
  return result;
}

export const storyRoutes: FastifyPluginAsyncTypebox<{ app: AppContext }> = async (server, { app }) => {
  server.get(
    '/gaps',
    {
      schema: {
        summary:
          'What interviewers asked about across every round, per topic and per section, worst gap first (asked in many rounds, went badly, recall low); by round kind (400 naming the nearest when no round has it and it is not a usual kind), period (local dates in the hunt’s zone) and checklist',
        querystring: GapsQuery,
        response: { 200: GapsJson, ...errorResponses(400) },
      },
    },
    async (request) => gapsOfKnownKind(app, request.query),
  );

  server.get(
    '/stories',
    {
      schema: {
        summary:
          'The bank of behavioural (STAR) stories, archived ones last, and the matrix of competencies: which have no story, only a stale one, a fresh one',
        response: { 200: StoryBankJson },
      },
    },
    async () => storyBank(app),
  );

  server.post(
    '/stories',
    {
      schema: {
        summary: 'Write a story (only the title is required), mapped to competencies of the list; due for its first rehearsal now',
        body: StoryCreateJson,
        response: { 201: StoryJson, ...errorResponses(400, 409) },
      },
    },
    async (request, reply) => reply.status(201).send(await addStory(app, request.body)),
  );

  server.get(
    '/stories/:id',
    { schema: { summary: 'A story with its schedule', params: InterviewIdParams, response: { 200: StoryJson, ...errorResponses(400, 404) } } },
    async (request) => storyDetail(app, request.params.id),
  );

  server.patch(
    '/stories/:id',
    {
      schema: {
        summary: 'Change the fields given (the competencies given replace its own), or archive and restore it',
        params: InterviewIdParams,
        body: StoryPatchJson,
        response: { 200: StoryJson, ...errorResponses(400, 404, 409) },
      },
    },
    async (request) => updateStory(app, request.params.id, request.body),
  );

  server.delete(
    '/stories/:id',
    {
      schema: {
        summary: 'Delete a story for good, its rehearsals included, only with ?confirm=delete (archiving keeps it)',
        params: InterviewIdParams,
        querystring: HardDeleteQuery,
        response: { 204: Deleted, ...errorResponses(400, 404, 409) },
      },
      // A missing confirmation gets a message saying how to confirm, not the bare schema error.
      attachValidation: true,
    },
    async (request, reply) => {
      requireDeleteConfirmation(request, 'the story with its rehearsals');
      await deleteStory(app, request.params.id);
      return reply.status(204).send();
    },
  );

  server.post(
    '/stories/:id/review',
    {
      schema: {
        summary: 'Rehearse a story, rated 1-4 (again, hard, good, easy): its schedule moves as a card’s does',
        params: InterviewIdParams,
        body: StoryReviewJson,
        response: { 200: StoryJson, ...errorResponses(400, 404, 409) },
      },
    },
    async (request) => reviewStory(app, request.params.id, request.body),
  );

  server.post(
    '/stories/:id/review/undo',
    {
      schema: {
        summary: 'Undo the story’s last rehearsal: its schedule goes back exactly; 404 when it has none',
        params: InterviewIdParams,
        response: { 200: StoryJson, ...errorResponses(400, 404, 409) },
      },
    },
    async (request) => undoStoryReview(app, request.params.id),
  );

  server.post(
    '/competencies',
    {
      schema: {
        summary: 'Add a competency, before another one or last; its key is made from its label',
        body: CompetencyCreateJson,
        response: { 201: StoryBankJson, ...errorResponses(400, 409) },
      },
    },
    async (request, reply) => reply.status(201).send(await addCompetency(app, request.body)),
  );

  server.patch(
    '/competencies/:key',
    {
      schema: {
        summary: 'Rename a competency or move it in the list; its key stays',
        params: CompetencyParams,
        body: CompetencyPatchJson,
        response: { 200: StoryBankJson, ...errorResponses(400, 409) },
      },
    },
    async (request) => updateCompetency(app, request.params.key, request.body),
  );
};
