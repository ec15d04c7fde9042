// Interview rounds, the questions asked in them, the gaps they add up to and the bank of STAR stories: beside
// api.ts and through its `request`, in a module of their own so that they load with those pages only.
import type {
  CompetencyCreateJson,
  CompetencyPatchJson,
  GapsJson,
  GapsQuery,
  QuestionCardJson,
  QuestionCreateJson,
  QuestionPatchJson,
  RoundCreateJson,
  RoundDetailJson,
  RoundListJson,
  RoundPatchJson,
  StoryBankJson,
  StoryCreateJson,
  StoryPatchJson,
  SuggestionListJson,
} from '../../../src/contract/interviews.js';
import { request } from './api.js';

/** `?a=1&b=2` of the values given, or '' when none is. */
function search(params: Record<string, string | number | boolean | undefined | null>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== null && value !== '') query.set(key, String(value));
  const text = query.toString();
  return text ? `?${text}` : '';
}

export interface RoundFilter {
  upcoming?: boolean;
  application?: number;
  kind?: string;
}

/** The calendar of every round, as a plain link downloads it. */
export const ROUNDS_ICS = '/api/rounds.ics';

export const interviewsApi = {
  rounds: (filter: RoundFilter, signal?: AbortSignal) => request<RoundListJson>('GET', `/api/rounds${search({ ...filter })}`, undefined, signal),
  round: (id: number, signal?: AbortSignal) => request<RoundDetailJson>('GET', `/api/rounds/${id}`, undefined, signal),
  addRound: (body: RoundCreateJson) => request<RoundDetailJson>('POST', '/api/rounds', body),
  patchRound: (id: number, patch: RoundPatchJson) => request<RoundDetailJson>('PATCH', `/api/rounds/${id}`, patch),
  deleteRound: (id: number) => request<unknown>('DELETE', `/api/rounds/${id}`),

  addQuestion: (roundId: number, body: QuestionCreateJson) => request<RoundDetailJson>('POST', `/api/rounds/${roundId}/questions`, body),
  patchQuestion: (id: number, patch: QuestionPatchJson) => request<RoundDetailJson>('PATCH', `/api/questions/${id}`, patch),
  deleteQuestion: (id: number) => request<RoundDetailJson>('DELETE', `/api/questions/${id}`),
  /** The question becomes a question/answer card of its topic: front the question, back the better answer. */
  questionCard: (id: number, body: QuestionCardJson) => request<unknown>('POST', `/api/questions/${id}/card`, body),
  /** The topics a question's text is likely about, best first; the round's sections first. */
  suggestions: (q: string, round: number | null, signal?: AbortSignal) =>
    request<SuggestionListJson>('GET', `/api/topic-suggestions${search({ q, round, limit: 8 })}`, undefined, signal),

  gaps: (query: GapsQuery, signal?: AbortSignal) => request<GapsJson>('GET', `/api/gaps${search({ ...query })}`, undefined, signal),

  stories: (signal?: AbortSignal) => request<StoryBankJson>('GET', '/api/stories', undefined, signal),
  addStory: (body: StoryCreateJson) => request<unknown>('POST', '/api/stories', body),
  patchStory: (id: number, patch: StoryPatchJson) => request<unknown>('PATCH', `/api/stories/${id}`, patch),
  /** For good: the server asks for `confirm=delete` in words. */
  deleteStory: (id: number) => request<unknown>('DELETE', `/api/stories/${id}?confirm=delete`),
  reviewStory: (id: number, rating: 1 | 2 | 3 | 4) => request<unknown>('POST', `/api/stories/${id}/review`, { rating }),
  undoStoryReview: (id: number) => request<unknown>('POST', `/api/stories/${id}/review/undo`),
  addCompetency: (body: CompetencyCreateJson) => request<unknown>('POST', '/api/competencies', body),
  patchCompetency: (key: string, patch: CompetencyPatchJson) => request<unknown>('PATCH', `/api/competencies/${encodeURIComponent(key)}`, patch),
};
