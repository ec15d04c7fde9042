// The job hunt's reads and writes. Every write answers what it changed (an application's whole detail, or a
// criterion); the rest of the hunt (board, fits, agenda, funnel, offers) is asked again by the ['hunt'] prefix.
import { queryOptions, useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ApplicationDetailJson, ApplicationListJson, MoveJson } from '../../../src/contract/hunt.js';
import { ApiError, errorMessage } from '../lib/api.js';
import { huntApi } from '../lib/huntApi.js';
import { agendaKey, applicationKey, funnelKey, huntKey, huntWritesKey, offersKey } from './keys.js';

export const applicationQuery = (id: number) =>
  queryOptions({ queryKey: applicationKey(id), queryFn: ({ signal }) => huntApi.application(id, signal) });
export const offersQuery = () => queryOptions({ queryKey: offersKey(), queryFn: ({ signal }) => huntApi.offers(signal) });
export const agendaQuery = () => queryOptions({ queryKey: agendaKey(), queryFn: ({ signal }) => huntApi.agenda(signal) });
export const funnelQuery = () => queryOptions({ queryKey: funnelKey(), queryFn: ({ signal }) => huntApi.funnel(signal) });

/** After any write: everything of the hunt but the detail the write has just answered. */
function invalidateHunt(queryClient: QueryClient, answered: ApplicationDetailJson | null = null): Promise<void> {
  const skip = answered ? applicationKey(answered.application.id) : null;
  return queryClient.invalidateQueries({
    queryKey: huntKey(),
    predicate: (query) => skip === null || JSON.stringify(query.queryKey) !== JSON.stringify(skip),
  });
}

/**
 * A write to the hunt, run by `mutate(vars)` (a promise of its answer): an application's detail answered is
 * shown at once, the rest follows. `error` is the last failure in words, cleared by the next write.
 */
export function useHuntWrite<Vars, Answer>(write: (vars: Vars) => Promise<Answer>) {
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const mutation = useMutation({
    mutationKey: huntWritesKey(),
    mutationFn: write,
    onMutate: () => setError(null),
    onSuccess: (answer) => {
      const detail = isDetail(answer) ? answer : null;
      if (detail) queryClient.setQueryData(applicationKey(detail.application.id), detail);
      void invalidateHunt(queryClient, detail);
    },
    onError: (e) => setError(errorMessage(e)),
  });
  /** Resolves with the answer, or null when the write failed (`error` says why). */
  const run = async (vars: Vars): Promise<Answer | null> => {
    try {
      return await mutation.mutateAsync(vars);
    } catch {
      return null;
    }
  };
  return { run, error, pending: mutation.isPending, clearError: () => setError(null) };
}

function isDetail(answer: unknown): answer is ApplicationDetailJson {
  return typeof answer === 'object' && answer !== null && 'application' in answer && 'history' in answer;
}

interface MoveVars {
  id: number;
  move: MoveJson;
}

/**
 * Moving an application to another stage: the board shows it there at once; when the server refuses (another
 * window moved it first: 409) the board goes back to the server's and says so.
 */
export function useMoveApplication() {
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const mutation = useMutation({
    mutationKey: huntWritesKey(),
    mutationFn: ({ id, move }: MoveVars) => huntApi.move(id, move),
    onMutate: async ({ id, move }) => {
      setError(null);
      // A load under way would answer with the stage from before the move.
      await queryClient.cancelQueries({ queryKey: [...huntKey(), 'applications'] });
      const before = queryClient.getQueriesData<ApplicationListJson>({ queryKey: [...huntKey(), 'applications'] });
      queryClient.setQueriesData<ApplicationListJson>(
        { queryKey: [...huntKey(), 'applications'] },
        (list) => list && { applications: list.applications.map((a) => (a.id === id ? { ...a, stage: move.to } : a)) },
      );
      return { before };
    },
    onError: (e, _vars, context) => {
      for (const [key, data] of context?.before ?? []) queryClient.setQueryData(key, data);
      setError(
        e instanceof ApiError && e.status === 409
          ? 'Not moved: it was moved meanwhile in another window — reloaded.'
          : `Could not move it: ${errorMessage(e)}`,
      );
    },
    onSuccess: (detail) => queryClient.setQueryData(applicationKey(detail.application.id), detail),
    onSettled: (detail) => void invalidateHunt(queryClient, detail ?? null),
  });
  return { move: (vars: MoveVars) => mutation.mutateAsync(vars).catch(() => null), error, clearError: () => setError(null) };
}

/** A hard delete, history included: `onDeleted` leaves the page first, so nothing asks for the application again. */
export function useDeleteApplication(id: number, onDeleted: () => void) {
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const mutation = useMutation({
    mutationKey: huntWritesKey(),
    mutationFn: () => huntApi.deleteApplication(id),
    onMutate: () => setError(null),
    onSuccess: () => {
      onDeleted();
      queryClient.removeQueries({ queryKey: applicationKey(id) });
      void invalidateHunt(queryClient);
    },
    onError: (e) => setError(`Not deleted: ${errorMessage(e)}`),
  });
  return { remove: () => mutation.mutate(), error, pending: mutation.isPending };
}
