// `prepdeck progress` once cards have been reviewed: predicted recall beside each section, true retention and the due
// forecast under the totals, and the statistics in --json. The reviews are answered in process (app layer) with a
// clock set days back; the built bin then reads them with the real clock.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeApp, openApp } from '../../src/app/context.js';
import { answerCard, reviewQueue } from '../../src/app/review/review.js';
import type { ReviewStatsJson } from '../../src/contract/review.js';
import { BACKENDS, type TestDatabase } from '../store/backends.js';
import { cliFor, type Cli } from './run-cli.js';

const TIMEOUT_MS = 60_000;
const DAY = 24 * 60 * 60 * 1000;
const ESC = '\u001b';
// The title is longer than any section's label, as a real checklist's often is.
const SAMPLE =
  '---\ntitle: Python and SQL, the interview checklist\n---\n# Python\n- generators\n- descriptors\n## Async\n- event loop\n# SQL\n- joins\n';

interface ProgressJson {
  checklists: Array<{ name: string; sections: Array<{ id: number; title: string }>; memory: ReviewStatsJson }>;
}

for (const backend of BACKENDS) {
  describe.skipIf(backend.skipReason !== null)(`prepdeck progress with reviews (${backend.name})`, { timeout: TIMEOUT_MS }, () => {
    let database: TestDatabase;
    let cli: Cli;

    beforeAll(async () => {
      database = await backend.createDatabase();
      cli = cliFor(database.location);
      writeFileSync(join(cli.home, 'sample.md'), SAMPLE);
      const imported = await cli.run(['import', 'sample.md']);
      expect(imported.code, imported.stderr).toBe(0);
    }, TIMEOUT_MS);

    afterAll(async () => {
      cli?.dispose();
      await database?.drop();
    }, TIMEOUT_MS);

    it.sequential('before any review the output is what it always was: no recall, no retention line', async () => {
      const result = await cli.run(['progress']);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).not.toMatch(/recall|retention|due today/);
      const json = await cli.json<ProgressJson>(['progress']);
      expect(json.checklists[0]!.memory.overall).toEqual({ reviewed: 0, cards: 4, retrievability: null });
    });

    it.sequential('after reviews it shows recall per section, true retention and the forecast, in text and in --json', async () => {
      const real = Date.now();
      let now = new Date(real - 10 * DAY).toISOString();
      const app = await openApp(database.location, () => now);
      try {
        const queue = await reviewQueue(app, { limit: 10 });
        const id = (text: string) => queue.cards.find((c) => c.topic?.text === text)!.card.id;
        await answerCard(app, id('generators'), 4);
        await answerCard(app, id('descriptors'), 4);
        await answerCard(app, id('event loop'), 3);
        now = new Date(real - 3 * DAY).toISOString();
        // Two reviews of cards in review state: one remembered, one forgotten.
        await answerCard(app, id('generators'), 3);
        await answerCard(app, id('descriptors'), 1);
      } finally {
        await closeApp(app);
      }

      const result = await cli.run(['progress'], { color: true });
      expect(result.code, result.stderr).toBe(0);
      // Standard output is a pipe: no colour even with NO_COLOR unset.
      expect(result.stdout).not.toContain(ESC);
      const out = result.stdout;
      expect(out).toMatch(/^ {2}Python +\S+ +\d+% \d+\/\d+ +recall \d+%$/m);
      expect(out).toMatch(/^ {4}Async +\S+ +\d+% \d+\/\d+ +recall \d+%$/m);
      // Nothing reviewed in SQL: its line ends at its progress, as before.
      expect(out).toMatch(/^ {2}SQL +\S+ +\d+% \d+\/\d+$/m);
      expect(out).toMatch(
        /^ +\d+ known, \d+ learning, \d+ new, \d+ skipped\n +retention 50% \(1\/2, 30 days\) · due today \d+ · next 7 days \d+ · next 30 days \d+ \(reviews; new cards not counted\)$/m,
      );
      // The learning card and the forgotten one are overdue: due today.
      const [today] = /due today (\d+)/.exec(out)!.slice(1);
      expect(Number(today)).toBeGreaterThanOrEqual(2);

      const [checklist] = (await cli.json<ProgressJson>(['progress'])).checklists;
      const memory = checklist!.memory;
      expect(memory.checklist).toBe(checklist!.name);
      expect(memory.reviewsByDay.reduce((sum, d) => sum + d.count, 0)).toBe(5);
      expect(memory.trueRetention).toEqual({ days: 30, reviews: 2, passed: 1, rate: 0.5 });
      expect(memory.forecast).toHaveLength(30);
      expect(memory.overall).toMatchObject({ reviewed: 3, cards: 4 });
      const bySection = new Map(memory.sections.map((s) => [s.text, s]));
      expect(bySection.get('Python')).toMatchObject({ reviewed: 3, cards: 3 });
      expect(bySection.get('Python')!.retrievability).toBeGreaterThan(0);
      expect(bySection.get('Python')!.retrievability).toBeLessThan(1);
      expect(bySection.get('SQL')).toMatchObject({ reviewed: 0, cards: 1, retrievability: null });
    });

    it.sequential("every bar, the counts and the retention line start at one column, past the checklist's title", async () => {
      for (const args of [['progress'], ['progress', '--depth', '1']]) {
        const result = await cli.run(args);
        expect(result.code, result.stderr).toBe(0);
        const [header, counts, retention, ...sections] = result.stdout.trimEnd().split('\n');
        expect(header).toMatch(/^Python and SQL, the interview checklist {2}[█░]/u);
        expect(counts).toMatch(/^ +\d+ known/);
        expect(retention).toMatch(/^ +retention /);
        expect(sections.length).toBe(args.length === 1 ? 3 : 2);
        const column = /[█░]/u.exec(header!)!.index;
        expect([counts, retention].map((line) => line!.search(/\S/))).toEqual([column, column]);
        expect(sections.map((line) => /[█░]/u.exec(line)!.index)).toEqual(sections.map(() => column));
      }
    });
  });
}
