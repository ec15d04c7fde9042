/**
 * A large study collection for the review benchmark (bench/cards.ts), loaded straight into a migrated store.
 *
 * The checklist, its sections, topics and topic cards come from the real import; this module schedules those
 * cards and adds the rest beside them. `generateCards` decides every card from a seeded PRNG (the same options
 * give the same rows); the review log is made by the database itself, one INSERT ... SELECT over a series
 * (the same integer arithmetic on both backends, so both hold the same rows), because a million rows built in
 * JavaScript and sent over cost a minute on a busy machine where the database takes seconds.
 *
 * The shape: the import's topic card for each study topic, now scheduled; question/answer cards for the rest,
 * most under a topic (several per topic), some standing on their own in a section. Most cards are in review,
 * due from a few days ago to a year ahead (more of them soon than late); some are new (due since they were
 * made); a few are learning or relearning, due around now; a few are archived. Topic states follow their topic
 * card (review -> known, (re)learning -> learning), a few topics are skipped and a few archived. The review log
 * is spread over the cards ever reviewed and over the last two years, id order = time order, as it is appended.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type pg from 'pg';
import { mulberry32 } from './stats.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const MINUTE_MS = 60 * 1000;

export interface CardCollectionOptions {
  /** Cards in all, the import's topic cards included. */
  cards: number;
  reviews: number;
  /** The time the collection is "now" at: due dates and the log are placed around it. */
  now: string;
  seed?: number;
}

/** What the import stored, which the cards hang on. */
export interface ImportedChecklist {
  checklistId: number;
  /** The topic card the import made for each study topic, in id order; the generator schedules them. */
  topicCards: ReadonlyArray<{ cardId: number; topicId: number; sectionKey: string }>;
  /** Path keys of the sections that hold topics. */
  sectionKeys: readonly string[];
}

type FsrsStateName = 'new' | 'learning' | 'review' | 'relearning';

/** Column arrays, in the order of CARD_COLUMNS. */
export interface CardColumns {
  id: number[];
  topic_id: Array<number | null>;
  kind: Array<'topic' | 'qa'>;
  front: string[];
  back: string[];
  due: string[];
  stability: number[];
  difficulty: number[];
  elapsed_days: number[];
  scheduled_days: number[];
  reps: number[];
  lapses: number[];
  learning_steps: number[];
  state: FsrsStateName[];
  last_review: Array<string | null>;
  created_at: string[];
  archived_at: Array<string | null>;
  section_key: string[];
}

export interface TopicUpdate {
  id: number;
  state: 'new' | 'learning' | 'known' | 'skipped';
  archivedAt: string | null;
}

export interface GeneratedCards {
  checklistId: number;
  cards: CardColumns;
  topics: TopicUpdate[];
  reviews: number;
  now: number;
  /** How many cards each state holds (archived ones counted apart), for the report. */
  counts: Record<FsrsStateName | 'archived', number>;
}

const iso = (ms: number) => new Date(ms).toISOString();
const round2 = (value: number) => Math.round(value * 100) / 100;

const SUBJECTS = ['a B-tree', 'the event loop', 'a TCP handshake', 'consistent hashing', 'MVCC', 'a bloom filter', 'backpressure', 'a mutex'];
const ASKS = ['What is', 'Why use', 'When does it hurt to use', 'How would you explain', 'What replaces'];

