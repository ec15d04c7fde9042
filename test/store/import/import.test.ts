import { describe, expect, it } from 'vitest';
import { listChecklists } from '../../../src/store/checklists/checklists.js';
import { ConflictError } from '../../../src/store/errors.js';
import { applyImport } from '../../../src/store/import/import.js';
import { getTopic, listArchivedTopics, loadChecklistTree, setTopicNotes, setTopicState, topicHistory } from '../../../src/store/topics/topics.js';
import { BACKENDS, useStore } from '../backends.js';
import { importParsed, planFor, snapshot, topicIdsByText } from '../helpers.js';
import { parsedChecklist, type ChecklistSpec } from '../parsed.js';

const DAY1 = '2026-01-05T10:00:00.000Z';
const DAY2 = '2026-01-06T10:00:00.000Z';
const DAY3 = '2026-01-07T10:00:00.000Z';

const PREP: ChecklistSpec = {
  title: 'Backend prep',
  frontMatter: 'title: Backend prep',
  sections: [
    { title: 'Goals', role: 'goals', topics: ['remote team'] },
    {
      title: 'Python',
      links: ['https://docs.python.org/3/'],
      notes: ['<!-- review weekly -->'],
      topics: [
        { text: 'generators', marker: 'done', children: ['send() and two-way generators'] },
        { text: 'descriptors', details: 'how @property works', links: ['https://docs.python.org/3/howto/descriptor.html'] },
        'metaclasses',
      ],
    },
    { title: 'AWS', sections: [{ title: 'S3', topics: ['bucket policies', 'presigned URLs'] }] },
  ],
};

