// Writing the states into the checklist's file: the dry run shown in the panel, and the write itself.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../lib/api.js';
import { invalidateImported } from './checklists.js';
import { writeBackDryRunKey, writeBackKey } from './keys.js';

/**
 * The dry run for the states shown (`revision`): with cards first, which tells whether any were added here,
 * then without them unless asked, as `sync --write`. The last answer stays on screen while the next one
 * loads; none starts while writing (`enabled`).
 */
export function useWriteBackDryRun(checklist: string, revision: string, withCards: boolean, enabled: boolean) {
  return useQuery({
    queryKey: writeBackDryRunKey(checklist, revision, withCards),
    queryFn: async ({ signal }) => {
      const probe = await api.writeBack(checklist, { dryRun: true, cards: true }, signal);
      const available = probe.writeBack.cards.length;
      const cards = withCards && available > 0;
      const result = cards || available === 0 ? probe : await api.writeBack(checklist, { dryRun: true, cards: false }, signal);
      return { available, cards, result };
    },
    placeholderData: keepPreviousData,
    enabled,
    // Read again only when the states shown change (a new key); kept no longer than the panel.
    staleTime: Infinity,
    gcTime: 0,
  });
}

/** The write: it brings the file's edits in first, so everything shown of the checklist is asked again. */
export function useWriteBack(checklist: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: writeBackKey(checklist),
    mutationFn: (cards: boolean) => api.writeBack(checklist, { cards }),
    // Not awaited: the result shows at once, the views follow.
    onSuccess: () => void invalidateImported(queryClient, checklist),
  });
}
