// Spaced repetition: today's queue, answers and undo, a topic's cards, statistics, settings and the optimizer.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { addCard, editCard, removeCard, topicCardList } from '../../app/review/cards.js';
import type { AppContext } from '../../app/context.js';
import { optimizeChecklist } from '../../app/review/optimize.js';
import { answerCard, reviewQueue, undoReview } from '../../app/review/review.js';
import { parseTopicIds } from '../../core/validate.js';
import { showReviewSettings, updateReviewSettings } from '../../app/review/settings.js';
import { reviewStats } from '../../app/review/stats.js';
import { ChecklistParams, component, errorResponses, TopicParams } from '../../contract/common.js';
import {
  AnswerJson,
  AnswerRequestJson,
  CardDraftJson,
  CardJson,
  CardListJson,
  CardParams,
  CardPatchJson,
  OptimizeJson,
  OptimizeRequestJson,
  ReviewCardJson,
  ReviewQueueJson,
  ReviewQueueQuery,
  ReviewSettingsJson,
  ReviewSettingsPatchJson,
  ReviewStatsJson,
  UndoRequestJson,
} from '../../contract/review.js';

const CardRef = component(CardJson);

export const reviewRoutes: FastifyPluginAsyncTypebox<{ app: AppContext }> = async (server, { app }) => {
  server.get(
    '/checklists/:name/review',
    {
      schema: {
        summary: "Today's cards to study, in order: learning cards due, reviews due, then new cards within the daily limits",
        params: ChecklistParams,
        querystring: ReviewQueueQuery,
        response: { 200: ReviewQueueJson, ...errorResponses(400, 404) },
      },
    },
    async (request) =>
      reviewQueue(app, {
        checklist: request.params.name,
        section: request.query.section,
        topicIds: request.query.topics === undefined ? undefined : parseTopicIds(request.query.topics),
        plan: request.query.plan,
        limit: request.query.limit,
      }),
  );

  server.post(
    '/cards/:id/answer',
    {
      schema: {
        summary: 'Answer a card with a rating; a topic card reaching review makes its topic known, a lapse sends it back to learning',
        params: CardParams,
        body: AnswerRequestJson,
        response: { 200: AnswerJson, ...errorResponses(400, 404, 409) },
      },
    },
    async (request) => answerCard(app, request.params.id, request.body.rating, request.body.durationMs, request.body.reps),
  );

  server.post(
    '/checklists/:name/review/undo',
    {
      schema: {
        summary: "Undo the checklist's last answer: the card exactly as it was, and its topic's state put back",
        params: ChecklistParams,
        body: UndoRequestJson,
        response: { 200: ReviewCardJson, ...errorResponses(400, 404, 409) },
      },
      // The body is optional: a bare POST undoes the last answer, whoever gave it.
      preValidation: async (request) => {
        request.body ??= {};
      },
    },
    async (request) => undoReview(app, request.params.name, request.body.cardId),
  );

  server.get(
    '/topics/:id/cards',
    {
      schema: {
        summary: "A topic's cards: its topic card, then its question/answer cards",
        params: TopicParams,
        response: { 200: CardListJson, ...errorResponses(400, 404) },
      },
    },
    async (request) => topicCardList(app, request.params.id),
  );

  server.post(
    '/topics/:id/cards',
    {
      schema: {
        summary: 'Add a question/answer card under a study topic',
        params: TopicParams,
        body: CardDraftJson,
        response: { 201: CardRef, ...errorResponses(400, 404, 409) },
      },
    },
    async (request, reply) => {
      const card = await addCard(app, request.params.id, request.body);
      return reply.status(201).send(card);
    },
  );

  server.patch(
    '/cards/:id',
    {
      schema: {
        summary: 'Change the question or answer of a card added in prepdeck (a card written in the file changes in the file)',
        params: CardParams,
        body: CardPatchJson,
        response: { 200: CardRef, ...errorResponses(400, 404, 409) },
      },
    },
    async (request) => editCard(app, request.params.id, request.body),
  );

  server.delete(
    '/cards/:id',
    {
      schema: {
        summary: 'Remove a card added in prepdeck from reviewing; its reviews stay in the log',
        params: CardParams,
        response: { 200: CardRef, ...errorResponses(400, 404, 409) },
      },
    },
    async (request) => removeCard(app, request.params.id),
  );

  server.get(
    '/checklists/:name/review/stats',
    {
      schema: {
        summary: 'Reviews per study day, the 30-day due forecast, true retention, and predicted recall per section',
        params: ChecklistParams,
        response: { 200: ReviewStatsJson, ...errorResponses(404) },
      },
    },
    async (request) => reviewStats(app, request.params.name),
  );

  server.get(
    '/checklists/:name/review/settings',
    {
      schema: {
        summary: 'How the checklist is scheduled: desired retention, steps, daily limits, day start, time zone, parameters',
        params: ChecklistParams,
        response: { 200: ReviewSettingsJson, ...errorResponses(404) },
      },
    },
    async (request) => (await showReviewSettings(app, request.params.name)).settings,
  );

  server.patch(
    '/checklists/:name/review/settings',
    {
      schema: {
        summary: 'Change review settings; each field is checked and a bad one is named',
        params: ChecklistParams,
        body: ReviewSettingsPatchJson,
        response: { 200: ReviewSettingsJson, ...errorResponses(400, 404, 409) },
      },
    },
    async (request) => (await updateReviewSettings(app, request.params.name, request.body)).settings,
  );

  server.post(
    '/checklists/:name/review/optimize',
    {
      schema: {
        summary: "Fit FSRS parameters to the checklist's own review log; compare default and fitted log loss and RMSE; apply them on request",
        params: ChecklistParams,
        body: OptimizeRequestJson,
        response: { 200: OptimizeJson, ...errorResponses(400, 404, 409) },
      },
      // The body is optional: a bare POST compares without saving.
      preValidation: async (request) => {
        request.body ??= {};
      },
    },
    async (request) => optimizeChecklist(app, request.params.name, { apply: request.body.apply ?? false }),
  );
};
