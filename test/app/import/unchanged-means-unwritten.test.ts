// "unchanged" is a promise: a re-import (or its dry run) that says it changes nothing leaves every stored row of the
// checklist as it was, and one that says it changes something does change a row. Random small files, random edits.
import fc from 'fast-check';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { AppContext } from '../../../src/app/context.js';
import { checklistFromUpload, importChecklist } from '../../../src/app/import/import-checklist.js';
import { BACKENDS } from '../../store/backends.js';
import { withApp } from '../../support/app.js';

const NOW = '2026-12-05T10:00:00.000Z';
const sqlite = BACKENDS.find((backend) => backend.name === 'sqlite')!;

/** Every row an import writes, but the stamps it always moves (hash, imported_at, updated_at). */
async function storedRows(ctx: AppContext): Promise<string> {
  const tables = ['sections', 'topics', 'resources', 'section_notes', 'cards', 'events'] as const;
  const rows: Record<string, unknown[]> = {};
  for (const table of tables) {
    const { rows: found } = await sql<Record<string, unknown>>`select * from ${sql.table(table)} order by id`.execute(ctx.store.db);
    rows[table] = found.map((row) => ({ ...row, updated_at: null }));
  }
  const { rows: checklists } = await sql<Record<string, unknown>>`select title, front_matter, metadata, topics_mode from checklists`.execute(
    ctx.store.db,
  );
  return JSON.stringify({ ...rows, checklists });
}

const TOPICS = ['generators', 'descriptors', 'SELECT FOR UPDATE', 'S3 lifecycle rules', 'плюшки'];
/** A line of a small checklist: headings, topics with or without boxes, links, details, cards, notes. */
const line = fc.oneof(
  fc.constantFrom('# Python', '## Databases', '### Cloud', '', 'A note of the section.', '---'),
  fc
    .tuple(fc.constantFrom('', '  '), fc.constantFrom('- ', '* ', '1. '), fc.constantFrom('', '[ ] ', '[x] ', '[/] '), fc.constantFrom(...TOPICS))
    .map((parts) => parts.join('')),
  fc.constantFrom(...TOPICS).map((topic) => `- [${topic}](https://example.com/${encodeURIComponent(topic)}) in depth`),
  fc.constantFrom('  - [Guide](https://a.example)', '  Details under it.', 'What is MVCC? :: snapshots', '- **generators** and yield'),
);
const edit = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), line }),
  fc.record({ kind: fc.constant('remove' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), line }),
  fc.record({ kind: fc.constant('trailing' as const), text: fc.constantFrom('\n', '\n\n', '  ') }),
  fc.record({ kind: fc.constant('frontMatter' as const), text: fc.constantFrom('goal: remote', 'goal: relocation') }),
);
type Edit = typeof edit extends fc.Arbitrary<infer T> ? T : never;

function applyEdit(lines: string[], change: Edit): string[] {
  const at = 'at' in change ? change.at % (lines.length + 1) : 0;
  switch (change.kind) {
    case 'insert':
      return [...lines.slice(0, at), change.line, ...lines.slice(at)];
    case 'remove':
      return lines.filter((_, i) => i !== at);
    case 'replace':
      return lines.map((l, i) => (i === at ? change.line : l));
    case 'trailing':
      return [...lines.slice(0, -1), `${lines.at(-1) ?? ''}${change.text}`];
    case 'frontMatter':
      return ['---', change.text, '---', ...(lines[0] === '---' ? lines.slice(lines.indexOf('---', 1) + 1) : lines)];
  }
}

describe.skipIf(sqlite.skipReason !== null)('a re-import that says unchanged', () => {
  it('leaves every stored row as it was, and one that says it changes something changes a row', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(line, { minLength: 1, maxLength: 12 }), fc.array(edit, { minLength: 1, maxLength: 3 }), async (before, edits) => {
        const after = edits.reduce(applyEdit, before);
        await withApp(sqlite, NOW, async (ctx) => {
          await importChecklist(ctx, { file: checklistFromUpload(`${before.join('\n')}\n`, 'prep.md') });
          const stored = await storedRows(ctx);
          const file = checklistFromUpload(`${after.join('\n')}\n`, 'prep.md');
          const preview = await importChecklist(ctx, { file, dryRun: true });
          const imported = await importChecklist(ctx, { file });
          expect(imported.unchanged).toBe(preview.unchanged);
          expect((await storedRows(ctx)) === stored).toBe(imported.unchanged);
        });
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 150) },
    );
  }, 120_000);
});
