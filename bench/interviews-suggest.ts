// Topic suggestions while a question is typed, over a generated 2,000-topic checklist, on SQLite and PostgreSQL:
// every keystroke of 40 questions (built from topic titles, reordered, some with a typo) asks for suggestions,
// beside a floor measured in the same run: the checklist's own word search for the word being typed (the query a
// search box makes on each keystroke anyway). The aim: suggestions under 20 ms p50 per keystroke.
//
// `npx tsx bench/interviews-suggest.ts` runs it alone; BENCH_DATABASE_URL points at another PostgreSQL.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { closeApp, openApp } from '../src/app/context.js';
import { checklistFromUpload, importChecklist } from '../src/app/import/import-checklist.js';
import { suggestTopics } from '../src/app/interviews/suggest.js';
import { wordsOf } from '../src/core/interviews/suggest.js';
import { searchTopics } from '../src/store/topics/topics.js';
import { generateChecklist } from './generate-checklist.js';
import { postgresReachable, withPostgresSchema } from './side-by-side.js';
import { mulberry32, percentile } from './stats.js';

const TOPICS = 2_000;
const QUESTIONS = 40;
const AIM_MS = 20;
const DEFAULT_POSTGRES_URL = process.env['BENCH_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const FRAMES = ['How would you explain', 'What is the difference between', 'Tell me about', 'When would you use', 'Why does'];

/** A question from a topic's words: reordered, in a frame, one word with two letters swapped now and then. */
function questions(titles: readonly string[]): string[] {
  const rand = mulberry32(16);
  return Array.from({ length: QUESTIONS }, () => {
    const words = wordsOf(titles[Math.floor(rand() * titles.length)]!).filter((word) => word.length > 2);
    const shuffled = [...words].sort(() => rand() - 0.5);
    const typo = shuffled.findIndex((word) => word.length > 5);
    if (typo >= 0 && rand() < 0.4) {
      const w = shuffled[typo]!;
      shuffled[typo] = `${w.slice(0, 2)}${w[3]}${w[2]}${w.slice(4)}`;
    }
    return `${FRAMES[Math.floor(rand() * FRAMES.length)]} ${shuffled.join(' ')}?`;
  });
}

const ms = (value: number) => `${value.toFixed(2).padStart(7)} ms`;

async function benchOn(label: string, location: string, text: string): Promise<void> {
  const app = await openApp(location, () => '2026-12-05T09:00:00.000Z');
  try {
    await importChecklist(app, { file: checklistFromUpload(text, 'generated.md') });
    const titles = (await app.store.db.selectFrom('topics').select('text').where('kind', '=', 'topic').orderBy('id').execute()).map(
      (row) => row.text,
    );
    const subject: number[] = [];
    const floor: number[] = [];
    // Every keystroke from the third character on: what a debounce-free client would send.
    const keystrokes = questions(titles).flatMap((question) => Array.from({ length: question.length - 2 }, (_, i) => question.slice(0, i + 3)));
    for (const [i, typed] of keystrokes.entries()) {
      const lastWord = wordsOf(typed).at(-1) ?? typed;
      const runSubject = async () => {
        const start = performance.now();
        await suggestTopics(app, { q: typed });
        subject.push(performance.now() - start);
      };
      const runFloor = async () => {
        const start = performance.now();
        await searchTopics(app.store.db, lastWord);
        floor.push(performance.now() - start);
      };
      // Alternating which goes first, so the ratio holds on a noisy machine.
      if (i % 2 === 0) await runSubject().then(runFloor);
      else await runFloor().then(runSubject);
    }
    const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
    const [s, f] = [sorted(subject), sorted(floor)];
    const p50 = percentile(s, 50);
    console.log(
      `  ${label.padEnd(10)} suggestions p50 ${ms(p50)} p95 ${ms(percentile(s, 95))}   word search p50 ${ms(percentile(f, 50))} p95 ${ms(percentile(f, 95))}` +
        `   ratio p50 ${(p50 / percentile(f, 50)).toFixed(2)}x   ${keystrokes.length} keystrokes   ${p50 < AIM_MS ? 'ok' : 'OVER'} (aim: p50 < ${AIM_MS} ms)`,
    );
  } finally {
    await closeApp(app);
  }
}

export async function benchSuggest(postgresUrl: string | null): Promise<void> {
  console.log(
    `\ntopic suggestions while typing a question, over ${TOPICS.toLocaleString('en')} topics${postgresUrl ? '' : ' (PostgreSQL not reachable: skipped)'}`,
  );
  const text = generateChecklist({ topics: TOPICS, seed: 7 });
  const dir = mkdtempSync(join(tmpdir(), 'prepdeck-bench-suggest-'));
  try {
    await benchOn('SQLite', join(dir, 'suggest.db'), text);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (postgresUrl) await withPostgresSchema(postgresUrl, 'suggest', (location) => benchOn('PostgreSQL', location, text));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await benchSuggest((await postgresReachable(DEFAULT_POSTGRES_URL)) ? DEFAULT_POSTGRES_URL : null);
}
