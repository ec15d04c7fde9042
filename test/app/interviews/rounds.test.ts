// Rounds and their questions through the use cases, on both backends: local times in zones, interviewers and
// sections, and a question's score as evidence in its topics' review logs (added, changed, withdrawn, deleted).
import { describe, expect, it } from 'vitest';
import type { AppContext } from '../../../src/app/context.js';
import { addApplication, deleteApplication } from '../../../src/app/hunt/applications.js';
import { addContact } from '../../../src/app/hunt/contacts.js';
import { updateHunt } from '../../../src/app/hunt/hunt.js';
import { checklistFromUpload, importChecklist } from '../../../src/app/import/import-checklist.js';
import { addQuestion, deleteQuestion, questionToCard, updateQuestion } from '../../../src/app/interviews/questions.js';
import { createRound, deleteRound, listRounds, refuseUnknownKind, roundDetail, updateRound } from '../../../src/app/interviews/rounds.js';
import { answerCard, cardById, undoReview } from '../../../src/app/review/review.js';
import { updateReviewSettings } from '../../../src/app/review/settings.js';
import { topicCardList } from '../../../src/app/review/cards.js';
import { resolveTopic, topicById } from '../../../src/app/topics/topics.js';
import { InvalidInputError, NotFoundError } from '../../../src/core/errors.js';
import { withApp } from '../../support/app.js';
import { BACKENDS } from '../../store/backends.js';

const FILE = ['# Python', '- descriptors', '- generators', '# Databases', '- SELECT FOR UPDATE', '- MVCC', '- old topic', ''].join('\n');
const NOW = '2026-12-05T09:00:00.000Z';

