// An application's parts: its contacts, follow-ups and offer. Each change answers with the whole application.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../app/context.js';
import { addContact, deleteContact, updateContact } from '../../app/hunt/contacts.js';
import { addFollowUp, deleteFollowUp, updateFollowUp } from '../../app/hunt/follow-ups.js';
import { deleteOffer, patchOffer, putOffer } from '../../app/hunt/offers.js';
import { errorResponses } from '../../contract/common.js';
import {
  ApplicationDetailJson,
  ContactCreateJson,
  ContactPatchJson,
  FollowUpCreateJson,
  FollowUpPatchJson,
  HuntIdParams,
  OfferPatchJson,
  OfferPutJson,
  OfferPutResultJson,
} from '../../contract/hunt.js';

export const applicationPartRoutes: FastifyPluginAsyncTypebox<{ app: AppContext }> = async (server, { app }) => {
  server.post(
    '/hunt/applications/:id/contacts',
    {
      schema: {
        summary: 'Add a contact: a recruiter, hiring manager, interviewer, referrer or other',
        params: HuntIdParams,
        body: ContactCreateJson,
        response: { 201: ApplicationDetailJson, ...errorResponses(400, 404, 409) },
      },
    },
    async (request, reply) => reply.status(201).send(await addContact(app, request.params.id, request.body)),
  );

  server.patch(
    '/hunt/contacts/:id',
    {
      schema: {
        summary: 'Change a contact',
        params: HuntIdParams,
        body: ContactPatchJson,
        response: { 200: ApplicationDetailJson, ...errorResponses(400, 404, 409) },
      },
    },
    async (request) => updateContact(app, request.params.id, request.body),
  );

  server.delete(
    '/hunt/contacts/:id',
    {
      schema: { summary: 'Remove a contact', params: HuntIdParams, response: { 200: ApplicationDetailJson, ...errorResponses(400, 404, 409) } },
    },
    async (request) => deleteContact(app, request.params.id),
  );

  server.post(
    '/hunt/applications/:id/follow-ups',
    {
      schema: {
        summary: 'Add a follow-up due on a local date',
        params: HuntIdParams,
        body: FollowUpCreateJson,
        response: { 201: ApplicationDetailJson, ...errorResponses(400, 404, 409) },
      },
    },
    async (request, reply) => reply.status(201).send(await addFollowUp(app, request.params.id, request.body)),
  );

  server.patch(
    '/hunt/follow-ups/:id',
    {
      schema: {
        summary: 'Change a follow-up, or mark it done or not done',
        params: HuntIdParams,
        body: FollowUpPatchJson,
        response: { 200: ApplicationDetailJson, ...errorResponses(400, 404, 409) },
      },
    },
    async (request) => updateFollowUp(app, request.params.id, request.body),
  );

  server.delete(
    '/hunt/follow-ups/:id',
    {
      schema: { summary: 'Remove a follow-up', params: HuntIdParams, response: { 200: ApplicationDetailJson, ...errorResponses(400, 404, 409) } },
    },
    async (request) => deleteFollowUp(app, request.params.id),
  );

  server.put(
    '/hunt/applications/:id/offer',
    {
      schema: {
        summary:
          "Record the application's offer, or replace it: currency, period and base are required; a new offer moves an open application before the offer stage to it",
        params: HuntIdParams,
        body: OfferPutJson,
        response: { 200: OfferPutResultJson, ...errorResponses(400, 404, 409) },
      },
    },
    async (request) => putOffer(app, request.params.id, request.body),
  );

  server.patch(
    '/hunt/applications/:id/offer',
    {
      schema: {
        summary:
          "Change part of the application's offer, keeping what is not given (null or '' drops a detail), or record a first one: it needs currency and base; a new currency or period needs the base with it",
        params: HuntIdParams,
        body: OfferPatchJson,
        response: { 200: OfferPutResultJson, ...errorResponses(400, 404, 409) },
      },
    },
    async (request) => patchOffer(app, request.params.id, request.body),
  );

  server.delete(
    '/hunt/applications/:id/offer',
    {
      schema: {
        summary: "Remove the application's offer",
        params: HuntIdParams,
        response: { 200: ApplicationDetailJson, ...errorResponses(400, 404, 409) },
      },
    },
    async (request) => deleteOffer(app, request.params.id),
  );
};
