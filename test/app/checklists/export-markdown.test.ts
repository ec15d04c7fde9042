// `export --format md` over whole checklists on both backends: every link a topic or section has is in the Markdown
// written (the autolinks that end a title included: they stand beside it once read), and importing that Markdown into
// the checklist finds every topic as it is.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTree } from '../../../src/app/checklists/checklists.js';
import { checklistFromUpload, importChecklist } from '../../../src/app/import/import-checklist.js';
import { markTopic } from '../../../src/app/topics/topics.js';
import { exportMarkdown } from '../../../src/core/checklist/export-markdown.js';
import type { ParsedChecklist } from '../../../src/core/checklist/model.js';
import { parseChecklist } from '../../../src/core/import/parse-checklist.js';
import { BACKENDS } from '../../store/backends.js';
import { withApp } from '../../support/app.js';
import { EXAMPLE_CHECKLIST, fixturePath, hasUserFixture, USER_FIXTURE } from '../../support/fixtures.js';

const NOW = '2026-12-06T10:00:00.000Z';

/** Every resource's URL, sections' and entries' alike, sorted: a link read twice counts twice. */
function urlsOf(parsed: ParsedChecklist): string[] {
  return [...parsed.sections, ...parsed.entries].flatMap((owner) => owner.resources.map((r) => r.url)).sort();
}

/** The URLs of `original` that `exported` lacks, each as often as it lacks it. */
function missing(exported: string[], original: string[]): string[] {
  const left = [...exported];
  return original.filter((url) => {
    const at = left.indexOf(url);
    if (at >= 0) left.splice(at, 1);
    return at < 0;
  });
}

const parse = (text: string, path: string) => parseChecklist(text, { fallbackTitle: basename(path, '.md'), topics: 'auto' });

const FILES = [
  ...(hasUserFixture ? [USER_FIXTURE] : []),
  EXAMPLE_CHECKLIST,
  fixturePath('sprinkled-outline.md'),
  fixturePath('task-list-study-plan.md'),
];

for (const backend of BACKENDS) {
  describe.skipIf(backend.skipReason !== null)(`export --format md (${backend.name})`, () => {
    for (const path of FILES) {
      it(`keeps every link of ${basename(path)}, inline ones beside a title included`, () =>
        withApp(backend, NOW, async (ctx) => {
          const text = readFileSync(path, 'utf8');
          const imported = await importChecklist(ctx, { file: checklistFromUpload(text, basename(path)) });
          const { checklist, tree } = await loadTree(ctx, imported.checklist.name);
          const { text: exported } = exportMarkdown(checklist, tree);
          // A task list's prose details may lend a link of a note to a detail line, read as one more resource: never fewer.
          expect(missing(urlsOf(parse(exported, path)), urlsOf(parse(text, path)))).toEqual([]);
        }));
    }

    it.skipIf(!hasUserFixture)("is read back by an import as the user's checklist as it is: no topic added, renamed, moved or ticked", () =>
      withApp(backend, NOW, async (ctx) => {
        const file = checklistFromUpload(readFileSync(USER_FIXTURE, 'utf8'), 'job-interview-checklist.md');
        const { checklist: imported } = await importChecklist(ctx, { file });
        await markTopic(ctx, 'mypy', { state: 'known' }, imported.name);
        const { checklist, tree } = await loadTree(ctx, imported.name);
        const { text: exported } = exportMarkdown(checklist, tree);
        expect(urlsOf(parse(exported, USER_FIXTURE))).toEqual(urlsOf(parse(readFileSync(USER_FIXTURE, 'utf8'), USER_FIXTURE)));
        // The links that ended these titles stand beside them again, and the twins read apart by their sites as before.
        expect(exported).toContain('- [x] mypy - type checker <https://mypy.readthedocs.io/en/stable/>\n');
        expect(exported).toContain(
          '  - [ ] send method <https://stackoverflow.com/questions/19302530/whats-the-purpose-of-send-function-on-python-generators>\n',
        );
        expect(exported).toContain('  - [ ] SQL to GraphQL <https://hasura.io/>\n  - [ ] SQL to GraphQL <https://graphjin.com/>\n');

        const again = await importChecklist(ctx, { file: checklistFromUpload(exported, 'export.md'), name: imported.name, dryRun: true });
        const { added, renamed, moved, archived, restored, retick } = again.changes;
        expect({ added, renamed, moved, archived, restored, retick }).toEqual({
          added: [],
          renamed: [],
          moved: [],
          archived: [],
          restored: [],
          retick: [],
        });
      }),
    );
  });
}
