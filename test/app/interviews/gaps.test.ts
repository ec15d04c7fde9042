// The gap analysis on both backends: rounds and questions inserted as the rounds' functions leave them, ranked worst
// first per topic and section, filtered by kind, period (local dates in the hunt's zone) and checklist.
import { describe, expect, it } from 'vitest';
import type { AppContext } from '../../../src/app/context.js';
import { addApplication } from '../../../src/app/hunt/applications.js';
import { updateHunt } from '../../../src/app/hunt/hunt.js';
import { gaps } from '../../../src/app/interviews/gaps.js';
import { checklistFromUpload, importChecklist } from '../../../src/app/import/import-checklist.js';
import { answerCard } from '../../../src/app/review/review.js';
import { InvalidInputError } from '../../../src/core/errors.js';
import { withApp } from '../../support/app.js';
import { insertQuestion, insertRound } from '../../support/interviews.js';
import { BACKENDS } from '../../store/backends.js';

const PREP = '# Databases\n## Locking\n- SELECT FOR UPDATE\n- SKIP LOCKED\n## Indexes\n- B-trees\n\n# Python\n- Descriptors\n- Generators\n';
const importText = (ctx: AppContext, text: string, name: string) => importChecklist(ctx, { file: checklistFromUpload(text, `${name}.md`), name });

async function topicIds(ctx: AppContext): Promise<Record<string, number>> {
  const rows = await ctx.store.db.selectFrom('topics').select(['id', 'title']).where('archived_at', 'is', null).execute();
  return Object.fromEntries(rows.map((row) => [row.title, row.id]));
}

async function topicCard(ctx: AppContext, topicId: number): Promise<number> {
  return (await ctx.store.db.selectFrom('cards').select('id').where('topic_id', '=', topicId).where('kind', '=', 'topic').executeTakeFirstOrThrow())
    .id;
}

