// The gap analysis at scale: 500 rounds, 5,000 questions and 15,000 question-topic links over a 2,000-topic checklist
// (a third of its topic cards reviewed), on SQLite and on PostgreSQL. The analysis (app/interviews/gaps.ts: its
// queries, recall per topic, the ranking) and GET /api/gaps beside their floor in the same run, a plain SELECT of the
// 15,000 links. The aim: the analysis under 100 ms. Each iteration runs the subject and its floor back to
// back, alternating which goes first, so the ratio holds on a noisy machine.
//
// `npx tsx bench/interviews-gaps.ts` runs it alone; BENCH_GAPS_ITERATIONS and BENCH_DATABASE_URL (PostgreSQL,
// `postgres://postgres@127.0.0.1:5432/test` by default) tune it.
import type { Kysely } from 'kysely';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { closeApp, openApp, type AppContext } from '../src/app/context.js';
import { gaps } from '../src/app/interviews/gaps.js';
import { checklistFromUpload, importChecklist } from '../src/app/import/import-checklist.js';
import type { GapsJson } from '../src/contract/interviews.js';
import { ROUND_KINDS } from '../src/contract/vocabulary.js';
import { buildServer, type PrepdeckServer } from '../src/server/app.js';
import type { Database } from '../src/store/schema.js';
import { generateChecklist } from './generate-checklist.js';
import { inBatches, line, postgresReachable, sideBySide, withPostgresSchema } from './side-by-side.js';
import { mulberry32 } from './stats.js';

