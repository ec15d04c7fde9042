// The one place the UI talks to the server: typed fetches over the JSON API of src/contract/.
import type { ChecklistListJson, ChecklistTreeJson, DashboardJson } from '../../../src/contract/checklists.js';
import type { ErrorJson } from '../../../src/contract/common.js';
import type { ImportRequestJson, ImportResultJson } from '../../../src/contract/imports.js';
import type {
  AnswerJson,
  AnswerRequestJson,
  CardDraftJson,
  CardJson,
  CardListJson,
  OptimizeJson,
  ReviewQueueJson,
  ReviewSettingsJson,
  ReviewStatsJson,
  UndoJson,
} from '../../../src/contract/review.js';
import type { TopicDetailJson, TopicPatchJson, TopicRemovalJson } from '../../../src/contract/topics.js';
import type { WriteBackRequestJson, WriteBackResultJson } from '../../../src/contract/write-back.js';

/** A failed request, carrying the server's one-line message so pages can show it as is. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

/** `signal`: TanStack Query's, so that a load nobody waits for any more is aborted. */
export async function request<T>(method: string, url: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    // The browser's HTTP cache sends If-None-Match with a GET, so an unchanged tree comes back as a 304.
    response = await fetch(url, {
      method,
      // x-prepdeck-client: the server takes a change without a JSON body (undo, delete) only with it (src/server/hosts.ts).
      headers: { accept: 'application/json', 'x-prepdeck-client': 'web', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? null : JSON.stringify(body),
      signal: signal ?? null,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(0, 'network', 'Cannot reach the prepdeck server. Is `prepdeck serve` still running?');
  }
  const payload: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = (payload as ErrorJson | null)?.error;
    throw new ApiError(response.status, error?.type ?? 'http', error?.message ?? fallbackMessage(response.status));
  }
  return payload as T;
}

function fallbackMessage(status: number): string {
  if (status === 413) return 'The file is too large to import.';
  if (status === 404) return 'Not found.';
  return `The server answered ${status}.`;
}

const checklistPath = (name: string) => `/api/checklists/${encodeURIComponent(name)}`;

export const api = {
  checklists: (signal?: AbortSignal) => request<ChecklistListJson>('GET', '/api/checklists', undefined, signal),
  tree: (name: string, signal?: AbortSignal) => request<ChecklistTreeJson>('GET', `${checklistPath(name)}/tree`, undefined, signal),
  dashboard: (name: string, signal?: AbortSignal) => request<DashboardJson>('GET', `${checklistPath(name)}/dashboard`, undefined, signal),
  topic: (id: number, signal?: AbortSignal) => request<TopicDetailJson>('GET', `/api/topics/${id}`, undefined, signal),
  patchTopic: (id: number, patch: TopicPatchJson) => request<TopicDetailJson>('PATCH', `/api/topics/${id}`, patch),
  /** Removes a topic added in prepdeck, with all it holds; `dryRun`: only says what that would take. */
  unaddTopic: (id: number, dryRun = false) => request<TopicRemovalJson>('DELETE', `/api/topics/${id}${dryRun ? '?dryRun=true' : ''}`),
  previewImport: (body: ImportRequestJson) => request<ImportResultJson>('POST', '/api/imports/preview', body),
  applyImport: (body: ImportRequestJson) => request<ImportResultJson>('POST', '/api/imports', body),
  /** Writes each topic's state into the file the checklist was imported from (`dryRun`: the diff only). */
  writeBack: (name: string, body: WriteBackRequestJson, signal?: AbortSignal) =>
    request<WriteBackResultJson>('POST', `${checklistPath(name)}/write`, body, signal),

  /**
   * The cards to study now; `section` is a section path fragment (`python/iteration`), `topics` topic ids (`12,40`),
   * `plan` today's planned items not yet done, in the plan's order.
   */
  reviewQueue: (
    name: string,
    { section, topics, plan, limit }: { section?: string | null; topics?: string | null; plan?: boolean; limit?: number } = {},
    signal?: AbortSignal,
  ) => {
    const query = new URLSearchParams();
    if (section) query.set('section', section);
    if (topics) query.set('topics', topics);
    if (plan) query.set('plan', 'true');
    if (limit !== undefined) query.set('limit', String(limit));
    const search = query.toString() ? `?${query.toString()}` : '';
    return request<ReviewQueueJson>('GET', `${checklistPath(name)}/review${search}`, undefined, signal);
  },
  answerCard: (id: number, body: AnswerRequestJson) => request<AnswerJson>('POST', `/api/cards/${id}/answer`, body),
  /** `cardId`: the card this page answered last; when the checklist's last answer is another's (given elsewhere since), 409. */
  undoReview: (name: string, cardId?: number) =>
    request<UndoJson>('POST', `${checklistPath(name)}/review/undo`, cardId === undefined ? undefined : { cardId }),
  reviewStats: (name: string, signal?: AbortSignal) => request<ReviewStatsJson>('GET', `${checklistPath(name)}/review/stats`, undefined, signal),
  reviewSettings: (name: string, signal?: AbortSignal) =>
    request<ReviewSettingsJson>('GET', `${checklistPath(name)}/review/settings`, undefined, signal),
  patchReviewSettings: (name: string, patch: Partial<ReviewSettingsJson>) =>
    request<ReviewSettingsJson>('PATCH', `${checklistPath(name)}/review/settings`, patch),
  optimize: (name: string, apply: boolean) => request<OptimizeJson>('POST', `${checklistPath(name)}/review/optimize`, { apply }),

  topicCards: (topicId: number, signal?: AbortSignal) => request<CardListJson>('GET', `/api/topics/${topicId}/cards`, undefined, signal),
  addCard: (topicId: number, draft: CardDraftJson) => request<CardJson>('POST', `/api/topics/${topicId}/cards`, draft),
  editCard: (id: number, draft: Partial<CardDraftJson>) => request<CardJson>('PATCH', `/api/cards/${id}`, draft),
  removeCard: (id: number) => request<CardJson>('DELETE', `/api/cards/${id}`),
};

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
