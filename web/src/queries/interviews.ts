// Interviews' reads and writes. A change to a round or its questions answers the round's whole detail, which
// replaces the cached one; the rest under ['interviews'] (lists, the Dashboard's upcoming rounds, gaps) is asked
// again. A question's score is evidence about its topics: those topics and their checklists' review queues moved.
import { keepPreviousData, queryOptions, useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { GapsQuery, RoundDetailJson } from '../../../src/contract/interviews.js';
import { errorMessage } from '../lib/api.js';
import { interviewsApi, type RoundFilter } from '../lib/interviewsApi.js';
import { useWrite } from './write.js';
import { gapsKey, interviewsKey, interviewWritesKey, reviewKey, roundKey, roundsKey, storiesKey, suggestionsKey, topicKey } from './keys.js';

export const roundsQuery = (filter: RoundFilter) =>
  queryOptions({ queryKey: roundsKey(filter), queryFn: ({ signal }) => interviewsApi.rounds(filter, signal) });
export const roundQuery = (id: number) => queryOptions({ queryKey: roundKey(id), queryFn: ({ signal }) => interviewsApi.round(id, signal) });
export const suggestionsQuery = (round: number | null, q: string) =>
  queryOptions({
    queryKey: suggestionsKey(round, q),
    queryFn: ({ signal }) => interviewsApi.suggestions(q, round, signal),
    enabled: q.trim() !== '',
    // The list stays while the next keystroke's is on its way, so it does not flicker.
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
export const gapsQuery = (query: GapsQuery) =>
  queryOptions({
    queryKey: gapsKey(Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined)) as Record<string, string>),
    queryFn: ({ signal }) => interviewsApi.gaps(query, signal),
    placeholderData: keepPreviousData,
  });
export const storiesQuery = () => queryOptions({ queryKey: storiesKey(), queryFn: ({ signal }) => interviewsApi.stories(signal) });

/** The topics (and their checklists) a round's questions touch. */
function touched(detail: RoundDetailJson | undefined): { topics: Set<number>; checklists: Set<string> } {
  const topics = new Set<number>();
  const checklists = new Set<string>();
  for (const question of detail?.questions ?? []) {
    for (const topic of question.topics) {
      topics.add(topic.topicId);
      checklists.add(topic.checklist);
    }
  }
  return { topics, checklists };
}

/**
 * After a write: the rest of the interviews is asked again; when a question's evidence may have moved (a score or its
 * topics changed, a question or round went), so are the topics it touches and the review of their checklists.
 */
function invalidateAfter(queryClient: QueryClient, before: RoundDetailJson | undefined, after: RoundDetailJson | null, evidence: boolean) {
  const skip = after ? JSON.stringify(roundKey(after.round.id)) : null;
  void queryClient.invalidateQueries({ queryKey: interviewsKey(), predicate: (query) => JSON.stringify(query.queryKey) !== skip });
  if (!evidence) return;
  const was = touched(before);
  const is = touched(after ?? undefined);
  for (const id of new Set([...was.topics, ...is.topics])) void queryClient.invalidateQueries({ queryKey: topicKey(id) });
  for (const name of new Set([...was.checklists, ...is.checklists])) void queryClient.invalidateQueries({ queryKey: reviewKey(name) });
}

/**
 * A write to one round, run by `run(call)` with a call answering the round's detail (or nothing, for a delete):
 * the detail answered is shown at once. `evidence`: the write may move review schedules. `error` is the last failure.
 */
export function useRoundWrite(roundId: number | null) {
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const mutation = useMutation({
    mutationKey: interviewWritesKey(),
    mutationFn: ({ call }: { call: () => Promise<unknown>; evidence: boolean }) => call(),
    onMutate: () => {
      setError(null);
      return { before: roundId === null ? undefined : queryClient.getQueryData<RoundDetailJson>(roundKey(roundId)) };
    },
    onSuccess: (answer, { evidence }, context) => {
      const detail = isRoundDetail(answer) ? answer : null;
      if (detail) queryClient.setQueryData(roundKey(detail.round.id), detail);
      invalidateAfter(queryClient, context.before, detail, evidence);
    },
    onError: (e) => setError(errorMessage(e)),
  });
  /** Resolves with the answer, or null when the write failed (`error` says why). */
  const run = async <T>(call: () => Promise<T>, evidence = false): Promise<T | null> => {
    try {
      return (await mutation.mutateAsync({ call, evidence })) as T;
    } catch {
      return null;
    }
  };
  return { run, error, pending: mutation.isPending, clearError: () => setError(null) };
}

function isRoundDetail(answer: unknown): answer is RoundDetailJson {
  return typeof answer === 'object' && answer !== null && 'round' in answer && 'questions' in answer;
}

/** A write to the stories or competencies: the bank (matrix included) is asked again after it. */
export function useStoryWrite() {
  const queryClient = useQueryClient();
  return useWrite(interviewWritesKey(), () => queryClient.invalidateQueries({ queryKey: storiesKey() }));
}
