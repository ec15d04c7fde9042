// A topic's detail and cards, and the writes to them.
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { CardDraftJson, CardJson } from '../../../src/contract/review.js';
import type { TopicPatchJson, TopicRemovalJson } from '../../../src/contract/topics.js';
import { api } from '../lib/api.js';
import { checklistKey, interviewsKey, reviewKey, saveTopicKey, topicCardsKey, topicKey } from './keys.js';

export const topicQuery = (id: number) => queryOptions({ queryKey: topicKey(id), queryFn: ({ signal }) => api.topic(id, signal) });

export const topicCardsQuery = (id: number) => queryOptions({ queryKey: topicCardsKey(id), queryFn: ({ signal }) => api.topicCards(id, signal) });

/** State, confidence or notes of the topic on screen, saved one after another; its checklist's views follow. */
export function useSaveTopic(id: number) {
  const queryClient = useQueryClient();
  const mutationKey = saveTopicKey(id);
  return useMutation({
    mutationKey,
    scope: { id: mutationKey.join('\n') },
    mutationFn: (patch: TopicPatchJson) => api.patchTopic(id, patch),
    // A load under way answers with the topic from before the save.
    onMutate: () => queryClient.cancelQueries({ queryKey: topicKey(id), exact: true }),
    onSuccess: (updated) => {
      queryClient.setQueryData(topicQuery(id).queryKey, updated);
      void queryClient.invalidateQueries({ queryKey: checklistKey(updated.topic.checklist) });
    },
  });
}

/**
 * Removes a topic added in prepdeck (the server answers what went); the page's poll waits meanwhile, under the topic's
 * save key. `onRemoved` runs first, so that the page leaves before its topic is dropped from the cache.
 */
export function useUnaddTopic(id: number, checklist: string, onRemoved: (answer: TopicRemovalJson) => void) {
  const queryClient = useQueryClient();
  const mutationKey = saveTopicKey(id);
  return useMutation({
    mutationKey,
    scope: { id: mutationKey.join('\n') },
    mutationFn: () => api.unaddTopic(id),
    onMutate: () => queryClient.cancelQueries({ queryKey: topicKey(id) }),
    onSuccess: (answer) => {
      onRemoved(answer);
      queryClient.removeQueries({ queryKey: topicKey(id) });
      void queryClient.invalidateQueries({ queryKey: checklistKey(checklist) });
      // A question mapped to it has lost it.
      if (answer.questions > 0) void queryClient.invalidateQueries({ queryKey: interviewsKey() });
    },
  });
}

/** A topic's own cards: added, edited, removed; each changes the list shown and the checklist's review. */
export function useCardWrites(topicId: number, checklist: string) {
  const queryClient = useQueryClient();
  const { queryKey } = topicCardsQuery(topicId);
  // Not awaited: the list and the form follow at once, the review's counts a moment later.
  const reviewChanged = () => void queryClient.invalidateQueries({ queryKey: reviewKey(checklist) });
  const replaceCard = (card: CardJson) =>
    queryClient.setQueryData(queryKey, (current) => current && { cards: current.cards.map((c) => (c.id === card.id ? card : c)) });
  const add = useMutation({
    mutationFn: (draft: CardDraftJson) => api.addCard(topicId, draft),
    onSuccess: (card) => queryClient.setQueryData(queryKey, (current) => ({ cards: [...(current?.cards ?? []), card] })),
    onSettled: reviewChanged,
  });
  const edit = useMutation({
    mutationFn: ({ id, draft }: { id: number; draft: CardDraftJson }) => api.editCard(id, draft),
    onSuccess: replaceCard,
    onSettled: reviewChanged,
  });
  const remove = useMutation({ mutationFn: (id: number) => api.removeCard(id), onSuccess: replaceCard, onSettled: reviewChanged });
  return { add: add.mutateAsync, edit: edit.mutateAsync, remove: remove.mutateAsync };
}
