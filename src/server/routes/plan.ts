// The plan to an interview date: targets, availability and costs, the plan itself, and its calendar.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../app/context.js';
import { planCalendar } from '../../app/plan/calendar.js';
import { replan, studyPlan } from '../../app/plan/plan.js';
import { showPlanSettings, updatePlanSettings } from '../../app/plan/settings.js';
import { addTarget, listTargets, removeTarget, updateTarget } from '../../app/plan/targets.js';
import { ChecklistParams, errorResponses } from '../../contract/common.js';
import {
  PlanJson,
  PlanQuery,
  PlanSettingsJson,
  PlanSettingsPatchJson,
  PlanTargetCreateJson,
  PlanTargetJson,
  PlanTargetParams,
  PlanTargetPatchJson,
} from '../../contract/plan.js';

const ICS_DESCRIPTION = 'iCalendar (RFC 5545): an all-day VEVENT per day with study planned, UID plan-<checklist>-<date>@prepdeck';
const Empty = Type.Object({}, { additionalProperties: false });

export const planRoutes: FastifyPluginAsyncTypebox<{ app: AppContext }> = async (server, { app }) => {
  server.get(
    '/checklists/:name/plan',
    {
      schema: {
        summary:
          "The plan to the targets: today's items (kept for the day), the days up to the last target, and each target's predicted readiness if the plan is followed, if one stops, and with FSRS's usual reviews",
        params: ChecklistParams,
        querystring: PlanQuery,
        response: { 200: PlanJson, ...errorResponses(400, 404) },
      },
    },
    async (request) => studyPlan(app, { checklist: request.params.name, days: request.query.days }),
  );

  server.post(
    '/checklists/:name/plan/replan',
    {
      schema: {
        summary: "Make today's list again from the memory state now",
        params: ChecklistParams,
        body: Empty,
        response: { 200: PlanJson, ...errorResponses(400, 404) },
      },
    },
    async (request) => replan(app, { checklist: request.params.name }),
  );

  server.get(
    '/checklists/:name/plan/settings',
    {
      schema: {
        summary: 'Study availability (minutes a day, weekdays, days off) and time costs, each with where it comes from',
        params: ChecklistParams,
        response: { 200: PlanSettingsJson, ...errorResponses(404) },
      },
    },
    async (request) => showPlanSettings(app, request.params.name),
  );

  server.patch(
    '/checklists/:name/plan/settings',
    {
      schema: {
        summary:
          "Change availability and costs (null: a cost back to the log's median or the default); today's list is made again unless it is all studied",
        params: ChecklistParams,
        body: PlanSettingsPatchJson,
        response: { 200: PlanSettingsJson, ...errorResponses(400, 404) },
      },
    },
    async (request) => updatePlanSettings(app, request.params.name, request.body),
  );

  server.get(
    '/checklists/:name/plan/targets',
    {
      schema: {
        summary: 'The targets, soonest first: dates with a scope, and upcoming interview rounds about this checklist (targets by default)',
        params: ChecklistParams,
        response: { 200: Type.Array(PlanTargetJson), ...errorResponses(404) },
      },
    },
    async (request) => listTargets(app, request.params.name),
  );

  server.post(
    '/checklists/:name/plan/targets',
    {
      schema: {
        summary: 'Add a target: a date (and time) with sections or topics, or an interview round',
        params: ChecklistParams,
        body: PlanTargetCreateJson,
        response: { 201: PlanTargetJson, ...errorResponses(400, 404) },
      },
    },
    async (request, reply) => reply.status(201).send(await addTarget(app, request.params.name, request.body)),
  );

  server.patch(
    '/checklists/:name/plan/targets/:id',
    {
      schema: {
        summary: "Change a target; a round's target takes a label, a weight, or excluded (out of the plan)",
        params: PlanTargetParams,
        body: PlanTargetPatchJson,
        response: { 200: PlanTargetJson, ...errorResponses(400, 404) },
      },
    },
    async (request) => updateTarget(app, request.params.name, request.params.id, request.body),
  );

  server.delete(
    '/checklists/:name/plan/targets/:id',
    {
      schema: {
        summary: "Remove a date target; a round's target is taken out of the plan instead",
        params: PlanTargetParams,
        response: { 200: PlanTargetJson, ...errorResponses(404) },
      },
    },
    async (request) => removeTarget(app, request.params.name, request.params.id),
  );

  server.get(
    '/plan.ics',
    {
      schema: {
        summary: 'The plan’s study days as a calendar: one all-day event per day with study planned',
        querystring: Type.Object({
          checklist: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'the current checklist when left out' })),
        }),
        response: {
          200: { description: ICS_DESCRIPTION, content: { 'text/calendar': { schema: Type.String({ description: ICS_DESCRIPTION }) } } },
          ...errorResponses(404),
        },
      },
    },
    async (request, reply) =>
      reply
        .type('text/calendar; charset=utf-8')
        .header('content-disposition', 'attachment; filename="prepdeck-plan.ics"')
        .send(await planCalendar(app, request.query.checklist)),
  );
};
