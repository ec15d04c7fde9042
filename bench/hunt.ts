// The job hunt at scale: 1,000 applications, 20,000 stage events and 5,000 criteria marks, on SQLite and on
// PostgreSQL. The board's list through the API (Fastify's inject: routing, validation, the app, serialization;
// no socket) beside its floor measured in the same run, plain SELECTs of the same rows (the applications, their
// marks, open follow-ups and offers; the applications alone are printed too, as a lower floor); and the funnel
// computed from the stage events. The aims: the list within 3x its floor (p50), the funnel under 50 ms.
// Each iteration runs the subject and its floor back to back, alternating which goes first, so the ratio holds
// on a noisy machine; on SQLite, where all the work is this process's, its CPU time is printed too.
//
// `npx tsx bench/hunt.ts` runs it alone; BENCH_HUNT_ITERATIONS and BENCH_DATABASE_URL (PostgreSQL,
// `postgres://postgres@127.0.0.1:5432/test` by default) tune it.
import Fastify from 'fastify';
import { sql, type Kysely } from 'kysely';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { closeApp, openApp, type AppContext } from '../src/app/context.js';
import { listApplications } from '../src/app/hunt/applications.js';
import { addCriterion } from '../src/app/hunt/criteria.js';
import { funnel } from '../src/app/hunt/funnel.js';
import type { ApplicationListJson, CriterionJson } from '../src/contract/hunt.js';
import { DEFAULT_STAGES, MARK_VALUES, REMOTE_POLICIES } from '../src/contract/vocabulary.js';
import { buildServer, type PrepdeckServer } from '../src/server/app.js';
import { stageHistories } from '../src/store/hunt/applications.js';
import type { Database } from '../src/store/schema.js';
import { alone, inBatches, line, postgresReachable, sideBySide, withPostgresSchema } from './side-by-side.js';
import { mulberry32 } from './stats.js';

