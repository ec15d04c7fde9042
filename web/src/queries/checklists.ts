// A checklist's reads (the list, its tree, its dashboard) and the writes that change them: marking a topic
// from the tree, and importing.
import { queryOptions, useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, errorMessage } from '../lib/api.js';
import type { TopicState } from '../lib/states.js';
import { withTopicState } from '../lib/tree.js';
import { checklistKey, checklistsKey, dashboardKey, markTopicsKey, topicKey, topicsKey, treeKey } from './keys.js';

export const checklistsQuery = () => queryOptions({ queryKey: checklistsKey(), queryFn: ({ signal }) => api.checklists(signal) });

export const treeQuery = (name: string) => queryOptions({ queryKey: treeKey(name), queryFn: ({ signal }) => api.tree(name, signal) });

export const dashboardQuery = (name: string) => queryOptions({ queryKey: dashboardKey(name), queryFn: ({ signal }) => api.dashboard(name, signal) });

/** After an import or a write to the file: the checklist's every view, the list (counts, import time), its topics. */
export function invalidateImported(queryClient: QueryClient, name: string): Promise<unknown> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: checklistsKey() }),
    queryClient.invalidateQueries({ queryKey: checklistKey(name) }),
    queryClient.invalidateQueries({ queryKey: topicsKey() }),
  ]);
}

/**
 * A topic's state set from the tree: shown at once, bars included, and sent in the order given (two clicks on
 * one circle reach the server in turn). The last one of a burst brings the server's tree back.
 */
export function useMarkTopic(checklist: string) {
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const mutationKey = markTopicsKey(checklist);
  const { mutate } = useMutation({
    mutationKey,
    scope: { id: mutationKey.join('\n') },
    mutationFn: ({ id, state }: { id: number; state: TopicState }) => api.patchTopic(id, { state }),
    onMutate: async ({ id, state }) => {
      setError(null);
      // A load under way answers with the state from before this change: drop it.
      await queryClient.cancelQueries({ queryKey: treeQuery(checklist).queryKey });
      queryClient.setQueryData(treeQuery(checklist).queryKey, (current) => current && { ...current, root: withTopicState(current.root, id, state) });
    },
    onError: (e) => setError(`Could not save the state: ${errorMessage(e)}`),
    onSettled: (_answer, _error, { id }) => {
      void queryClient.invalidateQueries({ queryKey: topicKey(id) });
      // Earlier ones would bring back a tree without the marks still on their way.
      if (queryClient.isMutating({ mutationKey }) === 1) return queryClient.invalidateQueries({ queryKey: checklistKey(checklist) });
    },
  });
  return { mark: mutate, error };
}

/** Apply an import: once the list has the checklist, the page may open it. */
export function useApplyImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: api.applyImport,
    onSuccess: (result) => invalidateImported(queryClient, result.checklist.name),
  });
}

/** A dry run of an import: `data` answers exactly `variables`, and only the latest call (or none, after `reset`) shows. */
export function usePreviewImport() {
  return useMutation({ mutationFn: api.previewImport });
}
