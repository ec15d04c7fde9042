// The story bank on both backends: the matrix as stories are written, age, are rehearsed and archived; the review
// and its undo; the competencies' list; bad input refused naming the field, with nothing written.
import { describe, expect, it } from 'vitest';
import type { AppContext } from '../../../src/app/context.js';
import { addApplication } from '../../../src/app/hunt/applications.js';
import {
  addCompetency,
  addStory,
  deleteStory,
  resolveCompetency,
  resolveStory,
  reviewStory,
  storyBank,
  storyDetail,
  undoStoryReview,
  updateCompetency,
  updateStory,
} from '../../../src/app/interviews/stories.js';
import { DEFAULT_COMPETENCIES } from '../../../src/contract/vocabulary.js';
import { AmbiguousError, InvalidInputError, NotFoundError } from '../../../src/core/errors.js';
import { withApp } from '../../support/app.js';
import { insertQuestion, insertRound } from '../../support/interviews.js';
import { BACKENDS } from '../../store/backends.js';

const START = '2026-03-01T09:00:00.000Z';
const daysLater = (days: number) => new Date(Date.parse(START) + days * 86_400_000).toISOString();

for (const backend of BACKENDS) {
  describe.skipIf(backend.skipReason !== null)(`the story bank (${backend.name})`, () => {
    const run = (fn: (ctx: AppContext, setNow: (iso: string) => void) => Promise<void>) => withApp(backend, START, fn);
    const coverageOf = async (ctx: AppContext, key: string) => (await storyBank(ctx)).competencies.find((c) => c.key === key)!;

    it('starts with the default competencies and no story: every one uncovered', () =>
      run(async (ctx) => {
        const bank = await storyBank(ctx);
        expect(bank.stories).toEqual([]);
        expect(bank.staleAfterDays).toBe(90);
        expect(bank.competencies.map((c) => [c.key, c.label, c.position, c.coverage])).toEqual(
          DEFAULT_COMPETENCIES.map((c, i) => [c.key, c.label, i, 'none']),
        );
      }));

    it('a story for a tight deadline covers it fresh, stale after 90 days untouched, fresh again once rehearsed; undo puts it back', () =>
      run(async (ctx, setNow) => {
        const story = await addStory(ctx, {
          title: 'Shipped the billing migration in a week',
          situation: 'The old provider was shutting down.',
          task: 'Move **every** customer.',
          action: 'Dual writes, then a cut-over.',
          result: 'No lost invoices.',
          tags: ['billing', 'billing', 'postgres'],
          competencies: ['tight-deadline', 'ownership'],
        });
        expect(story).toMatchObject({
          title: 'Shipped the billing migration in a week',
          tags: ['billing', 'postgres'],
          competencies: ['ownership', 'tight-deadline'],
          schedule: { due: START, state: 'new', reps: 0, lastReview: null, recall: null },
          questions: 0,
          archivedAt: null,
        });
        expect(await coverageOf(ctx, 'tight-deadline')).toMatchObject({ coverage: 'fresh', stories: [story.id] });

        setNow(daysLater(91));
        expect((await coverageOf(ctx, 'tight-deadline')).coverage).toBe('stale');
        const rehearsed = await reviewStory(ctx, story.id, { rating: 3 });
        expect(rehearsed.schedule).toMatchObject({ state: 'learning', reps: 1, lastReview: daysLater(91) });
        expect(rehearsed.schedule.recall).toBeGreaterThan(0.9);
        expect(rehearsed.updatedAt).toBe(story.updatedAt);
        expect((await coverageOf(ctx, 'tight-deadline')).coverage).toBe('fresh');

        const undone = await undoStoryReview(ctx, story.id);
        expect(undone.schedule).toEqual(story.schedule);
        expect((await coverageOf(ctx, 'tight-deadline')).coverage).toBe('stale');
        await expect(undoStoryReview(ctx, story.id)).rejects.toThrow(NotFoundError);

        // An edit is a touch too.
        await updateStory(ctx, story.id, { result: 'No lost invoices, and a runbook.' });
        expect((await coverageOf(ctx, 'tight-deadline')).coverage).toBe('fresh');
      }));

    it('archiving takes a story out of the matrix and restoring brings it back; the competencies given replace its own', () =>
      run(async (ctx) => {
        const story = await addStory(ctx, { title: 'Mentored two juniors', competencies: ['mentoring'] });
        const archived = await updateStory(ctx, story.id, { archived: true });
        expect(archived.archivedAt).toBe(START);
        expect(await coverageOf(ctx, 'mentoring')).toMatchObject({ coverage: 'none', stories: [] });
        expect((await storyBank(ctx)).stories.map((s) => s.id)).toEqual([story.id]);
        await updateStory(ctx, story.id, { archived: false, competencies: ['leadership', 'mentoring'] });
        expect(await coverageOf(ctx, 'mentoring')).toMatchObject({ coverage: 'fresh', stories: [story.id] });
        await updateStory(ctx, story.id, { competencies: [] });
        expect((await storyDetail(ctx, story.id)).competencies).toEqual([]);
        expect((await coverageOf(ctx, 'leadership')).coverage).toBe('none');
      }));

    it('refuses an unknown competency naming competencies, an empty title naming title, and writes nothing', () =>
      run(async (ctx) => {
        const story = await addStory(ctx, { title: 'A conflict with QA', competencies: ['conflict'] });
        const before = await storyBank(ctx);
        await expect(addStory(ctx, { title: 'Brave', competencies: ['bravery'] })).rejects.toThrow(/^competencies: there is no competency 'bravery'/);
        await expect(addStory(ctx, { title: '   ' })).rejects.toThrow(/^title is empty/);
        await expect(updateStory(ctx, story.id, { title: 'Renamed', competencies: ['conflict', 'bravery'] })).rejects.toThrow(InvalidInputError);
        await expect(updateStory(ctx, 999_999, { title: 'x' })).rejects.toThrow(NotFoundError);
        await expect(reviewStory(ctx, story.id, { rating: 0 as never })).rejects.toThrow(/^rating: /);
        expect(await storyBank(ctx)).toEqual(before);
      }));

    it('counts the questions a story answered, and a delete takes the story and those links but not the questions', () =>
      run(async (ctx) => {
        const story = await addStory(ctx, { title: 'Disagreed with my manager about a rewrite', competencies: ['disagreement-with-manager'] });
        const acme = (await addApplication(ctx, { company: 'Acme' })).application.id;
        const round = await insertRound(ctx.store.db, { applicationId: acme, startsAt: '2026-02-20T10:00:00.000Z', kind: 'behavioural' });
        await insertQuestion(ctx.store.db, round, { text: 'Tell me about a time you disagreed with your manager', storyIds: [story.id] });
        await insertQuestion(ctx.store.db, round, { text: 'And another?', storyIds: [story.id] });
        await reviewStory(ctx, story.id, { rating: 4 });
        expect((await storyDetail(ctx, story.id)).questions).toBe(2);

        await deleteStory(ctx, story.id);
        await expect(storyDetail(ctx, story.id)).rejects.toThrow(NotFoundError);
        const db = ctx.store.db;
        expect(await db.selectFrom('question_stories').selectAll().execute()).toEqual([]);
        expect(await db.selectFrom('story_reviews').selectAll().execute()).toEqual([]);
        expect((await db.selectFrom('questions').select('id').execute()).length).toBe(2);
        await expect(deleteStory(ctx, story.id)).rejects.toThrow(NotFoundError);
      }));

    it('finds a story by id or a unique fragment of its title, any case and script', () =>
      run(async (ctx) => {
        const first = await addStory(ctx, { title: 'Срочный релиз за выходные' });
        const second = await addStory(ctx, { title: 'A release that slipped' });
        await addStory(ctx, { title: 'Released on a Friday' });
        expect(await resolveStory(ctx, 'СРОЧНЫЙ')).toBe(first.id);
        expect(await resolveStory(ctx, String(second.id))).toBe(second.id);
        await expect(resolveStory(ctx, 'release')).rejects.toThrow(AmbiguousError);
        await expect(resolveStory(ctx, 'nothing like it')).rejects.toThrow(NotFoundError);
      }));

    it('adds a competency before another, renames and moves one, keeping keys; refuses a label taken or a key unknown', () =>
      run(async (ctx) => {
        const added = await addCompetency(ctx, { label: 'Influence without authority', before: 'conflict' });
        expect(added.competencies.slice(0, 2).map((c) => [c.key, c.label])).toEqual([
          ['influence-without-authority', 'Influence without authority'],
          ['conflict', 'Conflict'],
        ]);
        const story = await addStory(ctx, { title: 'Got three teams to adopt the linter', competencies: ['influence-without-authority'] });
        expect((await coverageOf(ctx, 'influence-without-authority')).stories).toEqual([story.id]);

        const renamed = await updateCompetency(ctx, 'tight-deadline', { label: 'A deadline moved up', position: 0 });
        expect(renamed.competencies[0]).toMatchObject({ key: 'tight-deadline', label: 'A deadline moved up', position: 0 });
        expect(renamed.competencies.map((c) => c.key)).toHaveLength(DEFAULT_COMPETENCIES.length + 1);
        expect(await resolveCompetency(ctx, 'deadline moved')).toBe('tight-deadline');

        const before = await storyBank(ctx);
        await expect(addCompetency(ctx, { label: 'conflict' })).rejects.toThrow(/^label: the competency 'conflict'/);
        await expect(addCompetency(ctx, { label: 'Grit', before: 'nowhere' })).rejects.toThrow(/^before: /);
        await expect(updateCompetency(ctx, 'nowhere', { label: 'x' })).rejects.toThrow(/^key: /);
        await expect(updateCompetency(ctx, 'failure', { label: 'Leadership' })).rejects.toThrow(/^label: /);
        expect(await storyBank(ctx)).toEqual(before);
      }));
  });
}