const APPLICATIONS = 1_000;
const EVENTS_PER_APPLICATION = 20;
const CRITERIA = 5;
const ITERATIONS = Number(process.env['BENCH_HUNT_ITERATIONS'] ?? 100);
const WARMUP = 20;
const RUNS = { warmup: WARMUP, iterations: ITERATIONS };
const DEFAULT_POSTGRES_URL = process.env['BENCH_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const LIST_RATIO_AIM = 3;
const FUNNEL_AIM_MS = 50;

/** The hunt's "now": fixed, so the data and the funnel's weeks are the same on every run. */
const NOW = Date.parse('2026-03-02T09:00:00.000Z');
const HOUR_MS = 3600_000;
const YEAR_MS = 365 * 24 * HOUR_MS;
const iso = (ms: number) => new Date(ms).toISOString();
const STAGE_KEYS = DEFAULT_STAGES.map((stage) => stage.key);

/**
 * Writes the generated hunt: each application's history a walk over the stages (forward mostly, back now and
 * then, outcomes too) ending at its stage, a mark per criterion, a follow-up for a third, an offer for one in 20.
 */
async function seed(app: AppContext): Promise<void> {
  const rand = mulberry32(15);
  const pick = <T>(items: readonly T[]) => items[Math.floor(rand() * items.length)]!;
  const criteria: CriterionJson[] = [];
  for (let i = 0; i < CRITERIA; i++) {
    criteria.push(await addCriterion(app, { text: `criterion ${i + 1}`, kind: i < 2 ? 'gate' : 'weighted', weight: 1 + (i % 5) }));
  }
  const histories = Array.from({ length: APPLICATIONS }, () => {
    let at = NOW - YEAR_MS + Math.floor(rand() * YEAR_MS * 0.5);
    let stage: string = rand() < 0.8 ? 'applied' : 'wishlist';
    const events = [{ from_stage: null as string | null, to_stage: stage, at: iso(at), note: '' }];
    while (events.length < EVENTS_PER_APPLICATION) {
      const index = STAGE_KEYS.indexOf(stage as (typeof STAGE_KEYS)[number]);
      const next = rand() < 0.7 ? STAGE_KEYS[Math.min(index + 1, STAGE_KEYS.length - 1)]! : pick(STAGE_KEYS);
      if (next === stage) continue;
      at += Math.floor(rand() * 200 * HOUR_MS);
      events.push({ from_stage: stage, to_stage: next, at: iso(at), note: rand() < 0.1 ? 'a note' : '' });
      stage = next;
    }
    return events;
  });

  await app.store.transaction(async (trx: Kysely<Database>) => {
    const rows = histories.map((events, i) => ({
      hunt_id: 1,
      company: `Company ${i}`,
      role: pick(['Backend engineer', 'Python developer', 'SRE', 'Data engineer']),
      link: `https://jobs.example/${i}`,
      location: pick(['Berlin', 'Remote', 'Amsterdam', 'New York']),
      remote: pick(REMOTE_POLICIES),
      salary_min: 60_000 + Math.floor(rand() * 60) * 1000,
      salary_max: 130_000,
      salary_currency: 'EUR',
      salary_period: 'year' as const,
      source: pick(['referral', 'job board', 'recruiter']),
      found_on: events[0]!.at.slice(0, 10),
      notes: '',
      tags: JSON.stringify([pick(['python', 'go', 'rust']), pick(['startup', 'bigco'])]),
      stage: events.at(-1)!.to_stage,
      stage_changed_at: events.at(-1)!.at,
      created_at: events[0]!.at,
      updated_at: events.at(-1)!.at,
      archived_at: null,
    }));
    const ids: number[] = [];
    await inBatches(rows, async (batch) => {
      const inserted = await trx.insertInto('applications').values(batch).returning('id').execute();
      ids.push(...inserted.map((row) => Number(row.id)));
    });
    const events = histories.flatMap((history, i) => history.map((event) => ({ application_id: ids[i]!, ...event })));
    await inBatches(events, (batch) => trx.insertInto('stage_events').values(batch).execute());
    const marks = ids.flatMap((id) =>
      criteria.map((criterion) => ({ application_id: id, criterion_id: criterion.id, value: pick(MARK_VALUES), note: '', updated_at: iso(NOW) })),
    );
    await inBatches(marks, (batch) => trx.insertInto('marks').values(batch).execute());
    const followUps = ids
      .filter((_, i) => i % 3 === 0)
      .map((id, i) => ({
        application_id: id,
        title: 'Write back',
        due_on: iso(NOW + (i % 30) * 24 * HOUR_MS - 15 * 24 * HOUR_MS).slice(0, 10),
        done_at: null,
        created_at: iso(NOW),
      }));
    await inBatches(followUps, (batch) => trx.insertInto('follow_ups').values(batch).execute());
    const offers = ids
      .filter((_, i) => i % 20 === 0)
      .map((id) => ({ application_id: id, currency: 'EUR', period: 'year' as const, base: 100_000, perks: '', notes: '', updated_at: iso(NOW) }));
    await inBatches(offers, (batch) => trx.insertInto('offers').values(batch).execute());
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
    // A database that has lived with these rows has been analyzed by autovacuum (without statistics the planner
    // takes 1,000 applications for a handful); do it now, rather than have autovacuum start mid-measurement.
    if (label === 'PostgreSQL') await sql`vacuum (analyze) applications, stage_events, marks, follow_ups, offers`.execute(app.store.db);
    server = await buildServer({ app });
    const api = server;
    const list = async () => {
      const response = await api.inject({ method: 'GET', url: '/api/hunt/applications' });
      if (response.statusCode !== 200) throw new Error(`GET /api/hunt/applications: ${response.statusCode} ${response.body}`);
      return response.body;
    };
    // The floor: the rows the board is made of, as stored, each kind through its index: the applications, their
    // marks (what the fits are computed from), their open follow-ups and their offers. Read in turn, one statement each.
    const applicationRows = () =>
      app.store.db
        .selectFrom('applications')
        .selectAll()
        .where('hunt_id', '=', 1)
        .where('archived_at', 'is', null)
        .orderBy('stage')
        .orderBy('id')
        .execute();
    const plainSelect = async () => {
      const rows = await applicationRows();
      await app.store.db.selectFrom('marks').selectAll().execute();
      await app.store.db.selectFrom('follow_ups').selectAll().where('done_at', 'is', null).execute();
      await app.store.db.selectFrom('offers').selectAll().execute();
      return rows;
    };
    const shown = JSON.parse(await list()) as ApplicationListJson;
    const floorRows = await plainSelect();
    if (shown.applications.length !== floorRows.length)
      throw new Error(`the list shows ${shown.applications.length} applications, the floor reads ${floorRows.length}`);

    const board = await sideBySide(list, plainSelect, RUNS);
    const applicationsOnly = await sideBySide(list, applicationRows, RUNS);
    const appOnly = await alone(() => listApplications(app, {}), RUNS);
    // What answering this much JSON through inject costs at all: a bare Fastify route sending the list from memory.
    const bare = Fastify();
    bare.get('/list', async () => shown);
    const transport = await alone(async () => (await bare.inject({ method: 'GET', url: '/list' })).body, RUNS);
    await bare.close();
    // The funnel's own floor: reading its 20,000 events, a row each, nothing computed.
    const readEvents = () => app.store.db.selectFrom('stage_events').select(['application_id', 'to_stage', 'at']).orderBy('id').execute();
    const funnelRuns = await sideBySide(() => funnel(app), readEvents, RUNS);
    // What the funnel reads them as: a row per application.
    const histories = await alone(() => stageHistories(app.store.db), RUNS);
    const funnelApi = await alone(async () => (await api.inject({ method: 'GET', url: '/api/hunt/funnel' })).body, RUNS);
    const reached = await funnel(app);

    console.log(
      `\n  ${label} (seeded in ${(seeded / 1000).toFixed(1)} s; ${shown.applications.length} applications on the board, ${Buffer.byteLength(await list()) >> 10} KB of JSON)`,
    );
    console.log(line('plain SELECTs of the same rows (floor)', board.floor, null, cpuCounts));
    console.log(`${line('GET /api/hunt/applications', board.subject, board.floor, cpuCounts)}   (aim: p50 <= ${LIST_RATIO_AIM}x the floor)`);
    console.log(line('  the applications alone (a lower floor)', applicationsOnly.floor, null, cpuCounts));
    console.log(line('  GET /api/hunt/applications against it', applicationsOnly.subject, applicationsOnly.floor, cpuCounts));
    console.log(line('listApplications alone (the app, no HTTP)', appOnly, null, cpuCounts));
    console.log(line('bare Fastify route, the list from memory', transport, null, cpuCounts));
    console.log(line('reading the stage events (floor)', funnelRuns.floor, null, cpuCounts));
    console.log(`${line('the funnel (app/hunt/funnel.ts)', funnelRuns.subject, funnelRuns.floor, cpuCounts)}   (aim: < ${FUNNEL_AIM_MS} ms)`);
    console.log(line('  its read: a row per application', histories, null, cpuCounts));
    console.log(line('GET /api/hunt/funnel', funnelApi, null, cpuCounts));
    console.log(
      `    funnel reached: ${reached.stages.map(({ stage, reached: count }) => `${stage} ${count}`).join(', ')}; ${reached.weeks.length} weeks`,
    );
  } finally {
    await server?.close();
    await closeApp(app);
  }
}

export async function benchHunt(postgresUrl: string | null): Promise<void> {
  const events = APPLICATIONS * EVENTS_PER_APPLICATION;
  console.log(
    `\nthe job hunt at scale: ${APPLICATIONS.toLocaleString('en')} applications, ${events.toLocaleString('en')} stage events, ` +
      `${(APPLICATIONS * CRITERIA).toLocaleString('en')} marks; ${ITERATIONS} iterations after ${WARMUP} warm-up` +
      (postgresUrl ? '' : ' (PostgreSQL not reachable: skipped)') +
      // The absolute figures move with the machine's load; the ratios much less.
      `; load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores`,
  );
  const dir = mkdtempSync(join(tmpdir(), 'prepdeck-bench-hunt-'));
  try {
    await benchOn('SQLite', join(dir, 'hunt.db'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (postgresUrl) await withPostgresSchema(postgresUrl, 'hunt', (location) => benchOn('PostgreSQL', location));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await benchHunt((await postgresReachable(DEFAULT_POSTGRES_URL)) ? DEFAULT_POSTGRES_URL : null);
}
