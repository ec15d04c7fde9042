// Interview rounds and the questions asked in them, their calendar, and topic suggestions while a question is typed.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../app/context.js';
import { roundsCalendar } from '../../app/interviews/calendar.js';
import { addQuestion, deleteQuestion, questionToCard, updateQuestion } from '../../app/interviews/questions.js';
import { createRound, deleteRound, listRounds, refuseUnknownKind, roundDetail, updateRound } from '../../app/interviews/rounds.js';
import { suggestTopics } from '../../app/interviews/suggest.js';
import { errorResponses } from '../../contract/common.js';
import {
  InterviewIdParams,
  QuestionCardJson,
  QuestionCreateJson,
  QuestionPatchJson,
  RoundCreateJson,
  RoundDetailJson,
  RoundListJson,
  RoundListQuery,
  RoundPatchJson,
  SuggestionListJson,
  SuggestQuery,
} from '../../contract/interviews.js';

const Deleted = Type.Unsafe<undefined>({ description: 'deleted, its questions with it and their evidence withdrawn from review' });
const ICS_DESCRIPTION = 'iCalendar (RFC 5545): a VEVENT per round in its zone (with VTIMEZONE blocks), UID round-<id>@prepdeck';

/**
 * The rounds the query asks for; a kind that is neither one of the usual kinds nor one any round has is bad input
 * naming the nearest kind (as the CLI's `rounds --kind` refuses it), not an empty list that looks like "none yet".
 */
async function roundsOfKnownKind(app: AppContext, query: RoundListQuery): Promise<RoundListJson> {
  const list = await listRounds(app, query);
  await refuseUnknownKind(app, query.kind, list.rounds.length);
  return list;
}

export const roundRoutes: FastifyPluginAsyncTypebox<{ app: AppContext }> = async (server, { app }) => {
  server.get(
    '/rounds',
    {
      schema: {
        summary:
          'Interview rounds: upcoming ones soonest first, or all latest first; by application (404 when it does not exist) and kind (400 naming the nearest when no round has it and it is not a usual kind)',
        querystring: RoundListQuery,
        response: { 200: RoundListJson, ...errorResponses(400, 404) },
      },
    },
    async (request) => roundsOfKnownKind(app, request.query),
  );

  server.get(
    '/rounds.ics',
    {
      schema: {
        summary: 'Every round as a calendar event; importing it again updates the same events',
        response: { 200: { description: ICS_DESCRIPTION, content: { 'text/calendar': { schema: Type.String({ description: ICS_DESCRIPTION }) } } } },
      },
    },
    async (_request, reply) =>
      reply
        .type('text/calendar; charset=utf-8')
        .header('content-disposition', 'attachment; filename="prepdeck-rounds.ics"')
        .send(await roundsCalendar(app)),
  );

  server.post(
    '/rounds',
    {
      schema: {
        summary:
          "Add a round to an application at a local time in a zone (the hunt's unless given); notices say what was taken for a time the clocks skip or repeat",
        body: RoundCreateJson,
        response: { 201: RoundDetailJson, ...errorResponses(400, 404, 409) },
      },
    },
    async (request, reply) => reply.status(201).send(await createRound(app, request.body)),
  );

  server.get(
    '/rounds/:id',
    {
      schema: {
        summary: 'A round with the questions asked in it',
        params: InterviewIdParams,
        response: { 200: RoundDetailJson, ...errorResponses(400, 404) },
      },
    },
    async (request) => roundDetail(app, request.params.id),
  );

  server.patch(
    '/rounds/:id',
    {
      schema: {
        summary: "Change a round; a new start moves its questions' evidence with it",
        params: InterviewIdParams,
        body: RoundPatchJson,
        response: { 200: RoundDetailJson, ...errorResponses(400, 404, 409) },
      },
    },
    async (request) => updateRound(app, request.params.id, request.body),
  );

  server.delete(
    '/rounds/:id',
    {
      schema: {
        summary: "Delete a round with its questions, their evidence withdrawn from the topics' review logs first",
        params: InterviewIdParams,
        response: { 204: Deleted, ...errorResponses(400, 404, 409) },
      },
    },
    async (request, reply) => {
      await deleteRound(app, request.params.id);
      return reply.status(204).send();
    },
  );

  server.post(
    '/rounds/:id/questions',
    {
      schema: {
        summary: "Log a question asked in the round; with a score it is a review of each linked topic's card at the round's start",
        params: InterviewIdParams,
        body: QuestionCreateJson,
        response: { 201: RoundDetailJson, ...errorResponses(400, 404, 409) },
      },
    },
    async (request, reply) => reply.status(201).send(await addQuestion(app, request.params.id, request.body)),
  );

  server.patch(
    '/questions/:id',
    {
      schema: {
        summary: 'Change a question: its text, score (null withdraws its evidence), topics (replacing the links) or stories',
        params: InterviewIdParams,
        body: QuestionPatchJson,
        response: { 200: RoundDetailJson, ...errorResponses(400, 404, 409) },
      },
    },
    async (request) => updateQuestion(app, request.params.id, request.body),
  );

  server.delete(
    '/questions/:id',
    {
      schema: {
        summary: 'Delete a question, withdrawing its evidence first',
        params: InterviewIdParams,
        response: { 200: RoundDetailJson, ...errorResponses(400, 404, 409) },
      },
    },
    async (request) => deleteQuestion(app, request.params.id),
  );

  server.post(
    '/questions/:id/card',
    {
      schema: {
        summary: 'Make the question a question/answer card: front the question, back your better answer',
        params: InterviewIdParams,
        body: QuestionCardJson,
        response: { 201: RoundDetailJson, ...errorResponses(400, 404, 409) },
      },
    },
    async (request, reply) => reply.status(201).send(await questionToCard(app, request.params.id, request.body)),
  );

  server.get(
    '/topic-suggestions',
    {
      schema: {
        summary: "The topics a question's text is likely about, best first (the round's sections first)",
        querystring: SuggestQuery,
        response: { 200: SuggestionListJson, ...errorResponses(400, 404) },
      },
    },
    async (request) => suggestTopics(app, request.query),
  );
};
