// Reviewing at scale: on a generated collection of 100,000 cards and 1,000,000 review-log rows, the next due
// card (the store function the review queue uses) and answering a card, each beside its floor measured in the
// same run, on SQLite and on PostgreSQL. The issue's targets: next due card under 10 ms p50, answer under 5 ms.
// The machine is shared and noisy: each iteration runs the function and its floor back to back (alternating
// which goes first), so the ratio holds even when the absolute figures move.
//
// `npx tsx bench/cards.ts` runs it alone; BENCH_CARDS_ITERATIONS, BENCH_CARDS_PLANS=1 (print every plan) and
// BENCH_DATABASE_URL (PostgreSQL, `postgres://postgres@127.0.0.1:5432/test` by default) tune it.
import { CompiledQuery, sql } from 'kysely';
import type { Kysely, KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, UnknownRow } from 'kysely';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { closeApp, openApp } from '../src/app/context.js';
import { reviewStatsOf } from '../src/app/review/stats.js';
import { importChecklist, readChecklistFile } from '../src/app/import/import-checklist.js';
import type { ReviewRating } from '../src/core/review/scheduling.js';
import { studyDay } from '../src/core/review/study-day.js';
import { answer } from '../src/store/review/cards.js';
import { nextStudyAt, queueCounts, reviewsSince, studyQueue, type QueueQuery } from '../src/store/review/queue.js';
import { getChecklist } from '../src/store/checklists/checklists.js';
import { openStore, type Store } from '../src/store/database.js';
import type { Database } from '../src/store/schema.js';
import { generateChecklist } from './generate-checklist.js';
import { generateCards, loadIntoPostgres, loadIntoSqlite, type GeneratedCards, type ImportedChecklist } from './generate-cards.js';
import { mulberry32, percentile } from './stats.js';

