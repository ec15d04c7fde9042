// Every route of the OpenAPI document, called for real on both backends, its answer checked against the schema
// that route declares for the status it sent, by Ajv set up as the server's. A route without an example fails.
import type { InjectOptions } from 'fastify';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TSchema } from 'typebox';
import { afterAll, describe, expect, it } from 'vitest';
import { importChecklist, readChecklistFile } from '../../src/app/import/import-checklist.js';
import type { ChecklistTreeJson, ExportedSection, ExportedTopic } from '../../src/contract/checklists.js';
import type { ApplicationDetailJson, CriterionJson } from '../../src/contract/hunt.js';
import type { RoundDetailJson, StoryJson } from '../../src/contract/interviews.js';
import type { CardJson, ReviewQueueJson } from '../../src/contract/review.js';
import type { PlanTargetJson } from '../../src/contract/plan.js';
import type { TopicDetailJson } from '../../src/contract/topics.js';
import { CLIENT_HEADER, LOOPBACK_HOSTS } from '../../src/server/app.js';
import { buildAjv } from '../../src/server/validation.js';
import { useServer } from '../server/helpers.js';
import { BACKENDS } from '../store/backends.js';
import { hasUserFixture, USER_FIXTURE } from '../support/fixtures.js';

/** Ids the examples need, found once the fixture is imported and reviewed. */
interface Found {
  topicId: number;
  cardId: number;
  /** The question/answer card added last through the API, to edit or remove. */
  addedCardId: number;
  /** The topic added last through the API, to remove. */
  addedTopicId: number;
  /** The hunt's parts the examples add, each the last one added. */
  criterionId: number;
  applicationId: number;
  contactId: number;
  followUpId: number;
  /** The round and question the interview examples add. */
  roundId: number;
  questionId: number;
  /** The story the examples add. */
  storyId: number;
  /** The plan target the examples add. */
  targetId: number;
}

interface Example {
  /** As the OpenAPI document names it: `GET /api/checklists/{name}/tree`. */
  route: string;
  status: number;
  request: (found: Found) => Request;
  /** Notes what the answer added, for the examples after it. */
  finds?: (body: unknown, found: Found) => void;
}

/** A request to a path: its URL a string, so the failure messages can name it. */
type Request = InjectOptions & { url: string };

const json = (method: InjectOptions['method'], url: string, payload?: object): Request => ({ method, url, ...(payload ? { payload } : {}) });

/** The last contact and follow-up of an application answered in full. */
const findParts = (body: unknown, found: Found) => {
  const detail = body as ApplicationDetailJson;
  found.applicationId = detail.application.id;
  found.contactId = detail.contacts.at(-1)?.id ?? found.contactId;
  found.followUpId = detail.followUps.at(-1)?.id ?? found.followUpId;
};

/** The round answered in full, and its last question. */
const findRound = (body: unknown, found: Found) => {
  const detail = body as RoundDetailJson;
  found.roundId = detail.round.id;
  found.questionId = detail.questions.at(-1)?.id ?? found.questionId;
};

