// `prepdeck import --backup FILE`: a backup's checklists restored, kept apart from the import of a Markdown file so
// that only a restore loads the backup's validation.
import { readBackupFile, restoreBackups } from '../../app/backup/backup.js';
import { useChecklist, workedOnChecklist } from '../../app/checklists/current.js';
import { printJson, printLines, UsageError } from '../output.js';
import { plural } from '../render.js';
import type { CommandContext } from '../program.js';
import { withApp } from '../session.js';
import type { ImportOptions } from './import.js';

/** `import --backup FILE`: the checklists of a backup back as they were, or nothing restored at all. */
export async function restoreCommand(ctx: CommandContext, file: string, options: ImportOptions): Promise<void> {
  if (options.dryRun || (options.topics !== undefined && options.topics !== 'auto')) {
    throw new UsageError('--backup restores a checklist as it was saved: --dry-run and --topics do not apply to it');
  }
  const text = await readBackupFile(file);
  const { result, before } = await withApp(ctx, async (app) => {
    const previous = await workedOnChecklist(app);
    const restored = await restoreBackups(app, text, { name: options.name, source: file });
    // As an import does, the checklist restored is the one the next commands work on (the first, when the file held several).
    await useChecklist(app, restored.restored[0]!.name);
    return { result: restored, before: previous };
  });
  if (ctx.json) printJson(result);
  else {
    const current = result.restored[0]!.name;
    printLines([
      ...result.restored.map(
        // Counted as the import counts a file (`189 topics, 5 goals, 4 books`), then what only a backup brings.
        (r) =>
          `restored ${ctx.color.bold(r.name)}: ${[
            plural(r.topics, 'topic'),
            plural(r.goals, 'goal'),
            plural(r.books, 'book'),
            ...(r.archived > 0 ? [`${r.archived} archived`] : []),
            plural(r.events, 'history line'),
            plural(r.cards, 'card'),
            plural(r.reviews, 'review'),
          ].join(', ')}`,
      ),
      `commands now work on '${current}'${before === null ? '' : ` (\`prepdeck use ${before}\` goes back to '${before}')`}`,
    ]);
  }
}
