// `npm run bench`: prepdeck's import beside the raw parsers it is measured against, in one run.
// The machine is shared and noisy: each figure is the minimum of several runs, and the ratios matter.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import markdownIt from 'markdown-it';
import { init as initMd4w, mdToJSON } from 'md4w';
import { closeApp, openApp } from '../src/app/context.js';
import { importChecklist, readChecklistFile } from '../src/app/import/import-checklist.js';
import { findDuplicates } from '../src/core/checklist/duplicates.js';
import { parseChecklist } from '../src/core/import/parse-checklist.js';
import { cardPassShare } from './card-pass.js';
import { benchCards } from './cards.js';
import { GENERATED_TOPIC_COUNT_DEFAULT, generateChecklist } from './generate-checklist.js';
import { benchHttp } from './http.js';
import { benchHunt } from './hunt.js';
import { benchSuggest } from './interviews-suggest.js';
import { benchInterviewGaps } from './interviews-gaps.js';
import { benchPlan, benchPlanQueue } from './plan.js';
import { benchPlanCalibration } from './plan-calibration.js';
import { benchPreview } from './preview.js';
import { benchImportCeiling } from './import-ceiling.js';
import { captureWrites, replayWrites, type WrittenStatement } from './sqlite-floor.js';
import { benchSync } from './sync.js';
import { benchWeb } from './web.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const USER_FIXTURE = join(ROOT, '../shared/fixtures/job-interview-checklist.md');
const BIN = join(ROOT, 'dist/bin/prepdeck.js');
const RUNS = Number(process.env['BENCH_RUNS'] ?? 5);
/** `BENCH_ONLY=import` (or `start-up`) `npm run bench`: those figures alone, without the minutes the rest takes. */
const ONLY = process.env['BENCH_ONLY'];
const POSTGRES_URL = process.env['BENCH_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

async function minTime(runs: number, fn: () => unknown): Promise<number> {
  let best = Infinity;
  await fn(); // warm-up: JIT, module loading
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

const ms = (value: number) => `${value.toFixed(1).padStart(8)} ms`;
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}x`;

async function importInto(location: string, file: string): Promise<void> {
  const app = await openApp(location);
  try {
    await importChecklist(app, { file: await readChecklistFile(file), name: 'bench' });
  } finally {
    await closeApp(app);
  }
}

/** The statements an import into a fresh, migrated database writes (the migrations' own left out). */
async function importWrites(location: string, file: string): Promise<WrittenStatement[]> {
  const app = await openApp(location);
  try {
    const checklist = await readChecklistFile(file);
    return await captureWrites(() => importChecklist(app, { file: checklist, name: 'bench' }));
  } finally {
    await closeApp(app);
  }
}

async function postgresReachable(): Promise<boolean> {
  try {
    const app = await openApp(POSTGRES_URL);
    await closeApp(app);
    return true;
  } catch {
    return false;
  }
}

/** A fresh schema per run, so every import is a first import. */
async function freshPostgres(): Promise<{ url: string; drop: () => Promise<void> }> {
  const { default: pg } = await import('pg');
  const schema = `bench_${process.pid}_${Math.floor(performance.now() * 1000)}`;
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  await client.query(`create schema ${schema}`);
  await client.end();
  const url = `${POSTGRES_URL}?options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  return {
    url,
    drop: async () => {
      const dropper = new pg.Client({ connectionString: POSTGRES_URL });
      await dropper.connect();
      await dropper.query(`drop schema ${schema} cascade`);
      await dropper.end();
    },
  };
}