// Interview rounds of the hunt's application, with a scored question whose evidence the hard delete withdraws.
const ROUND_EXAMPLES: Example[] = [
  {
    route: 'POST /api/rounds',
    status: 201,
    request: ({ applicationId, contactId }) =>
      json('POST', '/api/rounds', {
        applicationId,
        localStart: '2026-12-20T15:00',
        timeZone: 'Europe/Berlin',
        kind: 'technical',
        interviewers: [contactId],
        link: 'https://meet.example/abc',
      }),
    finds: findRound,
  },
  {
    route: 'POST /api/rounds',
    status: 400,
    request: ({ applicationId }) => json('POST', '/api/rounds', { applicationId, localStart: '2026-12-20T15:00', timeZone: 'Mars/Olympus' }),
  },
  { route: 'GET /api/rounds', status: 200, request: () => json('GET', '/api/rounds?upcoming=true&kind=technical') },
  { route: 'GET /api/rounds', status: 404, request: () => json('GET', '/api/rounds?application=999999') },
  { route: 'GET /api/rounds', status: 400, request: () => json('GET', '/api/rounds?kind=tecnical') },
  { route: 'GET /api/rounds/{id}', status: 200, request: ({ roundId }) => json('GET', `/api/rounds/${roundId}`) },
  { route: 'GET /api/rounds/{id}', status: 404, request: () => json('GET', '/api/rounds/999999') },
  {
    route: 'PATCH /api/rounds/{id}',
    status: 200,
    request: ({ roundId }) => json('PATCH', `/api/rounds/${roundId}`, { outcome: 'passed', debrief: 'went **well**' }),
  },
  {
    route: 'GET /api/topic-suggestions',
    status: 200,
    request: ({ roundId }) => json('GET', `/api/topic-suggestions?q=python&round=${roundId}&limit=5`),
  },
  {
    route: 'POST /api/rounds/{id}/questions',
    status: 201,
    request: ({ roundId, topicId }) => json('POST', `/api/rounds/${roundId}/questions`, { text: 'Explain it', topicIds: [topicId], score: 2 }),
    finds: findRound,
  },
  {
    route: 'POST /api/rounds/{id}/questions',
    status: 400,
    request: ({ roundId }) => json('POST', `/api/rounds/${roundId}/questions`, { text: 'Explain it', score: 5 }),
  },
  { route: 'PATCH /api/questions/{id}', status: 200, request: ({ questionId }) => json('PATCH', `/api/questions/${questionId}`, { score: 3 }) },
  {
    route: 'POST /api/questions/{id}/card',
    status: 201,
    request: ({ questionId }) => json('POST', `/api/questions/${questionId}/card`, { answer: 'Like **this**.' }),
  },
  { route: 'GET /api/rounds.ics', status: 200, request: () => json('GET', '/api/rounds.ics') },
  {
    route: 'POST /api/rounds/{id}/questions',
    status: 201,
    request: ({ roundId, topicId }) => json('POST', `/api/rounds/${roundId}/questions`, { text: 'And this?', topicIds: [topicId], score: 1 }),
    finds: findRound,
  },
  { route: 'DELETE /api/questions/{id}', status: 200, request: ({ questionId }) => json('DELETE', `/api/questions/${questionId}`) },
  {
    route: 'POST /api/rounds',
    status: 201,
    request: ({ applicationId }) => json('POST', '/api/rounds', { applicationId, localStart: '2026-12-22T10:00', kind: 'system-design' }),
    finds: findRound,
  },
  { route: 'DELETE /api/rounds/{id}', status: 204, request: ({ roundId }) => json('DELETE', `/api/rounds/${roundId}`) },
];