for (const backend of BACKENDS) {
  describe.skipIf(backend.skipReason !== null)(`gaps across rounds (${backend.name})`, () => {
    const run = (fn: (ctx: AppContext, setNow: (iso: string) => void) => Promise<void>) => withApp(backend, '2026-02-20T09:00:00.000Z', fn);

    /** Three rounds at two companies, the last late on March 5 in UTC, which is March 6 in Berlin. */
    async function seed(ctx: AppContext, setNow: (iso: string) => void) {
      await importText(ctx, PREP, 'prep');
      await importText(ctx, '# Go\n- channels\n', 'go');
      await updateHunt(ctx, { timeZone: 'Europe/Berlin' });
      const t = await topicIds(ctx);
      await answerCard(ctx, await topicCard(ctx, t['Descriptors']!), 4);
      await answerCard(ctx, await topicCard(ctx, t['SELECT FOR UPDATE']!), 1);
      const acme = (await addApplication(ctx, { company: 'Acme' })).application.id;
      const globex = (await addApplication(ctx, { company: 'Globex' })).application.id;
      const db = ctx.store.db;
      const r1 = await insertRound(db, { applicationId: acme, startsAt: '2026-03-01T14:00:00.000Z', kind: 'technical' });
      const r2 = await insertRound(db, { applicationId: globex, startsAt: '2026-03-03T14:00:00.000Z', kind: 'onsite' });
      const r3 = await insertRound(db, { applicationId: acme, startsAt: '2026-03-05T23:30:00.000Z', kind: 'onsite' });
      await insertQuestion(db, r1, {
        text: 'How does SELECT FOR UPDATE differ from SKIP LOCKED?',
        score: 1,
        topicIds: [t['SELECT FOR UPDATE']!, t['SKIP LOCKED']!],
      });
      await insertQuestion(db, r2, { text: 'What does FOR UPDATE lock?', score: 2, topicIds: [t['SELECT FOR UPDATE']!] });
      await insertQuestion(db, r3, { text: 'Row locks again', score: null, topicIds: [t['SELECT FOR UPDATE']!] });
      await insertQuestion(db, r2, { text: 'Explain Python descriptors', score: 4, topicIds: [t['Descriptors']!] });
      await insertQuestion(db, r3, { text: 'Goroutines and channels', score: 2, topicIds: [t['channels']!] });
      await insertQuestion(db, r1, { text: 'Design a rate limiter' });
      setNow('2026-03-10T09:00:00.000Z');
      return t;
    }

    it('ranks the topics asked in most rounds, answered worst and remembered least first, with their companies', () =>
      run(async (ctx, setNow) => {
        const t = await seed(ctx, setNow);
        const result = await gaps(ctx);
        expect(result).toMatchObject({ rounds: 3, questions: 6 });
        expect(result.topics.map((g) => g.title)).toEqual(['SELECT FOR UPDATE', 'SKIP LOCKED', 'channels', 'Descriptors']);
        expect(result.topics[0]).toMatchObject({
          topicId: t['SELECT FOR UPDATE'],
          checklist: 'prep',
          section: ['Databases', 'Locking'],
          questions: 3,
          rounds: 3,
          meanScore: 1.5,
          companies: ['Acme', 'Globex'],
          lastAskedAt: '2026-03-05T23:30:00.000Z',
        });
        expect(result.topics[0]!.recall).toBeGreaterThan(0);
        expect(result.topics.find((g) => g.title === 'SKIP LOCKED')!.recall).toBeNull();
        expect(result.topics.find((g) => g.title === 'Descriptors')!.recall).toBeGreaterThan(result.topics[0]!.recall!);
        // Sections add up their topics: a question touching two locking topics counts once. Equal gaps go by path.
        expect(result.sections.map((s) => [s.checklist, s.path.join(' > '), s.questions, s.rounds])).toEqual([
          ['prep', 'Databases', 3, 3],
          ['prep', 'Databases > Locking', 3, 3],
          ['go', 'Go', 1, 1],
          ['prep', 'Python', 1, 1],
        ]);
      }));

    it('filters by kind, by local dates in the hunt’s zone and by checklist', () =>
      run(async (ctx, setNow) => {
        await seed(ctx, setNow);
        const onsite = await gaps(ctx, { kind: 'onsite' });
        expect(onsite).toMatchObject({ rounds: 2, questions: 4 });
        expect(onsite.topics.map((g) => [g.title, g.rounds])).toEqual([
          ['SELECT FOR UPDATE', 2],
          ['channels', 1],
          ['Descriptors', 1],
        ]);
        // 23:30 UTC on March 5 is March 6 in Berlin: outside a period ending on the 5th.
        const early = await gaps(ctx, { from: '2026-03-01', to: '2026-03-05' });
        expect(early.rounds).toBe(2);
        expect((await gaps(ctx, { from: '2026-03-06', to: '2026-03-06' })).rounds).toBe(1);
        const go = await gaps(ctx, { checklist: 'go' });
        expect(go.topics.map((g) => g.title)).toEqual(['channels']);
        expect(go.sections.map((s) => s.key)).toEqual(['go']);
        expect((await gaps(ctx, { kind: 'recruiter' })).topics).toEqual([]);
      }));

    it('refuses a checklist that does not exist and a period backwards, naming the field', () =>
      run(async (ctx, setNow) => {
        await seed(ctx, setNow);
        await expect(gaps(ctx, { checklist: 'nothing' })).rejects.toThrow(InvalidInputError);
        await expect(gaps(ctx, { checklist: 'nothing' })).rejects.toThrow(/^checklist: /);
        await expect(gaps(ctx, { from: '2026-03-05', to: '2026-03-01' })).rejects.toThrow(/^to: /);
        await expect(gaps(ctx, { to: '2026-02-30' })).rejects.toThrow(/^to: /);
      }));

    it('leaves out a topic the file no longer has', () =>
      run(async (ctx, setNow) => {
        await seed(ctx, setNow);
        await importText(ctx, PREP.replace('- SKIP LOCKED\n', ''), 'prep');
        expect((await gaps(ctx)).topics.map((g) => g.title)).toEqual(['SELECT FOR UPDATE', 'channels', 'Descriptors']);
      }));
  });
}