async function benchImport(label: string, file: string, text: string, withPostgres: boolean, aim?: string): Promise<void> {
  const md = markdownIt();
  const dir = mkdtempSync(join(tmpdir(), 'prepdeck-bench-'));
  let n = 0;
  try {
    const rawMarkdownIt = await minTime(RUNS, () => md.parse(text, {}));
    const rawMd4w = await minTime(RUNS, () => mdToJSON(text));
    const parseOnly = await minTime(RUNS, () => parseChecklist(text, { fallbackTitle: 'bench' }));
    const studyTopics = parseChecklist(text, { fallbackTitle: 'bench' }).entries.filter((entry) => entry.kind === 'topic');
    const duplicates = await minTime(RUNS, () => findDuplicates(studyTopics, (entry) => entry.text));
    const sqliteImport = await minTime(RUNS, () => importInto(join(dir, `run-${n++}.db`), file));
    const writes = await importWrites(join(dir, `run-${n++}.db`), file);
    let sqliteFloor = Infinity;
    for (let i = 0; i < RUNS; i++) sqliteFloor = Math.min(sqliteFloor, await replayWrites(dir, `replay-${i}.db`, writes));
    // A re-import of the file with its first list item reworded, then as it was: every run changes one topic.
    const reimported = join(dir, 'reimported.db');
    await importInto(reimported, file);
    const changed = join(dir, 'changed.md');
    writeFileSync(changed, text.replace(/^(\s*[-*+] .+)$/m, '$1, reworded'));
    let runs = 0;
    const reimport = await minTime(RUNS, () => importInto(reimported, runs++ % 2 === 0 ? changed : file));
    const bytes = Buffer.byteLength(text);
    console.log(`\n${label} (${(bytes / 1024).toFixed(0)} KB)`);
    console.log(`  markdown-it 15 raw parse        ${ms(rawMarkdownIt)}`);
    console.log(`  md4w (md4c, wasm) raw parse     ${ms(rawMd4w)}   (no source positions)`);
    console.log(`  prepdeck parse (core only)      ${ms(parseOnly)}   ${ratio(parseOnly, rawMarkdownIt)} markdown-it`);
    console.log(`  ${"the import's duplicates report".padEnd(32)}${ms(duplicates)}   after the parse, over its ${studyTopics.length} study topics`);
    console.log(
      `  prepdeck import into SQLite     ${ms(sqliteImport)}   ${ratio(sqliteImport, rawMarkdownIt)} markdown-it, ${ratio(sqliteImport, rawMd4w)} md4w${aim ? ` (aim: ${aim})` : ''}`,
    );
    console.log(
      `  ${'its rows, SQLite alone'.padEnd(32)}${ms(sqliteFloor)}   ${writes.length} statements replayed on better-sqlite3; with markdown-it's parse ${ratio(rawMarkdownIt + sqliteFloor, rawMarkdownIt)} markdown-it`,
    );
    console.log(`  ${'re-import, one item reworded'.padEnd(32)}${ms(reimport)}   ${ratio(reimport, sqliteImport)} the first import`);
    // What a user waits for: the command in a process of its own, start-up, module loading and a cold JIT included.
    if (existsSync(BIN)) {
      const command = await minTime(RUNS, () => execFileSync(process.execPath, [BIN, '--db', join(dir, `command-${n++}.db`), 'import', file]));
      console.log(
        `  ${'`prepdeck import FILE`'.padEnd(32)}${ms(command)}   ${ratio(command, sqliteImport)} the import in this process (a new process: start-up, modules, a cold JIT)`,
      );
    }
    const cards = await cardPassShare(text, RUNS);
    console.log(
      `  ${"the parse's card pass".padEnd(32)}${ms(cards.cardMs)}   ${((cards.cardMs / cards.parseMs) * 100).toFixed(1)} % of the parse (its CPU samples in card functions)`,
    );
    if (withPostgres) {
      let best = Infinity;
      for (let i = 0; i < Math.min(RUNS, 3); i++) {
        const pgDb = await freshPostgres();
        const start = performance.now();
        await importInto(pgDb.url, file);
        best = Math.min(best, performance.now() - start);
        await pgDb.drop();
      }
      console.log(`  prepdeck import into PostgreSQL ${ms(best)}   ${ratio(best, rawMarkdownIt)} markdown-it`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function medianSpawn(runs: number, args: string[]): number {
  const times: number[] = [];
  execFileSync(process.execPath, args); // warm the file cache
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    execFileSync(process.execPath, args);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

async function benchImports(withPostgres: boolean): Promise<void> {
  if (existsSync(USER_FIXTURE)) {
    const { readFileSync } = await import('node:fs');
    await benchImport("the user's checklist", USER_FIXTURE, readFileSync(USER_FIXTURE, 'utf8'), withPostgres);
  }
  const dir = mkdtempSync(join(tmpdir(), 'prepdeck-bench-gen-'));
  try {
    const generated = generateChecklist({ topics: GENERATED_TOPIC_COUNT_DEFAULT, seed: 1 });
    const file = join(dir, 'generated.md');
    writeFileSync(file, generated);
    await benchImport(
      `generated checklist of ${GENERATED_TOPIC_COUNT_DEFAULT.toLocaleString('en')} topics`,
      file,
      generated,
      withPostgres,
      'within 3x markdown-it, under 1 s on a quiet machine',
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function benchStartUp(): void {
  if (existsSync(BIN)) {
    const bare = medianSpawn(15, ['-e', '0']);
    const version = medianSpawn(15, [BIN, '--version']);
    console.log('\nstart-up (median of 15 spawns)');
    console.log(`  node -e 0                       ${ms(bare)}`);
    console.log(`  prepdeck --version              ${ms(version)}   ${ratio(version, bare)} node -e 0 (aim: within 2x)`);
    // An everyday command on the user's checklist, the bin (one bundle) beside the compiled tree it is made from.
    const dbDir = mkdtempSync(join(tmpdir(), 'prepdeck-bench-cli-'));
    try {
      const db = join(dbDir, 'cli.db');
      execFileSync(process.execPath, [BIN, '--db', db, 'import', existsSync(USER_FIXTURE) ? USER_FIXTURE : join(ROOT, 'examples/interview-prep.md')]);
      const bundled = medianSpawn(15, [BIN, '--db', db, 'list']);
      const unbundled = medianSpawn(15, [join(ROOT, 'dist/cli/main.js'), '--db', db, 'list']);
      console.log(`  ${'prepdeck list (the bin)'.padEnd(32)}${ms(bundled)}   ${ratio(bundled, bare)} node -e 0, on the user's checklist`);
      console.log(`  ${'the same, unbundled (dist/cli)'.padEnd(32)}${ms(unbundled)}   the bundle takes ${ratio(bundled, unbundled)} of its time`);
    } finally {
      rmSync(dbDir, { recursive: true, force: true });
    }
  } else console.log('\nstart-up: dist/bin/prepdeck.js missing; run `npm run build` first');
}

async function main(): Promise<void> {
  await initMd4w('fast');
  const withPostgres = await postgresReachable();
  console.log(`prepdeck benchmarks: minimum of ${RUNS} runs each${withPostgres ? '' : ' (PostgreSQL not reachable: skipped)'}`);

  if (ONLY !== 'start-up') await benchImports(withPostgres);
  if (ONLY === 'import') return;
  benchStartUp();
  if (ONLY === 'start-up') return;

  const freshPg = withPostgres ? await freshPostgres() : null;
  try {
    await benchHttp(existsSync(USER_FIXTURE) ? USER_FIXTURE : join(ROOT, 'examples/interview-prep.md'), freshPg?.url ?? null);
  } finally {
    await freshPg?.drop();
  }
  await benchPreview();
  benchImportCeiling();
  await benchSync(existsSync(USER_FIXTURE) ? USER_FIXTURE : join(ROOT, 'examples/interview-prep.md'));
  await benchCards(withPostgres ? POSTGRES_URL : null);
  await benchHunt(withPostgres ? POSTGRES_URL : null);
  await benchSuggest(withPostgres ? POSTGRES_URL : null);
  await benchInterviewGaps(withPostgres ? POSTGRES_URL : null);
  benchPlan();
  await benchPlanQueue();
  await benchPlanCalibration();
  console.log('');
  await benchWeb();
}

await main();