// The hunt, on the goals the import made criteria: the changes come before the views that show them, the hard
// delete last.
const HUNT_EXAMPLES: Example[] = [
  { route: 'GET /api/hunt', status: 200, request: () => json('GET', '/api/hunt') },
  { route: 'PATCH /api/hunt', status: 200, request: () => json('PATCH', '/api/hunt', { timeZone: 'Europe/Berlin' }) },
  { route: 'PATCH /api/hunt', status: 400, request: () => json('PATCH', '/api/hunt', { timeZone: 'Mars/Olympus_Mons' }) },
  { route: 'POST /api/hunt/stages', status: 201, request: () => json('POST', '/api/hunt/stages', { label: 'Take-home', before: 'onsite' }) },
  { route: 'POST /api/hunt/stages', status: 400, request: () => json('POST', '/api/hunt/stages', { label: '' }) },
  { route: 'PATCH /api/hunt/stages/{key}', status: 200, request: () => json('PATCH', '/api/hunt/stages/wishlist', { label: 'Maybe' }) },
  { route: 'PATCH /api/hunt/stages/{key}', status: 400, request: () => json('PATCH', '/api/hunt/stages/nowhere', { label: 'Nowhere' }) },
  {
    route: 'POST /api/hunt/criteria',
    status: 201,
    request: () => json('POST', '/api/hunt/criteria', { text: 'visa sponsorship', kind: 'gate' }),
    finds: (body, found) => (found.criterionId = (body as CriterionJson).id),
  },
  { route: 'POST /api/hunt/criteria', status: 400, request: () => json('POST', '/api/hunt/criteria', { text: 'pay', weight: -1 }) },
  {
    route: 'PATCH /api/hunt/criteria/{id}',
    status: 200,
    request: ({ criterionId }) => json('PATCH', `/api/hunt/criteria/${criterionId}`, { weight: 5 }),
  },
  { route: 'PATCH /api/hunt/criteria/{id}', status: 404, request: () => json('PATCH', '/api/hunt/criteria/999999', { weight: 2 }) },
  {
    route: 'POST /api/hunt/applications',
    status: 201,
    request: () =>
      json('POST', '/api/hunt/applications', {
        company: 'Acme, "the" Company',
        role: 'Backend engineer',
        stage: 'applied',
        remote: 'remote',
        salary: { min: 90000, max: 120000, currency: 'EUR', period: 'year' },
        foundOn: '2026-02-28',
        tags: ['python', 'берлин'],
      }),
    finds: findParts,
  },
  {
    route: 'POST /api/hunt/applications',
    status: 400,
    request: () => json('POST', '/api/hunt/applications', { company: 'Nowhere', stage: 'nowhere' }),
  },
  { route: 'GET /api/hunt/applications', status: 200, request: () => json('GET', '/api/hunt/applications?stage=applied&q=acme') },
  { route: 'GET /api/hunt/applications/{id}', status: 200, request: ({ applicationId }) => json('GET', `/api/hunt/applications/${applicationId}`) },
  { route: 'GET /api/hunt/applications/{id}', status: 404, request: () => json('GET', '/api/hunt/applications/999999') },
  {
    route: 'PATCH /api/hunt/applications/{id}',
    status: 200,
    request: ({ applicationId }) => json('PATCH', `/api/hunt/applications/${applicationId}`, { notes: 'Referred by **Ann**' }),
  },
  {
    route: 'PATCH /api/hunt/applications/{id}',
    status: 400,
    request: ({ applicationId }) => json('PATCH', `/api/hunt/applications/${applicationId}`, { foundOn: '2026-02-30' }),
  },
  {
    route: 'POST /api/hunt/applications/{id}/moves',
    status: 200,
    request: ({ applicationId }) => json('POST', `/api/hunt/applications/${applicationId}/moves`, { from: 'applied', to: 'screening', note: 'call' }),
  },
  {
    route: 'POST /api/hunt/applications/{id}/moves',
    status: 409,
    request: ({ applicationId }) => json('POST', `/api/hunt/applications/${applicationId}/moves`, { from: 'applied', to: 'technical' }),
  },
  {
    route: 'PUT /api/hunt/applications/{id}/marks/{criterionId}',
    status: 200,
    request: ({ applicationId, criterionId }) =>
      json('PUT', `/api/hunt/applications/${applicationId}/marks/${criterionId}`, { value: 'no', note: 'no visas' }),
  },
  {
    route: 'PUT /api/hunt/applications/{id}/marks/{criterionId}',
    status: 400,
    request: ({ applicationId, criterionId }) => json('PUT', `/api/hunt/applications/${applicationId}/marks/${criterionId}`, { value: 'maybe' }),
  },
  {
    route: 'POST /api/hunt/applications/{id}/contacts',
    status: 201,
    request: ({ applicationId }) =>
      json('POST', `/api/hunt/applications/${applicationId}/contacts`, { name: 'Анна', role: 'recruiter', email: 'anna@example.com' }),
    finds: findParts,
  },
  {
    route: 'PATCH /api/hunt/contacts/{id}',
    status: 200,
    request: ({ contactId }) => json('PATCH', `/api/hunt/contacts/${contactId}`, { notes: 'on LinkedIn' }),
  },
  { route: 'PATCH /api/hunt/contacts/{id}', status: 404, request: () => json('PATCH', '/api/hunt/contacts/999999', { notes: 'who?' }) },
  {
    route: 'POST /api/hunt/applications/{id}/follow-ups',
    status: 201,
    request: ({ applicationId }) =>
      json('POST', `/api/hunt/applications/${applicationId}/follow-ups`, { title: 'Write to Anna', dueOn: '2026-03-01' }),
    finds: findParts,
  },
  { route: 'GET /api/hunt/follow-ups', status: 200, request: () => json('GET', '/api/hunt/follow-ups?done=true') },
  {
    route: 'PATCH /api/hunt/follow-ups/{id}',
    status: 200,
    request: ({ followUpId }) => json('PATCH', `/api/hunt/follow-ups/${followUpId}`, { done: true }),
  },
  { route: 'PATCH /api/hunt/follow-ups/{id}', status: 400, request: ({ followUpId }) => json('PATCH', `/api/hunt/follow-ups/${followUpId}`, {}) },
  {
    route: 'PUT /api/hunt/applications/{id}/offer',
    status: 200,
    request: ({ applicationId }) =>
      json('PUT', `/api/hunt/applications/${applicationId}/offer`, {
        currency: 'EUR',
        period: 'year',
        base: 110000,
        equity: { amount: 20000, vesting: '4 years, 1-year cliff' },
        deadlineOn: '2099-03-15',
      }),
  },
  {
    route: 'PUT /api/hunt/applications/{id}/offer',
    status: 400,
    request: ({ applicationId }) => json('PUT', `/api/hunt/applications/${applicationId}/offer`, { period: 'year', base: 1 }),
  },
  {
    route: 'PATCH /api/hunt/applications/{id}/offer',
    status: 200,
    request: ({ applicationId }) => json('PATCH', `/api/hunt/applications/${applicationId}/offer`, { base: 115000, equity: { vesting: '4 years' } }),
  },
  {
    route: 'PATCH /api/hunt/applications/{id}/offer',
    status: 400,
    request: ({ applicationId }) => json('PATCH', `/api/hunt/applications/${applicationId}/offer`, { period: 'month' }),
  },
  { route: 'GET /api/hunt/offers', status: 200, request: () => json('GET', '/api/hunt/offers') },
  { route: 'GET /api/hunt/agenda', status: 200, request: () => json('GET', '/api/hunt/agenda') },
  { route: 'GET /api/hunt/funnel', status: 200, request: () => json('GET', '/api/hunt/funnel') },
  { route: 'GET /api/hunt/applications.csv', status: 200, request: () => json('GET', '/api/hunt/applications.csv?tag=python') },
  { route: 'GET /api/hunt/applications.csv', status: 404, request: () => json('GET', '/api/hunt/applications.csv?tag=nothing') },
  ...ROUND_EXAMPLES,
  {
    route: 'DELETE /api/hunt/applications/{id}/offer',
    status: 200,
    request: ({ applicationId }) => json('DELETE', `/api/hunt/applications/${applicationId}/offer`),
  },
  { route: 'DELETE /api/hunt/follow-ups/{id}', status: 200, request: ({ followUpId }) => json('DELETE', `/api/hunt/follow-ups/${followUpId}`) },
  { route: 'DELETE /api/hunt/contacts/{id}', status: 200, request: ({ contactId }) => json('DELETE', `/api/hunt/contacts/${contactId}`) },
  {
    route: 'DELETE /api/hunt/applications/{id}',
    status: 400,
    request: ({ applicationId }) => json('DELETE', `/api/hunt/applications/${applicationId}`),
  },
  {
    route: 'DELETE /api/hunt/applications/{id}',
    status: 204,
    request: ({ applicationId }) => json('DELETE', `/api/hunt/applications/${applicationId}?confirm=delete`),
  },
];