export function generateCards(imported: ImportedChecklist, options: CardCollectionOptions): GeneratedCards {
  const rand = mulberry32(options.seed ?? 1);
  const now = Date.parse(options.now);
  const importedAt = now - 730 * DAY_MS;
  const { topicCards: topics, sectionKeys } = imported;
  if (topics.length === 0 || topics.length > options.cards) throw new RangeError(`${topics.length} topics for ${options.cards} cards`);
  // Question cards are new rows, numbered after the import's own.
  const firstQaId = Math.max(...topics.map((t) => t.cardId)) + 1;
  const between = (lo: number, hi: number) => lo + rand() * (hi - lo);
  const intBetween = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));

  const cards: CardColumns = {
    id: [],
    topic_id: [],
    kind: [],
    front: [],
    back: [],
    due: [],
    stability: [],
    difficulty: [],
    elapsed_days: [],
    scheduled_days: [],
    reps: [],
    lapses: [],
    learning_steps: [],
    state: [],
    last_review: [],
    created_at: [],
    archived_at: [],
    section_key: [],
  };
  const counts = { new: 0, learning: 0, review: 0, relearning: 0, archived: 0 };
  const topicState = new Map<number, TopicUpdate>();
  for (const topic of topics) {
    const r = rand();
    // A few topics skipped, a few archived (their topic card archived with them).
    const update: TopicUpdate = { id: topic.topicId, state: 'new', archivedAt: null };
    if (r < 0.01) update.state = 'skipped';
    else if (r < 0.015) update.archivedAt = iso(between(importedAt, now - DAY_MS));
    topicState.set(topic.topicId, update);
  }

  for (let i = 0; i < options.cards; i++) {
    let id: number;
    let topicId: number | null;
    let sectionKey: string;
    let kind: 'topic' | 'qa';
    let createdAt: number;
    if (i < topics.length) {
      const topic = topics[i]!;
      id = topic.cardId;
      kind = 'topic';
      topicId = topic.topicId;
      sectionKey = topic.sectionKey;
      createdAt = importedAt;
    } else {
      id = firstQaId + i - topics.length;
      kind = 'qa';
      createdAt = between(importedAt, now - DAY_MS);
      if (rand() < 0.75) {
        const topic = topics[Math.floor(rand() * topics.length)]!;
        topicId = topic.topicId;
        sectionKey = topic.sectionKey;
      } else {
        topicId = null;
        sectionKey = sectionKeys[Math.floor(rand() * sectionKeys.length)]!;
      }
    }
    const subject = SUBJECTS[i % SUBJECTS.length]!;
    cards.id.push(id);
    cards.topic_id.push(topicId);
    cards.kind.push(kind);
    cards.front.push(kind === 'qa' ? `${ASKS[i % ASKS.length]} ${subject}? (#${id})` : '');
    cards.back.push(kind === 'qa' ? `Short answer about ${subject}, with the trade-off and one example from practice (#${id}).` : '');
    cards.section_key.push(sectionKey);
    cards.created_at.push(iso(createdAt));

    const topicArchive = kind === 'topic' && topicId !== null ? topicState.get(topicId)!.archivedAt : null;
    const archivedAt = topicArchive ?? (rand() < 0.03 ? iso(between(createdAt, now - DAY_MS)) : null);
    cards.archived_at.push(archivedAt);
    if (archivedAt !== null) counts.archived++;

    const r = rand();
    const state: FsrsStateName = r < 0.15 ? 'new' : r < 0.155 ? 'learning' : r < 0.16 ? 'relearning' : 'review';
    if (archivedAt === null) counts[state]++;
    cards.state.push(state);
    if (state === 'new') {
      cards.due.push(iso(createdAt));
      cards.stability.push(0);
      cards.difficulty.push(0);
      cards.elapsed_days.push(0);
      cards.scheduled_days.push(0);
      cards.reps.push(0);
      cards.lapses.push(0);
      cards.learning_steps.push(0);
      cards.last_review.push(null);
    } else if (state === 'learning' || state === 'relearning') {
      // Steps of minutes (relearning up to a day): due from a little ago to a day ahead.
      const due = now + between(-30 * MINUTE_MS, state === 'learning' ? 2 * 60 * MINUTE_MS : DAY_MS);
      const lastReview = Math.min(now, due) - between(1, 10) * MINUTE_MS;
      cards.due.push(iso(due));
      cards.stability.push(round2(between(0.2, 3)));
      cards.difficulty.push(round2(between(3, 9)));
      cards.elapsed_days.push(0);
      cards.scheduled_days.push(0);
      cards.reps.push(state === 'learning' ? intBetween(1, 2) : intBetween(4, 30));
      cards.lapses.push(state === 'learning' ? 0 : intBetween(1, 4));
      cards.learning_steps.push(intBetween(0, 1));
      cards.last_review.push(iso(lastReview));
    } else {
      // Due from three days ago to a year ahead, more of them soon: intervals grow, so near dates are denser.
      const due = now + (-3 + 368 * rand() ** 1.7) * DAY_MS;
      const ahead = Math.max(0, (due - now) / DAY_MS);
      const scheduledDays = Math.ceil(ahead + 1 + rand() * Math.min(30, ahead + 3));
      cards.due.push(iso(due));
      cards.stability.push(round2(scheduledDays * between(0.8, 1.3)));
      cards.difficulty.push(round2(between(1, 10)));
      cards.elapsed_days.push(Math.round(scheduledDays / between(2, 3)));
      cards.scheduled_days.push(scheduledDays);
      cards.reps.push(intBetween(2, 30));
      cards.lapses.push(intBetween(0, 3));
      cards.learning_steps.push(0);
      cards.last_review.push(iso(due - scheduledDays * DAY_MS));
    }
    if (kind === 'topic' && topicId !== null) {
      const update = topicState.get(topicId)!;
      if (update.state !== 'skipped') update.state = state === 'review' ? 'known' : state === 'new' ? 'new' : 'learning';
    }
  }

  return { checklistId: imported.checklistId, cards, topics: [...topicState.values()], reviews: options.reviews, now, counts };
}