const CARDS = 100_000;
const REVIEWS = 1_000_000;
/** Study topics in the imported checklist: each gets a topic card, the other cards are questions. */
const TOPICS = 20_000;
const ITERATIONS = Number(process.env['BENCH_CARDS_ITERATIONS'] ?? 200);
const WARMUP = 30;
/** The whole queue request is informative only, and slower: fewer rounds. */
const REQUEST_ITERATIONS = Math.max(20, Math.round(ITERATIONS / 4));
/** The statistics read every reviewed card: a few rounds are enough. */
const STATS_ITERATIONS = 5;
const PRINT_PLANS = process.env['BENCH_CARDS_PLANS'] === '1';
const DEFAULT_POSTGRES_URL = process.env['BENCH_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const TARGET_NEXT_MS = 10;
const TARGET_ANSWER_MS = 5;

/** The collection's "now": fixed, so the data and the queue are the same on every run. */
const NOW = Date.parse('2026-03-02T09:00:00.000Z');
const IMPORTED_AT = new Date(NOW - 730 * 24 * 3600_000).toISOString();
const MINUTE_MS = 60_000;
/** app/review/review.ts's learn-ahead; the study day starts at 4 o'clock UTC (the default settings). */
const LEARN_AHEAD_MS = 20 * MINUTE_MS;
const TIME_ZONE = 'UTC';
const DAY_STARTS_AT = 4;
/** How far the clock moves between two iterations: a card every few seconds, as in a session. */
const NEXT_STEP_MS = 3_000;
const ANSWER_STEP_MS = 8_000;

/** What "the next due card" is: the one line to change when the review queue's function changes. */
const nextDueCard = (db: Kysely<Database>, query: QueueQuery) => studyQueue(db, { ...query, limit: 1 });

interface Backend {
  label: 'SQLite' | 'PostgreSQL';
  location: string;
  /** Writes the generated cards and log into the migrated, imported store; returns what else it timed. */
  load(data: GeneratedCards): Promise<Array<[string, number]>>;
  explain(store: Store, query: CompiledQuery): Promise<string[]>;
  // A property, not a method: it is handed around as a callback (the cleanup on Ctrl-C).
  drop: () => Promise<void>;
}

interface Row {
  operation: string;
  backend: string;
  times: number[];
  floor: number[];
  target: number | null;
  /** What the calls returned, e.g. which queue the card came from. */
  note: string;
}

const iso = (ms: number) => new Date(ms).toISOString();
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const rand = mulberry32(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Runs `subject` and `floor` back to back each iteration, alternating which goes first; times after the warm-up. */
async function sideBySide(
  iterations: number,
  step: (i: number) => { subject: () => Promise<unknown>; floor: () => Promise<unknown> },
): Promise<{ times: number[]; floor: number[] }> {
  const times: number[] = [];
  const floor: number[] = [];
  const timed = async (fn: () => Promise<unknown>) => {
    const start = performance.now();
    await fn();
    return performance.now() - start;
  };
  for (let i = 0; i < WARMUP + iterations; i++) {
    const { subject, floor: base } = step(i);
    let a: number;
    let b: number;
    if (i % 2 === 0) {
      a = await timed(subject);
      b = await timed(base);
    } else {
      b = await timed(base);
      a = await timed(subject);
    }
    if (i >= WARMUP) {
      times.push(a);
      floor.push(b);
    }
  }
  return { times, floor };
}

function queueAt(checklistId: number, at: number, sectionKeys?: readonly string[]): QueueQuery {
  return {
    checklistId,
    now: iso(at),
    learnAheadUntil: iso(at + LEARN_AHEAD_MS),
    dayEnd: studyDay(iso(at), TIME_ZONE, DAY_STARTS_AT).end,
    ...(sectionKeys ? { sectionKeys } : {}),
    newLimit: 20,
    reviewLimit: 200,
    limit: 1,
  };
}

/** The floor of the next due card: the plain SELECT the cards_checklist_due index answers. */
function floorQuery(db: Kysely<Database>, checklistId: number, now: string) {
  return db.selectFrom('cards').selectAll().where('checklist_id', '=', checklistId).where('due', '<=', now).orderBy('due').limit(1);
}

/** Records the queries a store function runs, compiled, so that their plans can be asked for. */
class QueryCapture implements KyselyPlugin {
  readonly queries: PluginTransformQueryArgs[] = [];
  transformQuery(args: PluginTransformQueryArgs) {
    this.queries.push(args);
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

/**
 * What in a plan reads many rows to return a few: a scan of cards or topics, a sort in a temp b-tree, or (SQLite)
 * an index walked without the query's state in its condition, so every card in the due range is read and its
 * state checked; (PostgreSQL, which counts) over a thousand rows read and dropped by a filter.
 */
function planWarnings(backend: Backend['label'], query: CompiledQuery, plan: readonly string[]): string[] {
  const warnings: string[] = [];
  if (backend === 'SQLite') {
    const filtersState = /"cards"\."state" (=|in)/.test(query.sql);
    for (const line of plan) {
      if (/\bSCAN (cards|topics)\b/.test(line)) warnings.push(line.trim());
      if (/TEMP B-TREE/.test(line)) warnings.push(line.trim());
      const search = /SEARCH cards USING (?:COVERING )?INDEX (\w+) \(([^)]*)\)/.exec(line);
      if (search && filtersState && !search[2]!.includes('state=')) {
        warnings.push(`walks ${search[1]} (${search[2]}) and checks the state of every card in that range`);
      }
    }
  } else {
    for (const line of plan) {
      if (/Seq Scan on (cards|topics)/.test(line)) warnings.push(line.trim());
      const removed = /Rows Removed by Filter: (\d+)/.exec(line);
      if (removed && Number(removed[1]) >= 1000) warnings.push(`${removed[1]} rows read and dropped by a filter`);
    }
  }
  return warnings;
}

async function checkPlans(backend: Backend, store: Store, checklistId: number, scopes: Record<string, readonly string[] | undefined>): Promise<void> {
  const at = NOW;
  const explained: Array<{ label: string; query: CompiledQuery; plan: string[] }> = [];
  const executor = store.db.getExecutor();
  for (const [scope, keys] of Object.entries(scopes)) {
    const capture = new QueryCapture();
    const cards = await nextDueCard(store.db.withPlugin(capture), queueAt(checklistId, at, keys));
    for (const [n, args] of capture.queries.entries()) {
      const query = executor.compileQuery(args.node, args.queryId);
      const last = n === capture.queries.length - 1 ? `, returned ${cards[0]?.state ?? 'nothing'}` : '';
      explained.push({
        label: `next due card, ${scope}, query ${n + 1} of ${capture.queries.length}${last}`,
        query,
        plan: await backend.explain(store, query),
      });
    }
  }
  const floor = floorQuery(store.db, checklistId, iso(at)).compile();
  explained.push({
    label: 'floor (select * from cards where checklist_id = ? and due <= ? order by due limit 1)',
    query: floor,
    plan: await backend.explain(store, floor),
  });
  console.log(`  query plans on ${backend.label} at the collection's now${PRINT_PLANS ? '' : ' (BENCH_CARDS_PLANS=1 prints every plan and query)'}:`);
  for (const { label, query, plan } of explained) {
    const warnings = planWarnings(backend.label, query, plan);
    const time = plan.map((line) => /Execution Time: ([\d.]+ ms)/.exec(line)?.[1]).find(Boolean);
    console.log(
      `    ${label}${time ? ` (${time})` : ''}: ${warnings.length === 0 ? 'index range of the rows it returns' : `WARNING ${warnings.join('; ')}`}`,
    );
    if (PRINT_PLANS || warnings.length > 0) {
      if (PRINT_PLANS) console.log(`        ${query.sql}\n        -- ${JSON.stringify(query.parameters)}`);
      for (const line of plan) console.log(`        ${line}`);
    }
  }
}

async function importAndLoad(
  backend: Backend,
  checklistFile: string,
): Promise<{ imported: ImportedChecklist; data: GeneratedCards; timings: Array<[string, number]> }> {
  const started = performance.now();
  const app = await openApp(backend.location, () => IMPORTED_AT);
  let imported: ImportedChecklist;
  try {
    const { checklist } = await importChecklist(app, { file: await readChecklistFile(checklistFile), name: 'bench' });
    if (checklist.id === null) throw new Error('the import stored no checklist');
    const checklistId = checklist.id;
    // The import gives every study topic its topic card (new, due at once); the generator schedules them.
    const topicCards = await app.store.db
      .selectFrom('cards')
      .select(['id', 'topic_id', 'section_key'])
      .where('checklist_id', '=', checklistId)
      .where('kind', '=', 'topic')
      .orderBy('id')
      .execute();
    if (topicCards.length !== TOPICS) throw new Error(`the import made ${topicCards.length} topic cards for ${TOPICS} topics`);
    imported = {
      checklistId,
      topicCards: topicCards.map((c) => ({ cardId: c.id, topicId: c.topic_id!, sectionKey: c.section_key })),
      sectionKeys: [...new Set(topicCards.map((c) => c.section_key))],
    };
  } finally {
    await closeApp(app);
  }
  const importMs = performance.now() - started;
  const data = generateCards(imported, { cards: CARDS, reviews: REVIEWS, now: iso(NOW), seed: 1 });
  const loadStarted = performance.now();
  const extra = await backend.load(data);
  const loadMs = performance.now() - loadStarted - extra.reduce((sum, [, ms]) => sum + ms, 0);
  return { imported, data, timings: [[`import of ${TOPICS.toLocaleString('en')} topics`, importMs], ['cards and log', loadMs], ...extra] };
}

/** Scopes as app/review/review.ts builds them: a section with its subsections (a top-level one), or a single leaf section. */
function scopesOf(sectionKeys: readonly string[]): { subtrees: string[][]; leaves: string[][] } {
  const all = [...sectionKeys];
  const tops = [...new Set(all.map((key) => key.split(' / ')[0]!))];
  const subtrees = tops.map((top) => all.filter((key) => key === top || key.startsWith(`${top} / `)));
  const leaves = all.filter((key) => !all.some((other) => other.startsWith(`${key} / `))).map((key) => [key]);
  return { subtrees: shuffled(subtrees, 2), leaves: shuffled(leaves, 3) };
}

async function benchOn(backend: Backend, checklistFile: string): Promise<{ rows: Row[]; timings: Array<[string, number]> }> {
  const { imported, data, timings } = await importAndLoad(backend, checklistFile);
  const { checklistId } = imported;
  const store = await openStore(backend.location);
  const rows: Row[] = [];
  try {
    const counted = await store.db
      .selectFrom('cards')
      .select((eb) => eb.fn.countAll<number>().as('cards'))
      .select((eb) =>
        eb
          .selectFrom('review_log')
          .select((e) => e.fn.countAll<number>().as('n'))
          .as('reviews'),
      )
      .executeTakeFirstOrThrow();
    const { counts } = data;
    console.log(
      `\n${backend.label}: ${Number(counted.cards).toLocaleString('en')} cards (${counts.review.toLocaleString('en')} review, ${counts.new.toLocaleString('en')} new, ` +
        `${counts.learning} learning, ${counts.relearning} relearning, ${counts.archived.toLocaleString('en')} archived), ` +
        `${Number(counted.reviews).toLocaleString('en')} review-log rows; generated in ${timings.map(([what, ms]) => `${what} ${seconds(ms)}`).join(' + ')}` +
        ` = ${seconds(timings.reduce((sum, [, ms]) => sum + ms, 0))}`,
    );

    const { subtrees, leaves } = scopesOf(imported.sectionKeys);
    await checkPlans(backend, store, checklistId, {
      'whole checklist': undefined,
      'one section and its subsections': subtrees[0]!,
      'one leaf section': leaves[0]!,
    });

    // 1. The next due card, the clock moving on each iteration, in three kinds of scope.
    const scopeKinds: Array<[string, (i: number) => readonly string[] | undefined]> = [
      ['whole checklist', () => undefined],
      ['a section and its subsections', (i) => subtrees[i % subtrees.length]],
      ['one leaf section', (i) => leaves[i % leaves.length]],
    ];
    let clock = NOW;
    for (const [scope, keysFor] of scopeKinds) {
      const returned = new Map<string, number>();
      const measured = await sideBySide(ITERATIONS, (i) => {
        clock += NEXT_STEP_MS;
        const query = queueAt(checklistId, clock, keysFor(i));
        const now = iso(clock);
        return {
          subject: async () => {
            const [card] = await nextDueCard(store.db, query);
            const state = card?.state ?? 'none';
            returned.set(state, (returned.get(state) ?? 0) + 1);
          },
          floor: () => floorQuery(store.db, checklistId, now).execute(),
        };
      });
      const note = [...returned].map(([state, n]) => `${state} ${n}`).join(', ');
      rows.push({ operation: `next due card, ${scope}`, backend: backend.label, ...measured, target: TARGET_NEXT_MS, note });
    }

    // Informative, no target: every store call app/review/review.ts#reviewQueue makes to hand out that card.
    const calls = new Map<string, number[]>();
    const timedCall = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
      const start = performance.now();
      const result = await fn();
      calls.set(name, [...(calls.get(name) ?? []), performance.now() - start]);
      return result;
    };
    const request = await sideBySide(REQUEST_ITERATIONS, () => {
      clock += NEXT_STEP_MS;
      const query = queueAt(checklistId, clock);
      const now = iso(clock);
      return {
        subject: async () => {
          await timedCall('reviewsSince', () => reviewsSince(store.db, checklistId, studyDay(now, TIME_ZONE, DAY_STARTS_AT).start));
          const cards = await timedCall('studyQueue', () => nextDueCard(store.db, query));
          await timedCall('queueCounts', () => queueCounts(store.db, query));
          await timedCall('nextStudyAt', () => nextStudyAt(store.db, query, query.newLimit, cards.length > 0 ? now : query.learnAheadUntil));
        },
        floor: () => floorQuery(store.db, checklistId, now).execute(),
      };
    });
    const breakdown = [...calls].map(
      ([name, times]) =>
        `${name} ${percentile(
          [...times.slice(WARMUP)].sort((a, b) => a - b),
          50,
        ).toFixed(2)} ms`,
    );
    rows.push({
      operation: 'queue request, store calls (no target)',
      backend: backend.label,
      ...request,
      target: null,
      note: `p50 of each call: ${breakdown.join(', ')}`,
    });

    // 2. Answering: a different card each time, as a session meets them: today's reviews and learning cards,
    // with new cards one in ten (the daily new limit keeps them few); the floor writes to others.
    const dayEnd = studyDay(iso(clock), TIME_ZONE, DAY_STARTS_AT).end;
    const active = await store.db
      .selectFrom('cards')
      .leftJoin('topics', 'topics.id', 'cards.topic_id')
      .select(['cards.id', 'cards.kind', 'cards.state'])
      .where('cards.checklist_id', '=', checklistId)
      .where('cards.archived_at', 'is', null)
      .where('cards.due', '<', dayEnd)
      .where((eb) => eb.or([eb('cards.topic_id', 'is', null), eb.and([eb('topics.archived_at', 'is', null), eb('topics.state', '!=', 'skipped')])]))
      .orderBy('cards.due')
      .execute();
    const seen = active.filter((card) => card.state !== 'new');
    const fresh = active.filter((card) => card.state === 'new').slice(0, Math.ceil(seen.length / 9));
    const picked = shuffled([...seen, ...fresh], 4);
    const needed = 2 * (WARMUP + ITERATIONS);
    if (picked.length < needed) throw new Error(`only ${picked.length} due cards for ${needed} answers`);
    const rand = mulberry32(5);
    const answered = new Map<string, number>();
    const measured = await sideBySide(ITERATIONS, (i) => {
      clock += ANSWER_STEP_MS;
      const now = iso(clock);
      const card = picked[2 * i]!;
      const other = picked[2 * i + 1]!;
      const r = rand();
      const rating: ReviewRating = r < 0.1 ? 1 : r < 0.25 ? 2 : r < 0.9 ? 3 : 4;
      const durationMs = 2000 + Math.floor(rand() * 20_000);
      return {
        subject: async () => {
          const result = await answer(store.db, card.id, rating, now, durationMs);
          if (!result) throw new Error(`card ${card.id} is gone`);
          const key = `${card.kind} ${card.state}`;
          answered.set(key, (answered.get(key) ?? 0) + 1);
        },
        floor: () => answerFloor(store.db, checklistId, other.id, now, durationMs),
      };
    });
    const note = [...answered]
      .sort((a, b) => b[1] - a[1])
      .map(([what, n]) => `${what} ${n}`)
      .join(', ');
    rows.push({ operation: 'answer', backend: backend.label, ...measured, target: TARGET_ANSWER_MS, note });

    // 3. Informative, no target: the statistics of the Dashboard and `progress` (every reviewed card's recall
    // now), a few rounds; the floor reads the reviewed cards' schedule columns alone.
    const checklist = (await getChecklist(store.db, checklistId))!;
    const ctx = { store, now: () => iso(clock) };
    const stats = { times: [] as number[], floor: [] as number[] };
    for (let i = 0; i < 1 + STATS_ITERATIONS; i++) {
      const start = performance.now();
      await reviewStatsOf(ctx, checklist);
      const middle = performance.now();
      await store.db
        .selectFrom('cards')
        .select(['section_key', 'stability', 'last_review', 'state'])
        .where('checklist_id', '=', checklistId)
        .where('state', '!=', 'new')
        .execute();
      if (i > 0) {
        stats.times.push(middle - start);
        stats.floor.push(performance.now() - middle);
      }
    }
    rows.push({
      operation: 'review stats (no target)',
      backend: backend.label,
      ...stats,
      target: null,
      note: `${STATS_ITERATIONS} rounds after 1 warm-up`,
    });
  } finally {
    await store.close();
  }
  return { rows, timings };
}

/**
 * The floor of an answer: the writes it cannot do without, in one transaction of the store's own kind (so the
 * commit, and the writer lock every store write takes, are in the floor too): the card's row updated by primary
 * key and one log row inserted. A primary-key SELECT alone would leave out the commit, which is most of the cost.
 */
function answerFloor(db: Kysely<Database>, checklistId: number, cardId: number, now: string, durationMs: number) {
  return db.transaction().execute(async (trx) => {
    await trx
      .updateTable('cards')
      .set({ due: now, last_review: now, reps: sql<number>`reps + 1` })
      .where('id', '=', cardId)
      .execute();
    await trx
      .insertInto('review_log')
      .values({
        card_id: cardId,
        checklist_id: checklistId,
        rating: 3,
        reviewed_at: now,
        elapsed_days: 0,
        scheduled_days: 0,
        stability: 0,
        difficulty: 0,
        state: 'review',
        duration_ms: durationMs,
        previous: '{}',
      })
      .execute();
  });
}

function printTable(rows: readonly Row[]): void {
  const ms = (value: number) => `${value.toFixed(2)} ms`;
  const table = rows.map((row) => {
    const times = [...row.times].sort((a, b) => a - b);
    const floor = [...row.floor].sort((a, b) => a - b);
    const p50 = percentile(times, 50);
    const floorP50 = percentile(floor, 50);
    return [
      row.operation,
      row.backend,
      ms(p50),
      ms(percentile(times, 95)),
      ms(floorP50),
      ms(percentile(floor, 95)),
      `${(p50 / floorP50).toFixed(1)}x`,
      row.target === null ? '' : `< ${row.target} ms: ${p50 < row.target ? 'met' : 'NOT MET'}`,
    ];
  });
  const header = ['operation', 'backend', 'p50', 'p95', 'floor p50', 'floor p95', 'ratio', 'target (p50)'];
  const widths = header.map((h, c) => Math.max(h.length, ...table.map((cells) => cells[c]!.length)));
  const line = (cells: readonly string[]) =>
    `  ${cells.map((cell, c) => (c < 2 || c === cells.length - 1 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ')}`.trimEnd();
  console.log(`\n${line(header)}`);
  for (const cells of table) console.log(line(cells));
  console.log('\n  what the next due card returned / what was answered:');
  for (const row of rows) console.log(`    ${row.operation}, ${row.backend}: ${row.note}`);
  console.log('  floors: next due card = select * from cards where checklist_id = ? and due <= ? order by due limit 1 (index');
  console.log('  cards_checklist_due); answer = one store transaction updating the card by primary key and inserting a log row.');
}

function sqliteBackend(): Backend {
  const dir = mkdtempSync(join(tmpdir(), 'prepdeck-bench-cards-'));
  const location = join(dir, 'bench.db');
  return {
    label: 'SQLite',
    location,
    async load(data) {
      const { default: Sqlite } = await import('better-sqlite3');
      const database = new Sqlite(location);
      try {
        loadIntoSqlite(database, data);
      } finally {
        database.close();
      }
      // No ANALYZE: prepdeck never runs it, so the planner sees what a user's database gives it.
      return [];
    },
    async explain(store, query) {
      const { rows } = await store.db.executeQuery<{ id: number; parent: number; detail: string }>(
        CompiledQuery.raw(`explain query plan ${query.sql}`, [...query.parameters]),
      );
      const depth = new Map<number, number>([[0, 0]]);
      return rows.map((row) => {
        const level = (depth.get(row.parent) ?? 0) + 1;
        depth.set(row.id, level);
        return `${'  '.repeat(level - 1)}${row.detail}`;
      });
    },
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

async function postgresBackend(baseUrl: string): Promise<Backend> {
  const { default: pg } = await import('pg');
  const schema = `bench_cards_${process.pid}_${Date.now().toString(36)}`;
  const admin = async (text: string, values: unknown[] = []) => {
    const client = new pg.Client({ connectionString: baseUrl });
    await client.connect();
    try {
      await client.query(text, values);
    } finally {
      await client.end();
    }
  };
  await admin(`create schema ${schema}`);
  const url = new URL(baseUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  // Our connections carry the schema's name, so that an interrupted run can end them (a load in progress holds
  // locks the drop would wait for) without touching anyone else's.
  url.searchParams.set('application_name', schema);
  const location = url.toString();
  return {
    label: 'PostgreSQL',
    location,
    async load(data) {
      const client = new pg.Client({ connectionString: location });
      // Ended by an interrupted run's drop: the query in flight fails, which is enough.
      client.on('error', () => {});
      await client.connect();
      try {
        await loadIntoPostgres(client, data);
        // A database that has lived with these rows has been vacuumed and analyzed by autovacuum; do it now,
        // rather than have autovacuum start in the middle of the measurements.
        const started = performance.now();
        await client.query('vacuum (analyze) cards, review_log, topics');
        return [['vacuum analyze', performance.now() - started]];
      } finally {
        await client.end();
      }
    },
    async explain(store, query) {
      const { rows } = await store.db.executeQuery<{ 'QUERY PLAN': string }>(
        CompiledQuery.raw(`explain (analyze, buffers, costs off) ${query.sql}`, [...query.parameters]),
      );
      return rows.map((row) => row['QUERY PLAN']);
    },
    async drop() {
      await admin('select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1 and pid <> pg_backend_pid()', [schema]);
      await admin(`drop schema if exists ${schema} cascade`);
    },
  };
}

async function postgresReachable(url: string): Promise<boolean> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

/** The scale benchmark of reviewing, on SQLite and (when `postgresUrl` is given) PostgreSQL. */
export async function benchCards(postgresUrl: string | null): Promise<void> {
  console.log(
    `\nreviewing at scale: ${CARDS.toLocaleString('en')} cards, ${REVIEWS.toLocaleString('en')} review-log rows, one checklist of ` +
      `${TOPICS.toLocaleString('en')} topics; ${ITERATIONS} iterations after ${WARMUP} warm-up, the clock moving on each` +
      (postgresUrl ? '' : ' (PostgreSQL not reachable: skipped)'),
  );
  const dir = mkdtempSync(join(tmpdir(), 'prepdeck-bench-cards-md-'));
  const pending = new Set<() => Promise<void>>();
  pending.add(async () => rmSync(dir, { recursive: true, force: true }));
  // Interrupted (Ctrl-C, CI timeout), the temp files and the PostgreSQL schema still go.
  const onSignal = (signal: NodeJS.Signals) => {
    void Promise.allSettled([...pending].map((drop) => drop())).finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const file = join(dir, 'checklist.md');
    writeFileSync(file, generateChecklist({ topics: TOPICS, seed: 1 }));
    const rows: Row[] = [];
    const backends: Array<() => Promise<Backend>> = [async () => sqliteBackend()];
    if (postgresUrl) backends.push(() => postgresBackend(postgresUrl));
    for (const make of backends) {
      const backend = await make();
      pending.add(backend.drop);
      try {
        rows.push(...(await benchOn(backend, file)).rows);
      } finally {
        await backend.drop();
        pending.delete(backend.drop);
      }
    }
    printTable(rows);
  } finally {
    await Promise.allSettled([...pending].map((drop) => drop()));
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await benchCards((await postgresReachable(DEFAULT_POSTGRES_URL)) ? DEFAULT_POSTGRES_URL : null);
}