// Gaps (none logged yet: rounds come with their own examples) and the story bank; the hard delete last.
const STORY_EXAMPLES: Example[] = [
  { route: 'GET /api/gaps', status: 200, request: () => json('GET', '/api/gaps?kind=onsite&from=2026-01-01&to=2026-12-31&checklist=prep') },
  { route: 'GET /api/gaps', status: 400, request: () => json('GET', '/api/gaps?from=2026-02-30') },
  {
    route: 'POST /api/stories',
    status: 201,
    request: () =>
      json('POST', '/api/stories', {
        title: 'Shipped the billing migration before the old provider shut down',
        situation: 'The provider gave us **three weeks**.',
        action: 'Dual writes, then a cut-over at night.',
        tags: ['billing'],
        competencies: ['tight-deadline', 'ownership'],
      }),
    finds: (body, found) => (found.storyId = (body as StoryJson).id),
  },
  { route: 'POST /api/stories', status: 400, request: () => json('POST', '/api/stories', { title: 'Brave', competencies: ['bravery'] }) },
  { route: 'GET /api/stories', status: 200, request: () => json('GET', '/api/stories') },
  { route: 'GET /api/stories/{id}', status: 200, request: ({ storyId }) => json('GET', `/api/stories/${storyId}`) },
  { route: 'GET /api/stories/{id}', status: 404, request: () => json('GET', '/api/stories/999999') },
  {
    route: 'PATCH /api/stories/{id}',
    status: 200,
    request: ({ storyId }) => json('PATCH', `/api/stories/${storyId}`, { result: 'No invoice lost.' }),
  },
  { route: 'PATCH /api/stories/{id}', status: 400, request: ({ storyId }) => json('PATCH', `/api/stories/${storyId}`, { competencies: ['nope'] }) },
  { route: 'POST /api/stories/{id}/review', status: 200, request: ({ storyId }) => json('POST', `/api/stories/${storyId}/review`, { rating: 3 }) },
  { route: 'POST /api/stories/{id}/review', status: 404, request: () => json('POST', '/api/stories/999999/review', { rating: 3 }) },
  { route: 'POST /api/stories/{id}/review/undo', status: 200, request: ({ storyId }) => json('POST', `/api/stories/${storyId}/review/undo`) },
  { route: 'POST /api/stories/{id}/review/undo', status: 404, request: ({ storyId }) => json('POST', `/api/stories/${storyId}/review/undo`) },
  { route: 'POST /api/competencies', status: 201, request: () => json('POST', '/api/competencies', { label: 'Customer focus', before: 'failure' }) },
  { route: 'POST /api/competencies', status: 400, request: () => json('POST', '/api/competencies', { label: 'Conflict' }) },
  { route: 'PATCH /api/competencies/{key}', status: 200, request: () => json('PATCH', '/api/competencies/customer-focus', { position: 0 }) },
  { route: 'PATCH /api/competencies/{key}', status: 400, request: () => json('PATCH', '/api/competencies/nowhere', { label: 'Nowhere' }) },
  { route: 'DELETE /api/stories/{id}', status: 400, request: ({ storyId }) => json('DELETE', `/api/stories/${storyId}`) },
  { route: 'DELETE /api/stories/{id}', status: 204, request: ({ storyId }) => json('DELETE', `/api/stories/${storyId}?confirm=delete`) },
];

