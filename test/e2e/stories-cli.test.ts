// Gaps and the story bank from the terminal, spawned as a user runs them, on SQLite and on PostgreSQL: a story for "a
// tight deadline" changes the matrix; rounds and questions (written straight into the store, as the rounds' commands
// will) come out of `prepdeck gaps` ranked worst first.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApplicationDetailJson } from '../../src/contract/hunt.js';
import type { GapsJson, StoryBankJson, StoryJson } from '../../src/contract/interviews.js';
import { openStore } from '../../src/store/database.js';
import { BACKENDS, type TestDatabase } from '../store/backends.js';
import { insertQuestion, insertRound } from '../support/interviews.js';
import { cliEnv, cliFor, lines, runBin, type Cli } from './run-cli.js';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const CHECKLIST = '# Databases\n- SELECT FOR UPDATE\n- SKIP LOCKED\n\n# Python\n- Descriptors\n- Generators\n';

for (const backend of BACKENDS) {
  describe.skipIf(backend.skipReason !== null)(`gaps and stories from the terminal (${backend.name})`, { timeout: 120_000 }, () => {
    let database: TestDatabase;
    let cli: Cli;
    beforeAll(async () => {
      database = await backend.createDatabase();
      cli = cliFor(database.location);
      const file = join(cli.home, 'prep.md');
      writeFileSync(file, CHECKLIST);
      expect((await cli.run(['import', file])).code).toBe(0);
    }, 60_000);
    afterAll(async () => {
      cli.dispose();
      await database.drop();
    });

    const coverage = async (key: string) => (await cli.json<StoryBankJson>(['stories'])).competencies.find((c) => c.key === key)!;

    it('shows an example in the help of gaps, stories and each of its commands', async () => {
      const commands = [
        ['gaps'],
        ['stories'],
        ...['add', 'show', 'edit', 'archive', 'restore', 'delete', 'review', 'competencies'].map((name) => ['stories', name]),
        ...['add', 'rename', 'move'].map((name) => ['stories', 'competencies', name]),
      ];
      for (const command of commands) {
        const help = await cli.run([...command, '--help']);
        expect(help.code, command.join(' ')).toBe(0);
        expect(help.stdout, command.join(' ')).toMatch(new RegExp(`Examples:\\n {2}\\$ prepdeck ${command.join(' ')}\\b`));
      }
    });

    it('adds a story for a tight deadline and the matrix shows it covered', async () => {
      expect(await coverage('tight-deadline')).toMatchObject({ coverage: 'none', stories: [] });
      const before = await cli.run(['stories']);
      expect(before.code).toBe(0);
      expect(before.stdout).toMatch(/✗ A tight deadline +no story yet/);

      const story = await cli.json<StoryJson>([
        'stories',
        'add',
        'Shipped the billing migration in a week',
        '--situation',
        'The old provider was shutting down.',
        '--action',
        'Cut scope to the invoices; dual writes, then a cut-over.',
        '--competency',
        'tight-deadline',
        '--tag',
        'billing',
      ]);
      expect(story).toMatchObject({ title: 'Shipped the billing migration in a week', competencies: ['tight-deadline'], tags: ['billing'] });
      expect(await coverage('tight-deadline')).toMatchObject({ coverage: 'fresh', stories: [story.id] });
      const after = await cli.run(['stories']);
      expect(after.stdout).toMatch(/✓ A tight deadline +#\d+ Shipped the billing migration in a week/);
      expect(after.stdout).toMatch(/✗ Conflict +no story yet/);

      const shown = await cli.run(['stories', 'show', 'BILLING']);
      expect(shown.stdout).toContain('shows:      A tight deadline');
      expect(shown.stdout).toContain('Cut scope to the invoices');
    });

    it('rehearses, undoes, archives, restores and deletes a story; bad input is one line and the right exit code', async () => {
      const rehearsed = await cli.json<StoryJson>(['stories', 'review', 'migration', '--rating', '3']);
      expect(rehearsed.schedule.reps).toBe(1);
      // The next rehearsal on the hunt's clock, this machine's, here Japan's (9 h ahead of UTC all year), as rounds are shown.
      const due = `${new Date(Date.parse(rehearsed.schedule.due) + 9 * 3600_000).toISOString().slice(0, 16).replace('T', ' ')} Asia/Tokyo`;
      const inJapan = { ...cliEnv(cli.location, cli.home), TZ: 'Asia/Tokyo' };
      expect((await runBin(['stories', 'show', 'migration'], inJapan)).stdout).toContain(`, due ${due}\n`);
      const again = await runBin(['stories', 'review', 'migration', '--undo'], inJapan);
      const undone = await cli.json<StoryJson>(['stories', 'show', 'migration']);
      // The undo brings back the due time before the rehearsal: the story's first, already come, so due now.
      expect(Date.parse(undone.schedule.due)).toBeLessThanOrEqual(Date.now());
      expect(again.stdout).toMatch(/: due now\n$/);
      expect((await cli.json<StoryJson>(['stories', 'review', 'migration', '--rating', '3'])).schedule.reps).toBe(1);
      expect((await cli.json<StoryJson>(['stories', 'review', 'migration', '--undo'])).schedule.reps).toBe(0);

      const misuse = await cli.run(['stories', 'review', 'migration', '--rating', '5']);
      expect(misuse.code).toBe(2);
      expect(lines(misuse.stderr)).toHaveLength(1);
      expect((await cli.run(['stories', 'review', 'migration'])).code).toBe(2);
      const unknown = await cli.run(['stories', 'add', 'Brave', '--competency', 'bravery']);
      expect(unknown.code).toBe(1);
      expect(lines(unknown.stderr)).toEqual([expect.stringMatching(/^prepdeck: error: --competency: no competency matches 'bravery'/)]);
      expect((await cli.run(['stories', 'delete', 'migration'])).code).toBe(2);

      await cli.json(['stories', 'archive', 'migration']);
      expect((await coverage('tight-deadline')).coverage).toBe('none');
      await cli.json(['stories', 'restore', 'migration']);
      expect((await coverage('tight-deadline')).coverage).toBe('fresh');

      const added = await cli.run(['stories', 'competencies', 'add', 'Influence without authority', '--before', 'conflict']);
      expect(added.code).toBe(0);
      expect(added.stdout).toMatch(/ 1 {2}influence-without-authority +Influence without authority/);
      // Labels of every length, covered or not: each line's coverage mark sits in one column.
      const table = added.stdout.trimEnd().split('\n').slice(1);
      expect(table).toHaveLength(10);
      expect(table.some((line) => / ✗ no story$/u.test(line)) && table.some((line) => / ✓ 1 fresh$/u.test(line))).toBe(true);
      expect(new Set(table.map((line) => line.search(/ [✗~✓] /u))).size).toBe(1);
      expect((await cli.run(['stories', 'competencies', 'rename', 'influence', 'Influence'])).code).toBe(0);
      expect((await cli.run(['stories', 'competencies', 'move', 'tight-deadline', '1'])).code).toBe(0);
      const { competencies } = await cli.json<{ competencies: StoryBankJson['competencies'] }>(['stories', 'competencies']);
      expect(competencies.slice(0, 2).map((c) => [c.key, c.label])).toEqual([
        ['tight-deadline', 'A tight deadline'],
        ['influence-without-authority', 'Influence'],
      ]);

      const deleted = await cli.json<{ deleted: { id: number } }>(['stories', 'delete', 'migration', '--yes']);
      expect(deleted.deleted.id).toBeGreaterThan(0);
      expect((await coverage('tight-deadline')).coverage).toBe('none');
    });

    it('ranks the gaps from the rounds logged, with the companies, per topic and per section', async () => {
      const acme = (await cli.json<ApplicationDetailJson>(['apps', 'add', 'Acme'])).application.id;
      const globex = (await cli.json<ApplicationDetailJson>(['apps', 'add', 'Globex'])).application.id;
      const store = await openStore(database.location);
      try {
        const db = store.db;
        const ids = Object.fromEntries((await db.selectFrom('topics').select(['id', 'title']).execute()).map((t) => [t.title, t.id]));
        const r1 = await insertRound(db, { applicationId: acme, startsAt: '2026-03-01T14:00:00.000Z', kind: 'onsite' });
        const r2 = await insertRound(db, { applicationId: globex, startsAt: '2026-03-03T14:00:00.000Z', kind: 'onsite' });
        const r3 = await insertRound(db, { applicationId: globex, startsAt: '2026-03-04T14:00:00.000Z', kind: 'recruiter' });
        await insertQuestion(db, r1, {
          text: 'SELECT FOR UPDATE vs SKIP LOCKED',
          score: 1,
          topicIds: [ids['SELECT FOR UPDATE']!, ids['SKIP LOCKED']!],
        });
        await insertQuestion(db, r2, { text: 'Row locks', score: 2, topicIds: [ids['SELECT FOR UPDATE']!] });
        await insertQuestion(db, r2, { text: 'Explain Python descriptors', score: 4, topicIds: [ids['Descriptors']!] });
        await insertQuestion(db, r3, { text: 'Why this job?' });
      } finally {
        await store.close();
      }

      const result = await cli.json<GapsJson>(['gaps']);
      expect(result).toMatchObject({ rounds: 3, questions: 4 });
      expect(result.topics.map((t) => [t.title, t.rounds, t.meanScore, t.companies])).toEqual([
        ['SELECT FOR UPDATE', 2, 1.5, ['Acme', 'Globex']],
        ['SKIP LOCKED', 1, 1, ['Acme']],
        ['Descriptors', 1, 4, ['Globex']],
      ]);
      const text = await cli.run(['gaps', '--kind', 'onsite']);
      expect(text.code).toBe(0);
      expect(lines(text.stdout)[1]).toMatch(
        /^ {2}1\. Databases > SELECT FOR UPDATE: asked in 2 of 2 onsite rounds, mean self-score 1\.5, never reviewed {2}Acme, Globex$/,
      );
      const sections = await cli.run(['gaps', '--sections']);
      expect(sections.stdout).toMatch(/1\. Databases: asked in 2 of 3 rounds, mean self-score 1\.5, never reviewed {2}Acme, Globex\n/);
      const bad = await cli.run(['gaps', '--from', '2026-02-30']);
      expect(bad.code).toBe(2);
      expect(lines(bad.stderr)).toEqual([
        expect.stringMatching(/^prepdeck: error: --from: '2026-02-30' is not a date \(February 2026 has 28 days\)/),
      ]);
      expect((await cli.run(['gaps', '--from', 'yesterday'])).code).toBe(2);
    });
  });
}
