// Opening a store: connect, bring the schema up to date, and hand out transactions.
import { Migrator } from 'kysely';
import type { Kysely } from 'kysely';
import { connect, dialectOf, locationLabel, messageOf, translateError, whileLocked, WriterBusyError } from './dialect.js';
import type { DialectName } from './dialect.js';
import { ConflictError, StoreError } from './errors.js';
import { migrationProvider } from './migrations/index.js';
import type { Database } from './schema.js';

export interface Store {
  db: Kysely<Database>;
  dialect: DialectName;
  close(): Promise<void>;
  /**
   * Runs `fn` in a write transaction: one writer at a time on both backends (SQLite BEGIN IMMEDIATE,
   * a PostgreSQL advisory lock), waiting up to 5 s for another one, then failing with ConflictError.
   * Inside `fn`, use only `trx`: on SQLite, `store.db` waits for the transaction's own connection.
   */
  transaction<T>(fn: (trx: Kysely<Database>) => Promise<T>): Promise<T>;
}

/** Opens `postgres://...` / `postgresql://...` URLs on PostgreSQL, anything else as an SQLite file (or `:memory:`). */
export async function openStore(location: string): Promise<Store> {
  const db = await connect(location);
  try {
    await migrate(db, location);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return {
    db,
    dialect: dialectOf(db).name,
    close: () => db.destroy(),
    transaction: (fn) => inTransaction(db, fn),
  };
}

/** How long to wait for a writer whose BEGIN found another one; null for any other failure. */
const writerWait = (error: unknown) => (error instanceof WriterBusyError ? error.waitMs : null);

/** Runs `fn` in the transaction `db` already is, or in a new write transaction (see Store.transaction). */
export async function inTransaction<T>(db: Kysely<Database>, fn: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  if (db.isTransaction) return fn(db);
  try {
    // Only a BEGIN that found another writer is tried again: nothing of `fn` ran yet.
    return await whileLocked(() => db.transaction().execute(fn), writerWait);
  } catch (error) {
    throw translateError(db, error);
  }
}

async function migrate(db: Kysely<Database>, location: string): Promise<void> {
  // Named explicitly: Kysely looks for its migration tables in every schema, so another prepdeck schema in the
  // same PostgreSQL database would pass for ours.
  const migrationTableSchema = await dialectOf(db).currentSchema(db);
  const migrator = new Migrator({
    db,
    provider: migrationProvider,
    ...(migrationTableSchema ? { migrationTableSchema } : {}),
  });
  // Another process writing holds the migrator's transaction back too: it waits its turn like any writer.
  const { error, results } = await whileLocked(async () => {
    const outcome = await migrator.migrateToLatest();
    if (outcome.error instanceof WriterBusyError) throw outcome.error;
    return outcome;
  }, writerWait).catch((failure: unknown) => ({ error: failure, results: undefined }));
  if (error === undefined) return;
  const where = locationLabel(location);
  const translated = translateError(db, error);
  if (translated instanceof ConflictError) throw translated;
  const missing = /previously executed migration (\S+) is missing/.exec(messageOf(error));
  if (missing) {
    throw new StoreError(
      'migration-failed',
      `the database at ${where} was written by a newer prepdeck (it has migration ${missing[1]}); upgrade prepdeck`,
      { cause: error },
    );
  }
  const failed = results?.find((result) => result.status === 'Error')?.migrationName;
  throw new StoreError(
    'migration-failed',
    `cannot upgrade the database at ${where}${failed ? ` (migration ${failed})` : ''}: ${messageOf(error)}; ` +
      'restore a backup or point prepdeck at a new database',
    { cause: error },
  );
}
