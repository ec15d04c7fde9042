// The hunt as a whole: its time zone, stages and criteria, and the views across its applications (follow-ups,
// the agenda, offers side by side, the funnel).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../app/context.js';
import { addCriterion, updateCriterion } from '../../app/hunt/criteria.js';
import { agenda, listFollowUps } from '../../app/hunt/follow-ups.js';
import { funnel } from '../../app/hunt/funnel.js';
import { addStage, getHunt, updateHunt, updateStage } from '../../app/hunt/hunt.js';
import { compareOffers } from '../../app/hunt/offers.js';
import { errorResponses } from '../../contract/common.js';
import {
  AgendaJson,
  CriterionCreateJson,
  CriterionJson,
  CriterionPatchJson,
  FollowUpListJson,
  FollowUpListQuery,
  FunnelJson,
  HuntIdParams,
  HuntJson,
  HuntPatchJson,
  OfferComparisonJson,
  StageCreateJson,
  StageParams,
  StagePatchJson,
} from '../../contract/hunt.js';

export const huntRoutes: FastifyPluginAsyncTypebox<{ app: AppContext }> = async (server, { app }) => {
  server.get(
    '/hunt',
    { schema: { summary: "The hunt: its time zone, today's date there, its stages in board order and its criteria", response: { 200: HuntJson } } },
    async () => getHunt(app),
  );

  server.patch(
    '/hunt',
    {
      schema: {
        summary: "Change the hunt's time zone (an IANA name), in which the dates of the hunt are read",
        body: HuntPatchJson,
        response: { 200: HuntJson, ...errorResponses(400, 409) },
      },
    },
    async (request) => updateHunt(app, request.body),
  );

  server.post(
    '/hunt/stages',
    {
      schema: {
        summary: 'Add a stage, before another one or last',
        body: StageCreateJson,
        response: { 201: HuntJson, ...errorResponses(400, 409) },
      },
    },
    async (request, reply) => reply.status(201).send(await addStage(app, request.body)),
  );

  server.patch(
    '/hunt/stages/:key',
    {
      schema: {
        summary: 'Rename a stage or move it in the list',
        params: StageParams,
        body: StagePatchJson,
        response: { 200: HuntJson, ...errorResponses(400, 409) },
      },
    },
    async (request) => updateStage(app, request.params.key, request.body),
  );

  server.post(
    '/hunt/criteria',
    {
      schema: {
        summary: 'Add a criterion of your own: a gate (must be met) or weighted (1-5)',
        body: CriterionCreateJson,
        response: { 201: CriterionJson, ...errorResponses(400, 409) },
      },
    },
    async (request, reply) => reply.status(201).send(await addCriterion(app, request.body)),
  );

  server.patch(
    '/hunt/criteria/:id',
    {
      schema: {
        summary: "Make a criterion a gate or weighted, change its weight, archive or restore it; the text only of one's own (a goal's is the file's)",
        params: HuntIdParams,
        body: CriterionPatchJson,
        response: { 200: CriterionJson, ...errorResponses(400, 404, 409) },
      },
    },
    async (request) => updateCriterion(app, request.params.id, request.body),
  );

  server.get(
    '/hunt/follow-ups',
    {
      schema: {
        summary: 'Open follow-ups (done ones too with done=true), by due date, each with its application',
        querystring: FollowUpListQuery,
        response: { 200: FollowUpListJson, ...errorResponses(400) },
      },
    },
    async (request) => listFollowUps(app, request.query),
  );

  server.get(
    '/hunt/agenda',
    {
      schema: { summary: "What needs doing: follow-ups due today or overdue, and offers' decision deadlines", response: { 200: AgendaJson } },
    },
    async () => agenda(app),
  );

  server.get(
    '/hunt/offers',
    {
      schema: {
        summary: 'Every application with an offer, side by side against the active criteria, base pay per year to compare like with like',
        response: { 200: OfferComparisonJson },
      },
    },
    async () => compareOffers(app),
  );

  server.get(
    '/hunt/funnel',
    {
      schema: {
        summary: 'Applications reaching each stage of the funnel and the conversion between them, and per stage week by week, from the stage history',
        response: { 200: FunnelJson },
      },
    },
    async () => funnel(app),
  );
};
