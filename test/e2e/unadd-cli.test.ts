// `prepdeck unadd TOPIC` spawned as a user runs it, on SQLite and on PostgreSQL: a topic added in prepdeck goes, at
// once when nothing of the user's goes with it, else only with --yes; a topic of the file is refused in one line.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TopicDetailJson, TopicRemovalJson } from '../../src/contract/topics.js';
import { BACKENDS, type TestDatabase } from '../store/backends.js';
import { hasUserFixture, USER_FIXTURE } from '../support/fixtures.js';
import { cliFor, type Cli } from './run-cli.js';

for (const backend of BACKENDS) {
  // Each test spawns several CLIs (a second or so each on PostgreSQL): more than vitest's default 5 s under load.
  describe.skipIf(backend.skipReason !== null || !hasUserFixture)(`prepdeck unadd (${backend.name})`, { timeout: 60_000 }, () => {
    let database: TestDatabase;
    let cli: Cli;
    let file: string;
    beforeAll(async () => {
      database = await backend.createDatabase();
      cli = cliFor(database.location);
      file = join(cli.home, 'job-interview-checklist.md');
      writeFileSync(file, readFileSync(USER_FIXTURE));
      expect((await cli.run(['import', file])).code).toBe(0);
    }, 60_000);
    afterAll(async () => {
      cli.dispose();
      await database.drop();
    });

    it('removes a topic just added, by a fragment of its title, without asking; the file is never touched', async () => {
      const before = readFileSync(file, 'utf8');
      const added = await cli.json<TopicDetailJson>(['add', 'Other', 'Desing a rate limiter']);
      const removed = await cli.run(['unadd', 'desing a rate']);
      expect(removed.code).toBe(0);
      expect(removed.stdout.trim()).toBe(`removed Desing a rate limiter #${added.topic.id} from Other: 1 card, 0 reviews`);
      expect((await cli.run(['show', String(added.topic.id)])).code).toBe(1);
      expect(readFileSync(file, 'utf8')).toBe(before);
    });

    it('names the topic as add did, in its plain text, not the Markdown its title is written in', async () => {
      const added = await cli.run(['add', 'python > core', '__slots__ and memory']);
      expect(added.stdout).toMatch(/^added __slots__ and memory #(\d+) /);
      const id = /#(\d+)/.exec(added.stdout)![1]!;
      const removed = await cli.run(['unadd', 'slots and memory']);
      expect([removed.code, removed.stdout]).toEqual([0, `removed __slots__ and memory #${id} from Python > Core: 1 card, 0 reviews\n`]);
    });

    it("asks for --yes in one line (exit 2) when the user's notes would go, and removes it all with it", async () => {
      const added = await cli.json<TopicDetailJson>(['add', 'Other', 'Design a rate limiter']);
      expect((await cli.run(['note', String(added.topic.id), 'token bucket'])).code).toBe(0);
      const asked = await cli.run(['unadd', String(added.topic.id)]);
      expect(asked.code).toBe(2);
      expect(asked.stderr.trim().split('\n')).toHaveLength(1);
      expect(asked.stderr).toContain(
        `'Design a rate limiter' (#${added.topic.id}) has your notes, which would go with it; \`prepdeck unadd ${added.topic.id} --yes\` removes it all`,
      );
      expect((await cli.run(['show', String(added.topic.id)])).code).toBe(0);

      const answer = await cli.json<TopicRemovalJson>(['unadd', String(added.topic.id), '--yes']);
      expect(answer).toEqual({
        removed: { id: added.topic.id, title: 'Design a rate limiter', section: ['Other'] },
        cards: 1,
        qaCards: 0,
        reviews: 0,
        questions: 0,
        notes: true,
        dryRun: false,
        checklist: 'job-interview-checklist',
      });
    });

    it('refuses a topic of the file in one line saying where to remove it; a typo gets the nearest title, exit 1', async () => {
      // The CLI's search lists stored topics, lines and all.
      const { topics } = await cli.json<{ topics: Array<{ id: number; lines: { start: number } }> }>(['search', 'generator']);
      const fileTopic = topics[0]!;
      const refused = await cli.run(['unadd', String(fileTopic.id)]);
      expect(refused.code).toBe(1);
      expect(refused.stderr.trim().split('\n')).toHaveLength(1);
      expect(refused.stderr).toContain(
        `is in your file (line ${fileTopic.lines.start}): delete its line there, then \`prepdeck import FILE\` (or sync) archives it`,
      );
      expect((await cli.run(['show', String(fileTopic.id)])).code).toBe(0);

      await cli.run(['add', 'Other', 'Consistent hashing']);
      const typo = await cli.run(['unadd', 'Consistnet hashing']);
      expect(typo.code).toBe(1);
      expect(typo.stderr).toMatch(/did you mean 'Consistent hashing'\?/);
      const json = await cli.run(['unadd', 'nothing like it at all', '--json']);
      expect(JSON.parse(json.stdout)).toMatchObject({ error: { type: 'NotFoundError' } });
      expect((await cli.run(['unadd'])).code).toBe(2);
      const help = await cli.run(['unadd', '--help']);
      expect(help.stdout).toMatch(/prepdeck unadd "Desing a rate limiter"/);
    });
  });
}