const CARD_COLUMNS = [
  'id',
  'topic_id',
  'kind',
  'front',
  'back',
  'due',
  'stability',
  'difficulty',
  'elapsed_days',
  'scheduled_days',
  'reps',
  'lapses',
  'learning_steps',
  'state',
  'last_review',
  'created_at',
  'archived_at',
  'section_key',
] as const satisfies ReadonlyArray<keyof CardColumns>;

/** The import's topic cards are rewritten with their generated schedule; question cards are new rows. */
const UPSERT_CARD = `on conflict (id) do update set ${CARD_COLUMNS.filter((c) => c !== 'id')
  .map((c) => `${c} = excluded.${c}`)
  .join(', ')}`;

/** What differs between the two backends in the review log's INSERT ... SELECT. */
interface LogDialect {
  /** Defines the series `g(n)` as a WITH clause (SQLite), or '' when `from` does it (PostgreSQL). */
  with(count: number): string;
  from(count: number): string;
  /** ISO-8601 text (`2026-03-02T09:00:00.000Z`) of an integer expression of milliseconds since the epoch. */
  isoOf(ms: string): string;
}

const SQLITE_LOG: LogDialect = {
  with: (count) => `with recursive g(n) as (select 1 union all select n + 1 from g where n < ${count}) `,
  from: () => 'g',
  isoOf: (ms) => `strftime('%Y-%m-%dT%H:%M:%fZ', (${ms}) / 1000.0, 'unixepoch')`,
};

