import { describe, expect, it } from 'vitest';
import { getChecklist, findChecklistByName } from '../../../src/store/checklists/checklists.js';
import {
  findTopicsByFragment,
  getTopic,
  listArchivedTopics,
  loadChecklistTree,
  searchTopics,
  setTopicConfidence,
  setTopicNotes,
  setTopicState,
  topicHistory,
  topicResources,
} from '../../../src/store/topics/topics.js';
import { BACKENDS, useStore } from '../backends.js';
import { importParsed, topicIdsByText } from '../helpers.js';
import { parsedChecklist, type ChecklistSpec } from '../parsed.js';

const DAY1 = '2026-01-05T10:00:00.000Z';
const DAY2 = '2026-01-06T10:00:00.000Z';

const PREP: ChecklistSpec = {
  sections: [
    { title: 'Goals', role: 'goals', topics: ['Плюшки и бонусы: обучение, конференции'] },
    {
      title: 'AWS',
      sections: [
        { title: 'S3', topics: [{ text: 'Presigned URLs', links: ['https://docs.aws.amazon.com/s3/'] }, 'storage classes'] },
        { title: 'Lambda', topics: ['cold starts', '100% CPU_bound handlers'] },
      ],
    },
    { title: 'Databases', topics: ['S3-compatible object stores', 'index types'] },
  ],
};

