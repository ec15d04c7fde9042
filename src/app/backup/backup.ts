// A checklist's backup and its restore: every stored row of it, read in one go and written back under fresh ids in one
// transaction, so that the restored checklist is the one backed up: states, notes, history, cards, reviews, settings.
import { readFile, stat } from 'node:fs/promises';
import { Value } from 'typebox/value';
import { BACKUP_FORMAT, ChecklistBackupJson, KEYLESS_TABLES, type BackupTable, type RestoreResultJson } from '../../contract/backup.js';
import { InvalidInputError, NotFoundError, PrepdeckError } from '../../core/errors.js';
import { checkChecklistName } from '../../core/validate.js';
import { readChecklistRows, writeChecklistRows } from '../../store/backup/checklist-rows.js';
import { findChecklistByName } from '../../store/checklists/checklists.js';
import { dialectOf } from '../../store/dialect.js';
import { StoreError } from '../../store/errors.js';
import { syncGoalCriteria } from '../../store/hunt/criteria.js';
import { LATEST_MIGRATION, MIGRATION_NAMES } from '../../store/migrations/index.js';
import type { AppContext } from '../context.js';

/** The backup of one stored checklist, as `export --format json` carries it. */
export async function checklistBackup(ctx: AppContext, checklistId: number): Promise<ChecklistBackupJson> {
  // Read under the writers' lock, table after table: no answer or import lands between two of them, so every row the
  // backup holds finds the rows it points at (a review its card, a card its topic). A database this process can only
  // read takes no lock, and is read as it is.
  const tables = await ctx.store
    .transaction((trx) => readChecklistRows(trx, checklistId))
    .catch((error: unknown) => {
      if (error instanceof StoreError && error.code === 'read-only') return readChecklistRows(ctx.store.db, checklistId);
      throw error;
    });
  return { format: BACKUP_FORMAT, schema: LATEST_MIGRATION, tables };
}

export interface RestoreOptions {
  /** The name to restore under, when the backup's own is taken (one checklist only). */
  name?: string | undefined;
  /** Where the text came from, for the messages. */
  source: string;
}

/**
 * Restores the backups in `text`: an export (`{ checklists: [{ ..., backup }] }`) or one backup alone. All of them or
 * none: a name already taken, a backup from a newer prepdeck, or rows that are not a backup's are refused, one line each.
 */
export async function restoreBackups(ctx: AppContext, text: string, options: RestoreOptions): Promise<RestoreResultJson> {
  const backups = backupsIn(text, options.source);
  if (options.name !== undefined && backups.length > 1) {
    throw new InvalidInputError(`${options.source} holds ${backups.length} checklists; --name names one, so restore them under their own names`);
  }
  const columns = await columnsOf(ctx);
  const named: Array<{ backup: ChecklistBackupJson; name: string }> = [];
  for (const backup of backups) {
    checkSchema(backup, options.source);
    checkColumns(backup, columns, options.source);
    const name = checkChecklistName(options.name ?? String(backup.tables.checklists[0]!['name']));
    if (await findChecklistByName(ctx.store.db, name)) {
      throw new InvalidInputError(
        `a checklist named '${name}' is already here; restore under another name with --name, or remove it first, for good (\`prepdeck remove ${name} --yes\`)`,
      );
    }
    named.push({ backup, name });
  }
  const now = ctx.now();
  try {
    await ctx.store.transaction(async (trx) => {
      for (const { backup, name } of named) {
        const id = await writeChecklistRows(trx, backup.tables, name);
        // Its goals are the hunt's criteria, as after an import.
        await syncGoalCriteria(trx, id, now);
      }
    });
  } catch (error) {
    if (error instanceof PrepdeckError) throw error;
    // Rows that passed the checks above but not the database's own (a state it doesn't know, a missing reference).
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new InvalidInputError(`${options.source} is not a backup this database can hold, and nothing of it was restored: ${reason}`, {
      cause: error,
    });
  }
  return {
    restored: named.map(({ backup, name }) => ({
      name,
      ...entryCounts(backup.tables.topics),
      events: backup.tables.events.length,
      cards: backup.tables.cards.length,
      reviews: backup.tables.review_log.length,
    })),
  };
}

