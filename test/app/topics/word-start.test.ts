// A topic as every command names it (`mark`, `show`, `ask --topic`): from the start of a word of its title, never
// only inside one, on both backends.
import { describe, expect, it } from 'vitest';
import type { AppContext } from '../../../src/app/context.js';
import { checklistFromUpload, importChecklist } from '../../../src/app/import/import-checklist.js';
import { resolveTopic } from '../../../src/app/topics/topics.js';
import { AmbiguousError, NotFoundError } from '../../../src/core/errors.js';
import { withApp } from '../../support/app.js';
import { BACKENDS } from '../../store/backends.js';

const FILE = [
  '# Python',
  '- descriptors',
  '- The GIL and threads',
  '# Process',
  '- Agile/SCRUM/Kanban',
  '# Databases',
  '- Deadlocks',
  '- Locking',
  '- Lock escalation',
  '',
].join('\n');

for (const backend of BACKENDS) {
  describe.skipIf(backend.skipReason !== null)(`a topic named from the start of a word (${backend.name})`, () => {
    const run = (fn: (ctx: AppContext) => Promise<void>) =>
      withApp(backend, '2026-12-05T09:00:00.000Z', async (ctx) => {
        await importChecklist(ctx, { file: checklistFromUpload(FILE, 'prep.md') });
        await fn(ctx);
      });
    const title = async (ctx: AppContext, ref: string) => (await resolveTopic(ctx, ref)).text;

    it('takes a match at the start of a word, and among several the one matched at a word', () =>
      run(async (ctx) => {
        expect(await title(ctx, 'desc')).toBe('descriptors');
        // "gil" is inside "Agile" too: the title that has the word is meant.
        expect(await title(ctx, 'GIL')).toBe('The GIL and threads');
        expect(await title(ctx, 'kanban')).toBe('Agile/SCRUM/Kanban');
        // Several at a word stay ambiguous.
        await expect(resolveTopic(ctx, 'lock')).rejects.toBeInstanceOf(AmbiguousError);
      }));

    it('refuses a match only inside a word, naming the topic and its id, and takes that id', () =>
      run(async (ctx) => {
        const agile = await resolveTopic(ctx, 'Agile');
        const refusal = resolveTopic(ctx, 'gile');
        await expect(refusal).rejects.toBeInstanceOf(NotFoundError);
        await expect(refusal).rejects.toThrow(
          `no topic title has a word starting with 'gile': it is only inside a word of 'Agile/SCRUM/Kanban' (#${agile.id}); name the topic by its id`,
        );
        expect((await resolveTopic(ctx, String(agile.id))).id).toBe(agile.id);
        expect((await resolveTopic(ctx, `#${agile.id}`)).id).toBe(agile.id);
      }));
  });
}
