// The job hunt's calls, beside api.ts and through its `request`: kept in a module of their own so that they load
// with the Hunt pages, not with the Checklist page's entry chunk (but for the board's two reads, queries/huntBoard.ts).
import type {
  AgendaJson,
  ApplicationCreateJson,
  ApplicationDetailJson,
  ApplicationPatchJson,
  ApplicationPatchResultJson,
  ContactCreateJson,
  ContactPatchJson,
  CriterionCreateJson,
  CriterionJson,
  CriterionPatchJson,
  FollowUpCreateJson,
  FollowUpPatchJson,
  FunnelJson,
  HuntJson,
  HuntPatchJson,
  MarkPutJson,
  MoveJson,
  MoveResultJson,
  OfferComparisonJson,
  OfferPutJson,
  OfferPutResultJson,
  StageCreateJson,
  StagePatchJson,
} from '../../../src/contract/hunt.js';
import { request } from './api.js';

const app = (id: number) => `/api/hunt/applications/${id}`;

/** The CSV of every application, as a plain link downloads it. */
export const APPLICATIONS_CSV = '/api/hunt/applications.csv';

export const huntApi = {
  patchHunt: (patch: HuntPatchJson) => request<HuntJson>('PATCH', '/api/hunt', patch),
  addStage: (body: StageCreateJson) => request<HuntJson>('POST', '/api/hunt/stages', body),
  patchStage: (key: string, patch: StagePatchJson) => request<HuntJson>('PATCH', `/api/hunt/stages/${encodeURIComponent(key)}`, patch),
  addCriterion: (body: CriterionCreateJson) => request<CriterionJson>('POST', '/api/hunt/criteria', body),
  patchCriterion: (id: number, patch: CriterionPatchJson) => request<CriterionJson>('PATCH', `/api/hunt/criteria/${id}`, patch),

  application: (id: number, signal?: AbortSignal) => request<ApplicationDetailJson>('GET', app(id), undefined, signal),
  addApplication: (body: ApplicationCreateJson) => request<ApplicationDetailJson>('POST', '/api/hunt/applications', body),
  patchApplication: (id: number, patch: ApplicationPatchJson) => request<ApplicationPatchResultJson>('PATCH', app(id), patch),
  /** For good, its history included: the server asks for `confirm=delete` in words. */
  deleteApplication: (id: number) => request<unknown>('DELETE', `${app(id)}?confirm=delete`),
  /** `from`: the stage this page showed; the server refuses with 409 when it has changed since. */
  move: (id: number, body: MoveJson) => request<MoveResultJson>('POST', `${app(id)}/moves`, body),
  mark: (id: number, criterionId: number, body: MarkPutJson) => request<ApplicationDetailJson>('PUT', `${app(id)}/marks/${criterionId}`, body),

  addContact: (id: number, body: ContactCreateJson) => request<ApplicationDetailJson>('POST', `${app(id)}/contacts`, body),
  patchContact: (contactId: number, patch: ContactPatchJson) => request<ApplicationDetailJson>('PATCH', `/api/hunt/contacts/${contactId}`, patch),
  deleteContact: (contactId: number) => request<ApplicationDetailJson>('DELETE', `/api/hunt/contacts/${contactId}`),

  addFollowUp: (id: number, body: FollowUpCreateJson) => request<ApplicationDetailJson>('POST', `${app(id)}/follow-ups`, body),
  patchFollowUp: (followUpId: number, patch: FollowUpPatchJson) =>
    request<ApplicationDetailJson>('PATCH', `/api/hunt/follow-ups/${followUpId}`, patch),
  deleteFollowUp: (followUpId: number) => request<ApplicationDetailJson>('DELETE', `/api/hunt/follow-ups/${followUpId}`),

  putOffer: (id: number, body: OfferPutJson) => request<OfferPutResultJson>('PUT', `${app(id)}/offer`, body),
  deleteOffer: (id: number) => request<ApplicationDetailJson>('DELETE', `${app(id)}/offer`),
  offers: (signal?: AbortSignal) => request<OfferComparisonJson>('GET', '/api/hunt/offers', undefined, signal),
  agenda: (signal?: AbortSignal) => request<AgendaJson>('GET', '/api/hunt/agenda', undefined, signal),
  funnel: (signal?: AbortSignal) => request<FunnelJson>('GET', '/api/hunt/funnel', undefined, signal),
};