for (const backend of BACKENDS) {
  describe.skipIf(backend.skipReason !== null)(`importing a checklist (${backend.name})`, () => {
    const store = useStore(backend);

    it('stores every section, topic, resource and note on the first import, each topic\u2019s history starting with its creation', async () => {
      const { checklistId } = await importParsed(store(), 'prep', parsedChecklist(PREP), DAY1);
      const tree = await loadChecklistTree(store().db, checklistId);
      expect(tree).not.toBeNull();
      expect(tree!.checklist).toMatchObject({
        name: 'prep',
        title: 'Backend prep',
        sourcePath: '/notes/prep.md',
        frontMatter: 'title: Backend prep',
        metadata: { title: 'Backend prep' },
        topicsMode: 'all',
        createdAt: DAY1,
        importedAt: DAY1,
      });
      expect(tree!.sections.map((s) => s.pathKey)).toEqual(['', 'goals', 'python', 'aws', 'aws / s3']);
      expect(tree!.topics.map((t) => [t.text, t.kind, t.state, t.depth])).toEqual([
        ['remote team', 'goal', 'new', 0],
        ['generators', 'topic', 'known', 0],
        ['send() and two-way generators', 'topic', 'new', 1],
        ['descriptors', 'topic', 'new', 0],
        ['metaclasses', 'topic', 'new', 0],
        ['bucket policies', 'topic', 'new', 0],
        ['presigned URLs', 'topic', 'new', 0],
      ]);
      const byText = new Map(tree!.topics.map((t) => [t.text, t]));
      expect(byText.get('send() and two-way generators')!.parentId).toBe(byText.get('generators')!.id);
      expect(byText.get('descriptors')!.details).toBe('how @property works');
      expect(byText.get('presigned URLs')!.sectionKey).toBe('aws / s3');
      expect(tree!.resources.map((r) => [r.url, r.topicId, r.clickable])).toEqual([
        ['https://docs.python.org/3/', null, true],
        ['https://docs.python.org/3/howto/descriptor.html', byText.get('descriptors')!.id, true],
      ]);
      expect(tree!.notes.map((n) => n.source)).toEqual(['<!-- review weekly -->']);
      const history = await topicHistory(store().db, byText.get('generators')!.id);
      expect(history).toMatchObject([{ type: 'created', at: DAY1, data: { section: 'python', state: 'known' } }]);
      // Read from the topic row: a first import stores no event (a large file's 20,000 rows).
      expect(await store().db.selectFrom('events').select('id').execute()).toEqual([]);
    });

    it('writes nothing but the import time when the same parse is imported again', async () => {
      await importParsed(store(), 'prep', parsedChecklist(PREP), DAY1);
      const before = await snapshot(store().db);
      const { plan } = await importParsed(store(), 'prep', parsedChecklist(PREP), DAY2);
      const after = await snapshot(store().db);
      expect(plan.summary.unchanged).toBe(7);
      expect(after['checklists']).toMatchObject([{ imported_at: DAY2, created_at: DAY1 }]);
      expect({ ...after, checklists: [] }).toEqual({ ...before, checklists: [] });
    });

    it('rewrites the resources when a link is added after the last or the last one goes, and keeps them when none changes', async () => {
      const withLinks = (links: string[]): ChecklistSpec => ({
        sections: [{ title: 'Python', links: ['https://docs.python.org/3/'], topics: [{ text: 'asyncio', links }] }],
      });
      const urls = async (checklistId: number) => (await loadChecklistTree(store().db, checklistId))!.resources.map((r) => r.url);
      const { checklistId } = await importParsed(store(), 'prep', parsedChecklist(withLinks(['https://a.example/'])), DAY1);
      const ids = async () => (await loadChecklistTree(store().db, checklistId))!.resources.map((r) => r.id);
      const first = await ids();

      await importParsed(store(), 'prep', parsedChecklist(withLinks(['https://a.example/'])), DAY2);
      expect(await ids()).toEqual(first);
      await importParsed(store(), 'prep', parsedChecklist(withLinks(['https://a.example/', 'https://b.example/'])), DAY2);
      expect(await urls(checklistId)).toEqual(['https://docs.python.org/3/', 'https://a.example/', 'https://b.example/']);
      await importParsed(store(), 'prep', parsedChecklist(withLinks(['https://a.example/'])), DAY3);
      expect(await urls(checklistId)).toEqual(['https://docs.python.org/3/', 'https://a.example/']);
      await importParsed(store(), 'prep', parsedChecklist(withLinks(['https://c.example/'])), DAY3);
      expect(await urls(checklistId)).toEqual(['https://docs.python.org/3/', 'https://c.example/']);
    });

    it('keeps the states of renamed and moved topics, archives the removed one with its history, adds the new one', async () => {
      const { checklistId } = await importParsed(store(), 'prep', parsedChecklist(PREP), DAY1);
      const ids = await topicIdsByText(store().db, checklistId);
      await setTopicState(store().db, ids.get('descriptors')!, 'learning', DAY1, 'user');
      await setTopicState(store().db, ids.get('bucket policies')!, 'known', DAY1, 'user');
      await setTopicState(store().db, ids.get('metaclasses')!, 'skipped', DAY1, 'user');

      const edited = parsedChecklist({
        ...PREP,
        sections: [
          PREP.sections[0]!,
          {
            title: 'Python',
            topics: [
              { text: 'generators', marker: 'done', children: ['send() and two-way generators'] },
              { text: 'descriptors and properties', details: 'how @property works' },
              'asyncio event loop',
            ],
          },
          {
            title: 'AWS',
            sections: [
              { title: 'S3', topics: ['presigned URLs'] },
              { title: 'IAM', topics: ['bucket policies'] },
            ],
          },
        ],
      });
      const { plan } = await importParsed(store(), 'prep', edited, DAY2);
      expect(plan.summary.renamed.map((r) => r.to)).toEqual(['descriptors and properties']);
      expect(plan.summary.moved.map((m) => m.title)).toEqual(['bucket policies']);
      expect(plan.summary.archived.map((a) => a.title)).toEqual(['metaclasses']);
      expect(plan.summary.added.map((a) => a.title)).toEqual(['asyncio event loop']);

      const renamed = await getTopic(store().db, ids.get('descriptors')!);
      expect(renamed).toMatchObject({ text: 'descriptors and properties', state: 'learning', updatedAt: DAY2 });
      const moved = await getTopic(store().db, ids.get('bucket policies')!);
      expect(moved).toMatchObject({ sectionKey: 'aws / iam', state: 'known', archivedAt: null });
      // Its card moves with it: a review scoped to IAM finds it.
      const movedCards = await store().db.selectFrom('cards').select('section_key').where('topic_id', '=', ids.get('bucket policies')!).execute();
      expect(movedCards.map((card) => card.section_key)).toEqual(['aws / iam']);
      const archived = await getTopic(store().db, ids.get('metaclasses')!);
      expect(archived).toMatchObject({ state: 'skipped', archivedAt: DAY2 });
      expect((await topicHistory(store().db, ids.get('metaclasses')!)).map((e) => e.type)).toEqual(['created', 'state', 'archived']);
      expect(await topicHistory(store().db, ids.get('descriptors')!)).toMatchObject([
        { type: 'created' },
        { type: 'state', data: { from: 'new', to: 'learning', source: 'user' } },
        { type: 'renamed', at: DAY2, data: { from: 'descriptors', to: 'descriptors and properties' } },
      ]);
      expect((await topicHistory(store().db, ids.get('bucket policies')!)).at(-1)).toMatchObject({
        type: 'moved',
        data: { from: 'aws / s3', to: 'aws / iam' },
      });
      const tree = await loadChecklistTree(store().db, checklistId);
      expect(tree!.topics.map((t) => t.text)).toContain('asyncio event loop');
      expect(tree!.topics.map((t) => t.text)).not.toContain('metaclasses');
      expect(tree!.resources.map((r) => r.url)).toEqual([]);
      expect(tree!.notes).toEqual([]);
      // Topics the edit did not touch keep their rows as they were.
      expect(await getTopic(store().db, ids.get('remote team')!)).toMatchObject({ updatedAt: DAY1 });
    });

    it('archives topics of a removed section and keeps where they were', async () => {
      const { checklistId } = await importParsed(store(), 'prep', parsedChecklist(PREP), DAY1);
      const ids = await topicIdsByText(store().db, checklistId);
      const withoutAws = parsedChecklist({ ...PREP, sections: PREP.sections.slice(0, 2) });
      await importParsed(store(), 'prep', withoutAws, DAY2);
      const archived = await listArchivedTopics(store().db, checklistId);
      expect(archived.map((t) => [t.text, t.sectionId, t.sectionKey])).toEqual([
        ['bucket policies', null, 'aws / s3'],
        ['presigned URLs', null, 'aws / s3'],
      ]);
      const tree = await loadChecklistTree(store().db, checklistId);
      expect(tree!.sections.map((s) => s.pathKey)).toEqual(['', 'goals', 'python']);
      expect(await getTopic(store().db, ids.get('bucket policies')!)).toMatchObject({ archivedAt: DAY2 });
    });

    it('restores an archived topic with its state, notes and history when it comes back', async () => {
      const { checklistId } = await importParsed(store(), 'prep', parsedChecklist(PREP), DAY1);
      const id = (await topicIdsByText(store().db, checklistId)).get('metaclasses')!;
      await setTopicState(store().db, id, 'learning', DAY1, 'user');
      await setTopicNotes(store().db, id, 'type() is a metaclass', DAY1);
      const python = PREP.sections[1]!;
      const without = parsedChecklist({
        ...PREP,
        sections: [PREP.sections[0]!, { ...python, topics: python.topics!.slice(0, 2) }, PREP.sections[2]!],
      });
      await importParsed(store(), 'prep', without, DAY2);
      expect(await getTopic(store().db, id)).toMatchObject({ archivedAt: DAY2 });

      const { plan } = await importParsed(store(), 'prep', parsedChecklist(PREP), DAY3);
      expect(plan.summary.restored).toEqual([{ id, title: 'metaclasses' }]);
      expect(await getTopic(store().db, id)).toMatchObject({
        archivedAt: null,
        state: 'learning',
        notes: 'type() is a metaclass',
        updatedAt: DAY3,
      });
      expect((await topicHistory(store().db, id)).map((e) => e.type)).toEqual(['created', 'state', 'notes', 'archived', 'restored']);
      expect(await listArchivedTopics(store().db, checklistId)).toEqual([]);
    });

    it('follows a tick added in the file with a state event from the file', async () => {
      const { checklistId } = await importParsed(store(), 'prep', parsedChecklist(PREP), DAY1);
      const id = (await topicIdsByText(store().db, checklistId)).get('metaclasses')!;
      const python = PREP.sections[1]!;
      const ticked = parsedChecklist({
        ...PREP,
        sections: [
          PREP.sections[0]!,
          { ...python, topics: [...python.topics!.slice(0, 2), { text: 'metaclasses', marker: 'done' }] },
          PREP.sections[2]!,
        ],
      });
      await importParsed(store(), 'prep', ticked, DAY2);
      expect(await getTopic(store().db, id)).toMatchObject({ state: 'known', marker: 'done' });
      expect((await topicHistory(store().db, id)).at(-1)).toMatchObject({
        type: 'state',
        data: { from: 'new', to: 'known', source: 'file' },
      });
    });

    it('updates line numbers when text is inserted above, without history', async () => {
      const { checklistId } = await importParsed(store(), 'prep', parsedChecklist(PREP), DAY1);
      const events = await store().db.selectFrom('events').select('id').execute();
      const shifted = parsedChecklist({ ...PREP, frontMatter: 'title: Backend prep\nauthor: me\nlayout: post' });
      await importParsed(store(), 'prep', shifted, DAY2);
      const tree = await loadChecklistTree(store().db, checklistId);
      expect(tree!.topics[0]!.lines.start).toBe(parsedChecklist(PREP).entries[0]!.lines.start + 2);
      expect(tree!.topics.every((t) => t.updatedAt === DAY2)).toBe(true);
      expect(await store().db.selectFrom('events').select('id').execute()).toEqual(events);
    });

    it('gives a topic the key a topic of another kind held, without breaking the unique key', async () => {
      const asStudy = parsedChecklist({ sections: [{ title: 'Reading', topics: ['designing data-intensive applications'] }] });
      const { checklistId } = await importParsed(store(), 'prep', asStudy, DAY1);
      const asBooks = parsedChecklist({ sections: [{ title: 'Reading', role: 'books', topics: ['designing data-intensive applications'] }] });
      await importParsed(store(), 'prep', asBooks, DAY2);
      const tree = await loadChecklistTree(store().db, checklistId);
      expect(tree!.topics.map((t) => [t.text, t.kind])).toEqual([['designing data-intensive applications', 'book']]);
      expect((await listArchivedTopics(store().db, checklistId)).map((t) => t.kind)).toEqual(['topic']);
      // And back again: the book is archived, the topic is new, both keep distinct keys.
      await importParsed(store(), 'prep', asStudy, DAY3);
      const again = await loadChecklistTree(store().db, checklistId);
      expect(again!.topics.map((t) => t.kind)).toEqual(['topic']);
    });

    it('leaves the previous state intact when the transaction fails after applying', async () => {
      await importParsed(store(), 'prep', parsedChecklist(PREP), DAY1);
      const before = await snapshot(store().db);
      const edited = parsedChecklist({ ...PREP, sections: [{ title: 'Go', topics: ['goroutines', 'channels'] }] });
      const crashing = store().transaction(async (trx) => {
        const { checklistId, plan } = await planFor(trx, 'prep', edited);
        await applyImport(trx, { checklistId, name: 'prep', sourcePath: null, sourceHash: 'h2', parsed: edited, plan, now: DAY2 });
        throw new Error('crash after applying');
      });
      await expect(crashing).rejects.toThrow('crash after applying');
      expect(await snapshot(store().db)).toEqual(before);
    });

    it('refuses a plan that no longer fits what is stored, writing nothing', async () => {
      const { checklistId } = await importParsed(store(), 'prep', parsedChecklist(PREP), DAY1);
      const other = await importParsed(store(), 'other', parsedChecklist({ sections: [{ title: 'Go', topics: ['channels'] }] }), DAY1);
      const before = await snapshot(store().db);
      const edited = parsedChecklist({ sections: [{ title: 'Go', topics: ['channels', 'generics'] }] });
      // Planned against "other", applied to "prep": its topic ids are not prep's.
      const { plan } = await planFor(store().db, 'other', edited);
      const stale = store().transaction((trx) =>
        applyImport(trx, { checklistId, name: 'prep', sourcePath: null, sourceHash: 'h', parsed: edited, plan, now: DAY2 }),
      );
      await expect(stale).rejects.toBeInstanceOf(ConflictError);
      const taken = store().transaction((trx) =>
        applyImport(trx, { checklistId: null, name: 'other', sourcePath: null, sourceHash: 'h', parsed: edited, plan, now: DAY2 }),
      );
      await expect(taken).rejects.toThrow(/another import created the checklist 'other'/);
      expect(other.checklistId).not.toBe(checklistId);
      expect(await snapshot(store().db)).toEqual(before);
    });

    it('keeps two checklists side by side, each with its own topics and counts', async () => {
      const first = await importParsed(store(), 'backend', parsedChecklist(PREP), DAY1);
      const other = parsedChecklist({
        title: 'Frontend prep',
        sections: [
          { title: 'React', topics: [{ text: 'hooks', marker: 'done' }, 'suspense'] },
          { title: 'Books', role: 'books', topics: ['eloquent javascript'] },
        ],
      });
      const second = await importParsed(store(), 'frontend', other, DAY2);
      expect(second.checklistId).not.toBe(first.checklistId);
      // The same sections and texts in both would share keys; ids and rows stay apart.
      await importParsed(store(), 'backend', parsedChecklist(PREP), DAY3);
      const summaries = await listChecklists(store().db);
      expect(summaries.map((s) => [s.checklist.name, s.progress.total, s.progress.known, s.goals, s.books])).toEqual([
        ['backend', 6, 1, 1, 0],
        ['frontend', 2, 1, 0, 1],
      ]);
      const frontTree = await loadChecklistTree(store().db, second.checklistId);
      expect(frontTree!.topics.map((t) => t.text)).toEqual(['hooks', 'suspense', 'eloquent javascript']);
    });

    it('stores 2,000 topics with resources in batches', async () => {
      const topics = Array.from({ length: 2000 }, (_, i) => ({ text: `topic number ${i}`, links: [`https://example.com/${i}`] }));
      const { checklistId } = await importParsed(store(), 'big', parsedChecklist({ sections: [{ title: 'All', topics }] }), DAY1);
      const tree = await loadChecklistTree(store().db, checklistId);
      expect(tree!.topics).toHaveLength(2000);
      expect(tree!.resources).toHaveLength(2000);
      expect(new Set(tree!.topics.map((t) => t.id)).size).toBe(2000);
    });
  });
}
