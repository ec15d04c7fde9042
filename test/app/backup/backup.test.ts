// A checklist's backup and restore through the use cases, on both backends: what is restored is what was backed up,
// row for row (ids renumbered, their order kept), and a file that is not a backup, or not one this database can hold,
// restores nothing and says why in a line.
import { describe, expect, it } from 'vitest';
import { checklistBackup, restoreBackups } from '../../../src/app/backup/backup.js';
import type { AppContext } from '../../../src/app/context.js';
import { checklistFromUpload, importChecklist } from '../../../src/app/import/import-checklist.js';
import { addCard } from '../../../src/app/review/cards.js';
import { answerCard, reviewQueue } from '../../../src/app/review/review.js';
import { updateReviewSettings } from '../../../src/app/review/settings.js';
import { updatePlanSettings } from '../../../src/app/plan/settings.js';
import { markTopic, resolveTopic, updateTopic } from '../../../src/app/topics/topics.js';
import type { ChecklistBackupJson } from '../../../src/contract/backup.js';
import { InvalidInputError } from '../../../src/core/errors.js';
import { findChecklistByName } from '../../../src/store/checklists/checklists.js';
import { withApp } from '../../support/app.js';
import { BACKENDS } from '../../store/backends.js';

const FILE = [
  '# Goals',
  '- full remote',
  '- плюшки',
  '# Python',
  '## Core',
  '- generators',
  '  - send() :: resumes it with a value',
  '  - yield from',
  '- descriptors',
  '# Базы данных',
  '- SELECT FOR UPDATE',
  '- индексы',
  '',
].join('\n');

/** Columns that hold a row's id, per table, and the table they point at: what a comparison renumbers. */
const REFS: Record<string, Record<string, string>> = {
  checklists: { id: 'checklists' },
  sections: { id: 'sections', checklist_id: 'checklists', parent_id: 'sections' },
  topics: { id: 'topics', checklist_id: 'checklists', section_id: 'sections', parent_id: 'topics' },
  resources: { id: 'resources', checklist_id: 'checklists', section_id: 'sections', topic_id: 'topics' },
  section_notes: { id: 'section_notes', checklist_id: 'checklists', section_id: 'sections' },
  events: { id: 'events', checklist_id: 'checklists', topic_id: 'topics' },
  cards: { id: 'cards', checklist_id: 'checklists', topic_id: 'topics' },
  review_log: { id: 'review_log', checklist_id: 'checklists', card_id: 'cards' },
  review_settings: { checklist_id: 'checklists' },
  plan_settings: { checklist_id: 'checklists' },
  plan_section_costs: { checklist_id: 'checklists' },
};

/** The backup with every id replaced by its rank in its table, and the checklist's name left out: equal when restored exactly. */
function renumbered(backup: ChecklistBackupJson): unknown {
  const ranks = new Map<string, Map<number, number>>();
  for (const [table, rows] of Object.entries(backup.tables)) {
    const ids = rows.map((row) => row['id']).filter((id): id is number => typeof id === 'number');
    ranks.set(table, new Map([...ids].sort((a, b) => a - b).map((id, rank) => [id, rank])));
  }
  return Object.fromEntries(
    Object.entries(backup.tables).map(([table, rows]) => [
      table,
      rows.map((row) => {
        const copy: Record<string, unknown> = { ...row };
        for (const [column, target] of Object.entries(REFS[table]!)) {
          if (typeof copy[column] === 'number') copy[column] = ranks.get(target)!.get(copy[column]);
        }
        if (table === 'checklists') delete copy['name'];
        return copy;
      }),
    ]),
  );
}