for (const backend of BACKENDS) {
  describe.skipIf(backend.skipReason !== null)(`interview rounds (${backend.name})`, () => {
    const run = (fn: (ctx: AppContext, setNow: (iso: string) => void) => Promise<void>) =>
      withApp(backend, NOW, async (ctx, setNow) => {
        await importChecklist(ctx, { file: checklistFromUpload(FILE, 'prep.md') });
        await updateHunt(ctx, { timeZone: 'Europe/Berlin' });
        await fn(ctx, setNow);
      });
    const topicId = async (ctx: AppContext, text: string) => (await resolveTopic(ctx, text)).id;
    const topicCard = async (ctx: AppContext, text: string) => (await topicCardList(ctx, await topicId(ctx, text))).cards[0]!;

    it('sets a round at a local time in its zone (the hunt’s by default), with its sections and interviewers', () =>
      run(async (ctx) => {
        const { application } = await addApplication(ctx, { company: 'Acme', role: 'Backend engineer' });
        const detail = await addContact(ctx, application.id, { name: 'Dana Li', role: 'interviewer' });
        const dana = detail.contacts[0]!.id;
        const created = await createRound(ctx, {
          applicationId: application.id,
          localStart: '2026-12-20T15:00',
          kind: 'technical',
          sections: [{ section: 'databases' }, { section: 'Python' }],
          interviewers: [dana],
        });
        expect(created.notices).toEqual([]);
        expect(created.round).toMatchObject({
          company: 'Acme',
          role: 'Backend engineer',
          startsAt: '2026-12-20T14:00:00.000Z',
          timeZone: 'Europe/Berlin',
          localStart: '2026-12-20T15:00',
          durationMinutes: 60,
          kind: 'technical',
          outcome: 'unknown',
          interviewers: [{ contactId: dana, name: 'Dana Li', role: 'interviewer' }],
          sections: [
            { checklist: 'prep', key: 'databases', path: ['Databases'] },
            { checklist: 'prep', key: 'python', path: ['Python'] },
          ],
        });
        // A new zone alone keeps the wall-clock time.
        const moved = await updateRound(ctx, created.round.id, { timeZone: 'America/New_York' });
        expect(moved.round).toMatchObject({ localStart: '2026-12-20T15:00', startsAt: '2026-12-20T20:00:00.000Z' });
      }));

    it('refuses a zone that does not exist, an impossible date, a stranger as interviewer and an unknown section, writing nothing', () =>
      run(async (ctx) => {
        const { application } = await addApplication(ctx, { company: 'Acme' });
        const { application: other } = await addApplication(ctx, { company: 'Globex' });
        const stranger = (await addContact(ctx, other.id, { name: 'Sam' })).contacts[0]!.id;
        const base = { applicationId: application.id, localStart: '2026-12-20T15:00' };
        await expect(createRound(ctx, { ...base, timeZone: 'Mars/Olympus' })).rejects.toThrow(/^timeZone: /);
        await expect(createRound(ctx, { ...base, localStart: '2026-02-30T10:00' })).rejects.toThrow(/^localStart: /);
        await expect(createRound(ctx, { ...base, interviewers: [stranger] })).rejects.toThrow(
          /^interviewers: contact \d+ is not a contact of application/,
        );
        await expect(createRound(ctx, { ...base, sections: [{ section: 'Cooking' }] })).rejects.toThrow(/^sections: no section/);
        await expect(createRound(ctx, { ...base, applicationId: 999 })).rejects.toBeInstanceOf(NotFoundError);
        expect((await listRounds(ctx)).rounds).toEqual([]);
      }));

    it('says which instant it took for a time the clocks skip', () =>
      run(async (ctx) => {
        const { application } = await addApplication(ctx, { company: 'Acme' });
        const gap = await createRound(ctx, { applicationId: application.id, localStart: '2027-03-28T01:30', timeZone: 'Europe/Lisbon' });
        expect(gap.round.startsAt).toBe('2027-03-28T01:00:00.000Z');
        expect(gap.notices).toEqual([expect.stringMatching(/does not exist in Europe\/Lisbon/)]);
      }));

    it('lists upcoming rounds soonest first, never one that has started', () =>
      run(async (ctx) => {
        const { application } = await addApplication(ctx, { company: 'Acme' });
        const later = await createRound(ctx, { applicationId: application.id, localStart: '2026-12-22T10:00' });
        const past = await createRound(ctx, { applicationId: application.id, localStart: '2026-12-01T10:00', kind: 'recruiter' });
        const sooner = await createRound(ctx, { applicationId: application.id, localStart: '2026-12-06T10:00' });
        expect((await listRounds(ctx, { upcoming: true })).rounds.map((r) => r.id)).toEqual([sooner.round.id, later.round.id]);
        expect((await listRounds(ctx)).rounds.map((r) => r.id)).toEqual([later.round.id, sooner.round.id, past.round.id]);
        expect((await listRounds(ctx, { kind: 'recruiter' })).rounds.map((r) => r.id)).toEqual([past.round.id]);
      }));

    it('says in its notices that a start is already past, kept as a round that took place', () =>
      run(async (ctx) => {
        const { application } = await addApplication(ctx, { company: 'Acme' });
        const held = await createRound(ctx, { applicationId: application.id, localStart: '2026-12-01T10:00' });
        expect(held.notices).toEqual(['2026-12-01 10:00 Europe/Berlin is already past: kept as a round that took place']);
        // One shape for what to notice: the joined `notice` beside it is gone.
        expect(held).not.toHaveProperty('notice');
        const ahead = await createRound(ctx, { applicationId: application.id, localStart: '2026-12-20T10:00' });
        expect(ahead.notices).toEqual([]);
        // Moved into the past it is said; another change of a past round is not.
        expect((await updateRound(ctx, ahead.round.id, { localStart: '2026-12-02T10:00' })).notices).toHaveLength(1);
        expect((await updateRound(ctx, ahead.round.id, { outcome: 'passed' })).notices).toEqual([]);
        expect((await roundDetail(ctx, held.round.id)).notices).toEqual([]);
      }));

    it('refuses, after an empty list by kind, a kind no round has and no usual one is, naming the nearest', () =>
      run(async (ctx) => {
        const { application } = await addApplication(ctx, { company: 'Acme' });
        await createRound(ctx, { applicationId: application.id, localStart: '2026-12-01T10:00', kind: 'pairing' });
        await expect(refuseUnknownKind(ctx, 'pairng', 0)).rejects.toThrow(/^kind: no round is of the kind 'pairng'; did you mean 'pairing'\?$/);
        await expect(refuseUnknownKind(ctx, 'pairng', 0)).rejects.toBeInstanceOf(InvalidInputError);
        // A usual kind, or one a round has, is no typo: the list was empty for another filter; a list with rounds asks nothing.
        for (const [kind, listed] of [
          ['onsite', 0],
          ['pairing', 0],
          ['pairng', 2],
        ] as const)
          await refuseUnknownKind(ctx, kind, listed);
        await refuseUnknownKind(ctx, undefined, 0);
      }));

    it('makes a scored question a review of each linked topic at the round’s start, shown with source interview', () =>
      run(async (ctx, setNow) => {
        const { application } = await addApplication(ctx, { company: 'Acme' });
        const { round } = await createRound(ctx, {
          applicationId: application.id,
          localStart: '2026-12-06T15:00',
          sections: [{ section: 'Databases' }],
        });
        setNow('2026-12-06T16:00:00.000Z');
        const [lock, mvcc, descriptors] = [await topicId(ctx, 'SELECT FOR UPDATE'), await topicId(ctx, 'MVCC'), await topicId(ctx, 'descriptors')];
        const detail = await addQuestion(ctx, round.id, {
          text: 'How does SELECT FOR UPDATE differ from SKIP LOCKED?',
          topicIds: [lock, mvcc],
          score: 1,
        });
        await addQuestion(ctx, round.id, { text: 'Explain Python descriptors', topicIds: [descriptors], score: 4 });
        expect(detail.questions[0]).toMatchObject({ position: 0, score: 1, cardId: null });
        expect(detail.questions[0]!.topics.map((t) => [t.title, t.outsideRound])).toEqual([
          ['SELECT FOR UPDATE', false],
          ['MVCC', false],
        ]);
        const again = await roundDetail(ctx, round.id);
        expect(again.round).toMatchObject({ questions: 2, scored: 2 });
        expect(again.questions[1]!.topics[0]).toMatchObject({ title: 'descriptors', outsideRound: true, section: ['Python'] });

        const shown = await topicById(ctx, lock);
        expect(shown.reviews).toEqual([
          { at: '2026-12-06T14:00:00.000Z', rating: 1, source: 'interview', questionId: detail.questions[0]!.id, roundId: round.id },
        ]);
        // Again brings the topic back soon; Easy sends it far; the topic's state is the user's, untouched.
        const [lockCard, descriptorsCard] = [await topicCard(ctx, 'SELECT FOR UPDATE'), await topicCard(ctx, 'descriptors')];
        expect(lockCard.reps).toBe(1);
        expect(Date.parse(lockCard.due)).toBeLessThan(Date.parse(descriptorsCard.due));
        expect(shown.topic.state).toBe('new');
      }));

    it('rewrites exactly the question’s line when its score changes, and withdrawing restores the exact prior card', () =>
      run(async (ctx, setNow) => {
        const { application } = await addApplication(ctx, { company: 'Acme' });
        const { round } = await createRound(ctx, { applicationId: application.id, localStart: '2026-12-06T15:00' });
        const mvcc = await topicId(ctx, 'MVCC');
        const card = await topicCard(ctx, 'MVCC');
        // Reviews before and after the round; the round is logged last.
        await answerCard(ctx, card.id, 3);
        setNow('2026-12-10T09:00:00.000Z');
        await answerCard(ctx, card.id, 3);
        const prior = await cardById(ctx, card.id);
        const before = (await topicById(ctx, mvcc)).reviews;

        const added = await addQuestion(ctx, round.id, { text: 'What is MVCC?', topicIds: [mvcc], score: 3 });
        const questionId = added.questions[0]!.id;
        const good = await cardById(ctx, card.id);
        await updateQuestion(ctx, questionId, { score: 1 });
        const bad = await cardById(ctx, card.id);
        expect(Date.parse(bad.due)).toBeLessThan(Date.parse(good.due));
        const reviews = (await topicById(ctx, mvcc)).reviews;
        expect(reviews.map(({ at, rating, source }) => ({ at, rating, source }))).toEqual([
          { at: before[0]!.at, rating: 3, source: 'review' },
          { at: '2026-12-06T14:00:00.000Z', rating: 1, source: 'interview' },
          { at: before[1]!.at, rating: 3, source: 'review' },
        ]);

        await updateQuestion(ctx, questionId, { score: null });
        expect(await cardById(ctx, card.id)).toEqual(prior);
        expect((await topicById(ctx, mvcc)).reviews).toEqual(before);
      }));

    it('an undo in a review session takes back the session’s answer, never the interview’s evidence', () =>
      run(async (ctx, setNow) => {
        const { application } = await addApplication(ctx, { company: 'Acme' });
        const { round } = await createRound(ctx, { applicationId: application.id, localStart: '2026-12-06T15:00' });
        const mvcc = await topicId(ctx, 'MVCC');
        const card = await topicCard(ctx, 'MVCC');
        setNow('2026-12-08T09:00:00.000Z');
        await answerCard(ctx, card.id, 3);
        await addQuestion(ctx, round.id, { text: 'What is MVCC?', topicIds: [mvcc], score: 2 });
        await undoReview(ctx);
        expect((await topicById(ctx, mvcc)).reviews.map((r) => r.source)).toEqual(['interview']);
        const evidenceOnly = await cardById(ctx, card.id);
        expect(evidenceOnly.reps).toBe(1);
        expect(evidenceOnly.lastReview).toBe('2026-12-06T14:00:00.000Z');
      }));

    it('refuses a score outside 1-4, a link to an archived topic and an unknown story, writing nothing', () =>
      run(async (ctx) => {
        const { application } = await addApplication(ctx, { company: 'Acme' });
        const { round } = await createRound(ctx, { applicationId: application.id, localStart: '2026-12-06T15:00' });
        const old = await topicId(ctx, 'old topic');
        await importChecklist(ctx, { file: checklistFromUpload(FILE.replace('- old topic\n', ''), 'prep.md') });
        await expect(addQuestion(ctx, round.id, { text: 'q', score: 5 as never })).rejects.toThrow(/^score: 5 /);
        await expect(addQuestion(ctx, round.id, { text: 'q', topicIds: [old], score: 3 })).rejects.toThrow(/^topicIds: 'old topic' .* is archived/);
        await expect(addQuestion(ctx, round.id, { text: 'q', storyIds: [42] })).rejects.toThrow(/^storyIds: there is no story 42/);
        await expect(addQuestion(ctx, round.id, { text: '  ' })).rejects.toBeInstanceOf(InvalidInputError);
        expect((await roundDetail(ctx, round.id)).questions).toEqual([]);
        expect((await topicById(ctx, old)).reviews).toEqual([]);
      }));

    it('adds a question that touches nothing as a new topic of a section, scored into its card, or refuses it naming newTopic, writing nothing', () =>
      run(async (ctx) => {
        const { application } = await addApplication(ctx, { company: 'Acme' });
        const { round } = await createRound(ctx, { applicationId: application.id, localStart: '2026-12-04T15:00' });
        await expect(addQuestion(ctx, round.id, { text: 'Design a rate limiter', score: 2, newTopic: { section: 'Kubernetes' } })).rejects.toThrow(
          /^newTopic\.section: /,
        );
        await expect(
          addQuestion(ctx, round.id, { text: 'Design a rate limiter', newTopic: { section: 'Databases', title: 'a\nb' } }),
        ).rejects.toThrow(/^newTopic\.title: /);
        expect((await roundDetail(ctx, round.id)).questions).toEqual([]);

        const detail = await addQuestion(ctx, round.id, { text: 'Design a rate limiter\nfor an API', score: 2, newTopic: { section: 'databases' } });
        const [question] = detail.questions;
        expect(question!.topics).toEqual([expect.objectContaining({ title: 'Design a rate limiter', section: ['Databases'], archived: false })]);
        const added = await topicById(ctx, question!.topics[0]!.topicId);
        expect(added.topic.origin).toBe('app');
        expect(added.reviews).toEqual([{ at: round.startsAt, rating: 2, source: 'interview', questionId: question!.id, roundId: round.id }]);
        // Asked again, the question is about that topic now: linked to it, not a topic added twice.
        await expect(addQuestion(ctx, round.id, { text: 'Design a rate limiter', newTopic: { section: 'databases' } })).rejects.toThrow(
          `newTopic.title: 'Databases' has the topic 'Design a rate limiter' (#${added.topic.id}) already; link the question to it instead`,
        );
      }));

    it('adds the new topic of a question typed on a command line as typed (asTyped), and as Markdown otherwise', () =>
      run(async (ctx) => {
        const { application } = await addApplication(ctx, { company: 'Acme' });
        const { round } = await createRound(ctx, { applicationId: application.id, localStart: '2026-12-04T15:00' });
        const typed = await addQuestion(ctx, round.id, { text: '__slots__ and memory', newTopic: { section: 'Python', asTyped: true } });
        // Its underscores kept (a title is Markdown: escaped where the file would read them as emphasis).
        expect(typed.questions[0]!.topics).toEqual([expect.objectContaining({ title: '\\_\\_slots\\_\\_ and memory', section: ['Python'] })]);
        const slots = await topicById(ctx, typed.questions[0]!.topics[0]!.topicId);
        expect(slots.topic).toMatchObject({ text: '__slots__ and memory', title: '\\_\\_slots\\_\\_ and memory' });
        // Without asTyped, the title is Markdown: the same characters are a bold 'slots'.
        const markdown = await addQuestion(ctx, round.id, { text: '__slots__ and memory', newTopic: { section: 'Databases' } });
        expect((await topicById(ctx, markdown.questions[1]!.topics[0]!.topicId)).topic).toMatchObject({
          text: 'slots and memory',
          title: '__slots__ and memory',
        });
      }));

    it('counts a score for a round still to come now, not at its start, so that its topic comes due before the round', () =>
      run(async (ctx, setNow) => {
        const { application } = await addApplication(ctx, { company: 'Acme' });
        const { round } = await createRound(ctx, { applicationId: application.id, localStart: '2026-12-20T15:00' });
        const mvcc = await topicId(ctx, 'MVCC');
        const detail = await addQuestion(ctx, round.id, { text: 'What is MVCC?', topicIds: [mvcc], score: 1 });
        expect((await topicById(ctx, mvcc)).reviews.map((r) => r.at)).toEqual([NOW]);
        const card = await topicCard(ctx, 'MVCC');
        expect(card.lastReview).toBe(NOW);
        expect(Date.parse(card.due)).toBeLessThan(Date.parse(round.startsAt));
        // Rescored once the round has taken place, the review is dated at its start.
        setNow('2026-12-21T09:00:00.000Z');
        await updateQuestion(ctx, detail.questions[0]!.id, { score: 3 });
        expect((await topicById(ctx, mvcc)).reviews.map((r) => [r.at, r.rating])).toEqual([[round.startsAt, 3]]);
      }));

    it('moves the evidence with the round’s start, and deleting a question, a round or the application withdraws it', () =>
      run(async (ctx, setNow) => {
        setNow('2026-12-10T09:00:00.000Z');
        const { application } = await addApplication(ctx, { company: 'Acme' });
        const { round } = await createRound(ctx, { applicationId: application.id, localStart: '2026-12-06T15:00' });
        const [mvcc, generators] = [await topicId(ctx, 'MVCC'), await topicId(ctx, 'generators')];
        const prior = await topicCard(ctx, 'MVCC');
        const added = await addQuestion(ctx, round.id, { text: 'What is MVCC?', topicIds: [mvcc], score: 3 });
        await addQuestion(ctx, round.id, { text: 'Generators?', topicIds: [generators], score: 2 });
        await updateRound(ctx, round.id, { localStart: '2026-12-07T10:00' });
        expect((await topicById(ctx, mvcc)).reviews.map((r) => r.at)).toEqual(['2026-12-07T09:00:00.000Z']);

        await deleteQuestion(ctx, added.questions[0]!.id);
        expect((await topicById(ctx, mvcc)).reviews).toEqual([]);
        expect(await cardById(ctx, prior.id)).toEqual(prior);

        const second = await createRound(ctx, { applicationId: application.id, localStart: '2026-12-08T15:00' });
        await addQuestion(ctx, second.round.id, { text: 'MVCC again', topicIds: [mvcc], score: 1 });
        await deleteRound(ctx, second.round.id);
        expect((await topicById(ctx, mvcc)).reviews).toEqual([]);
        await expect(roundDetail(ctx, second.round.id)).rejects.toBeInstanceOf(NotFoundError);

        await deleteApplication(ctx, application.id);
        expect((await topicById(ctx, generators)).reviews).toEqual([]);
        expect((await topicCard(ctx, 'generators')).state).toBe('new');
        expect((await listRounds(ctx)).rounds).toEqual([]);
      }));

    it('replays moved evidence with the scheduler of each card’s own checklist', () =>
      run(async (ctx, setNow) => {
        setNow('2026-12-10T09:00:00.000Z');
        await importChecklist(ctx, { file: checklistFromUpload('# Distributed\n- consensus\n', 'other.md'), name: 'other' });
        // The same Easy answer comes due much later where recall may fall to 70 % than where it must stay at 99 %.
        await updateReviewSettings(ctx, 'prep', { desiredRetention: 0.99 });
        await updateReviewSettings(ctx, 'other', { desiredRetention: 0.7 });
        const { application } = await addApplication(ctx, { company: 'Acme' });
        const { round } = await createRound(ctx, { applicationId: application.id, localStart: '2026-12-06T15:00' });
        await addQuestion(ctx, round.id, {
          text: 'Consensus under MVCC?',
          topicIds: [await topicId(ctx, 'MVCC'), await topicId(ctx, 'consensus')],
          score: 4,
        });
        await updateRound(ctx, round.id, { localStart: '2026-12-07T10:00' });
        const days = (card: { due: string }) => (Date.parse(card.due) - Date.parse('2026-12-07T09:00:00.000Z')) / 86_400_000;
        const [strict, loose] = [await topicCard(ctx, 'MVCC'), await topicCard(ctx, 'consensus')];
        expect(strict.lastReview).toBe('2026-12-07T09:00:00.000Z');
        expect(loose.lastReview).toBe('2026-12-07T09:00:00.000Z');
        expect(days(loose)).toBeGreaterThan(3 * days(strict));
      }));

    it('turns a question into a question/answer card of its first topic', () =>
      run(async (ctx) => {
        const { application } = await addApplication(ctx, { company: 'Acme' });
        const { round } = await createRound(ctx, { applicationId: application.id, localStart: '2026-12-06T15:00' });
        const generators = await topicId(ctx, 'generators');
        const added = await addQuestion(ctx, round.id, { text: 'When is a generator not an iterator?', topicIds: [generators] });
        const detail = await questionToCard(ctx, added.questions[0]!.id, { answer: 'Never: every generator is an iterator.' });
        const cardId = detail.questions[0]!.cardId!;
        expect(await cardById(ctx, cardId)).toMatchObject({
          kind: 'qa',
          front: 'When is a generator not an iterator?',
          back: 'Never: every generator is an iterator.',
        });
        await expect(questionToCard(ctx, added.questions[0]!.id, { answer: 'again' })).rejects.toThrow(/already/);
      }));
  });
}