/** The local date `days` from now (the server's clock is the real one; a day either way does no harm). */
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

// The plan to a date: availability, a target of two sections in two weeks, the plan, today's list again, the calendar.
const PLAN_EXAMPLES: Example[] = [
  { route: 'GET /api/checklists/{name}/plan/settings', status: 200, request: () => json('GET', '/api/checklists/prep/plan/settings') },
  {
    route: 'PATCH /api/checklists/{name}/plan/settings',
    status: 200,
    request: () =>
      json('PATCH', '/api/checklists/prep/plan/settings', { minutesPerDay: 45, weekdays: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] }),
  },
  {
    route: 'PATCH /api/checklists/{name}/plan/settings',
    status: 400,
    request: () => json('PATCH', '/api/checklists/prep/plan/settings', { minutesPerDay: 0 }),
  },
  {
    route: 'POST /api/checklists/{name}/plan/targets',
    status: 201,
    request: () => json('POST', '/api/checklists/prep/plan/targets', { date: inDays(14), sections: ['Python', 'Databases'] }),
    finds: (body, found) => (found.targetId = (body as PlanTargetJson).id),
  },
  {
    route: 'POST /api/checklists/{name}/plan/targets',
    status: 400,
    request: () => json('POST', '/api/checklists/prep/plan/targets', { date: '2099-02-30' }),
  },
  { route: 'GET /api/checklists/{name}/plan/targets', status: 200, request: () => json('GET', '/api/checklists/prep/plan/targets') },
  {
    route: 'PATCH /api/checklists/{name}/plan/targets/{id}',
    status: 200,
    request: ({ targetId }) => json('PATCH', `/api/checklists/prep/plan/targets/${targetId}`, { weight: 2, time: '14:30' }),
  },
  {
    route: 'PATCH /api/checklists/{name}/plan/targets/{id}',
    status: 404,
    request: () => json('PATCH', '/api/checklists/prep/plan/targets/999999', { weight: 2 }),
  },
  { route: 'GET /api/checklists/{name}/plan', status: 200, request: () => json('GET', '/api/checklists/prep/plan?days=3') },
  { route: 'GET /api/checklists/{name}/plan', status: 404, request: () => json('GET', '/api/checklists/nothing/plan') },
  { route: 'POST /api/checklists/{name}/plan/replan', status: 200, request: () => json('POST', '/api/checklists/prep/plan/replan', {}) },
  { route: 'GET /api/checklists/{name}/review', status: 200, request: () => json('GET', '/api/checklists/prep/review?plan=true&limit=5') },
  { route: 'GET /api/plan.ics', status: 200, request: () => json('GET', '/api/plan.ics?checklist=prep') },
  {
    route: 'DELETE /api/checklists/{name}/plan/targets/{id}',
    status: 200,
    request: ({ targetId }) => json('DELETE', `/api/checklists/prep/plan/targets/${targetId}`),
  },
  {
    route: 'DELETE /api/checklists/{name}/plan/targets/{id}',
    status: 404,
    request: ({ targetId }) => json('DELETE', `/api/checklists/prep/plan/targets/${targetId}`),
  },
];

