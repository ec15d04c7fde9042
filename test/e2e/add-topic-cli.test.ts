// `prepdeck add SECTION TITLE` spawned as a user runs it, on SQLite and on PostgreSQL: the topic is studied at once,
// written into the file by `sync --write`, and bad input is one line with the right exit code.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TopicDetailJson } from '../../src/contract/topics.js';
import type { WriteBackResultJson } from '../../src/contract/write-back.js';
import { BACKENDS, type TestDatabase } from '../store/backends.js';
import { hasUserFixture, USER_FIXTURE } from '../support/fixtures.js';
import { cliFor, type Cli } from './run-cli.js';

for (const backend of BACKENDS) {
  // Each test spawns several CLIs (a second or so each on PostgreSQL): more than vitest's default 5 s under load.
  describe.skipIf(backend.skipReason !== null || !hasUserFixture)(`prepdeck add (${backend.name})`, { timeout: 60_000 }, () => {
    let database: TestDatabase;
    let cli: Cli;
    let file: string;
    beforeAll(async () => {
      database = await backend.createDatabase();
      cli = cliFor(database.location);
      file = join(cli.home, 'job-interview-checklist.md');
      // Its bytes, not its mode: CI's shared/ is read-only.
      writeFileSync(file, readFileSync(USER_FIXTURE));
      expect((await cli.run(['import', file])).code).toBe(0);
    }, 60_000);
    afterAll(async () => {
      cli.dispose();
      await database.drop();
    });

    it('adds a topic under Other, shows it as not in the file yet, and sync --write puts exactly its line there', async () => {
      const added = await cli.json<TopicDetailJson>(['add', 'Other', 'Design a rate limiter']);
      expect(added.topic).toMatchObject({ text: 'Design a rate limiter', section: ['Other'], origin: 'app', line: 0, state: 'new' });
      expect(added.history).toMatchObject([{ type: 'created', data: { source: 'app' } }]);

      const listed = await cli.run(['list', '--section', 'other']);
      expect(listed.stdout).toMatch(new RegExp(`Design a rate limiter #${added.topic.id} \\(added here, not in the file yet\\)`));
      const shown = await cli.run(['show', String(added.topic.id)]);
      expect(shown.stdout).toMatch(/added in prepdeck, not in the file yet/);
      // Studied from now on: its topic card is there, new.
      const { cards } = await cli.json<{ cards: Array<{ kind: string; state: string }> }>(['card', 'list', String(added.topic.id)]);
      expect(cards).toMatchObject([{ kind: 'topic', state: 'new' }]);

      const before = readFileSync(file, 'utf8');
      const written = await cli.json<WriteBackResultJson>(['sync', file, '--write']);
      expect(written.writeBack.topics).toMatchObject([{ topicId: added.topic.id, title: 'Design a rate limiter', section: ['Other'], marker: '' }]);
      const after = readFileSync(file, 'utf8');
      const at = written.writeBack.topics[0]!.line;
      expect(after.split('\n')[at - 1]).toBe('* Design a rate limiter');
      expect(
        after
          .split('\n')
          .filter((_, i) => i !== at - 1)
          .join('\n'),
      ).toBe(before);

      const search = await cli.json<{ topics: Array<{ id: number; lines: { start: number } }> }>(['search', 'rate limiter']);
      expect(search.topics).toMatchObject([{ id: added.topic.id, lines: { start: at } }]);
    });

    it("takes the help's example as typed: __slots__ keeps its underscores in prepdeck and in the file, and is found without them", async () => {
      const added = await cli.run(['add', 'python > core', '__slots__ and memory']);
      expect(added.code, added.stderr).toBe(0);
      expect(added.stdout).toMatch(/^added __slots__ and memory #\d+ to Python > Core, new\n {2}written as \\_\\_slots\\_\\_ and memory in the file/);
      // Typed escaped, as the file writes it, it is the same topic: refused, not a second one.
      const escaped = await cli.run(['add', 'python > core', '\\_\\_slots\\_\\_ and memory']);
      expect([escaped.code, escaped.stderr]).toEqual([
        1,
        expect.stringMatching(/^prepdeck: error: TITLE: 'Python > Core' has the topic '__slots__ and memory' \(#\d+\) already\n$/),
      ]);
      const written = await cli.json<WriteBackResultJson>(['sync', file, '--write']);
      const at = written.writeBack.topics.find((topic) => topic.title.includes('slots'))!.line;
      expect(readFileSync(file, 'utf8').split('\n')[at - 1]).toBe('* \\_\\_slots\\_\\_ and memory');
      const shown = await cli.json<TopicDetailJson>(['show', '__slots__ and memory']);
      expect(shown.topic).toMatchObject({ text: '__slots__ and memory', origin: 'file' });
      // Typed without its underscores, it is found all the same: show, mark, any command that names a topic.
      expect((await cli.json<TopicDetailJson>(['show', 'slots and memory'])).topic.id).toBe(shown.topic.id);
      expect((await cli.json<{ topic: { id: number; state: string } }>(['mark', 'slots and memory', 'learning'])).topic).toMatchObject({
        id: shown.topic.id,
        state: 'learning',
      });
    });

    it('says in one line why it refuses, exit 1; a missing argument is misuse, exit 2', async () => {
      const repeat = await cli.run(['add', 'other', 'design a RATE limiter']);
      expect(repeat.code).toBe(1);
      expect(repeat.stderr.trim().split('\n')).toHaveLength(1);
      // No question is involved in `add`: the refusal names the topic there is, and nothing else.
      expect(repeat.stderr).toMatch(/^prepdeck: error: TITLE: 'Other' has the topic 'Design a rate limiter' \(#\d+\) already\n$/);

      const typo = await cli.run(['add', 'Pyton', 'asyncio']);
      expect([typo.code, typo.stdout, typo.stderr]).toEqual([
        1,
        '',
        "prepdeck: error: SECTION: no section of 'job-interview-checklist' is named 'Pyton'; did you mean 'Python'?\n",
      ]);

      const ambiguous = await cli.run(['add', 'oth', 'x', '--json']);
      expect(ambiguous.code).toBe(1);
      expect(JSON.parse(ambiguous.stdout)).toMatchObject({ error: { type: 'AmbiguousError', candidates: [{}, {}, {}] } });

      const goals = await cli.run(['add', 'goals', 'equity']);
      expect(goals).toMatchObject({ code: 1, stderr: expect.stringMatching(/holds your goals, not study topics/) as unknown });
      const multiline = await cli.run(['add', 'Other', 'one\ntwo']);
      expect(multiline.code).toBe(1);
      expect((await cli.run(['add', 'Other'])).code).toBe(2);
    });
  });
}
