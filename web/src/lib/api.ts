// The one place the UI talks to the server: typed fetches over the JSON API of src/core/api.ts.
import type {
  AnswerJson,
  AnswerRequestJson,
  CardDraftJson,
  CardJson,
  CardListJson,
  ChecklistListJson,
  ChecklistTreeJson,
  DashboardJson,
  ErrorJson,
  ImportRequestJson,
  ImportResultJson,
  OptimizeJson,
  ReviewQueueJson,
  ReviewSettingsJson,
  ReviewStatsJson,
  TopicDetailJson,
  TopicPatchJson,
  UndoJson,
  WriteBackRequestJson,
  WriteBackResultJson,
} from '../../../src/core/api.js';

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

async function request<T>(method: string, url: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      // x-prepdeck-client: the server takes a change without a JSON body (undo, delete) only with it (src/server/hosts.ts).
      headers: { accept: 'application/json', 'x-prepdeck-client': 'web', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? null : JSON.stringify(body),
    });
  } catch {
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
  checklists: () => request<ChecklistListJson>('GET', '/api/checklists'),
  tree: (name: string) => request<ChecklistTreeJson>('GET', `${checklistPath(name)}/tree`),
  dashboard: (name: string) => request<DashboardJson>('GET', `${checklistPath(name)}/dashboard`),
  topic: (id: number) => request<TopicDetailJson>('GET', `/api/topics/${id}`),
  patchTopic: (id: number, patch: TopicPatchJson) => request<TopicDetailJson>('PATCH', `/api/topics/${id}`, patch),
  previewImport: (body: ImportRequestJson) => request<ImportResultJson>('POST', '/api/imports/preview', body),
  applyImport: (body: ImportRequestJson) => request<ImportResultJson>('POST', '/api/imports', body),
  /** Writes each topic's state into the file the checklist was imported from (`dryRun`: the diff only). */
  writeBack: (name: string, body: WriteBackRequestJson) => request<WriteBackResultJson>('POST', `${checklistPath(name)}/write`, body),

  /** The cards to study now; `section` is a section path fragment (`python/iteration`). */
  reviewQueue: (name: string, { section, limit }: { section?: string | null; limit?: number } = {}) => {
    const query = new URLSearchParams();
    if (section) query.set('section', section);
    if (limit !== undefined) query.set('limit', String(limit));
    const search = query.toString() ? `?${query.toString()}` : '';
    return request<ReviewQueueJson>('GET', `${checklistPath(name)}/review${search}`);
  },
  answerCard: (id: number, body: AnswerRequestJson) => request<AnswerJson>('POST', `/api/cards/${id}/answer`, body),
  /** `cardId`: the card this page answered last; when the checklist's last answer is another's (given elsewhere since), 409. */
  undoReview: (name: string, cardId?: number) =>
    request<UndoJson>('POST', `${checklistPath(name)}/review/undo`, cardId === undefined ? undefined : { cardId }),
  reviewStats: (name: string) => request<ReviewStatsJson>('GET', `${checklistPath(name)}/review/stats`),
  reviewSettings: (name: string) => request<ReviewSettingsJson>('GET', `${checklistPath(name)}/review/settings`),
  patchReviewSettings: (name: string, patch: Partial<ReviewSettingsJson>) =>
    request<ReviewSettingsJson>('PATCH', `${checklistPath(name)}/review/settings`, patch),
  optimize: (name: string, apply: boolean) => request<OptimizeJson>('POST', `${checklistPath(name)}/review/optimize`, { apply }),

  topicCards: (topicId: number) => request<CardListJson>('GET', `/api/topics/${topicId}/cards`),
  addCard: (topicId: number, draft: CardDraftJson) => request<CardJson>('POST', `/api/topics/${topicId}/cards`, draft),
  editCard: (id: number, draft: Partial<CardDraftJson>) => request<CardJson>('PATCH', `/api/cards/${id}`, draft),
  removeCard: (id: number) => request<CardJson>('DELETE', `/api/cards/${id}`),
};

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
