// The HTTP API on both backends, through app.inject: what the web UI and any other client rely on.
import type { InjectOptions } from 'fastify';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { closeApp, openApp } from '../../src/app/context.js';
import { markTopic } from '../../src/app/topics/topics.js';
import type { ChecklistListJson, ChecklistTreeJson, DashboardJson, ExportedSection, ExportedTopic } from '../../src/contract/checklists.js';
import type { ErrorJson } from '../../src/contract/common.js';
import type { ImportResultJson } from '../../src/contract/imports.js';
import type { SearchResultJson, TopicDetailJson } from '../../src/contract/topics.js';
import { buildServer, CLIENT_HEADER } from '../../src/server/app.js';
import { BACKENDS } from '../store/backends.js';
import { studyDateOf } from '../../src/core/review/study-day.js';
import { EXAMPLE_CHECKLIST, hasUserFixture, USER_FIXTURE } from '../support/fixtures.js';
import { useServer } from './helpers.js';

const USER_TEXT = hasUserFixture ? readFileSync(USER_FIXTURE, 'utf8') : '';
const EXAMPLE_TEXT = readFileSync(EXAMPLE_CHECKLIST, 'utf8');

function* walkTopics(section: ExportedSection): Generator<{ topic: ExportedTopic; section: ExportedSection }> {
  const visit = function* (topic: ExportedTopic): Generator<{ topic: ExportedTopic; section: ExportedSection }> {
    yield { topic, section };
    for (const child of topic.children) yield* visit(child);
  };
  for (const topic of section.topics) yield* visit(topic);
  for (const child of section.sections) yield* walkTopics(child);
}

function findTopic(tree: ChecklistTreeJson, text: string): { topic: ExportedTopic; section: ExportedSection } {
  for (const found of walkTopics(tree.root)) if (found.topic.text === text) return found;
  throw new Error(`no topic '${text}' in the tree`);
}

function findSection(section: ExportedSection, id: number): ExportedSection | undefined {
  if (section.id === id) return section;
  for (const child of section.sections) {
    const found = findSection(child, id);
    if (found) return found;
  }
  return undefined;
}

/** No error body may carry a stack trace or a source path. */
function expectCleanError(body: ErrorJson): void {
  expect(body.error.message).not.toMatch(/\n|\bat .+:\d+|\.ts\b|node_modules/);
  expect(body.error.message.length).toBeGreaterThan(5);
}

