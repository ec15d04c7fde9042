// `prepdeck card` and `prepdeck settings` spawned as a user runs them, on SQLite and on PostgreSQL.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CardJson, ReviewSettingsJson } from '../../src/contract/review.js';
import { BACKENDS, type TestDatabase } from '../store/backends.js';
import { cliFor, lines, type Cli } from './run-cli.js';

const CHECKLIST = ['# Python', '- generators', '  - What does send() do? :: resumes the generator with a value', '- descriptors', ''].join('\n');

for (const backend of BACKENDS) {
  // Each test spawns several CLIs: more than vitest's default 5 s on a loaded machine.
  describe.skipIf(backend.skipReason !== null)(`cards and settings from the terminal (${backend.name})`, { timeout: 60_000 }, () => {
    let database: TestDatabase;
    let cli: Cli;
    beforeAll(async () => {
      database = await backend.createDatabase();
      cli = cliFor(database.location);
      const file = join(cli.home, 'py.md');
      writeFileSync(file, CHECKLIST);
      expect((await cli.run(['import', file])).code).toBe(0);
    }, 60_000);
    afterAll(async () => {
      cli.dispose();
      await database.drop();
    });

    it('adds a card, lists it beside the file card, edits it, removes it', async () => {
      const { card } = await cli.json<{ card: CardJson }>(['card', 'add', 'generators', 'What does close() raise?', 'GeneratorExit']);
      expect(card).toMatchObject({ kind: 'qa', origin: 'app', front: 'What does close() raise?', back: 'GeneratorExit' });
      const listed = await cli.run(['card', 'list', 'generators']);
      expect(listed.code).toBe(0);
      expect(listed.stdout).toContain('What does send() do? :: resumes the generator with a value');
      expect(listed.stdout).toMatch(/file line 3/);
      expect(listed.stdout).toContain(`card ${card.id} What does close() raise? :: GeneratorExit`);
      const edited = await cli.json<{ card: CardJson }>(['card', 'edit', String(card.id), '--answer', 'GeneratorExit, at the yield']);
      expect(edited.card.back).toBe('GeneratorExit, at the yield');
      const removed = await cli.run(['card', 'remove', String(card.id)]);
      expect(removed.stdout).toMatch(/its reviews stay in the log/);
      const after = await cli.json<{ cards: CardJson[] }>(['card', 'list', 'generators']);
      expect(after.cards.map((c) => c.id)).not.toContain(card.id);
      // Removed, it is no card: a second removal (or an edit) fails, exit 1, and changes nothing.
      const again = await cli.run(['card', 'remove', String(card.id)]);
      expect([again.code, again.stdout, again.stderr]).toEqual([1, '', `prepdeck: error: no card with id ${card.id}: it was removed\n`]);
      expect((await cli.run(['card', 'edit', String(card.id), '--answer', 'x'])).code).toBe(1);
    });

    it("prints due times on the checklist's clock, as show does; --json keeps the instants", async () => {
      expect((await cli.run(['settings', '--time-zone', 'Asia/Kolkata'])).code).toBe(0);
      try {
        // India is 5 h 30 min ahead of UTC all year.
        const local = (iso: string) => new Date(Date.parse(iso) + 5.5 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
        const { cards } = await cli.json<{ cards: CardJson[] }>(['card', 'list', 'generators']);
        expect(cards.every((card) => /^\d{4}-\d{2}-\d{2}T.*Z$/.test(card.due))).toBe(true);
        const listed = lines((await cli.run(['card', 'list', 'generators'])).stdout);
        expect(listed).toHaveLength(cards.length);
        cards.forEach((card, i) => expect(listed[i]).toContain(`, due ${local(card.due)}`));

        // Named by a fragment, the topic that got the card is named in full, with its id.
        const added = await cli.run(['card', 'add', 'gener', 'What does throw() do?', 'raises the exception at the yield']);
        const card = (await cli.json<{ cards: CardJson[] }>(['card', 'list', 'generators'])).cards.find((c) => c.front === 'What does throw() do?')!;
        expect(added.stdout).toBe(
          `added to generators #${card.topicId}: card ${card.id} What does throw() do? :: raises the exception at the yield  new, due ${local(card.due)}  added here\n`,
        );
        expect((await cli.run(['card', 'remove', String(card.id)])).stdout).toContain(`, due ${local(card.due)}`);
      } finally {
        expect((await cli.run(['settings', '--time-zone', 'local'])).code).toBe(0);
      }
    });

    it('refuses what it cannot do with one line and the right exit code', async () => {
      const fileCard = (await cli.json<{ cards: CardJson[] }>(['card', 'list', 'generators'])).cards.find((c) => c.origin === 'file')!;
      const refused = await cli.run(['card', 'edit', String(fileCard.id), '--answer', 'x']);
      expect(refused.code).toBe(1);
      expect(refused.stderr.trim().split('\n')).toHaveLength(1);
      expect(refused.stderr).toMatch(/written in the checklist file \(line 3\); change it there/);
      const notAnId = await cli.run(['card', 'edit', 'abc']);
      expect([notAnId.code, notAnId.stderr]).toEqual([
        2,
        "prepdeck: error: an id must be a whole number from 1 to 2147483647, not 'abc' (see --help)\n",
      ]);
      const nothing = await cli.run(['card', 'edit', String(fileCard.id)]);
      expect([nothing.code, nothing.stderr]).toEqual([2, 'prepdeck: error: card edit needs --question, --answer or both\n']);
      const emptyScope = await cli.run(['review', '--json', '--section', ' ']);
      expect(emptyScope.code).toBe(2);
      expect((await cli.run(['card', 'add', 'nothing-like-this', 'q', 'a'])).code).toBe(1);
      const noAnswer = await cli.run(['card', 'add', 'generators', 'What does next() return?']);
      expect([noAnswer.code, noAnswer.stderr]).toEqual([2, "prepdeck: error: missing required argument 'answer' (see --help)\n"]);
      const repeat = await cli.run(['card', 'add', 'generators', 'Explain: Generators', 'lazily made values']);
      expect([repeat.code, repeat.stderr]).toEqual([
        1,
        "prepdeck: error: 'Explain: Generators' only repeats the topic 'generators', which its topic card asks already; ask something about it\n",
      ]);
    });

    it('optimize says how many more reviews it needs; with --apply, that nothing was saved, in one line, exit 1', async () => {
      const result = await cli.run(['optimize']);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toMatch(
        /more reviews \(a day or more apart\) are needed: fitting takes 64 reviews of cards last seen a day or more before/,
      );
      const applied = await cli.run(['optimize', '--apply']);
      expect([applied.code, applied.stdout]).toEqual([1, '']);
      expect(lines(applied.stderr)).toEqual([
        expect.stringMatching(
          /^prepdeck: error: nothing was saved, 'py' keeps its parameters: \d+ more reviews \(a day or more apart\) are needed: /,
        ),
      ]);
      const json = await cli.run(['optimize', '--apply', '--json']);
      expect(json.code).toBe(1);
      expect(JSON.parse(json.stdout)).toMatchObject({ error: { type: 'NothingSavedError', message: expect.stringMatching(/^nothing was saved/) } });
    });

    it('shows and changes the review settings, refusing values out of range', async () => {
      const shown = await cli.run(['settings']);
      expect(shown.stdout).toMatch(/desired retention {2}0\.9\n/);
      const changed = await cli.json<{ settings: ReviewSettingsJson }>([
        'settings',
        '--retention',
        '0.85',
        '--new-per-day',
        '5',
        '--no-fuzz',
        '--time-zone',
        'Europe/Moscow',
      ]);
      expect(changed.settings).toMatchObject({ desiredRetention: 0.85, newPerDay: 5, fuzz: false, timeZone: 'Europe/Moscow' });
      const bad = await cli.run(['settings', '--retention', '1.5']);
      expect(bad.code).toBe(2);
      // Said once, not after commander's own sentence restating the option and the value.
      expect(bad.stderr).toBe("prepdeck: error: --retention must be a number from 0.7 to 0.99, not '1.5' (see --help)\n");
      const zone = await cli.run(['settings', '--time-zone', 'Mars/Base']);
      expect(zone.code).toBe(2);
      expect(zone.stderr).toMatch(/--time-zone must be an IANA time zone such as Europe\/Berlin \(or 'local'\), not 'Mars\/Base'/);
      const typo = await cli.run(['settings', '--time-zone', 'Europe/Moscw']);
      expect([typo.code, typo.stderr]).toEqual([
        2,
        "prepdeck: error: --time-zone must be an IANA time zone such as Europe/Berlin (or 'local'), not 'Europe/Moscw'; did you mean 'Europe/Moscow'? (see --help)\n",
      ]);
      const steps = await cli.run(['settings', '--steps', '1m', '10x']);
      expect(steps.code).toBe(2);
      expect(steps.stderr).toMatch(/--steps takes steps such as 1m, 10m, 1h or 1d, not '10x'/);
      const two = await cli.json<{ settings: ReviewSettingsJson }>(['settings', '--steps', '2m', '15m']);
      expect(two.settings.learningSteps).toEqual(['2m', '15m']);
    });
  });
}

// Issue 14 point 11: cards written in the file keep the rules `card add` keeps. One database is enough here: the
// use case is tested on both (test/app/import/refused-cards.test.ts).
describe('cards in the file that the card rules refuse, from the terminal', { timeout: 60_000 }, () => {
  it('are no cards: the import warns naming each line, and review shows no question card without an answer', async () => {
    const cli = cliFor();
    try {
      const file = join(cli.home, 'py.md');
      const text = [
        '# Python',
        '- descriptors',
        '  - Explain: descriptors :: they hook attribute access',
        '- generators',
        '  - generators :: lazy iterators',
      ];
      writeFileSync(file, [...text, '  - What does send() do?', '    ?', ''].join('\n'));
      const imported = await cli.run(['import', file]);
      expect(imported.code, imported.stderr).toBe(0);
      expect(lines(imported.stdout).filter((line) => line.includes('warning:'))).toEqual([
        "  warning: line 3: 'Explain: descriptors' is not made a card: its question only repeats its topic 'descriptors', which the topic's own card asks; its lines stay in the details of 'descriptors'",
        "  warning: line 5: 'generators' is not made a card: its question only repeats its topic 'generators', which the topic's own card asks; its lines stay in the details of 'generators'",
        "  warning: line 6: 'What does send() do?' is not made a card: it has no answer (nothing under its ?); its lines stay in the details of 'generators'",
      ]);
      const queue = await cli.json<{ cards: Array<{ card: CardJson }> }>(['review']);
      expect(queue.cards.map(({ card }) => [card.kind, card.front])).toEqual([
        ['topic', 'descriptors'],
        ['topic', 'generators'],
      ]);
      // The lines stay in the file as written.
      const shown = await cli.run(['show', 'generators']);
      expect(shown.stdout).toContain('    - generators :: lazy iterators\n    - What does send() do?\n      ?\n');
    } finally {
      cli.dispose();
    }
  });
});
