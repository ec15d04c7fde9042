// Reviewing's reads (today's count, the statistics, the settings) and the writes to the settings.
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { ReviewSettingsJson } from '../../../src/contract/review.js';
import { api } from '../lib/api.js';
import { totalRemaining } from '../lib/review.js';
import { dueCountKey, reviewKey, reviewSettingsKey, reviewStatsKey } from './keys.js';

const DUE_POLL_MS = 60_000;

/** Cards left to review today over the whole checklist: one card's worth of the queue, counted. */
export const dueCountQuery = (name: string) =>
  queryOptions({
    queryKey: dueCountKey(name),
    queryFn: async ({ signal }) => totalRemaining((await api.reviewQueue(name, { limit: 1 }, signal)).remaining),
    // Read by the header and the dashboard alike; a second reader asks nothing more.
    staleTime: DUE_POLL_MS,
  });

/**
 * Today's count for the badge, or null until known (or when the server has no review API). With `page` it is
 * asked again whenever the page changes, and each minute while the tab is visible; without, only read.
 */
export function useDueCount(checklist: string | null, page: string | null = null): number | null {
  const queryClient = useQueryClient();
  const due = useQuery({ ...dueCountQuery(checklist ?? ''), enabled: checklist !== null, refetchInterval: page === null ? false : DUE_POLL_MS });
  useEffect(() => {
    // A load under way (the first one) answers for this page too.
    if (page !== null && checklist !== null) void queryClient.invalidateQueries({ queryKey: dueCountKey(checklist) }, { cancelRefetch: false });
  }, [queryClient, checklist, page]);
  return due.data ?? null;
}

export const reviewStatsQuery = (name: string) =>
  queryOptions({ queryKey: reviewStatsKey(name), queryFn: ({ signal }) => api.reviewStats(name, signal) });

export const reviewSettingsQuery = (name: string) =>
  queryOptions({ queryKey: reviewSettingsKey(name), queryFn: ({ signal }) => api.reviewSettings(name, signal) });

/** New settings or parameters change today's queue, its intervals and counts: everything under the review. */
export function useSaveReviewSettings(checklist: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: Partial<ReviewSettingsJson>) => api.patchReviewSettings(checklist, patch),
    onSuccess: (saved) => queryClient.setQueryData(reviewSettingsQuery(checklist).queryKey, saved),
    // Not awaited: "Saved" shows at once, the queue and counts follow.
    onSettled: () => void queryClient.invalidateQueries({ queryKey: reviewKey(checklist) }),
  });
}

/** Fits FSRS parameters to the review log; applied (`true`), they change the review as new settings do. */
export function useOptimize(checklist: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (apply: boolean) => api.optimize(checklist, apply),
    onSuccess: (result) => {
      if (result.applied) void queryClient.invalidateQueries({ queryKey: reviewKey(checklist) });
    },
  });
}