// In order: the ones that change state come where the examples after them expect it; the removal comes last.
const EXAMPLES: Example[] = [
  { route: 'GET /api/checklists', status: 200, request: () => json('GET', '/api/checklists') },
  { route: 'GET /api/checklists/{name}/tree', status: 200, request: () => json('GET', '/api/checklists/prep/tree') },
  { route: 'GET /api/checklists/{name}/tree', status: 404, request: () => json('GET', '/api/checklists/nothing/tree') },
  { route: 'GET /api/checklists/{name}/dashboard', status: 200, request: () => json('GET', '/api/checklists/prep/dashboard') },
  { route: 'GET /api/topics/{id}', status: 200, request: ({ topicId }) => json('GET', `/api/topics/${topicId}`) },
  { route: 'GET /api/topics/{id}', status: 404, request: () => json('GET', '/api/topics/999999') },
  {
    route: 'PATCH /api/topics/{id}',
    status: 200,
    request: ({ topicId }) => json('PATCH', `/api/topics/${topicId}`, { state: 'learning', confidence: 2, notes: 'read **it**' }),
  },
  { route: 'PATCH /api/topics/{id}', status: 400, request: ({ topicId }) => json('PATCH', `/api/topics/${topicId}`, { state: 'mastered' }) },
  { route: 'GET /api/search', status: 200, request: () => json('GET', '/api/search?q=python&checklist=prep') },
  {
    route: 'POST /api/checklists/{name}/topics',
    status: 201,
    request: () => json('POST', '/api/checklists/prep/topics', { section: 'Other', title: 'Design a rate limiter' }),
    finds: (body, found) => (found.addedTopicId = (body as TopicDetailJson).topic.id),
  },
  {
    route: 'POST /api/checklists/{name}/topics',
    status: 400,
    request: () => json('POST', '/api/checklists/prep/topics', { section: 'Other', title: 'design a RATE limiter' }),
  },
  // What removing the topic added above takes, then removing it; a topic of the file is removed in the file.
  { route: 'DELETE /api/topics/{id}', status: 200, request: ({ addedTopicId }) => json('DELETE', `/api/topics/${addedTopicId}?dryRun=true`) },
  { route: 'DELETE /api/topics/{id}', status: 200, request: ({ addedTopicId }) => json('DELETE', `/api/topics/${addedTopicId}`) },
  { route: 'DELETE /api/topics/{id}', status: 400, request: ({ topicId }) => json('DELETE', `/api/topics/${topicId}`) },
  { route: 'DELETE /api/topics/{id}', status: 404, request: ({ addedTopicId }) => json('DELETE', `/api/topics/${addedTopicId}`) },
  {
    route: 'POST /api/imports/preview',
    status: 200,
    request: () => json('POST', '/api/imports/preview', { text: '# Extra\n- [x] one more topic\n', name: 'prep' }),
  },
  { route: 'POST /api/imports', status: 200, request: () => json('POST', '/api/imports', { text: '# Pasted\n- a topic\n', fileName: 'pasted.md' }) },
  { route: 'GET /api/checklists/{name}/review', status: 200, request: () => json('GET', '/api/checklists/prep/review?limit=5') },
  {
    route: 'POST /api/cards/{id}/answer',
    status: 200,
    request: ({ cardId }) => json('POST', `/api/cards/${cardId}/answer`, { rating: 3, durationMs: 900 }),
  },
  {
    route: 'POST /api/checklists/{name}/review/undo',
    status: 200,
    request: ({ cardId }) => json('POST', '/api/checklists/prep/review/undo', { cardId }),
  },
  { route: 'GET /api/topics/{id}/cards', status: 200, request: ({ topicId }) => json('GET', `/api/topics/${topicId}/cards`) },
  {
    route: 'POST /api/topics/{id}/cards',
    status: 201,
    request: ({ topicId }) => json('POST', `/api/topics/${topicId}/cards`, { front: 'Why?', back: 'Because.' }),
  },
  {
    route: 'PATCH /api/cards/{id}',
    status: 200,
    request: ({ addedCardId }) => json('PATCH', `/api/cards/${addedCardId}`, { back: 'Because, in Markdown.' }),
  },
  // Writes the card added above into the file, where it becomes the file's.
  {
    route: 'POST /api/checklists/{name}/write',
    status: 200,
    request: () => json('POST', '/api/checklists/prep/write', { all: true, cards: true, skipped: 'open' }),
  },
  { route: 'POST /api/checklists/{name}/write', status: 409, request: () => json('POST', '/api/checklists/pasted/write', { dryRun: true }) },
  {
    route: 'POST /api/topics/{id}/cards',
    status: 201,
    request: ({ topicId }) => json('POST', `/api/topics/${topicId}/cards`, { front: 'And how?', back: 'Slowly.' }),
  },
  { route: 'DELETE /api/cards/{id}', status: 200, request: ({ addedCardId }) => json('DELETE', `/api/cards/${addedCardId}`) },
  { route: 'GET /api/checklists/{name}/review/stats', status: 200, request: () => json('GET', '/api/checklists/prep/review/stats') },
  { route: 'GET /api/checklists/{name}/review/settings', status: 200, request: () => json('GET', '/api/checklists/prep/review/settings') },
  {
    route: 'PATCH /api/checklists/{name}/review/settings',
    status: 200,
    request: () => json('PATCH', '/api/checklists/prep/review/settings', { newPerDay: 30, timeZone: 'Europe/Moscow' }),
  },
  { route: 'POST /api/checklists/{name}/review/optimize', status: 200, request: () => json('POST', '/api/checklists/prep/review/optimize', {}) },
  ...HUNT_EXAMPLES,
  ...STORY_EXAMPLES,
  ...PLAN_EXAMPLES,
  { route: 'DELETE /api/checklists/{name}', status: 200, request: () => json('DELETE', '/api/checklists/pasted') },
];

