// A topic's history names sections by their path keys ("python / tools"); its details carry their titles as the file
// writes them, for the Topic page and `prepdeck show` alike, and a section gone since keeps no title.
import { describe, expect, it } from 'vitest';
import { checklistFromUpload, importChecklist } from '../../../src/app/import/import-checklist.js';
import { resolveTopic, topicById } from '../../../src/app/topics/topics.js';
import { BACKENDS } from '../../store/backends.js';
import { withApp } from '../../support/app.js';

const NOW = '2026-12-05T10:00:00.000Z';
const BEFORE = ['# Python', '## Tools', '- mypy', '- ruff', '# Databases', '## PostgreSQL', '- VACUUM', ''].join('\n');
const AFTER = ['# Python', '## Tools', '- ruff', '# Databases', '## PostgreSQL', '- VACUUM', '- mypy', ''].join('\n');

for (const backend of BACKENDS) {
  describe.skipIf(backend.skipReason !== null)(`the sections a topic's history names (${backend.name})`, () => {
    it('gives the titles of the sections a topic was created in and moved between', () =>
      withApp(backend, NOW, async (ctx) => {
        await importChecklist(ctx, { file: checklistFromUpload(BEFORE, 'prep.md'), name: 'prep' });
        await importChecklist(ctx, { file: checklistFromUpload(AFTER, 'prep.md'), name: 'prep' });
        const mypy = await topicById(ctx, (await resolveTopic(ctx, 'mypy')).id);
        const moved = mypy.history.find((event) => event.type === 'moved');
        expect(moved?.data).toMatchObject({ from: 'python / tools', to: 'databases / postgresql' });
        expect(mypy.sectionTitles).toEqual({ 'python / tools': 'Python / Tools', 'databases / postgresql': 'Databases / PostgreSQL' });

        // A topic that never moved names only the section it was created in.
        const ruff = await topicById(ctx, (await resolveTopic(ctx, 'ruff')).id);
        expect(ruff.sectionTitles).toEqual({ 'python / tools': 'Python / Tools' });
      }));

    it('keeps no title for a section gone from the file since', () =>
      withApp(backend, NOW, async (ctx) => {
        await importChecklist(ctx, { file: checklistFromUpload(BEFORE, 'prep.md'), name: 'prep' });
        const without = ['# Databases', '## PostgreSQL', '- VACUUM', '- mypy', '- ruff', ''].join('\n');
        await importChecklist(ctx, { file: checklistFromUpload(without, 'prep.md'), name: 'prep' });
        const mypy = await topicById(ctx, (await resolveTopic(ctx, 'mypy')).id);
        expect(mypy.sectionTitles).toEqual({ 'databases / postgresql': 'Databases / PostgreSQL' });
      }));
  });
}