for (const backend of BACKENDS) {
  describe.skipIf(backend.skipReason !== null)(`topics (${backend.name})`, () => {
    const store = useStore(backend);

    async function imported(): Promise<{ checklistId: number; ids: Map<string, number> }> {
      const { checklistId } = await importParsed(store(), 'prep', parsedChecklist(PREP), DAY1);
      return { checklistId, ids: await topicIdsByText(store().db, checklistId) };
    }

    it('records a state change with where it came from, and nothing when the state is the same', async () => {
      const { ids } = await imported();
      const id = ids.get('cold starts')!;
      const marked = await setTopicState(store().db, id, 'learning', DAY2, 'user');
      expect(marked).toMatchObject({ id, state: 'learning', updatedAt: DAY2 });
      await setTopicState(store().db, id, 'learning', DAY2, 'user');
      expect(await topicHistory(store().db, id)).toMatchObject([
        { type: 'created', at: DAY1 },
        { type: 'state', at: DAY2, data: { from: 'new', to: 'learning', source: 'user' } },
      ]);
    });

    it('records confidence and notes changes with their old and new values', async () => {
      const { ids } = await imported();
      const id = ids.get('index types')!;
      await store().transaction(async (trx) => {
        await setTopicConfidence(trx, id, 3, DAY2);
        await setTopicConfidence(trx, id, 3, DAY2);
        await setTopicNotes(trx, id, 'B-tree, hash, GIN', DAY2);
      });
      await setTopicNotes(store().db, id, 'B-tree, hash, GIN, BRIN', DAY2);
      await setTopicConfidence(store().db, id, null, DAY2);
      expect(await getTopic(store().db, id)).toMatchObject({ confidence: null, notes: 'B-tree, hash, GIN, BRIN' });
      expect((await topicHistory(store().db, id)).slice(1)).toMatchObject([
        { type: 'confidence', data: { from: null, to: 3 } },
        { type: 'notes', data: { from: '', to: 'B-tree, hash, GIN' } },
        { type: 'notes', data: { from: 'B-tree, hash, GIN', to: 'B-tree, hash, GIN, BRIN' } },
        { type: 'confidence', data: { from: 3, to: null } },
      ]);
    });

    it('returns null or nothing for an unknown id instead of failing', async () => {
      await imported();
      expect(await getTopic(store().db, 9999)).toBeNull();
      expect(await setTopicState(store().db, 9999, 'known', DAY2, 'user')).toBeNull();
      expect(await setTopicConfidence(store().db, 9999, 2, DAY2)).toBeNull();
      expect(await setTopicNotes(store().db, 9999, 'x', DAY2)).toBeNull();
      expect(await topicHistory(store().db, 9999)).toEqual([]);
      expect(await topicResources(store().db, 9999)).toEqual([]);
      expect(await loadChecklistTree(store().db, 9999)).toBeNull();
      expect(await getChecklist(store().db, 9999)).toBeNull();
      expect(await findChecklistByName(store().db, 'nope')).toBeNull();
      expect(await store().db.selectFrom('events').select('id').where('topic_id', '=', 9999).execute()).toEqual([]);
    });

    it('finds Cyrillic text whatever its case', async () => {
      await imported();
      const found = await searchTopics(store().db, 'ПЛЮШКИ');
      expect(found.map((t) => t.text)).toEqual(['Плюшки и бонусы: обучение, конференции']);
      expect((await searchTopics(store().db, 'бонусы КОНФЕРЕНЦИИ')).length).toBe(1);
      expect(await searchTopics(store().db, 'плюшки python')).toEqual([]);
      expect((await findTopicsByFragment(store().db, 'ПЛЮШКИ И')).map((t) => t.kind)).toEqual(['goal']);
    });

    it('searches the notes too, and only active topics', async () => {
      const { checklistId, ids } = await imported();
      await setTopicNotes(store().db, ids.get('cold starts')!, 'Provisioned Concurrency helps', DAY2);
      expect((await searchTopics(store().db, 'provisioned')).map((t) => t.text)).toEqual(['cold starts']);
      const withoutLambda = parsedChecklist({
        sections: [PREP.sections[0]!, { title: 'AWS', sections: [PREP.sections[1]!.sections![0]!] }, PREP.sections[2]!],
      });
      await importParsed(store(), 'prep', withoutLambda, DAY2);
      expect(await searchTopics(store().db, 'provisioned')).toEqual([]);
      expect((await listArchivedTopics(store().db, checklistId)).map((t) => t.text).sort()).toEqual(['100% CPU_bound handlers', 'cold starts']);
    });

    it('finds topics by a fragment of their title, LIKE wildcards taken literally', async () => {
      await imported();
      expect((await findTopicsByFragment(store().db, 'S3')).map((t) => t.text)).toEqual(['S3-compatible object stores']);
      expect((await findTopicsByFragment(store().db, '100%')).map((t) => t.text)).toEqual(['100% CPU_bound handlers']);
      expect(await findTopicsByFragment(store().db, '%')).toHaveLength(1);
      expect(await findTopicsByFragment(store().db, '_')).toHaveLength(1);
      expect(await findTopicsByFragment(store().db, '  ')).toEqual([]);
    });

    it('finds the topics under a section path like aws/s3', async () => {
      await imported();
      expect((await findTopicsByFragment(store().db, 'aws/s3')).map((t) => t.text)).toEqual(['Presigned URLs', 'storage classes']);
      expect((await findTopicsByFragment(store().db, 'AWS / Lambda')).map((t) => t.text)).toEqual(['cold starts', '100% CPU_bound handlers']);
    });

    it('keeps searches within one checklist when asked', async () => {
      const { checklistId } = await imported();
      const other = await importParsed(store(), 'other', parsedChecklist({ sections: [{ title: 'Go', topics: ['index of a slice'] }] }), DAY1);
      expect((await findTopicsByFragment(store().db, 'index')).map((t) => t.checklistId)).toEqual([checklistId, other.checklistId]);
      expect((await findTopicsByFragment(store().db, 'index', other.checklistId)).map((t) => t.text)).toEqual(['index of a slice']);
      expect((await searchTopics(store().db, 'index', checklistId)).map((t) => t.text)).toEqual(['index types']);
    });

    it("lists a topic's own resources", async () => {
      const { ids } = await imported();
      const resources = await topicResources(store().db, ids.get('Presigned URLs')!);
      expect(resources).toMatchObject([{ url: 'https://docs.aws.amazon.com/s3/', clickable: true, fromBullet: false }]);
    });
  });
}
