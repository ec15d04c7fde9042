// Topic suggestions through the use case: word search in any script, typos and word order, the round's sections first.
import { describe, expect, it } from 'vitest';
import type { AppContext } from '../../../src/app/context.js';
import { addApplication } from '../../../src/app/hunt/applications.js';
import { checklistFromUpload, importChecklist } from '../../../src/app/import/import-checklist.js';
import { createRound } from '../../../src/app/interviews/rounds.js';
import { suggestTopics } from '../../../src/app/interviews/suggest.js';
import { withApp } from '../../support/app.js';
import { BACKENDS } from '../../store/backends.js';

const FILE = [
  '# Python',
  '- descriptors',
  '- generators and iterators',
  '- rate limiting in asyncio',
  '# Databases',
  '- SELECT FOR UPDATE',
  '- SKIP LOCKED',
  '# System design',
  '- Rate limiter design',
  '# Офис',
  '- Плюшки',
  '',
].join('\n');

for (const backend of BACKENDS) {
  describe.skipIf(backend.skipReason !== null)(`topic suggestions (${backend.name})`, () => {
    const run = (fn: (ctx: AppContext) => Promise<void>) =>
      withApp(backend, '2026-12-05T09:00:00.000Z', async (ctx) => {
        await importChecklist(ctx, { file: checklistFromUpload(FILE, 'prep.md') });
        await fn(ctx);
      });
    const titles = async (ctx: AppContext, q: string, round?: number) =>
      (await suggestTopics(ctx, { q, ...(round !== undefined ? { round } : {}) })).suggestions.map((s) => s.title);

    it('suggests the topics a question names, in any case and script, with typos and in any order', () =>
      run(async (ctx) => {
        expect(await titles(ctx, 'How does SELECT FOR UPDATE differ from SKIP LOCKED?')).toEqual(['SELECT FOR UPDATE', 'SKIP LOCKED']);
        expect(await titles(ctx, 'Explain Python desciptors')).toEqual(['descriptors']);
        expect(await titles(ctx, 'a какие ПЛЮШКИ у вас?')).toEqual(['Плюшки']);
        expect(await titles(ctx, 'iterators and generators')).toEqual(['generators and iterators']);
        const first = (await suggestTopics(ctx, { q: 'SKIP LOCKED' })).suggestions[0]!;
        expect(first).toMatchObject({ checklist: 'prep', section: ['Databases'], score: 1 });
      }));

    it('ranks the round’s sections first', () =>
      run(async (ctx) => {
        const { application } = await addApplication(ctx, { company: 'Acme' });
        const design = await createRound(ctx, {
          applicationId: application.id,
          localStart: '2026-12-20T15:00',
          sections: [{ section: 'System design' }],
        });
        const python = await createRound(ctx, { applicationId: application.id, localStart: '2026-12-21T15:00', sections: [{ section: 'Python' }] });
        expect((await titles(ctx, 'Design a rate limiter', design.round.id))[0]).toBe('Rate limiter design');
        expect((await titles(ctx, 'rate limiting', python.round.id))[0]).toBe('rate limiting in asyncio');
      }));
  });
}
