// Topics: read one, change its state, confidence or notes, add one to a section, remove one added here, search them.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../app/context.js';
import { placeTopics, searchTopics, topicById, updateTopic, type TopicDetails } from '../../app/topics/topics.js';
import { topicDetailJson, topicJson } from '../../app/topics/topic-json.js';
import { addTopic } from '../../app/topics/add-topic.js';
import { unaddTopic } from '../../app/topics/unadd-topic.js';
import { InvalidInputError } from '../../core/errors.js';
import { ChecklistParams, errorResponses, TopicParams } from '../../contract/common.js';
import {
  SearchQuery,
  SearchResultJson,
  TopicCreateJson,
  TopicDetailJson,
  TopicPatchJson,
  TopicRemovalJson,
  TopicRemoveQuery,
} from '../../contract/topics.js';

export const topicRoutes: FastifyPluginAsyncTypebox<{ app: AppContext }> = async (server, { app }) => {
  const detailJson = async (details: TopicDetails) => topicDetailJson(details, (await placeTopics(app, [details.topic]))[0]!);

  server.get(
    '/topics/:id',
    {
      schema: {
        summary: 'A topic with its resources and history',
        params: TopicParams,
        response: { 200: TopicDetailJson, ...errorResponses(404) },
      },
    },
    async (request) => detailJson(await topicById(app, request.params.id)),
  );

  server.patch(
    '/topics/:id',
    {
      schema: {
        summary: "Change a topic's state, confidence or notes; each change goes into its history",
        params: TopicParams,
        body: TopicPatchJson,
        response: { 200: TopicDetailJson, ...errorResponses(400, 404, 409) },
      },
    },
    async (request) => detailJson(await updateTopic(app, request.params.id, request.body)),
  );

  server.post(
    '/checklists/:name/topics',
    {
      schema: {
        summary: 'Add a study topic to a section (by title or path): last in it, studied at once, written into the file at the next write-back',
        params: ChecklistParams,
        body: TopicCreateJson,
        response: { 201: TopicDetailJson, ...errorResponses(400, 404, 409) },
      },
    },
    async (request, reply) => {
      const added = await addTopic(app, { checklist: request.params.name, ...request.body });
      return reply.status(201).send(added);
    },
  );

  server.delete(
    '/topics/:id',
    {
      schema: {
        summary:
          'Remove a topic added in prepdeck, before the file holds it: its cards, their reviews and its history go; questions mapped to it lose only it',
        params: TopicParams,
        querystring: TopicRemoveQuery,
        response: { 200: TopicRemovalJson, ...errorResponses(400, 404, 409) },
      },
    },
    async (request) => {
      try {
        // A DELETE is explicit: what the user did with the topic goes with it, as asked.
        return await unaddTopic(app, request.params.id, { dryRun: request.query.dryRun });
      } catch (error) {
        // The one refusal is about the topic the path names: a topic of the file.
        if (error instanceof InvalidInputError) throw new InvalidInputError(`id: ${error.message}`);
        throw error;
      }
    },
  );

  server.get(
    '/search',
    {
      schema: {
        summary: 'Topics whose title or notes contain every word, in any case and any script',
        querystring: SearchQuery,
        response: { 200: SearchResultJson, ...errorResponses(400, 404) },
      },
    },
    async (request) => {
      const { q, checklist } = request.query;
      const topics = await placeTopics(app, await searchTopics(app, q, checklist));
      return { query: q, topics: topics.map(topicJson) };
    },
  );
};
