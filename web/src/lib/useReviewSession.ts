// One review session: the card on screen, the ones after it, today's counts, and undo. Rating shows the next
// card at once; the answers go to the server one after another (one mutation scope), and when they are all in,
// the queue is fetched again so learning cards come back and the counts are the server's. Until then the counts
// are corrected by the answers still on their way, so they never jump back.
import { useIsMutating, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useLayoutEffect, useReducer, useRef } from 'react';
import type { ReviewCardJson, ReviewQueueJson } from '../../../src/contract/review.js';
import { checklistKey, reviewQueueKey, reviewQueuesKey, reviewWritesKey } from '../queries/keys.js';
import { api, ApiError, errorMessage } from './api.js';
import { queueKind, RATING_LABEL, type QueueKind, type Rating } from './review.js';

/** Cards fetched at a time; the queue is fetched again after every answer, so this is only a look-ahead. */
const QUEUE_LIMIT = 50;

export interface Answered {
  item: ReviewCardJson;
  rating: Rating;
  durationMs: number;
  /** The operation that sent it, to tell whether the server's counts include it yet. */
  seq: number;
}

interface Adjustment {
  seq: number;
  kind: QueueKind;
  delta: number;
}

interface State {
  queue: ReviewQueueJson | null;
  current: ReviewCardJson | null;
  /** Bumped each time a card is put on screen, the same card coming back included. */
  shown: number;
  revealed: boolean;
  upcoming: ReviewCardJson[];
  /** This session's answers, oldest first: the summary, and what `u` takes back. */
  answered: Answered[];
  /** Count changes the last queue does not include yet. */
  adjustments: Adjustment[];
  /** Operations with a seq up to this one are included in `queue`. */
  syncedSeq: number;
  /** What the last rating or undo did, in a line: `✓ Good · next in 10m`, `↶ Undid Hard on …`. */
  feedback: string | null;
}

type Action =
  | { type: 'loaded'; queue: ReviewQueueJson; syncedSeq: number; unsent: Set<number>; prefer: number | null }
  | { type: 'reveal' }
  | { type: 'rated'; rating: Rating; durationMs: number; seq: number }
  | { type: 'undone'; seq: number }
  | { type: 'failed'; seq: number };

const initial: State = {
  queue: null,
  current: null,
  shown: 0,
  revealed: false,
  upcoming: [],
  answered: [],
  adjustments: [],
  syncedSeq: 0,
  feedback: null,
};

function reducer(state: State, action: Action): State {
  switch (action.type) {
    case 'loaded': {
      // The server's order, minus the card on screen and those answered but not sent yet.
      let upcoming = action.queue.cards.filter((c) => c.card.id !== state.current?.card.id && !action.unsent.has(c.card.id));
      let { current, shown, revealed } = state;
      const preferred = action.prefer === null ? undefined : upcoming.find((c) => c.card.id === action.prefer);
      if (preferred) {
        upcoming = [...(current ? [current] : []), ...upcoming.filter((c) => c !== preferred)];
        current = preferred;
        shown++;
        revealed = false;
      } else if (!current && upcoming.length > 0) {
        [current, ...upcoming] = upcoming as [ReviewCardJson, ...ReviewCardJson[]];
        shown++;
        revealed = false;
      }
      const adjustments = state.adjustments.filter((a) => a.seq > action.syncedSeq);
      return { ...state, queue: action.queue, current, shown, revealed, upcoming, adjustments, syncedSeq: action.syncedSeq };
    }
    case 'reveal':
      return state.current && !state.revealed ? { ...state, revealed: true } : state;
    case 'rated': {
      if (!state.current || !state.revealed) return state;
      const [next = null, ...rest] = state.upcoming;
      const interval = state.current.ratings.find((r) => r.rating === action.rating)?.interval;
      return {
        ...state,
        feedback: `✓ ${RATING_LABEL[action.rating]}${interval ? ` · next in ${interval}` : ''}`,
        answered: [...state.answered, { item: state.current, rating: action.rating, durationMs: action.durationMs, seq: action.seq }],
        adjustments: [...state.adjustments, { seq: action.seq, kind: queueKind(state.current.card), delta: -1 }],
        current: next,
        upcoming: rest,
        shown: state.shown + 1,
        revealed: false,
      };
    }
    case 'undone': {
      const last = state.answered.at(-1);
      if (!last) return state;
      return {
        ...state,
        feedback: `↶ Undid ${RATING_LABEL[last.rating]} on ${cardTitle(last.item)}`,
        answered: state.answered.slice(0, -1),
        adjustments: [...state.adjustments, { seq: action.seq, kind: queueKind(last.item.card), delta: +1 }],
        upcoming: state.current ? [state.current, ...state.upcoming] : state.upcoming,
        current: last.item,
        shown: state.shown + 1,
        revealed: false,
      };
    }
    case 'failed':
      // The server refused the answer: it is not part of the session (the next fetch shows the card again if due).
      return {
        ...state,
        feedback: null,
        answered: state.answered.filter((a) => a.seq !== action.seq),
        adjustments: state.adjustments.filter((a) => a.seq !== action.seq),
      };
  }
}