const TOPICS = 2_000;
const ROUNDS = 500;
const QUESTIONS = 5_000;
const LINKS_PER_QUESTION = 3;
const APPLICATIONS = 100;
const ITERATIONS = Number(process.env['BENCH_GAPS_ITERATIONS'] ?? 50);
const WARMUP = 10;
const RUNS = { warmup: WARMUP, iterations: ITERATIONS };
const DEFAULT_POSTGRES_URL = process.env['BENCH_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const AIM_MS = 100;

const NOW = Date.parse('2026-06-01T09:00:00.000Z');
const DAY_MS = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

async function seed(app: AppContext): Promise<void> {
  await importChecklist(app, { file: checklistFromUpload(generateChecklist({ topics: TOPICS, seed: 16 }), 'bench.md'), name: 'bench' });
  const rand = mulberry32(16);
  const pick = <T>(items: readonly T[]) => items[Math.floor(rand() * items.length)]!;
  await app.store.transaction(async (trx: Kysely<Database>) => {
    const topics = (await trx.selectFrom('topics').select('id').where('kind', '=', 'topic').execute()).map((row) => row.id);
    // A third of the topic cards reviewed, some days ago, with a spread of stabilities: recall is computed for real.
    const cards = await trx.selectFrom('cards').select('id').where('kind', '=', 'topic').execute();
    for (const [i, card] of cards.entries()) {
      if (i % 3 !== 0) continue;
      const last = NOW - Math.floor(rand() * 60) * DAY_MS;
      const stability = 1 + rand() * 60;
      await trx
        .updateTable('cards')
        .set({
          state: 'review',
          stability,
          difficulty: 5,
          reps: 3,
          last_review: iso(last),
          due: iso(last + stability * DAY_MS),
          scheduled_days: Math.round(stability),
        })
        .where('id', '=', card.id)
        .execute();
    }
    const applications: number[] = [];
    for (let i = 0; i < APPLICATIONS; i++) {
      const at = iso(NOW - 200 * DAY_MS);
      const row = await trx
        .insertInto('applications')
        .values({
          hunt_id: 1,
          company: `Company ${i % 40}`,
          role: 'Backend engineer',
          link: '',
          location: '',
          remote: null,
          salary_min: null,
          salary_max: null,
          salary_currency: null,
          salary_period: null,
          source: '',
          found_on: null,
          notes: '',
          tags: '[]',
          stage: 'technical',
          stage_changed_at: at,
          created_at: at,
          updated_at: at,
          archived_at: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      applications.push(row.id);
    }
    const rounds = Array.from({ length: ROUNDS }, () => {
      const at = iso(NOW - Math.floor(rand() * 180) * DAY_MS);
      return {
        application_id: pick(applications),
        starts_at: at,
        time_zone: 'Europe/Berlin',
        duration_minutes: 60,
        kind: pick(ROUND_KINDS),
        link: '',
        prep_notes: '',
        outcome: 'unknown' as const,
        debrief: '',
        created_at: at,
        updated_at: at,
      };
    });
    const roundIds: number[] = [];
    await inBatches(rounds, async (batch) =>
      roundIds.push(...(await trx.insertInto('rounds').values(batch).returning('id').execute()).map((r) => r.id)),
    );
    const questions = Array.from({ length: QUESTIONS }, (_, i) => ({
      round_id: roundIds[i % ROUNDS]!,
      text: `Question ${i}`,
      position: Math.floor(i / ROUNDS),
      score: rand() < 0.2 ? null : 1 + Math.floor(rand() * 4),
      card_id: null,
      created_at: iso(NOW),
      updated_at: iso(NOW),
    }));
    const questionIds: number[] = [];
    await inBatches(questions, async (batch) =>
      questionIds.push(...(await trx.insertInto('questions').values(batch).returning('id').execute()).map((q) => q.id)),
    );
    // Topics asked about cluster, as interviews do: most links fall on a fifth of the checklist.
    const hot = topics.slice(0, Math.floor(topics.length / 5));
    const links = questionIds.flatMap((questionId) => {
      const chosen = new Set<number>();
      while (chosen.size < LINKS_PER_QUESTION) chosen.add(rand() < 0.7 ? pick(hot) : pick(topics));
      return [...chosen].map((topicId, position) => ({ question_id: questionId, topic_id: topicId, position }));
    });
    await inBatches(links, (batch) => trx.insertInto('question_topics').values(batch).execute());
  });
}

async function benchOn(label: string, location: string): Promise<void> {
  const app = await openApp(location, () => iso(NOW));
  const cpuCounts = label === 'SQLite';
  let server: PrepdeckServer | null = null;
  try {
    const seeding = performance.now();
    await seed(app);
    const seeded = performance.now() - seeding;
    server = await buildServer({ app });
    const api = server;
    const viaApi = async () => {
      const response = await api.inject({ method: 'GET', url: '/api/gaps' });
      if (response.statusCode !== 200) throw new Error(`GET /api/gaps: ${response.statusCode} ${response.body}`);
      return response.body;
    };
    // The floor: the 15,000 links the analysis reads, as stored, nothing joined or computed.
    const readLinks = () => app.store.db.selectFrom('question_topics').select(['question_id', 'topic_id']).execute();
    const result: GapsJson = await gaps(app);
    if ((await readLinks()).length !== QUESTIONS * LINKS_PER_QUESTION) throw new Error('the seeded links are not all there');

    const analysis = await sideBySide(() => gaps(app), readLinks, RUNS);
    const http = await sideBySide(viaApi, readLinks, RUNS);
    const onsite = await sideBySide(() => gaps(app, { kind: 'onsite', from: '2026-03-01', to: '2026-05-31' }), readLinks, RUNS);
    console.log(
      `\n  ${label} (seeded in ${(seeded / 1000).toFixed(1)} s; ${result.rounds} rounds, ${result.questions} questions, ` +
        `${result.topics.length} topics and ${result.sections.length} sections ranked)`,
    );
    console.log(line('plain SELECT of the 15,000 links (floor)', analysis.floor, null, cpuCounts));
    console.log(`${line('the gap analysis (app/interviews/gaps.ts)', analysis.subject, analysis.floor, cpuCounts)}   (aim: < ${AIM_MS} ms)`);
    console.log(line('GET /api/gaps', http.subject, http.floor, cpuCounts));
    console.log(line('onsite rounds of one quarter', onsite.subject, onsite.floor, cpuCounts));
    const worst = result.topics[0];
    if (worst) console.log(`    worst gap: ${worst.title.slice(0, 40)} asked in ${worst.rounds} rounds, mean ${worst.meanScore?.toFixed(1) ?? '–'}`);
  } finally {
    await server?.close();
    await closeApp(app);
  }
}

export async function benchInterviewGaps(postgresUrl: string | null): Promise<void> {
  console.log(
    `\nthe gap analysis at scale: ${ROUNDS} rounds, ${QUESTIONS.toLocaleString('en')} questions, ` +
      `${(QUESTIONS * LINKS_PER_QUESTION).toLocaleString('en')} links over ${TOPICS.toLocaleString('en')} topics; ${ITERATIONS} iterations after ${WARMUP} warm-up` +
      (postgresUrl ? '' : ' (PostgreSQL not reachable: skipped)') +
      `; load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores`,
  );
  const dir = mkdtempSync(join(tmpdir(), 'prepdeck-bench-gaps-'));
  try {
    await benchOn('SQLite', join(dir, 'gaps.db'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (postgresUrl) await withPostgresSchema(postgresUrl, 'gaps', (location) => benchOn('PostgreSQL', location));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await benchInterviewGaps((await postgresReachable(DEFAULT_POSTGRES_URL)) ? DEFAULT_POSTGRES_URL : null);
}