/** The schema a route declares for one content type (`{ content: { 'text/csv': { schema } } }`), else its only one. */
function schemaFor(declared: TSchema, contentType: string): TSchema {
  const content = (declared as { content?: Record<string, { schema: TSchema }> }).content;
  if (!content) return declared;
  const type = contentType.split(';')[0]!.trim();
  expect(content[type], `no schema for ${type}`).toBeDefined();
  return content[type]!.schema;
}

const METHODS = ['get', 'put', 'post', 'patch', 'delete', 'head', 'options'];
/** `/api/checklists/{name}/tree` as Fastify writes it: `/api/checklists/:name/tree`. */
const fastifyPath = (openApiPath: string) => openApiPath.replace(/\{(\w+)\}/g, ':$1');

function topicsIn(section: ExportedSection): ExportedTopic[] {
  const all = (topics: ExportedTopic[]): ExportedTopic[] => topics.flatMap((topic) => [topic, ...all(topic.children)]);
  return [...all(section.topics), ...section.sections.flatMap(topicsIn)];
}

const dir = mkdtempSync(join(tmpdir(), 'prepdeck-contract-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

for (const backend of BACKENDS) {
  describe.skipIf(backend.skipReason !== null || !hasUserFixture)(`the API's contract (${backend.name})`, () => {
    // As `prepdeck serve` builds it on a loopback address: hosts checked, file writes on.
    const current = useServer(backend, { allowedHosts: LOOPBACK_HOSTS, fileWrites: { backupDir: join(dir, `backups-${backend.name}`) } });

    // Some 80 requests, an import and the optimizer among them: more than the default 5 s on a busy machine.
    it('answers every route of its OpenAPI document as the route schema for that status says', { timeout: 60_000 }, async () => {
      const { server, app } = current();
      // Which route answered, and the schema it declares for the status it sent, read off the request itself.
      const answered: Array<{ route: string; schema: TSchema | undefined }> = [];
      server.addHook('onSend', async (request, reply, payload) => {
        const { method, url, schema } = request.routeOptions;
        const responses = (schema?.response ?? {}) as Record<string, TSchema>;
        answered.push({ route: `${String(method)} ${url}`, schema: responses[String(reply.statusCode)] });
        return payload;
      });
      const file = join(dir, `prep-${backend.name}.md`);
      // Its bytes, not its mode: CI's shared/ is read-only, and prepdeck leaves read-only files alone.
      writeFileSync(file, readFileSync(USER_FIXTURE));
      await importChecklist(app, { file: await readChecklistFile(file), name: 'prep' });
      // As the web app calls it: its own host, and the header that lets a change carry no JSON body.
      const call = (options: InjectOptions) =>
        server.inject({ ...options, headers: { host: '127.0.0.1:4321', [CLIENT_HEADER]: 'web', ...options.headers } });

      // Every route in the document has an example, and every example a route in the document.
      const openapi = (await call({ method: 'GET', url: '/api/openapi.json' })).json<{ paths: Record<string, Record<string, unknown>> }>();
      const documented = Object.entries(openapi.paths).flatMap(([path, methods]) =>
        Object.keys(methods)
          .filter((method) => METHODS.includes(method))
          .map((method) => `${method.toUpperCase()} ${path}`),
      );
      expect(documented.length).toBeGreaterThan(15);
      expect([...new Set(EXAMPLES.map((example) => example.route))].sort()).toEqual([...documented].sort());

      // Review data first: a few answers in the log, so the queue, stats and optimizer have something to say.
      const ok = async <T>(options: Request): Promise<T> => {
        const response = await call(options);
        expect(response.statusCode, `${options.method} ${options.url}: ${response.body}`).toBe(200);
        return response.json<T>();
      };
      const tree = await ok<ChecklistTreeJson>({ method: 'GET', url: '/api/checklists/prep/tree' });
      const studied = topicsIn(tree.root).filter((topic) => topic.kind === 'topic');
      const queue = await ok<ReviewQueueJson>({ method: 'GET', url: '/api/checklists/prep/review?limit=4' });
      for (const [index, { card }] of queue.cards.entries()) {
        await ok({ method: 'POST', url: `/api/cards/${card.id}/answer`, payload: { rating: (index % 4) + 1 } });
      }
      const found: Found = {
        topicId: studied[0]!.id,
        cardId: queue.cards[0]!.card.id,
        addedCardId: 0,
        addedTopicId: 0,
        criterionId: 0,
        applicationId: 0,
        contactId: 0,
        followUpId: 0,
        roundId: 0,
        questionId: 0,
        storyId: 0,
        targetId: 0,
      };
      answered.length = 0;

      const ajv = buildAjv({ coerceTypes: false });
      for (const example of EXAMPLES) {
        const request = example.request(found);
        const response = await call(request);
        const label = `${example.route} (${request.method} ${request.url})`;
        expect(response.statusCode, `${label}: ${response.body}`).toBe(example.status);
        const last = answered.at(-1)!;
        const [method, path] = example.route.split(' ') as [string, string];
        expect(last.route, label).toBe(`${method} ${fastifyPath(path)}`);
        expect(last.schema, `${label} answered ${response.statusCode}, which its schema does not declare`).toBeDefined();
        const contentType = String(response.headers['content-type'] ?? '');
        const validate = ajv.compile(schemaFor(last.schema!, contentType));
        // JSON, a CSV's or calendar's text, or nothing (204).
        const body: unknown = contentType.startsWith('application/json') ? response.json() : response.body === '' ? undefined : response.body;
        expect(validate(body), `${label}: ${JSON.stringify(validate.errors)}`).toBe(true);
        if (example.route === 'POST /api/topics/{id}/cards') found.addedCardId = response.json<CardJson>().id;
        example.finds?.(body, found);
      }
    });
  });
}