/** A card in a few words, for the line that says what an undo took back. */
function cardTitle(item: ReviewCardJson): string {
  const text = item.card.kind === 'topic' && item.topic ? item.topic.text : (item.card.front.split('\n')[0] ?? '');
  const plain =
    text
      .replace(/[*_`#>]+/g, '')
      .replace(/\s+/g, ' ')
      .trim() || `card ${item.card.id}`;
  return plain.length > 60 ? `${plain.slice(0, 59)}…` : plain;
}

export interface ReviewSession {
  queue: ReviewQueueJson | null;
  current: ReviewCardJson | null;
  /** Changes whenever a card is put on screen. */
  shown: number;
  revealed: boolean;
  /** Cards left today, the answers on their way taken off. */
  remaining: ReviewQueueJson['remaining'] | null;
  answered: Answered[];
  /** Whether there is an answer of this session to take back. */
  canUndo: boolean;
  /** What the last rating or undo did, for a status line. */
  feedback: string | null;
  /** True while answers are being sent or the queue fetched. */
  busy: boolean;
  error: string | null;
  /** A note for the user, such as what an undo took back when it was not this session's. */
  notice: string | null;
  /** The section asked for when the checklist has none by that path: there is no queue to show. */
  unknownSection: string | null;
  reveal: () => void;
  rate: (rating: Rating) => void;
  undo: () => void;
  /** Fetches the queue again, after it failed to load. */
  retry: () => void;
}

type Status = { error: string | null; notice: string | null; errorsClearedAt: number };

/** What goes to the server, numbered in the order given: `seq` tells which of them a queue fetched includes. */
type ReviewWrite =
  | { kind: 'answer'; seq: number; cardId: number; rating: Rating; durationMs: number; reps: number }
  /** `cardId`: the card this session answered last, if any. */
  | { kind: 'undo'; seq: number; cardId: number | undefined };

/** The server's one line as a sentence of the page: `Card 12 was answered meanwhile, …; this answer was not recorded.` */
function sentence(message: string): string {
  const text = message.charAt(0).toUpperCase() + message.slice(1);
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/**
 * Refused because the card or the log changed elsewhere meanwhile (another window answered it first, or
 * answered since): nothing went wrong here, and the queue fetched next shows things as they are.
 */
function isConflict(error: unknown): error is ApiError {
  return error instanceof ApiError && error.status === 409;
}

export function useReviewSession(checklist: string, section: string | null, topics: string | null = null, plan = false): ReviewSession {
  const queryClient = useQueryClient();
  const [state, dispatch] = useReducer(reducer, initial);
  // For rate and undo, which are event handlers: the state last committed (a ref is not written during render).
  const stateRef = useRef(state);
  useLayoutEffect(() => {
    stateRef.current = state;
  });
  const [status, setStatus] = useReducer((current: Status, patch: Partial<Status>) => ({ ...current, ...patch }), {
    error: null,
    notice: null,
    errorsClearedAt: 0,
  });
  const nextSeq = useRef(0);
  /** The last write the server has settled: a queue fetched from now on includes it. */
  const settledSeq = useRef(0);
  /** A card to put first once the queue comes: the one an undo took back that this session had not answered. */
  const prefer = useRef<number | null>(null);

  const queueQuery = useQuery({
    queryKey: reviewQueueKey(checklist, section, topics, plan),
    queryFn: async ({ signal }) => {
      const syncedSeq = settledSeq.current;
      return { queue: await api.reviewQueue(checklist, { section, topics, plan, limit: QUEUE_LIMIT }, signal), syncedSeq };
    },
    // A session starts from the server's queue, never from one cached earlier: its cards may be answered since.
    gcTime: 0,
  });

  const writesKey = reviewWritesKey(checklist);
  const { mutate: send } = useMutation({
    mutationKey: writesKey,
    // One at a time, in the order given: an undo always follows the answer it takes back.
    scope: { id: writesKey.join('\n') },
    mutationFn: (write: ReviewWrite) =>
      write.kind === 'answer'
        ? api.answerCard(write.cardId, { rating: write.rating, durationMs: write.durationMs, reps: write.reps })
        : api.undoReview(checklist, write.cardId),
    // A queue under way may or may not include this write: drop it, the one fetched after the writes does.
    onMutate: () => queryClient.cancelQueries({ queryKey: reviewQueuesKey(checklist) }),
    onSuccess: (answer, write) => {
      if (write.kind !== 'undo' || answer.card.id === write.cardId) return;
      // Not this session's answer (the terminal's, say): show that card if it is in this queue.
      prefer.current = answer.card.id;
      setStatus({ notice: `Took back the last review, of card ${answer.card.id}.` });
    },
    onError: (e, write) => {
      // Answered meanwhile in another window: that answer stands, this one is dropped, and the queue
      // fetched next shows the card as it is now.
      setStatus(isConflict(e) ? { notice: sentence(e.message) } : { error: errorMessage(e) });
      dispatch({ type: 'failed', seq: write.seq });
    },
    onSettled: (_answer, _error, write) => {
      settledSeq.current = write.seq;
      // The last write brings the queue back (and the checklist's counts, stats and progress); the next one waits for it.
      if (queryClient.isMutating({ mutationKey: writesKey }) === 1) return queryClient.invalidateQueries({ queryKey: checklistKey(checklist) });
    },
  });

  // Each queue that comes: the server's order, minus the cards answered but not sent yet.
  const loaded = queueQuery.data;
  useEffect(() => {
    if (!loaded) return;
    const unsent = new Set(
      queryClient
        .getMutationCache()
        .findAll({ mutationKey: reviewWritesKey(checklist), status: 'pending' })
        .map((m) => m.state.variables as ReviewWrite)
        .flatMap((w) => (w.kind === 'answer' && w.seq > loaded.syncedSeq ? [w.cardId] : [])),
    );
    dispatch({ type: 'loaded', queue: loaded.queue, syncedSeq: loaded.syncedSeq, unsent, prefer: prefer.current });
    prefer.current = null;
  }, [loaded, queryClient, checklist]);

  // The time from putting a card on screen to rating it; set by the effect, which also runs on mount.
  const shownAt = useRef(0);
  useEffect(() => {
    shownAt.current = performance.now();
  }, [state.shown]);

  const reveal = useCallback(() => dispatch({ type: 'reveal' }), []);

  const { refetch } = queueQuery;
  const retry = useCallback(() => {
    setStatus({ error: null, errorsClearedAt: Date.now() });
    void refetch();
  }, [refetch]);

  // One rating per card shown, however fast the keys come.
  const ratedShown = useRef(-1);
  const rate = useCallback(
    (rating: Rating) => {
      const { current, revealed, shown } = stateRef.current;
      if (!current || !revealed || ratedShown.current === shown) return;
      ratedShown.current = shown;
      const durationMs = Math.max(0, Math.round(performance.now() - shownAt.current));
      const { id, reps } = current.card;
      setStatus({ error: null, notice: null, errorsClearedAt: Date.now() });
      // `reps` as shown: a card comes back in this session only from a queue fetched after its answer was
      // saved (or put back by an undo, which takes its reps back too), so only an answer given elsewhere
      // meanwhile makes the server refuse it.
      const seq = ++nextSeq.current;
      send({ kind: 'answer', seq, cardId: id, rating, durationMs, reps });
      dispatch({ type: 'rated', rating, durationMs, seq });
    },
    [send],
  );

  const undo = useCallback(() => {
    const mine = stateRef.current.answered.at(-1);
    setStatus({ error: null, notice: null, errorsClearedAt: Date.now() });
    const seq = ++nextSeq.current;
    send({ kind: 'undo', seq, cardId: mine?.item.card.id });
    if (mine) dispatch({ type: 'undone', seq });
  }, [send]);

  // Nothing left: fetch again when the next card comes due or the next study day starts, if that is soon.
  const { current, queue } = state;
  useEffect(() => {
    if (current || !queue) return;
    const times = [queue.nextDueAt, queue.day.end].filter((t): t is string => t !== null).map((t) => Date.parse(t) - Date.now());
    const wait = Math.min(...times.filter((t) => Number.isFinite(t)));
    if (!Number.isFinite(wait) || wait > 12 * 3_600_000) return;
    const timer = window.setTimeout(() => void refetch(), Math.max(1_000, wait + 500));
    return () => window.clearTimeout(timer);
  }, [current, queue, refetch]);

  const writing = useIsMutating({ mutationKey: writesKey }) > 0;
  // The checklist itself is checked by the app before this page shows, so a 404 here is the section.
  const unknownSection = section !== null && queueQuery.error instanceof ApiError && queueQuery.error.status === 404 ? section : null;
  const queueError =
    queueQuery.error && !unknownSection && queueQuery.errorUpdatedAt > status.errorsClearedAt ? errorMessage(queueQuery.error) : null;
  const remaining = queue
    ? state.adjustments.reduce((counts, a) => ({ ...counts, [a.kind]: Math.max(0, counts[a.kind] + a.delta) }), queue.remaining)
    : null;

  return {
    queue,
    current: state.current,
    shown: state.shown,
    revealed: state.revealed,
    remaining,
    answered: state.answered,
    canUndo: state.answered.length > 0,
    feedback: state.feedback,
    busy: writing || queueQuery.isFetching,
    error: status.error ?? queueError,
    notice: status.notice,
    unknownSection,
    reveal,
    rate,
    undo,
    retry,
  };
}
