// Through the import's use case, on both databases: cards written in the file keep the rules `card add` keeps
// (issue 14 point 11), what a dry run of a new checklist says, and which paths the import reads at all.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AppContext } from '../../../src/app/context.js';
import { checklistFromUpload, importChecklist, readChecklistFile } from '../../../src/app/import/import-checklist.js';
import { appCardOf, topicCardList } from '../../../src/app/review/cards.js';
import { answerCard, cardById, reviewQueue } from '../../../src/app/review/review.js';
import { resolveTopic } from '../../../src/app/topics/topics.js';
import { InvalidInputError } from '../../../src/core/errors.js';
import { cardReviews, insertQaCard } from '../../../src/store/review/cards.js';
import { BACKENDS } from '../../store/backends.js';
import { withApp } from '../../support/app.js';

const FILE = [
  '# Python',
  '',
  '- descriptors',
  '  - Explain: descriptors :: they hook attribute access',
  '  - What does __get__ receive? :: the instance and its type',
  '- generators',
  '  - What does send() do?',
  '    ?',
  '',
].join('\n');

const upload = (text: string) => checklistFromUpload(text, 'py.md');

for (const backend of BACKENDS) {
  describe.skipIf(backend.skipReason !== null)(`cards in the file keep the card rules (${backend.name})`, () => {
    const withFixedApp = (fn: (ctx: AppContext, setNow: (iso: string) => void) => Promise<void>) => withApp(backend, '2026-12-05T09:00:00.000Z', fn);

    it('imports no card that repeats its topic or has no answer, warns naming each line, and keeps the lines as details', () =>
      withFixedApp(async (ctx) => {
        const result = await importChecklist(ctx, { file: upload(FILE) });
        expect(result.counts).toMatchObject({ topics: 2, cards: 1 });
        expect(result.warnings).toEqual([
          "line 4: 'Explain: descriptors' is not made a card: its question only repeats its topic 'descriptors', which the topic's own card asks; its lines stay in the details of 'descriptors'",
          "line 7: 'What does send() do?' is not made a card: it has no answer (nothing under its ?); its lines stay in the details of 'generators'",
        ]);
        // What review shows: each topic card, revealing its details (the lines the rules refused as cards among them),
        // and the one card that asks something; no question card with an empty back.
        const queue = await reviewQueue(ctx, {});
        expect(queue.cards.map((c) => [c.card.kind, c.card.front, c.card.back])).toEqual([
          ['topic', 'descriptors', '- Explain: descriptors :: they hook attribute access'],
          ['qa', 'What does __get__ receive?', 'the instance and its type'],
          ['topic', 'generators', '- What does send() do?\n  ?'],
        ]);
        expect((await resolveTopic(ctx, 'generators')).details).toBe('- What does send() do?\n  ?');
        // Nothing changed since: the same file again is unchanged, and warns again.
        const again = await importChecklist(ctx, { file: upload(FILE) });
        expect(again.unchanged).toBe(true);
        expect(again.warnings).toHaveLength(2);
      }));

    // Decided: archived, as every file card gone from the file is. Such a card asks what its topic card asks (or
    // has nothing to reveal), `card add` refuses it, and prepdeck cannot edit a card the file owns; archiving keeps
    // its reviews in the log, and the warning says where its line went.
    it('archives such a card stored by an import before the rules held, keeping its reviews', () =>
      withFixedApp(async (ctx, setNow) => {
        await importChecklist(ctx, { file: upload(FILE) });
        const descriptors = await resolveTopic(ctx, 'descriptors');
        const old = await insertQaCard(
          ctx.store.db,
          { ...appCardOf(descriptors, 'Explain: descriptors', 'they hook attribute access'), origin: 'file', lines: { start: 4, end: 4 } },
          ctx.now(),
        );
        await answerCard(ctx, old.id, 3);
        setNow('2026-12-06T09:00:00.000Z');

        const preview = await importChecklist(ctx, { file: upload(FILE), dryRun: true });
        expect(preview).toMatchObject({ unchanged: false, changes: { cards: { added: 0, edited: 0, archived: 1 } } });
        const result = await importChecklist(ctx, { file: upload(FILE) });
        expect(result.changes.cards).toEqual({ added: 0, edited: 0, archived: 1 });
        expect((await cardById(ctx, old.id)).archivedAt).toBe('2026-12-06T09:00:00.000Z');
        expect(await cardReviews(ctx.store.db, old.id)).toHaveLength(1);
        expect((await topicCardList(ctx, descriptors.id)).cards.map((c) => c.front)).toEqual(['descriptors', 'What does __get__ receive?']);
      }));

    it('a dry run of a checklist not stored yet says it would be created, never unchanged, even with nothing in it', () =>
      withFixedApp(async (ctx) => {
        const preview = await importChecklist(ctx, { file: upload('# Nothing to study yet\n'), dryRun: true });
        expect(preview).toMatchObject({ created: true, unchanged: false, dryRun: true, counts: { topics: 0 } });
        const imported = await importChecklist(ctx, { file: upload('# Nothing to study yet\n') });
        expect(imported).toMatchObject({ created: true, unchanged: false });
        expect(await importChecklist(ctx, { file: upload('# Nothing to study yet\n'), dryRun: true })).toMatchObject({
          created: false,
          unchanged: true,
        });
      }));
  });
}

describe('the import reads regular files only', () => {
  it('refuses a device in one line (/dev/null would have made a checklist named "null")', async () => {
    await expect(readChecklistFile('/dev/null')).rejects.toThrow(
      new InvalidInputError('/dev/null is not a regular file (a device); give a Markdown file'),
    );
  });

  it('refuses a named pipe at once, rather than waiting for a writer', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'prepdeck-fifo-'));
    try {
      const fifo = join(dir, 'checklist.md');
      execFileSync('mkfifo', [fifo]);
      await expect(readChecklistFile(fifo)).rejects.toThrow(`${fifo} is not a regular file (a named pipe); give a Markdown file`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