const POSTGRES_LOG: LogDialect = {
  with: () => '',
  from: (count) => `generate_series(cast(1 as bigint), ${count}) as g(n)`,
  isoOf: (ms) => `to_char(to_timestamp((${ms}) / 1000.0) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
};

/**
 * The review log as one INSERT ... SELECT over n = 1..reviews, joined to `bench_reviewed(rn, id)` (the cards
 * ever reviewed, numbered from 1). Every field is integer arithmetic on n (multiplicative hashes), so both
 * backends write the same rows; `previous` is the JSON answer() writes, which an undo restores from.
 */
function reviewLogInsert(dialect: LogDialect, data: GeneratedCards, reviewed: number): string {
  const { reviews } = data;
  const start = data.now - 730 * DAY_MS;
  const span = data.now - 60 * MINUTE_MS - start;
  const step = Math.floor(span / reviews);
  const pick = (multiplier: number, modulus: number) => `((g.n * ${multiplier}) % ${modulus})`;
  const at = `(${start} + ((g.n - 1) * ${span}) / ${reviews} + ${pick(7919, Math.max(1, step))})`;
  const stateRoll = `(${pick(69069, 65537)} % 100)`;
  const state = `case when ${stateRoll} < 8 then 'new' when ${stateRoll} < 16 then 'learning' when ${stateRoll} < 20 then 'relearning' else 'review' end`;
  const ratingRoll = `(${pick(40503, 65521)} % 100)`;
  const rating = `case when ${ratingRoll} < 10 then 1 when ${ratingRoll} < 25 then 2 when ${ratingRoll} < 90 then 3 else 4 end`;
  const roll = pick(2246822519, 1000003);
  const scheduled = `case when ${stateRoll} >= 20 then 1 + ${roll} % 120 else 0 end`;
  const elapsed = `case when ${stateRoll} >= 20 then ((1 + ${roll} % 120) * (80 + ${roll} % 60)) / 100 else 0 end`;
  const stability = `case when ${stateRoll} < 8 then 0 else cast(0.5 + (${roll} % 600) / 4.0 as double precision) end`;
  const difficulty = `case when ${stateRoll} < 8 then 0 else cast(1 + (${roll} % 90) / 10.0 as double precision) end`;
  const reps = `(1 + ${roll} % 20)`;
  const lastReview = `case when ${stateRoll} < 8 then 'null' else '"' || ${dialect.isoOf(`${at} - (${elapsed}) * ${DAY_MS} - 60000`)} || '"' end`;
  const previous =
    `'{"due":"' || ${dialect.isoOf(at)} || '","stability":' || (${stability}) || ',"difficulty":' || (${difficulty}) ||` +
    ` ',"elapsedDays":' || (${elapsed}) || ',"scheduledDays":' || (${scheduled}) ||` +
    ` ',"reps":' || case when ${stateRoll} < 8 then 0 else ${reps} end || ',"lapses":' || (${reps} / 8) ||` +
    ` ',"learningSteps":0,"state":"' || (${state}) || '","lastReview":' || (${lastReview}) || '}'`;
  return (
    `${dialect.with(reviews)}insert into review_log (id, card_id, checklist_id, rating, reviewed_at, elapsed_days, ` +
    `scheduled_days, stability, difficulty, state, duration_ms, previous) ` +
    `select g.n, r.id, ${data.checklistId}, ${rating}, ${dialect.isoOf(at)}, ${elapsed}, ${scheduled}, ${stability}, ` +
    `${difficulty}, ${state}, 2000 + ${roll} % 28000, ${previous} ` +
    `from ${dialect.from(reviews)} join bench_reviewed r on r.rn = 1 + (g.n * 2654435761 + 12345) % ${reviewed}`
  );
}

const REVIEWED_CARDS = `select id from cards where checklist_id = ? and state <> 'new' order by id`;

/** SQLite: prepared single-row inserts and the log's INSERT ... SELECT, all in one transaction on a connection of our own. */
export function loadIntoSqlite(database: BetterSqlite3.Database, data: GeneratedCards): void {
  // The load's working set (a million log rows and their three indexes) in memory rather than spilled.
  database.pragma('cache_size = -262144');
  const insertCard = database.prepare(
    `insert into cards (checklist_id, ${CARD_COLUMNS.join(', ')}) values (?, ${CARD_COLUMNS.map(() => '?').join(', ')}) ${UPSERT_CARD}`,
  );
  const updateTopic = database.prepare('update topics set state = ?, archived_at = ? where id = ?');
  database
    .transaction(() => {
      const { cards } = data;
      const values: unknown[] = new Array(CARD_COLUMNS.length + 1);
      values[0] = data.checklistId;
      for (let i = 0; i < cards.id.length; i++) {
        for (let c = 0; c < CARD_COLUMNS.length; c++) values[c + 1] = cards[CARD_COLUMNS[c]!][i];
        insertCard.run(values);
      }
      for (const topic of data.topics) updateTopic.run(topic.state, topic.archivedAt, topic.id);
      database.exec('create temp table bench_reviewed (rn integer primary key, id integer not null)');
      const { changes: reviewed } = database.prepare(`insert into bench_reviewed (id) ${REVIEWED_CARDS}`).run(data.checklistId);
      database.exec(reviewLogInsert(SQLITE_LOG, data, reviewed));
      database.exec('drop table bench_reviewed');
    })
    .immediate();
  database.pragma('wal_checkpoint(TRUNCATE)');
}

const ROWS_PER_CHUNK = 50_000;

/** PostgreSQL element types of the card columns, for `unnest($n::type[])`. */
const PG_TYPES: Record<string, string> = {
  id: 'integer',
  topic_id: 'integer',
  reps: 'integer',
  lapses: 'integer',
  learning_steps: 'integer',
  elapsed_days: 'integer',
  scheduled_days: 'integer',
  stability: 'double precision',
  difficulty: 'double precision',
};

/** PostgreSQL: cards as column arrays through `unnest`, the log's INSERT ... SELECT, in one transaction; then the id sequences. */
export async function loadIntoPostgres(client: pg.ClientBase, data: GeneratedCards): Promise<void> {
  await client.query('begin');
  try {
    const { cards } = data;
    const selects = CARD_COLUMNS.map((column, i) => `$${i + 2}::${PG_TYPES[column] ?? 'text'}[]`);
    for (let first = 0; first < cards.id.length; first += ROWS_PER_CHUNK) {
      await client.query(
        `insert into cards (checklist_id, ${CARD_COLUMNS.join(', ')}) select $1, * from unnest(${selects.join(', ')}) ${UPSERT_CARD}`,
        [data.checklistId, ...CARD_COLUMNS.map((column) => (cards[column] as unknown[]).slice(first, first + ROWS_PER_CHUNK))],
      );
    }
    await client.query(
      `update topics set state = u.state, archived_at = u.archived_at
       from unnest($1::integer[], $2::text[], $3::text[]) as u(id, state, archived_at) where topics.id = u.id`,
      [data.topics.map((t) => t.id), data.topics.map((t) => t.state), data.topics.map((t) => t.archivedAt)],
    );
    const { rowCount: reviewed } = await client.query(
      `create temp table bench_reviewed on commit drop as
       select cast(row_number() over (order by id) as integer) as rn, id from (${REVIEWED_CARDS.replace('?', '$1')}) as reviewed`,
      [data.checklistId],
    );
    await client.query('analyze bench_reviewed');
    await client.query(reviewLogInsert(POSTGRES_LOG, data, Number(reviewed)));
    // The ids above were given explicitly: move the identity sequences past them, or the next insert collides.
    for (const table of ['cards', 'review_log']) {
      await client.query(`select setval(pg_get_serial_sequence('${table}', 'id'), (select max(id) from ${table}))`);
    }
    await client.query('commit');
  } catch (error) {
    await client.query('rollback');
    throw error;
  }
}