/**
 * The rows of the topics table counted as an import counts what it read: study topics, goals and books apart, those
 * archived (gone from the file) on their own.
 */
function entryCounts(topics: ChecklistBackupJson['tables']['topics']): { topics: number; goals: number; books: number; archived: number } {
  const counts = { topics: 0, goals: 0, books: 0, archived: 0 };
  for (const row of topics) {
    if (row['archived_at'] !== null && row['archived_at'] !== undefined) counts.archived++;
    else if (row['kind'] === 'goal') counts.goals++;
    else if (row['kind'] === 'book') counts.books++;
    else counts.topics++;
  }
  return counts;
}

/** A backup holds a checklist's whole review log: larger than a checklist may be, still read into memory whole. */
const MAX_BACKUP_BYTES = 256 * 1024 * 1024;

/** The text of a backup file, refused before reading when it is a folder, missing or too large. */
export async function readBackupFile(path: string): Promise<string> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new InvalidInputError(`${path} is a directory; give the file \`prepdeck export --format json\` wrote`);
    if (info.size > MAX_BACKUP_BYTES) throw new InvalidInputError(`${path} is over ${MAX_BACKUP_BYTES >> 20} MB: too large for a backup`);
    return await readFile(path, 'utf8');
  } catch (error) {
    if (error instanceof InvalidInputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new NotFoundError(`no such file: ${path}`);
    throw new InvalidInputError(`cannot read ${path}: ${code ?? String(error)}`);
  }
}

function backupsIn(text: string, source: string): ChecklistBackupJson[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new InvalidInputError(`${source} is not JSON; a backup is what \`prepdeck export --format json\` writes`);
  }
  const candidates =
    typeof parsed === 'object' && parsed !== null && 'checklists' in parsed && Array.isArray(parsed.checklists)
      ? parsed.checklists.map((checklist: unknown) =>
          typeof checklist === 'object' && checklist !== null && 'backup' in checklist ? checklist.backup : undefined,
        )
      : [parsed];
  if (candidates.length === 0) throw new InvalidInputError(`${source} holds no checklist to restore`);
  return candidates.map((candidate: unknown) => {
    if (candidate === undefined) {
      throw new InvalidInputError(
        `${source} has no backup in it: it was written by an older \`prepdeck export --format json\`, which wrote only the tree`,
      );
    }
    if (!Value.Check(ChecklistBackupJson, candidate)) {
      const [first] = Value.Errors(ChecklistBackupJson, candidate);
      throw new InvalidInputError(
        `${source} is not a prepdeck backup: ${first ? `${first.instancePath || 'the top'} ${first.message}` : 'its shape is wrong'}`,
      );
    }
    return candidate;
  });
}

function checkSchema(backup: ChecklistBackupJson, source: string): void {
  if (!MIGRATION_NAMES.includes(backup.schema)) {
    throw new InvalidInputError(`${source} was made by a newer prepdeck (its database schema is ${backup.schema}); update prepdeck to restore it`);
  }
}

/** The columns each table has here: a backup's rows may have fewer (an older schema's: the defaults fill in), never others. */
async function columnsOf(ctx: AppContext): Promise<Map<string, Set<string>>> {
  // On PostgreSQL the tables of the database's own schema: other schemas on the server may hold tables of the same names.
  const schema = await dialectOf(ctx.store.db).currentSchema(ctx.store.db);
  const tables = (await ctx.store.db.introspection.getTables()).filter((table) => schema === undefined || table.schema === schema);
  return new Map(tables.map((table) => [table.name, new Set(table.columns.map((column) => column.name))]));
}

function checkColumns(backup: ChecklistBackupJson, columns: Map<string, Set<string>>, source: string): void {
  for (const [table, rows] of Object.entries(backup.tables) as Array<[BackupTable, Array<Record<string, unknown>>]>) {
    const known = columns.get(table) ?? new Set<string>();
    for (const row of rows) {
      const unknown = Object.keys(row).find((column) => !known.has(column));
      if (unknown !== undefined) throw new InvalidInputError(`${source} is not a prepdeck backup: ${table} has no column '${unknown}'`);
      if (!KEYLESS_TABLES.includes(table) && typeof row['id'] !== 'number')
        throw new InvalidInputError(`${source} is not a prepdeck backup: a row of ${table} has no id`);
    }
  }
}
