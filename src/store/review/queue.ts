// The review queue's reads: the core's queue policy (core/review/queue.ts) says which candidate cards it needs,
// and here each read is one walk of the cards_queue index (checklist, state, due), within a scope of sections.
import type { Kysely } from 'kysely';
import { buildQueue, countQueue, nextStudyTime, orderQueue } from '../../core/review/queue.js';
import type { DoneToday, QueueCounts, QueuePolicy, QueueRead, QueueRequest, StudyQueue } from '../../core/review/queue.js';
import type { StudyCard } from '../../core/review/scheduling.js';
import type { Database } from '../schema.js';
import { activeCards, toCard, type CardQuery } from './cards.js';

/** Whose cards a queue reads: a checklist's, and (when given) only those of some sections (path keys). */
export interface QueueScope {
  checklistId: number;
  sectionKeys?: readonly string[];
  /** Only these topics' cards (their topic card and question cards). */
  topicIds?: readonly number[];
}

/** What a review session asks for: the scope and the core's request. */
export type QueueQuery = QueueScope & QueueRequest;

/** A read's state and due range as a filter on the cards a review may show. */
function candidates(db: Kysely<Database>, scope: QueueScope, read: QueueRead): CardQuery {
  // One state per query: `state in (a, b) order by due` can't walk the cards_queue index in due order, and then
  // both databases walk every card due so far (new ones included) checking its state.
  let builder = activeCards(db, scope.checklistId, scope.sectionKeys).where('cards.state', '=', read.state);
  if (scope.topicIds) builder = builder.where('cards.topic_id', 'in', scope.topicIds.length > 0 ? [...scope.topicIds] : [0]);
  const { from, after, until, before } = read.due;
  if (from !== undefined) builder = builder.where('cards.due', '>=', from);
  if (after !== undefined) builder = builder.where('cards.due', '>', after);
  if (until !== undefined) builder = builder.where('cards.due', '<=', until);
  if (before !== undefined) builder = builder.where('cards.due', '<', before);
  // A topic's own card whose topic is marked known, or every other card (a card without a topic is a Q&A card).
  if (read.read === 'cards' && read.knownTopic === true) builder = builder.where('cards.kind', '=', 'topic').where('topics.state', '=', 'known');
  if (read.read === 'cards' && read.knownTopic === false)
    builder = builder.where((eb) => eb.or([eb('cards.kind', '!=', 'topic'), eb('topics.state', '!=', 'known')]));
  return builder;
}

async function answerRead(db: Kysely<Database>, scope: QueueScope, read: QueueRead): Promise<StudyCard[] | number | string | null> {
  const builder = candidates(db, scope, read);
  if (read.read === 'cards') {
    const rows = await builder.selectAll('cards').orderBy('cards.due').orderBy('cards.id').limit(read.limit).execute();
    return rows.map(toCard);
  }
  if (read.read === 'firstDue') {
    // `order by due limit 1` walks the index (PostgreSQL plans min() over the join as a full scan).
    const row = await builder.select('cards.due').orderBy('cards.due').limit(1).executeTakeFirst();
    return row?.due ?? null;
  }
  const queued = builder.select('cards.id');
  const row = await db
    .selectFrom((read.cap !== null ? queued.limit(read.cap) : queued).as('queued'))
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Runs a queue policy of the core over the stored cards of `scope`, answering each read it makes in turn. */
async function readQueue<Result>(db: Kysely<Database>, scope: QueueScope, policy: QueuePolicy<Result, StudyCard>): Promise<Result> {
  for (let step = policy.next(); ;) {
    if (step.done) return step.value;
    step = policy.next(await answerRead(db, scope, step.value));
  }
}

/** The cards to study now, in the core's order (core/review/queue.ts#orderQueue). */
export function studyQueue(db: Kysely<Database>, query: QueueQuery): Promise<StudyCard[]> {
  return readQueue(db, query, orderQueue<StudyCard>(query));
}

/** How many cards each queue holds now (core/review/queue.ts#countQueue). */
export function queueCounts(db: Kysely<Database>, query: QueueQuery): Promise<QueueCounts> {
  return readQueue(db, query, countQueue(query));
}

/** When there is something to study after `after` (core/review/queue.ts#nextStudyTime). */
export function nextStudyAt(db: Kysely<Database>, query: QueueQuery, newPerDay: number, after: string): Promise<string | null> {
  return readQueue(db, query, nextStudyTime(query, newPerDay, after));
}

/** A review session's queue: its cards, counts and next study time, as one policy (core/review/queue.ts#buildQueue). */
export function sessionQueue(db: Kysely<Database>, query: QueueQuery, newPerDay: number): Promise<StudyQueue<StudyCard>> {
  return readQueue(db, query, buildQueue<StudyCard>(query, newPerDay));
}

/** Cards introduced (reviewed while new) and reviews (of cards in review) since `since`: what the daily limits count. */
export async function reviewsSince(db: Kysely<Database>, checklistId: number, since: string): Promise<DoneToday> {
  const rows = await db
    .selectFrom('review_log')
    .select(['state', (eb) => eb.fn.countAll<number>().as('count')])
    .where('checklist_id', '=', checklistId)
    // An interview is not study: its evidence takes nothing from the day's limits.
    .where('source', '=', 'review')
    .where('reviewed_at', '>=', since)
    .where('state', 'in', ['new', 'review'])
    .groupBy('state')
    .execute();
  const count = (state: string) => Number(rows.find((r) => r.state === state)?.count ?? 0);
  return { new: count('new'), review: count('review') };
}