for (const backend of BACKENDS) {
  describe.skipIf(backend.skipReason !== null)(`the HTTP API (${backend.name})`, () => {
    const current = useServer(backend);
    const inject = (options: InjectOptions | string) => current().server.inject(options);
    const importText = async (text: string, extra: Record<string, unknown> = {}) => {
      const response = await inject({ method: 'POST', url: '/api/imports', payload: { text, ...extra } });
      expect(response.statusCode, response.body).toBe(200);
      return response.json<ImportResultJson>();
    };
    const tree = async (name: string) => (await inject({ url: `/api/checklists/${encodeURIComponent(name)}/tree` })).json<ChecklistTreeJson>();

    it('answers /healthz and lists no checklists on a fresh database', async () => {
      expect((await inject({ url: '/healthz' })).json()).toEqual({ status: 'ok', checklists: 0 });
      expect((await inject({ url: '/api/checklists' })).json<ChecklistListJson>()).toEqual({ checklists: [] });
    });

    it.skipIf(!hasUserFixture)("previews the user's checklist with the issue's counts and writes nothing", async () => {
      const response = await inject({
        method: 'POST',
        url: '/api/imports/preview',
        payload: { text: USER_TEXT, fileName: 'job-interview-checklist.md' },
      });
      expect(response.statusCode, response.body).toBe(200);
      const preview = response.json<ImportResultJson>();
      expect(preview.dryRun).toBe(true);
      // The first checklist would be the only one, so the one worked on.
      expect(preview.current).toBe(true);
      expect(preview.checklist.name).toBe('job-interview-checklist');
      expect(preview.counts).toEqual({
        sections: 20,
        topics: 189,
        goals: 5,
        books: 4,
        resources: 17,
        resourceBullets: 9,
        notes: 1,
        cards: 0,
        duplicates: 6,
      });
      expect(preview.changes.added).toHaveLength(198);
      expect((await inject({ url: '/api/checklists' })).json<ChecklistListJson>().checklists).toEqual([]);
    });

    it.skipIf(!hasUserFixture)("imports the user's checklist and serves its tree as in the file, Cyrillic and <pre> intact", async () => {
      const result = await importText(USER_TEXT, { fileName: 'job-interview-checklist.md' });
      expect(result.created).toBe(true);
      const list = (await inject({ url: '/api/checklists' })).json<ChecklistListJson>();
      expect(list.checklists.map((c) => [c.name, c.progress.total, c.goals, c.books, c.sourcePath])).toEqual([
        ['job-interview-checklist', 189, 5, 4, null],
      ]);
      const checklist = await tree('job-interview-checklist');
      const goals = checklist.root.sections.find((s) => s.role === 'goals')!;
      expect(goals.topics.map((t) => t.text)).toContain('плюшки');
      const notes = [...allSections(checklist.root)].flatMap((s) => s.notes);
      expect(notes).toHaveLength(1);
      expect(notes[0]).toMatch(/^<pre>/);
      expect([...walkTopics(checklist.root)].filter(({ topic }) => topic.kind === 'topic')).toHaveLength(189);
    });

    it('takes done for known, as the CLI does (`prepdeck mark X done`)', async () => {
      await importText(EXAMPLE_TEXT, { name: 'prep' });
      const { topic } = findTopic(await tree('prep'), 'metaclasses');
      const patched = await inject({ method: 'PATCH', url: `/api/topics/${topic.id}`, payload: { state: 'done' } });
      expect(patched.statusCode, patched.body).toBe(200);
      expect(patched.json<TopicDetailJson>().topic.state).toBe('known');
    });

    it('marks a topic known: its section progress moves, the history records it, the tree revision changes', async () => {
      await importText(EXAMPLE_TEXT, { name: 'prep' });
      const before = await inject({ url: '/api/checklists/prep/tree' });
      const { topic, section } = findTopic(before.json<ChecklistTreeJson>(), 'metaclasses');
      expect(topic.state).toBe('new');

      const patched = await inject({ method: 'PATCH', url: `/api/topics/${topic.id}`, payload: { state: 'known', confidence: 3 } });
      expect(patched.statusCode, patched.body).toBe(200);
      const detail = patched.json<TopicDetailJson>();
      expect(detail.topic).toMatchObject({ id: topic.id, state: 'known', confidence: 3, checklist: 'prep' });
      expect(detail.history.map((e) => e.type)).toEqual(['created', 'state', 'confidence']);

      const after = await inject({ url: '/api/checklists/prep/tree', headers: { 'if-none-match': String(before.headers['etag']) } });
      expect(after.statusCode).toBe(200);
      expect(after.headers['etag']).not.toBe(before.headers['etag']);
      const sectionAfter = findSection(after.json<ChecklistTreeJson>().root, section.id)!;
      expect(sectionAfter.progress.known).toBe(section.progress.known + 1);
      expect(findTopic(after.json<ChecklistTreeJson>(), 'metaclasses').topic.state).toBe('known');

      const gzipped = await inject({ url: '/api/checklists/prep/tree', headers: { 'accept-encoding': 'gzip' } });
      expect(gzipped.headers['content-encoding']).toBe('gzip');
      expect(JSON.parse(gunzipSync(gzipped.rawPayload).toString('utf8'))).toEqual(after.json());

      const unchanged = await inject({ url: '/api/checklists/prep/tree', headers: { 'if-none-match': String(after.headers['etag']) } });
      expect(unchanged.statusCode).toBe(304);
      expect(unchanged.body).toBe('');
    });

    it('adds a topic to a section: 201, in the tree last in that section as not in the file yet; bad input a 400 naming the field', async () => {
      await importText(EXAMPLE_TEXT, { name: 'prep' });
      const before = await inject({ url: '/api/checklists/prep/tree' });
      const post = (payload: object) => inject({ method: 'POST', url: '/api/checklists/prep/topics', payload });
      const created = await post({ section: 'databases', title: 'Design a rate limiter' });
      expect(created.statusCode, created.body).toBe(201);
      const detail = created.json<TopicDetailJson>();
      expect(detail.topic).toMatchObject({ text: 'Design a rate limiter', section: ['Databases'], origin: 'app', line: 0, state: 'new' });
      const after = await inject({ url: '/api/checklists/prep/tree', headers: { 'if-none-match': String(before.headers['etag']) } });
      expect(after.statusCode).toBe(200);
      const databases = after.json<ChecklistTreeJson>().root.sections.find((section) => section.text === 'Databases')!;
      expect(databases.topics.at(-1)).toMatchObject({ id: detail.topic.id, origin: 'app', line: 0 });
      expect(databases.topics.slice(0, -1).every((topic) => topic.origin === 'file')).toBe(true);

      const cases: Array<[object, number, RegExp]> = [
        [{ section: 'Databases' }, 400, /title/],
        [{ section: 'Databases', title: '' }, 400, /title/],
        [{ section: 'Databases', title: 'a\nb' }, 400, /^title: /],
        [{ section: 'Databases', title: 'DESIGN a rate limiter' }, 400, /^title: .*already/],
        [{ section: 'Nowhere', title: 'x' }, 400, /^section: /],
        [{ section: 'Goals', title: 'x' }, 400, /^section: 'Goals' holds your goals/],
        [{ section: 'Databases', title: 'x', state: 'known' }, 400, /state/],
      ];
      for (const [payload, status, message] of cases) {
        const response = await post(payload);
        expect(response.statusCode, JSON.stringify(payload)).toBe(status);
        expect(response.json<ErrorJson>().error.message).toMatch(message);
        expectCleanError(response.json<ErrorJson>());
      }
      const unknown = await inject({ method: 'POST', url: '/api/checklists/nothing/topics', payload: { section: 'x', title: 'y' } });
      expect(unknown.statusCode).toBe(404);
    });

    it('adds a title as typed with asTyped (the characters meant), and as Markdown without it, for callers who write Markdown', async () => {
      await importText(EXAMPLE_TEXT, { name: 'prep' });
      const post = (payload: object) => inject({ method: 'POST', url: '/api/checklists/prep/topics', payload });
      const typed = await post({ section: 'Databases', title: '__slots__ and memory', asTyped: true });
      expect(typed.statusCode, typed.body).toBe(201);
      // Escaped as the file will hold it, read back as typed.
      expect(typed.json<TopicDetailJson>().topic).toMatchObject({
        title: '\\_\\_slots\\_\\_ and memory',
        text: '__slots__ and memory',
        origin: 'app',
      });
      // Without the flag (or with false) the title is Markdown: emphasis is emphasis, and a link stays a link either way.
      for (const asTyped of [undefined, false]) {
        const title = `__Paxos__ in [Raft](https://raft.github.io) ${String(asTyped)}`;
        const markdown = await post({ section: 'Databases', title, ...(asTyped === undefined ? {} : { asTyped }) });
        expect(markdown.statusCode, markdown.body).toBe(201);
        expect(markdown.json<TopicDetailJson>().topic).toMatchObject({ title, text: `Paxos in Raft ${String(asTyped)}` });
      }
      const linked = await post({ section: 'Databases', title: '__init__ in [Python docs](https://docs.python.org)', asTyped: true });
      expect(linked.json<TopicDetailJson>().topic).toMatchObject({
        title: '\\_\\_init\\_\\_ in [Python docs](https://docs.python.org)',
        text: '__init__ in Python docs',
      });
      const tree = (await inject({ url: '/api/checklists/prep/tree' })).json<ChecklistTreeJson>();
      expect(findTopic(tree, '__slots__ and memory').topic.title).toBe('\\_\\_slots\\_\\_ and memory');

      const notBoolean = await post({ section: 'Databases', title: 'x', asTyped: 'yes' });
      expect(notBoolean.statusCode).toBe(400);
      expect(notBoolean.json<ErrorJson>().error.message).toMatch(/asTyped/);
    });

    it('removes a topic added here (200, what went); a topic of the file is a 400 naming id; the tree is never the one from before', async () => {
      await importText(EXAMPLE_TEXT, { name: 'prep' });
      const add = async (title: string) =>
        (await inject({ method: 'POST', url: '/api/checklists/prep/topics', payload: { section: 'Databases', title } })).json<TopicDetailJson>();
      const typo = await add('Desing a rate limiter');
      const withTypo = await inject({ url: '/api/checklists/prep/tree' });
      const removed = await inject({ method: 'DELETE', url: `/api/topics/${typo.topic.id}`, headers: { [CLIENT_HEADER]: 'web' } });
      expect(removed.statusCode, removed.body).toBe(200);
      expect(removed.json()).toEqual({
        removed: { id: typo.topic.id, title: 'Desing a rate limiter', section: ['Databases'] },
        cards: 1,
        qaCards: 0,
        reviews: 0,
        questions: 0,
        notes: false,
        dryRun: false,
      });
      const gone = await inject({ method: 'DELETE', url: `/api/topics/${typo.topic.id}`, headers: { [CLIENT_HEADER]: 'web' } });
      expect(gone.statusCode).toBe(404);
      // The right title takes the removed one's place (and, on SQLite, its event's id): the tree asked again shows it.
      await add('Design a rate limiter');
      const after = await inject({ url: '/api/checklists/prep/tree', headers: { 'if-none-match': String(withTypo.headers['etag']) } });
      expect(after.statusCode).toBe(200);
      expect(JSON.stringify(after.json())).not.toContain('Desing');

      const { topic } = findTopic(after.json<ChecklistTreeJson>(), 'metaclasses');
      const refused = await inject({ method: 'DELETE', url: `/api/topics/${topic.id}`, headers: { [CLIENT_HEADER]: 'web' } });
      expect(refused.statusCode).toBe(400);
      expect(refused.json<ErrorJson>().error.message).toMatch(/^id: 'metaclasses' is in your file \(line \d+\): delete its line there/);
      expectCleanError(refused.json<ErrorJson>());
    });

    it('a topic names its section path as the file writes it, and its confidence can be cleared', async () => {
      await importText(EXAMPLE_TEXT, { name: 'prep' });
      const { topic } = findTopic(await tree('prep'), 'metaclasses');
      const set = (await inject({ method: 'PATCH', url: `/api/topics/${topic.id}`, payload: { confidence: 2 } })).json<TopicDetailJson>();
      expect(set.topic).toMatchObject({ confidence: 2, section: ['Python', 'Data model', 'Classes and objects'] });
      const cleared = (await inject({ method: 'PATCH', url: `/api/topics/${topic.id}`, payload: { confidence: null } })).json<TopicDetailJson>();
      expect(cleared.topic.confidence).toBeNull();
      expect(cleared.history.filter((e) => e.type === 'confidence').map((e) => e.data)).toEqual([
        { from: null, to: 2 },
        { from: 2, to: null },
      ]);
      const found = (await inject({ url: '/api/search?q=metaclasses' })).json<SearchResultJson>();
      expect(found.topics.map((t) => t.section)).toEqual([['Python', 'Data model', 'Classes and objects']]);
    });

    it('sees changes another process made to the same database (the tree cache is never stale)', async () => {
      await importText(EXAMPLE_TEXT, { name: 'prep' });
      const { topic } = findTopic(await tree('prep'), 'consistent hashing');
      const other = await openApp(current().database.location);
      try {
        await markTopic(other, String(topic.id), { state: 'learning' });
      } finally {
        await closeApp(other);
      }
      expect(findTopic(await tree('prep'), 'consistent hashing').topic.state).toBe('learning');
    });

    it('saves notes, finds the topic by a word of them, and keeps them across a re-import', async () => {
      await importText(EXAMPLE_TEXT, { name: 'prep' });
      const { topic } = findTopic(await tree('prep'), 'consistent hashing');
      const notes = 'Ring of **virtual nodes**; see [Karger](https://example.com/karger) — заметка';
      const saved = await inject({ method: 'PATCH', url: `/api/topics/${topic.id}`, payload: { notes } });
      expect(saved.json<TopicDetailJson>().topic.notes).toBe(notes);

      const found = (await inject({ url: `/api/search?q=${encodeURIComponent('ЗАМЕТКА virtual')}` })).json<SearchResultJson>();
      expect(found.topics.map((t) => t.id)).toEqual([topic.id]);

      const again = await importText(EXAMPLE_TEXT, { name: 'prep' });
      expect(again.unchanged).toBe(true);
      const reloaded = (await inject({ url: `/api/topics/${topic.id}` })).json<TopicDetailJson>();
      expect(reloaded.topic.notes).toBe(notes);
      expect(reloaded.history.filter((e) => e.type === 'notes')).toHaveLength(1);
    });

    it('search is case-insensitive in Cyrillic: ПЛЮШКИ finds плюшки', async () => {
      await importText(EXAMPLE_TEXT, { name: 'prep' });
      const found = (await inject({ url: `/api/search?q=${encodeURIComponent('ПЛЮШКИ')}&checklist=prep` })).json<SearchResultJson>();
      expect(found.topics.map((t) => t.text).every((text) => text.includes('плюшки'))).toBe(true);
      expect(found.topics.length).toBeGreaterThanOrEqual(2);
    });

    it('previews a re-import of an edited copy: renamed, moved, archived and added, then applies it keeping state', async () => {
      await importText(EXAMPLE_TEXT, { name: 'prep' });
      const { topic: renamed } = findTopic(await tree('prep'), 'CAP and PACELC');
      await inject({ method: 'PATCH', url: `/api/topics/${renamed.id}`, payload: { state: 'known' } });
      const edited = EXAMPLE_TEXT.replace('CAP and PACELC', 'CAP theorem and PACELC')
        .replace('* connection pooling with PgBouncer\n', '')
        .replace('* consistent hashing\n', '* consistent hashing\n* bloom filters\n');

      const preview = (
        await inject({ method: 'POST', url: '/api/imports/preview', payload: { text: edited, name: 'prep' } })
      ).json<ImportResultJson>();
      expect(preview.dryRun).toBe(true);
      expect(preview.changes.renamed.map((r) => r.to)).toEqual(['CAP theorem and PACELC']);
      expect(preview.changes.archived.map((a) => a.title)).toEqual(['connection pooling with PgBouncer']);
      expect(preview.changes.added.map((a) => a.title)).toEqual(['bloom filters']);
      expect(findTopic(await tree('prep'), 'CAP and PACELC').topic.state).toBe('known');

      await importText(edited, { name: 'prep' });
      const after = await tree('prep');
      expect(findTopic(after, 'CAP theorem and PACELC').topic).toMatchObject({ id: renamed.id, state: 'known' });
      expect(() => findTopic(after, 'connection pooling with PgBouncer')).toThrow();
    });

    it('dashboard: progress, a line per section, today in the activity, likely duplicates', async () => {
      await importText(EXAMPLE_TEXT, { name: 'prep' });
      const { topic } = findTopic(await tree('prep'), 'metaclasses');
      await inject({ method: 'PATCH', url: `/api/topics/${topic.id}`, payload: { state: 'learning' } });
      await inject({ method: 'PATCH', url: `/api/topics/${topic.id}`, payload: { state: 'known', notes: 'type(name, bases, ns)' } });
      const answered = await inject({ url: '/api/checklists/prep/dashboard' });
      const dashboard = answered.json<DashboardJson>();
      expect(
        (await inject({ url: '/api/checklists/prep/dashboard', headers: { 'if-none-match': String(answered.headers['etag']) } })).statusCode,
      ).toBe(304);
      expect(dashboard.progress.known).toBe(5);
      expect(dashboard.sections.map((s) => s.text)).toContain('Classes and objects');
      expect(dashboard.sections.find((s) => s.text === 'Python')).toMatchObject({ depth: 1, role: 'study' });
      // Study days in the checklist's time zone, as the reviews count them (a day starts at 4 a.m.).
      const settings = await inject({ url: '/api/checklists/prep/review/settings' });
      const { timeZone, dayStartsAt } = settings.json<{ timeZone: string | null; dayStartsAt: number }>();
      expect(dashboard.today).toBe(studyDateOf(new Date().toISOString(), timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone, dayStartsAt));
      expect(dashboard.activity).toEqual([{ date: dashboard.today, count: 3 }]);
      expect(dashboard.duplicates.map((d) => d.topics.map((t) => t.section))).toEqual([['System design', 'Behavioural']]);
    });

    it("dashboard: a duplicate sub-item's place names the topics it sits under, as the import's report does", async () => {
      const text = '# Python\n- asyncio\n  - cancellation\n- threads\n  - cancellation\n';
      const preview = await inject({ method: 'POST', url: '/api/imports/preview', payload: { text, name: 'subs' } });
      await importText(text, { name: 'subs' });
      const dashboard = (await inject({ url: '/api/checklists/subs/dashboard' })).json<DashboardJson>();
      expect(dashboard.duplicates.map((d) => d.topics.map((t) => t.section))).toEqual([['Python / asyncio', 'Python / threads']]);
      const report = preview.json<{ duplicates: Array<{ occurrences: Array<{ section: string }> }> }>().duplicates;
      expect(report.map((d) => d.occurrences.map((o) => o.section))).toEqual(dashboard.duplicates.map((d) => d.topics.map((t) => t.section)));
    });

    it('removes a checklist with everything it holds; the same name imports afresh', async () => {
      await importText(EXAMPLE_TEXT, { name: 'prep' });
      await importText('# Other\n- kept\n', { name: 'other' });
      const { topic } = findTopic(await tree('prep'), 'metaclasses');
      await inject({ method: 'PATCH', url: `/api/topics/${topic.id}`, payload: { state: 'known', notes: 'n' } });
      const removed = await inject({ method: 'DELETE', url: '/api/checklists/prep', headers: { [CLIENT_HEADER]: 'test' } });
      expect(removed.statusCode, removed.body).toBe(200);
      expect(removed.json()).toEqual({ removed: { name: 'prep', title: 'Backend Interview Prep', entries: 104 } });
      expect((await inject({ url: '/api/checklists' })).json<ChecklistListJson>().checklists.map((c) => c.name)).toEqual(['other']);
      expect((await inject({ url: '/api/checklists/prep/tree' })).statusCode).toBe(404);
      expect((await inject({ url: `/api/topics/${topic.id}` })).statusCode).toBe(404);
      expect((await inject({ method: 'DELETE', url: '/api/checklists/prep', headers: { [CLIENT_HEADER]: 'test' } })).statusCode).toBe(404);
      const again = await importText(EXAMPLE_TEXT, { name: 'prep' });
      expect(again.created).toBe(true);
      expect(findTopic(await tree('prep'), 'metaclasses').topic.state).toBe('new');
      expect(findTopic(await tree('other'), 'kept').topic.state).toBe('new');
    });

    describe('bad input gets a clear 4xx and changes nothing', () => {
      it('unknown ids and names are 404 with a message', async () => {
        for (const url of [
          '/api/topics/424242',
          '/api/checklists/nope/tree',
          '/api/checklists/nope/dashboard',
          '/api/search?q=x&checklist=nope',
          '/api/nowhere',
        ]) {
          const response = await inject({ url });
          expect(response.statusCode, url).toBe(404);
          expectCleanError(response.json<ErrorJson>());
        }
        const patch = await inject({ method: 'PATCH', url: '/api/topics/424242', payload: { state: 'known' } });
        expect(patch.statusCode).toBe(404);
      });

      it('invalid fields are 400 naming the field', async () => {
        await importText(EXAMPLE_TEXT, { name: 'prep' });
        const cases: Array<[string, string, unknown, RegExp]> = [
          [
            'PATCH',
            '/api/topics/1',
            { state: 'mastered' },
            /^body field 'state': unknown state 'mastered' \(one of new, learning, known, skipped, or done for known\)$/,
          ],
          ['PATCH', '/api/topics/1', { state: 'knwon' }, /^body field 'state': unknown state 'knwon': did you mean 'known'\? \(one of /],
          ['PATCH', '/api/topics/1', { state: 3 }, /^body field 'state': unknown state '3' /],
          ['PATCH', '/api/topics/1', { confidence: 9 }, /'confidence'/],
          ['PATCH', '/api/topics/1', { colour: 'red' }, /'colour' is not allowed/],
          ['PATCH', '/api/topics/1', {}, /must not be empty/],
          ['PATCH', '/api/topics/abc', { state: 'known' }, /'id' must be integer/],
          ['POST', '/api/imports', { fileName: 'x.md' }, /'text' is required/],
          ['POST', '/api/imports', { text: '- a', topics: 'some' }, /'topics' must be one of/],
          ['POST', '/api/imports', { text: 'a\u0000b' }, /binary/],
          ['GET', '/api/search', undefined, /'q' is required/],
        ];
        for (const [method, url, payload, message] of cases) {
          const response = await inject({
            method: method as InjectOptions['method'],
            url,
            ...(payload === undefined ? {} : { payload: payload as object }),
          });
          expect(response.statusCode, `${method} ${url} ${JSON.stringify(payload)}`).toBe(400);
          const body = response.json<ErrorJson>();
          expect(body.error.message).toMatch(message);
          expectCleanError(body);
        }
        const malformed = await inject({
          method: 'PATCH',
          url: '/api/topics/1',
          headers: { 'content-type': 'application/json' },
          payload: '{"state":',
        });
        expect(malformed.statusCode).toBe(400);
        expect(malformed.json<ErrorJson>().error).toEqual({ type: 'BadRequest', message: 'the body is not valid JSON' });
        const plain = await inject({
          method: 'PATCH',
          url: '/api/topics/1',
          headers: { 'content-type': 'application/xml' },
          payload: '<state>known</state>',
        });
        expect(plain.statusCode).toBe(415);
        expect(plain.json<ErrorJson>().error.type).toBe('UnsupportedMediaType');
        expect(findTopic(await tree('prep'), 'metaclasses').topic.state).toBe('new');
      });

      it('bodies over the limit are 413: a huge note, a checklist over 10 MB', async () => {
        await importText(EXAMPLE_TEXT, { name: 'prep' });
        const note = await inject({ method: 'PATCH', url: '/api/topics/1', payload: { notes: 'x'.repeat(300 * 1024) } });
        expect(note.statusCode).toBe(413);
        expect(note.json<ErrorJson>().error).toEqual({
          type: 'PayloadTooLarge',
          message: 'the request body is over 256 KB; send less (a checklist may be up to 10 MB)',
        });
        const huge = await inject({ method: 'POST', url: '/api/imports', payload: { text: '- topic\n'.repeat(1_400_000), name: 'huge' } });
        expect(huge.statusCode).toBe(413);
        expect(huge.json<ErrorJson>().error.message).toMatch(/over 10 MB are refused/);
        expect((await inject({ url: '/api/checklists' })).json<ChecklistListJson>().checklists.map((c) => c.name)).toEqual(['prep']);
      });

      it('a server error is a bare 500: no stack, no internals', async () => {
        const app = await openApp(current().database.location);
        const server = await buildServer({ app });
        await closeApp(app);
        const response = await server.inject({ url: '/api/checklists' });
        expect(response.statusCode).toBe(500);
        expect(response.json()).toEqual({ error: { type: 'InternalError', message: 'something went wrong on the server; the log has the details' } });
        await server.close();
      });
    });
  });
}

function* allSections(section: ExportedSection): Generator<ExportedSection> {
  yield section;
  for (const child of section.sections) yield* allSections(child);
}
