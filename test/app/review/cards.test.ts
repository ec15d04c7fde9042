// Question/answer cards end to end through the use cases: written in the file, re-imported without losing
// their reviews, added and edited in prepdeck, and refused where the file owns them.
import { describe, expect, it } from 'vitest';
import { addCard, editCard, removeCard, topicCardList } from '../../../src/app/review/cards.js';
import type { AppContext } from '../../../src/app/context.js';
import { withApp } from '../../support/app.js';
import { checklistFromUpload, importChecklist } from '../../../src/app/import/import-checklist.js';
import { answerCard, cardById, reviewQueue } from '../../../src/app/review/review.js';
import { InvalidInputError, NotFoundError } from '../../../src/core/errors.js';
import { BACKENDS } from '../../store/backends.js';
import { resolveTopic } from '../../../src/app/topics/topics.js';

const FILE = [
  '# Python',
  '- generators',
  '  - What does send() do? :: resumes the generator with a value',
  '  - Why is yield an expression?',
  '    ?',
  '    Because send() gives it a value.',
  '- descriptors',
  '',
].join('\n');

for (const backend of BACKENDS) {
  describe.skipIf(backend.skipReason !== null)(`question/answer cards (${backend.name})`, () => {
    const withFixedApp = (fn: (ctx: AppContext) => Promise<void>) => withApp(backend, '2026-11-20T09:00:00.000Z', fn);
    const reimport = (ctx: AppContext, text: string) => importChecklist(ctx, { file: checklistFromUpload(text, 'py.md') });

    it('imports cards written in the file under their topic, and re-import keeps their reviews', () =>
      withFixedApp(async (ctx) => {
        const first = await reimport(ctx, FILE);
        expect(first.counts).toMatchObject({ topics: 2, cards: 2 });
        const queue = await reviewQueue(ctx, {});
        expect(queue.cards.map((c) => [c.card.kind, c.card.front])).toEqual([
          ['topic', 'generators'],
          ['qa', 'What does send() do?'],
          ['qa', 'Why is yield an expression?'],
          ['topic', 'descriptors'],
        ]);
        const send = queue.cards[1]!;
        expect(send.card).toMatchObject({ origin: 'file', line: 3, back: 'resumes the generator with a value' });
        expect(send.topic?.text).toBe('generators');
        await answerCard(ctx, send.card.id, 3);

        // The file is edited: a line above moves everything down, the answer is reworded, the `?` card is
        // deleted, a new card is added under descriptors.
        const edited = [
          '# Python',
          '',
          '- generators',
          '  - what does SEND() do? :: resumes it, and `yield` returns the value',
          '- descriptors',
          '  - What is __set_name__ for? :: it tells a descriptor its attribute name',
          '',
        ].join('\n');
        const preview = await importChecklist(ctx, { file: checklistFromUpload(edited, 'py.md'), dryRun: true });
        expect(preview.changes.cards).toEqual({ added: 1, edited: 1, archived: 1 });
        expect(preview.unchanged).toBe(false);
        expect((await reimport(ctx, edited)).changes.cards).toEqual({ added: 1, edited: 1, archived: 1 });
        const kept = await cardById(ctx, send.card.id);
        expect(kept).toMatchObject({ reps: 1, line: 4, front: 'what does SEND() do?', back: 'resumes it, and `yield` returns the value' });
        const gone = await cardById(ctx, queue.cards[2]!.card.id);
        expect(gone.archivedAt).not.toBeNull();
        const descriptors = (await reviewQueue(ctx, {})).cards.find((c) => c.card.front === 'What is __set_name__ for?');
        expect(descriptors?.topic?.text).toBe('descriptors');

        // Back in the file, the archived card returns with its history.
        await reimport(ctx, FILE);
        expect((await cardById(ctx, queue.cards[2]!.card.id)).archivedAt).toBeNull();
      }));

    it('makes a long outline\u2019s topic cards from the topics\u2019 rows: the same new cards, in file order around the file\u2019s cards', () =>
      withFixedApp(async (ctx) => {
        const run = (prefix: string) => Array.from({ length: 70 }, (_, i) => `- ${prefix}${i}`);
        const text = [
          '# Long',
          ...run('t'),
          '- generators',
          '  - What does send() do? :: resumes it',
          '- a',
          '- b',
          '  - Why yield? :: send()',
          ...run('u'),
          '',
        ];
        await reimport(ctx, text.join('\n'));
        const rows = await ctx.store.db
          .selectFrom('cards')
          .leftJoin('topics', 'topics.id', 'cards.topic_id')
          .selectAll('cards')
          .select('topics.text as topicText')
          .orderBy('cards.id')
          .execute();
        const label = (row: (typeof rows)[number]) => (row.kind === 'topic' ? row.topicText : row.front);
        // Ids are the order a review introduces new cards: the file's order, whichever way each card was made.
        expect(rows.map(label)).toEqual(
          [...run('t'), 'generators', 'What does send() do?', 'a', 'b', 'Why yield?', ...run('u')].map((line) => line.replace(/^- /, '')),
        );
        // t0 is copied (a run of 71 topic cards), a is bound (a run of 2 between two file cards): the same card.
        const cardOf = (topicText: string) => {
          const row = rows.find((r) => r.topicText === topicText)!;
          return { ...row, id: 0, topic_id: 0, topicText: '' };
        };
        const copied = cardOf('t0');
        expect(copied).toEqual(cardOf('a'));
        expect(copied).toMatchObject({
          kind: 'topic',
          origin: 'app',
          state: 'new',
          due: '2026-11-20T09:00:00.000Z',
          front: '',
          line_start: null,
          section_key: 'long',
        });
      }));

    it('adds, edits and removes cards of its own; a card written in the file is changed in the file', () =>
      withFixedApp(async (ctx) => {
        await reimport(ctx, FILE);
        const queue = await reviewQueue(ctx, {});
        const generators = queue.cards[0]!.topic!;
        const added = await addCard(ctx, generators.id, { front: '  What does close() raise inside?  ', back: 'GeneratorExit' });
        expect(added).toMatchObject({ kind: 'qa', origin: 'app', front: 'What does close() raise inside?', state: 'new', line: null });
        const byReference = await addCard(ctx, 'descriptors', { front: 'Data vs non-data descriptor?', back: '__set__' });
        expect(byReference.topicId).toBe(queue.cards[3]!.topic!.id);

        const listed = await topicCardList(ctx, generators.id);
        expect(listed.cards.map((c) => c.front)).toEqual([
          'generators',
          'What does send() do?',
          'Why is yield an expression?',
          'What does close() raise inside?',
        ]);

        // The same question again under the topic (any case, spacing), from the file or from here, is refused.
        await expect(addCard(ctx, generators.id, { front: 'what does  SEND() do?', back: 'x' })).rejects.toThrow(
          `'generators' already has card ${queue.cards[1]!.card.id} asking this; change that one instead`,
        );
        const other = await addCard(ctx, generators.id, { front: 'What does throw() do?', back: 'raises at the yield' });
        await expect(editCard(ctx, other.id, { front: 'What does close() raise inside?' })).rejects.toThrow(/already has card \d+ asking this/);
        await removeCard(ctx, other.id);
        // A removed card doesn't stand in the way.
        expect((await addCard(ctx, generators.id, { front: 'What does throw() do?', back: 'again' })).front).toBe('What does throw() do?');

        const edited = await editCard(ctx, added.id, { back: 'GeneratorExit, at the paused yield' });
        expect(edited).toMatchObject({ front: 'What does close() raise inside?', back: 'GeneratorExit, at the paused yield' });
        const removed = await removeCard(ctx, added.id);
        expect(removed.archivedAt).not.toBeNull();
        expect((await topicCardList(ctx, generators.id)).cards.map((c) => c.id)).not.toContain(added.id);
        // Removed, it is no card any more: removing it again or editing it is refused, not reported as done.
        await expect(removeCard(ctx, added.id)).rejects.toThrow(new NotFoundError(`no card with id ${added.id}: it was removed`));
        await expect(removeCard(ctx, added.id)).rejects.toThrow(NotFoundError);
        await expect(editCard(ctx, added.id, { back: 'x' })).rejects.toThrow(NotFoundError);

        const fileCard = queue.cards[1]!.card;
        await expect(editCard(ctx, fileCard.id, { back: 'x' })).rejects.toThrow(/written in the checklist file \(line 3\); change it there/);
        await expect(removeCard(ctx, fileCard.id)).rejects.toThrow(InvalidInputError);
        await expect(editCard(ctx, queue.cards[0]!.card.id, { front: 'x' })).rejects.toThrow(/asks about its topic/);
        await expect(addCard(ctx, generators.id, { front: '   ', back: 'a' })).rejects.toThrow(/needs a question/);
        // A card repeating its topic (any case, with or without `Explain:`) or without an answer is refused.
        for (const front of ['generators', 'GENERATORS', 'Explain: generators', 'explain:  Generators?']) {
          await expect(addCard(ctx, generators.id, { front, back: 'a' })).rejects.toThrow(
            `'${front}' only repeats the topic 'generators', which its topic card asks already; ask something about it`,
          );
        }
        const delegation = await addCard(ctx, generators.id, { front: 'What does yield from do?', back: 'delegates to a subgenerator' });
        await expect(editCard(ctx, delegation.id, { front: 'Explain: generators' })).rejects.toThrow(/only repeats the topic 'generators'/);
        await expect(addCard(ctx, generators.id, { front: 'What does next() return?', back: '  ' })).rejects.toThrow(
          'a card needs an answer (its back); it is empty',
        );
        await expect(addCard(ctx, generators.id, { front: 'What does next() return?' })).rejects.toThrow(/needs an answer/);
        await expect(editCard(ctx, delegation.id, { back: '' })).rejects.toThrow(/needs an answer/);
        await expect(addCard(ctx, generators.id, { front: 'q\u0000', back: 'a' })).rejects.toThrow(/NUL/);
        await expect(addCard(ctx, 999_999, { front: 'q', back: 'a' })).rejects.toThrow(NotFoundError);
        await reimport(ctx, `${FILE}\n# Goals\n- full remote\n`);
        const goal = await resolveTopic(ctx, 'full remote');
        await expect(topicCardList(ctx, goal.id)).rejects.toThrow("'full remote' is a goal, not a study topic; only study topics have cards");
        await expect(editCard(ctx, 999_999, { back: 'a' })).rejects.toThrow(NotFoundError);
      }));
  });
}