for (const backend of BACKENDS) {
  describe.skipIf(backend.skipReason !== null)(`backup and restore (${backend.name})`, () => {
    /** A checklist with a life: states, notes, confidence, reviews, a card added here, settings, a rename in its history. */
    async function lived(ctx: AppContext, setNow: (iso: string) => void): Promise<number> {
      await importChecklist(ctx, { file: checklistFromUpload(FILE, 'prep.md'), name: 'prep' });
      await markTopic(ctx, 'descriptors', { state: 'learning' }, 'prep');
      const generators = await resolveTopic(ctx, 'generators', 'prep');
      await updateTopic(ctx, generators.id, { notes: '## Generators\nlazy, `yield`', confidence: 3 });
      await addCard(ctx, generators.id, { front: 'What does yield from delegate?', back: 'iteration, send() and throw()' });
      await updateReviewSettings(ctx, 'prep', { newPerDay: 7, desiredRetention: 0.85 });
      await updatePlanSettings(ctx, 'prep', {
        minutesPerDay: 45,
        daysOff: ['2026-12-24'],
        sectionCosts: [{ section: 'Базы данных', learnTopicMinutes: 35 }],
      });
      for (const [i, rating] of ([3, 1, 4] as const).entries()) {
        const [first] = (await reviewQueue(ctx, { checklist: 'prep' })).cards;
        await answerCard(ctx, first!.card.id, rating);
        setNow(`2026-11-2${i + 1}T09:00:00.000Z`);
      }
      await importChecklist(ctx, { file: checklistFromUpload(FILE.replace('- индексы', '- индексы и EXPLAIN'), 'prep.md'), name: 'prep' });
      return (await findChecklistByName(ctx.store.db, 'prep'))!.id;
    }

    it('restores a checklist row for row, in another database and beside itself under another name', async () => {
      let backup!: ChecklistBackupJson;
      await withApp(backend, '2026-11-20T09:00:00.000Z', async (ctx, setNow) => {
        const id = await lived(ctx, setNow);
        backup = await checklistBackup(ctx, id);
        expect(backup.tables.review_log).toHaveLength(3);
        expect(backup.tables.events.map((e) => e['type'])).toContain('renamed');
        expect(backup.tables.review_settings).toHaveLength(1);
        expect(backup.tables.plan_settings).toMatchObject([{ minutes_per_day: 45, days_off: '["2026-12-24"]' }]);
        expect(backup.tables.plan_section_costs).toHaveLength(1);

        // Beside itself: the name is taken, so it is refused, then restored under another.
        await expect(restoreBackups(ctx, JSON.stringify(backup), { source: 'b.json' })).rejects.toThrow(
          "a checklist named 'prep' is already here; restore under another name with --name",
        );
        const result = await restoreBackups(ctx, JSON.stringify({ checklists: [{ name: 'prep', backup }] }), { source: 'b.json', name: 'copy' });
        // Counted as the import counts the file: study topics, goals and books apart.
        const { counts } = await importChecklist(ctx, {
          file: checklistFromUpload(FILE.replace('- индексы', '- индексы и EXPLAIN'), 'prep.md'),
          dryRun: true,
        });
        expect(counts).toMatchObject({ topics: 5, goals: 2, books: 0 });
        expect(result.restored).toEqual([
          {
            name: 'copy',
            topics: counts.topics,
            goals: counts.goals,
            books: counts.books,
            archived: 0,
            events: backup.tables.events.length,
            cards: backup.tables.cards.length,
            reviews: 3,
          },
        ]);
        const copy = await findChecklistByName(ctx.store.db, 'copy');
        expect(renumbered(await checklistBackup(ctx, copy!.id))).toEqual(renumbered(backup));
        // What the user sees of it: the queue, the notes.
        expect((await reviewQueue(ctx, { checklist: 'copy' })).cards.map((c) => c.card.front)).toEqual(
          (await reviewQueue(ctx, { checklist: 'prep' })).cards.map((c) => c.card.front),
        );
        expect((await resolveTopic(ctx, 'generators', 'copy')).notes).toBe('## Generators\nlazy, `yield`');
      });
      await withApp(backend, '2026-12-01T09:00:00.000Z', async (ctx) => {
        await restoreBackups(ctx, JSON.stringify(backup), { source: 'b.json' });
        const restored = await findChecklistByName(ctx.store.db, 'prep');
        expect(renumbered(await checklistBackup(ctx, restored!.id))).toEqual(renumbered(backup));
        // Its goals are the hunt's criteria again, плюшки included.
        const criteria = await ctx.store.db.selectFrom('criteria').select('text').orderBy('position').execute();
        expect(criteria.map((c) => c.text)).toEqual(['full remote', 'плюшки']);
      });
    });

    it('refuses what is not a backup, or not one for this prepdeck, in a line, and restores nothing of a file that fails half-way', () =>
      withApp(backend, '2026-11-20T09:00:00.000Z', async (ctx, setNow) => {
        const backup = await checklistBackup(ctx, await lived(ctx, setNow));
        const refusal = (text: string, name?: string) =>
          restoreBackups(ctx, text, { source: 'b.json', name }).then(
            () => null,
            (error: unknown) => error,
          );
        const cases: Array<[string, string]> = [
          ['{ not json', 'b.json is not JSON'],
          [JSON.stringify({ checklists: [{ name: 'prep', root: {} }] }), 'no backup in it: it was written by an older'],
          [JSON.stringify({ checklists: [] }), 'holds no checklist to restore'],
          [JSON.stringify({ ...backup, format: 'other' }), 'b.json is not a prepdeck backup: /format'],
          [JSON.stringify({ ...backup, schema: '0099-future' }), 'was made by a newer prepdeck'],
          [
            JSON.stringify({ ...backup, tables: { ...backup.tables, topics: [{ ...backup.tables.topics[0], evil: 1 }] } }),
            "topics has no column 'evil'",
          ],
        ];
        for (const [text, message] of cases) {
          const error = await refusal(text, 'other');
          expect(error, message).toBeInstanceOf(InvalidInputError);
          expect((error as Error).message).toContain(message);
        }
        expect(((await refusal(JSON.stringify({ checklists: [{ backup }, { backup }] }), 'x')) as Error).message).toContain(
          'holds 2 checklists; --name names one',
        );

        // The first checklist fits, the second breaks a check of the database: neither is restored.
        const broken = { ...backup, tables: { ...backup.tables, topics: backup.tables.topics.map((t) => ({ ...t, state: 'bogus' })) } };
        const renamed = (b: ChecklistBackupJson, name: string) => ({
          ...b,
          tables: { ...b.tables, checklists: [{ ...b.tables.checklists[0], name }] },
        });
        const halfway = await refusal(JSON.stringify({ checklists: [{ backup: renamed(backup, 'first') }, { backup: renamed(broken, 'second') }] }));
        expect(halfway).toBeInstanceOf(InvalidInputError);
        expect((halfway as Error).message).toContain('nothing of it was restored');
        expect(await findChecklistByName(ctx.store.db, 'first')).toBeNull();
        expect(await findChecklistByName(ctx.store.db, 'second')).toBeNull();
      }));
  });
}
