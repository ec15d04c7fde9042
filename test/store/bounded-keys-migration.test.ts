// Migration 0013 bounds the identity keys stored in the old, unbounded form (every ancestor's text in full) by the
// rule the importer now uses, so that the next import recognises every topic as the same one. On both backends.
import { Migrator } from 'kysely';
import { describe, expect, it } from 'vitest';
import { closeApp, openApp } from '../../src/app/context.js';
import { checklistFromUpload, importChecklist } from '../../src/app/import/import-checklist.js';
import { MAX_KEY_LENGTH, normalizeText } from '../../src/core/import/identity.js';
import { dialectOf } from '../../src/store/dialect.js';
import { migrationProvider } from '../../src/store/migrations/index.js';
import { BACKENDS } from './backends.js';

const NOW = '2026-12-05T10:00:00.000Z';
const long = (n: number, width: number) => `${String(n).padStart(3, '0')} ${'слово '.repeat(width)}`.trim();
// Three levels of 150-character items: keys of about 170, 320 and 470 characters, the last two twice.
const FILE = ['# Deep', `- ${long(1, 25)}`, `  - ${long(2, 25)}`, `    - ${long(3, 25)}`, `    - ${long(3, 25)}`, `- ${long(4, 25)}`, ''].join('\n');

for (const backend of BACKENDS) {
  describe.skipIf(backend.skipReason !== null)(`the bounded identity keys migration (${backend.name})`, () => {
    it('bounds keys stored whole, and the next import matches every topic by its key', async () => {
      const database = await backend.createDatabase();
      const ctx = await openApp(database.location, () => NOW);
      try {
        await importChecklist(ctx, { file: checklistFromUpload(FILE, 'deep.md'), name: 'deep' });
        const keys = () => ctx.store.db.selectFrom('topics').select(['id', 'identity_key']).orderBy('id').execute();
        const bounded = await keys();
        expect(bounded.filter((row) => row.identity_key.length > MAX_KEY_LENGTH)).toHaveLength(2);

        // As an older prepdeck stored them: the section's path and every ancestor's text in full, repeats numbered.
        const whole = ['deep', long(1, 25), long(2, 25), long(3, 25)].map((t) => normalizeText(t));
        const old = [whole.slice(0, 2), whole.slice(0, 3), whole, whole, ['deep', normalizeText(long(4, 25))]].map(
          (parts, i) => parts.join(' / ') + (i === 3 ? '#2' : ''),
        );
        const schema = await dialectOf(ctx.store.db).currentSchema(ctx.store.db);
        const migrator = new Migrator({ db: ctx.store.db, provider: migrationProvider, ...(schema ? { migrationTableSchema: schema } : {}) });
        expect((await migrator.migrateTo('0012-plan')).error).toBeUndefined();
        for (const [i, row] of bounded.entries())
          await ctx.store.db.updateTable('topics').set({ identity_key: old[i]! }).where('id', '=', row.id).execute();
        expect((await keys()).map((row) => row.identity_key.length)).toEqual(old.map((key) => key.length));

        expect((await migrator.migrateToLatest()).error).toBeUndefined();
        expect(await keys()).toEqual(bounded);
        const again = await importChecklist(ctx, { file: checklistFromUpload(FILE, 'deep.md'), name: 'deep' });
        expect(again.changes).toMatchObject({ added: [], renamed: [], moved: [], archived: [] });
      } finally {
        await closeApp(ctx);
        await database.drop();
      }
    });
  });
}
