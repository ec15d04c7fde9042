// A file edited only in a topic's details or a section's notes, or only in where things are and how they are written
// (lines, a title's link, front matter): the real import writes the edits, so its dry run (the CLI's `import --dry-run`,
// `sync --dry-run`, the browser's preview) says them instead of "unchanged", and so does the import itself; a note only
// moved down a line is no edit, but its lines are rewritten.
import pc from 'picocolors';
import { describe, expect, it } from 'vitest';
import { checklistFromUpload, importChecklist } from '../../../src/app/import/import-checklist.js';
import { searchTopics, topicById } from '../../../src/app/topics/topics.js';
import { renderImport } from '../../../src/cli/commands/import.js';
import { BACKENDS } from '../../store/backends.js';
import { withApp } from '../../support/app.js';

const NOW = '2026-12-05T10:00:00.000Z';
const prep = ({ top = 'Top note.', notes = 'Notes about databases.', details = 'Snapshots per transaction.' } = {}) =>
  `${top}\n\n# Databases\n\n${notes}\n\n* MVCC\n\n  ${details}\n\n* SELECT FOR UPDATE\n`;
const upload = (text: string) => checklistFromUpload(text, 'prep.md');

for (const backend of BACKENDS) {
  describe.skipIf(backend.skipReason !== null)(`a dry run of details and notes edited (${backend.name})`, () => {
    it("says which topics' details and which sections' notes changed, as the import that writes them does", async () => {
      await withApp(backend, NOW, async (ctx) => {
        await importChecklist(ctx, { file: upload(prep()) });
        const edited = prep({ notes: 'Notes about PostgreSQL.', details: 'Snapshots per statement.' });

        const preview = await importChecklist(ctx, { file: upload(edited), dryRun: true });
        const [mvcc] = await searchTopics(ctx, 'MVCC');
        expect(preview).toMatchObject({ dryRun: true, unchanged: false });
        expect(preview.changes).toMatchObject({ details: [{ id: mvcc!.id, title: 'MVCC' }], sectionNotes: [{ section: 'Databases' }], unchanged: 1 });
        expect(mvcc!.details).toBe('Snapshots per transaction.');
        expect(renderImport(preview, pc.createColors(false)).slice(0, 1)).toEqual(['Databases (prep): would import']);
        expect(renderImport(preview, pc.createColors(false))).toEqual(
          expect.arrayContaining([
            "  0 added, 0 renamed, 0 moved, 0 archived, 0 restored, 1 unchanged; changed: 1 topic's details, 1 section's notes",
            `    details changed #${mvcc!.id}: MVCC`,
            '    notes changed: Databases',
          ]),
        );

        const imported = await importChecklist(ctx, { file: upload(edited) });
        expect(imported.changes).toEqual(preview.changes);
        expect((await topicById(ctx, mvcc!.id)).topic.details).toBe('Snapshots per statement.');
        // Once written, the same file again changes nothing, in the dry run as in the import.
        const again = await importChecklist(ctx, { file: upload(edited), dryRun: true });
        expect(again).toMatchObject({ unchanged: true, changes: { details: [], sectionNotes: [], unchanged: 2 } });
      });
    });

    it('names the top of the file for its notes, and takes a note or details only moved down a line for no edit, their lines rewritten', async () => {
      await withApp(backend, NOW, async (ctx) => {
        await importChecklist(ctx, { file: upload(prep()) });
        const top = await importChecklist(ctx, { file: upload(prep({ top: 'Another top note.' })), dryRun: true });
        expect(top).toMatchObject({ unchanged: false, changes: { details: [], sectionNotes: [{ section: '' }] } });
        expect(renderImport(top, pc.createColors(false))).toContain('    notes changed: (top of the file)');

        // The heading and both topics start two lines further down: the import rewrites their positions, which
        // write-back goes by, and the dry run says so rather than "unchanged".
        const moved = await importChecklist(ctx, { file: upload(`\n\n${prep()}`), dryRun: true });
        expect(moved).toMatchObject({ unchanged: false, changes: { details: [], sectionNotes: [], unchanged: 2, rewrites: { lines: 4 } } });
        expect(renderImport(moved, pc.createColors(false))).toContain(
          '  0 added, 0 renamed, 0 moved, 0 archived, 0 restored, 2 unchanged; rewritten from the file: 4 line positions',
        );
        // A topic indented under another stays in its section: the line says it went elsewhere in it.
        const indented = await importChecklist(ctx, { file: upload(prep().replace('* SELECT FOR UPDATE', '  * SELECT FOR UPDATE')), dryRun: true });
        const [lock] = await searchTopics(ctx, 'SELECT FOR UPDATE');
        expect(renderImport(indented, pc.createColors(false))).toContain(`    moved #${lock!.id} SELECT FOR UPDATE: to another place in databases`);
        const imported = await importChecklist(ctx, { file: upload(`\n\n${prep()}`) });
        expect(imported).toMatchObject({ unchanged: false, changes: moved.changes });
        expect((await searchTopics(ctx, 'MVCC'))[0]!.lines.start).toBe(9);
      });
    });

    it("says a title's link or the front matter changed, and 'unchanged' for bytes prepdeck keeps nothing of, as the import does", async () => {
      await withApp(backend, NOW, async (ctx) => {
        const titled = (url: string) => `---\ngoal: remote\n---\n${prep().replace('* MVCC', `* [MVCC](${url}) in PostgreSQL`)}`;
        await importChecklist(ctx, { file: upload(titled('https://a.example')) });

        const linked = await importChecklist(ctx, {
          file: upload(titled('https://b.example').replace('goal: remote', 'goal: relocation')),
          dryRun: true,
        });
        expect(linked).toMatchObject({ unchanged: false, changes: { unchanged: 1, rewrites: { titles: 1, links: 2, frontMatter: true, lines: 0 } } });
        expect(renderImport(linked, pc.createColors(false))).toContain(
          '  0 added, 0 renamed, 0 moved, 0 archived, 0 restored, 1 unchanged; rewritten from the file: 1 title (links or emphasis), 2 links, the front matter',
        );
        const written = await importChecklist(ctx, { file: upload(titled('https://b.example').replace('goal: remote', 'goal: relocation')) });
        expect(written.changes).toEqual(linked.changes);
        expect((await searchTopics(ctx, 'MVCC'))[0]!.title).toBe('[MVCC](https://b.example) in PostgreSQL');

        // Spaces at the end of a line: nothing prepdeck keeps differs, in the dry run as in the import (which notes the new bytes).
        const trailing = titled('https://b.example').replace('goal: remote', 'goal: relocation').replace('# Databases', '# Databases   ');
        expect(await importChecklist(ctx, { file: upload(trailing), dryRun: true })).toMatchObject({ unchanged: true });
        const again = await importChecklist(ctx, { file: upload(trailing) });
        expect(again).toMatchObject({ unchanged: true });
        expect(renderImport(again, pc.createColors(false))[0]).toBe('Databases (prep): unchanged');
      });
    });
  });
}
