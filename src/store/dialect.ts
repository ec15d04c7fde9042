// Everything that differs between SQLite and PostgreSQL lives here; repositories stay dialect-agnostic.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import type { Pool } from 'pg';
import {
  CompiledQuery,
  DEFAULT_MIGRATION_LOCK_TABLE,
  DEFAULT_MIGRATION_TABLE,
  Kysely,
  PostgresAdapter,
  PostgresDialect,
  PostgresDriver,
  PostgresIntrospector,
  SqliteAdapter,
  SqliteDialect,
  SqliteDriver,
  sql,
} from 'kysely';
import type {
  ColumnDefinitionBuilder,
  ColumnMetadata,
  DatabaseConnection,
  DatabaseIntrospector,
  DatabaseMetadataOptions,
  DialectAdapter,
  Driver,
  Expression,
  PostgresDialectConfig,
  PostgresPool,
  RawBuilder,
  SqliteDatabase,
  SqliteDialectConfig,
  TableMetadata,
  TransactionSettings,
} from 'kysely';
import { ConflictError, StoreError } from './errors.js';
import type { Database } from './schema.js';

export type DialectName = 'sqlite' | 'postgres';

/** Tables whose ids the import hands out before inserting, so rows can reference rows of the same import. */
export type AllocatedTable = 'checklists' | 'sections' | 'topics' | 'resources' | 'section_notes' | 'events' | 'cards' | 'review_log';

/** How long a writer waits for another one before giving up with a ConflictError. */
const WRITER_WAIT_MS = 5000;

/** BEGIN IMMEDIATE found another writer: nothing of the transaction ran, so it may be tried again for `waitMs`. */
export class WriterBusyError extends Error {
  readonly code = 'SQLITE_BUSY';
  constructor(
    cause: unknown,
    /** The connection's busy timeout: how long a writer waits in all. */
    readonly waitMs: number,
  ) {
    super(messageOf(cause), { cause });
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `attempt` again while it fails with an error `lockedFor` gives a wait for (in ms, null for any other error),
 * pausing a little longer each time with the event loop free, until that wait has passed; then it throws the last failure.
 */
export async function whileLocked<T>(attempt: () => Promise<T>, lockedFor: (error: unknown) => number | null): Promise<T> {
  const started = Date.now();
  for (let wait = 5; ; wait = Math.min(wait * 2, 100)) {
    try {
      return await attempt();
    } catch (error) {
      const waitMs = lockedFor(error);
      if (waitMs === null || Date.now() + wait >= started + waitMs) throw error;
      await pause(wait);
    }
  }
}

interface DialectOps {
  readonly name: DialectName;
  /** Completes an integer primary key column so the database can also generate it. */
  idColumn: (col: ColumnDefinitionBuilder) => ColumnDefinitionBuilder;
  /** `count` fresh ids, ascending; must run inside a write transaction. */
  allocateIds(db: Kysely<Database>, table: AllocatedTable, count: number): Promise<number[]>;
  /** The one-line reason when `error` means another writer was in the way, else null. */
  conflictReason(error: unknown): string | null;
  /** The schema our tables live in, when the database has several (PostgreSQL's search_path). */
  currentSchema<DB>(db: Kysely<DB>): Promise<string | undefined>;
  /**
   * A group's rows as a JSON array of arrays, in text: for each row, the values of `expressions` in order. Unordered,
   * which costs no sort; each row's values stay together by construction.
   */
  jsonRowsOf: (...expressions: Array<Expression<unknown>>) => RawBuilder<string>;
}

const sqliteOps: DialectOps = {
  name: 'sqlite',
  idColumn: (col) => col.primaryKey(),
  // Safe because every transaction begins IMMEDIATE: no other writer can run between this read and the inserts.
  async allocateIds(db, table, count) {
    const row = await db
      .selectFrom(table)
      .select(sql<number>`coalesce(max(id), 0)`.as('max_id'))
      .executeTakeFirstOrThrow();
    return Array.from({ length: count }, (_, i) => row.max_id + 1 + i);
  },
  conflictReason(error) {
    const code = errorCode(error);
    return code?.startsWith('SQLITE_BUSY') || code?.startsWith('SQLITE_LOCKED')
      ? `the database stayed locked by another prepdeck process for ${WRITER_WAIT_MS / 1000} s; try again`
      : null;
  },
  currentSchema: async () => undefined,
  jsonRowsOf: (...expressions) => sql<string>`json_group_array(json_array(${sql.join(expressions)}))`,
};

const postgresOps: DialectOps = {
  name: 'postgres',
  idColumn: (col) => col.primaryKey().generatedByDefaultAsIdentity(),
  async allocateIds(db, table, count) {
    if (count === 0) return [];
    const { rows } = await sql<{ id: string }>`
      select nextval(pg_get_serial_sequence(${table}, 'id')) as id
      from generate_series(1, cast(${count} as integer))`.execute(db);
    return rows.map((row) => Number(row.id)).sort((a, b) => a - b);
  },
  conflictReason(error) {
    const code = errorCode(error);
    if (code === '55P03') return `another prepdeck process kept writing for over ${WRITER_WAIT_MS / 1000} s; try again`;
    if (code === '40001' || code === '40P01') return 'another prepdeck process wrote at the same time; try again';
    return null;
  },
  async currentSchema(db) {
    const { rows } = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db);
    return rows[0]?.schema ?? undefined;
  },
  jsonRowsOf: (...expressions) => sql<string>`json_agg(json_build_array(${sql.join(expressions)}))::text`,
};

/** The dialect a Kysely instance (or transaction) talks to; the introspector class is its public fingerprint. */
export function dialectOf<DB>(db: Kysely<DB>): DialectOps {
  return db.introspection instanceof PostgresIntrospector ? postgresOps : sqliteOps;
}

/** Turns "another writer was in the way" into ConflictError, "read-only" into StoreError; anything else is returned as is. */
export function translateError<DB>(db: Kysely<DB>, error: unknown): unknown {
  const reason = dialectOf(db).conflictReason(error);
  if (reason !== null) return new ConflictError(reason, { cause: error });
  const readOnly = readOnlyReason(error);
  return readOnly === null ? error : new StoreError('read-only', readOnly, { cause: error });
}

/** The one-line reason when the database can be read but not written, else null (each code is one backend's). */
function readOnlyReason(error: unknown): string | null {
  const code = errorCode(error);
  if (code?.startsWith('SQLITE_READONLY')) {
    return "the database is read-only (prepdeck can't write its file or folder); make both writable, or give --db a database you can write";
  }
  if (code === '25006')
    return 'the PostgreSQL database is read-only (a standby, or read-only transactions by default); give --db one that takes writes';
  return null;
}

export function isPostgresLocation(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

/** Where the database is, for messages: the file path, or host:port without credentials. */
export function locationLabel(location: string): string {
  return isPostgresLocation(location) ? postgresAddress(location) : location;
}

// Each driver loads only when its database is opened: a SQLite run never pays for pg, nor the reverse.
export async function connect(location: string): Promise<Kysely<Database>> {
  return isPostgresLocation(location) ? connectPostgres(location) : openSqlite(location);
}

async function openSqlite(location: string): Promise<Kysely<Database>> {
  if (location.trim() === '') {
    throw new StoreError('cannot-open', 'no database location given: pass a file path, :memory: or a postgres:// URL');
  }
  const cannotOpen = (error: unknown) =>
    new StoreError('cannot-open', `cannot open the SQLite database at ${location}: ${messageOf(error)}`, { cause: error });
  const inMemory = location === ':memory:';
  let database: BetterSqlite3.Database;
  try {
    if (!inMemory) mkdirSync(dirname(resolve(location)), { recursive: true });
    const { default: Sqlite } = await import('better-sqlite3');
    database = new Sqlite(location);
  } catch (error) {
    throw cannotOpen(error);
  }
  try {
    // The busy timeout comes first: switching to WAL itself may have to wait for another process.
    database.pragma(`busy_timeout = ${WRITER_WAIT_MS}`);
    // A new database takes pages of 16 KB (SQLite's default is 4 KB): an import of 20,000 topics writes 23 MB, and
    // with four times fewer pages its inserts and commit take a sixth less time. It must come before WAL is set,
    // which writes the file's header; an existing database keeps its page size (WAL mode never changes it).
    database.pragma(`page_size = ${NEW_DATABASE_PAGE_SIZE}`);
    if (!inMemory) database.pragma('journal_mode = WAL');
    database.pragma('synchronous = NORMAL');
    database.pragma('foreign_keys = ON');
  } catch (error) {
    database.close();
    throw cannotOpen(error);
  }
  return new Kysely<Database>({ dialect: new WriterSqliteDialect({ database: withStatementCache(database) }) });
}

const STATEMENT_CACHE_SIZE = 100;
export const NEW_DATABASE_PAGE_SIZE = 16_384;

/**
 * Kysely prepares every query anew; preparing a 500-row insert costs as much as running it, and an import
 * runs the same one dozens of times. Safe while nothing streams (iterate), which would keep a statement busy.
 */
function withStatementCache(database: BetterSqlite3.Database): SqliteDatabase {
  const statements = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => database.close(),
    prepare(text) {
      let statement = statements.get(text);
      if (statement) {
        // Re-inserted so the map's order stays least recently used first.
        statements.delete(text);
      } else {
        statement = database.prepare(text);
        if (statements.size >= STATEMENT_CACHE_SIZE) statements.delete(statements.keys().next().value!);
      }
      statements.set(text, statement);
      return statement;
    },
  };
}

async function connectPostgres(location: string): Promise<Kysely<Database>> {
  const where = postgresAddress(location);
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({ connectionString: location, connectionTimeoutMillis: 10_000 });
  // A broken idle connection is replaced on next use; unlistened, its 'error' event would kill the process.
  pool.on('error', () => {});
  try {
    const client = await pool.connect();
    client.release();
  } catch (error) {
    await pool.end().catch(() => {});
    throw new StoreError('cannot-connect', `cannot connect to PostgreSQL at ${where}: ${connectionFailure(error)}`, {
      cause: error,
    });
  }
  return new Kysely<Database>({ dialect: new WriterPostgresDialect({ pool: idleOnReturn(pool) }) });
}

/**
 * Hands out the pool's connections, and destroys one that comes back inside a transaction (a rollback that
 * failed, say) instead of pooling it: every later query on it would fail with "current transaction is aborted".
 */
function idleOnReturn(pool: Pool): PostgresPool {
  return {
    async connect() {
      const client = await pool.connect();
      // pg-pool gives each checkout a fresh release function, so this wraps only this checkout's.
      const release = client.release.bind(client);
      client.release = (destroy?: boolean | Error) => release(destroy ?? client.getTransactionStatus() !== 'I');
      return client;
    },
    end: () => pool.end(),
  };
}

/** host:port without credentials, for messages. */
function postgresAddress(location: string): string {
  try {
    const url = new URL(location);
    return `${url.hostname || 'localhost'}:${url.port || '5432'}`;
  } catch {
    return 'the given URL';
  }
}

function connectionFailure(error: unknown): string {
  const inner: unknown = error instanceof AggregateError && error.errors.length > 0 ? error.errors[0] : error;
  const code = errorCode(inner) ?? errorCode(error);
  // Socket errors read best as their errno name; server-side ones (unknown database, bad password) as their text.
  if (code && /^E[A-Z]+$/.test(code)) return code;
  return messageOf(inner);
}

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

// SQLite: every transaction takes the write lock up front (BEGIN IMMEDIATE), so two processes queue on the
// busy timeout instead of failing on a read-to-write upgrade; and DDL is transactional, so migrations are too.
class WriterSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;
  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
  }
  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter();
  }
}

const isSqliteBusy = (error: unknown) => errorCode(error)?.startsWith('SQLITE_BUSY') === true;

// better-sqlite3 waits for a lock synchronously, stalling every request of a server. So BEGIN IMMEDIATE does not wait:
// finding another writer, it fails at once with WriterBusyError, and inTransaction waits the busy timeout out
// asynchronously, with the connection released so reads go on meanwhile.
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    const { rows } = await connection.executeQuery<{ timeout: number }>(CompiledQuery.raw('pragma busy_timeout'));
    const waitMs = rows[0]?.timeout ?? WRITER_WAIT_MS;
    await connection.executeQuery(CompiledQuery.raw('pragma busy_timeout = 0'));
    try {
      await connection.executeQuery(CompiledQuery.raw('begin immediate'));
    } catch (error) {
      throw isSqliteBusy(error) ? new WriterBusyError(error, waitMs) : error;
    } finally {
      await connection.executeQuery(CompiledQuery.raw(`pragma busy_timeout = ${waitMs}`));
    }
  }
}

class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

// PostgreSQL: the same one-writer-at-a-time rule as SQLite, through a transaction-scoped advisory lock per
// schema, so an import plans against data no other import is changing.
class WriterPostgresDialect extends PostgresDialect {
  readonly #config: PostgresDialectConfig;
  constructor(config: PostgresDialectConfig) {
    super(config);
    this.#config = config;
  }
  override createDriver(): Driver {
    return new WriterPostgresDriver(this.#config);
  }
  override createAdapter(): DialectAdapter {
    return new SchemaMigrationLockAdapter();
  }
  override createIntrospector(db: Parameters<PostgresDialect['createIntrospector']>[0]): DatabaseIntrospector {
    return new OwnSchemaPostgresIntrospector(db);
  }
}

// Kysely's introspector (which its migrator asks whether its own tables exist) lists the tables of every schema on
// the server, reading each column's description and type by oid: a schema, table or column another prepdeck creates,
// alters or drops meanwhile (tests do, side by side) fails that query ("schema does not exist", "column ... does not
// exist", "cache lookup failed"), and opening the store with it. Ours lists the tables of the schema prepdeck works
// in (the search path's first, where its tables are created) and nothing else, so others' schemas never race it.
/** The catalog's tables are not prepdeck's: the connection as Kysely hands it to an introspector, untyped. */
type CatalogDb = Parameters<PostgresDialect['createIntrospector']>[0];

class OwnSchemaPostgresIntrospector extends PostgresIntrospector {
  readonly #db: CatalogDb;
  constructor(db: CatalogDb) {
    super(db);
    this.#db = db;
  }

  override async getTables(options: DatabaseMetadataOptions = { withInternalKyselyTables: false }): Promise<TableMetadata[]> {
    let query = this.#db
      .selectFrom('pg_catalog.pg_attribute as a')
      .innerJoin('pg_catalog.pg_class as c', 'a.attrelid', 'c.oid')
      .innerJoin('pg_catalog.pg_namespace as ns', 'c.relnamespace', 'ns.oid')
      .innerJoin('pg_catalog.pg_type as typ', 'a.atttypid', 'typ.oid')
      .innerJoin('pg_catalog.pg_namespace as dtns', 'typ.typnamespace', 'dtns.oid')
      .select([
        'a.attname as column',
        'a.attnotnull as not_null',
        'a.atthasdef as has_default',
        'c.relname as table',
        'c.relkind as table_type',
        'ns.nspname as schema',
        'typ.typname as type',
        'dtns.nspname as type_schema',
      ])
      .where(sql<boolean>`ns.nspname = current_schema()`)
      .where('c.relkind', 'in', ['r', 'v', 'p'])
      .where('a.attnum', '>=', 0)
      .where('a.attisdropped', '!=', true)
      .orderBy('c.relname')
      .orderBy('a.attnum');
    if (!options.withInternalKyselyTables) {
      query = query.where('c.relname', '!=', DEFAULT_MIGRATION_TABLE).where('c.relname', '!=', DEFAULT_MIGRATION_LOCK_TABLE);
    }
    const rows = (await query.execute()) as Array<{
      column: string;
      not_null: boolean;
      has_default: boolean;
      table: string;
      table_type: string;
      schema: string;
      type: string;
      type_schema: string;
    }>;
    const tables = new Map<string, { name: string; schema: string; isView: boolean; columns: ColumnMetadata[] }>();
    for (const row of rows) {
      let table = tables.get(row.table);
      if (!table) tables.set(row.table, (table = { name: row.table, schema: row.schema, isView: row.table_type === 'v', columns: [] }));
      table.columns.push({
        name: row.column,
        dataType: row.type,
        dataTypeSchema: row.type_schema,
        hasDefaultValue: row.has_default,
        // Only whether a default exists matters to the migrator; identity columns say so through has_default.
        isAutoIncrementing: false,
        isNullable: !row.not_null,
      });
    }
    return [...tables.values()];
  }
}

// Kysely's PostgreSQL migration lock is one advisory lock for the whole database, waited on for up to an hour and
// taken before the migrator's transaction: every prepdeck schema on a server (each user's, each test's) opening its
// store queued behind any other one, and behind the writer that one waits for. The migrator's transaction takes its
// schema's writer lock (WriterPostgresDriver.beginTransaction) before it reads which migrations ran: that alone
// serialises the migrations of one schema, waiting as long as any writer does, and leaves other schemas alone.
class SchemaMigrationLockAdapter extends PostgresAdapter {
  override async acquireMigrationLock(): Promise<void> {}
  override async releaseMigrationLock(): Promise<void> {}
}

class WriterPostgresDriver extends PostgresDriver {
  override async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    await super.beginTransaction(connection, settings);
    try {
      await connection.executeQuery(CompiledQuery.raw(`set local lock_timeout = ${WRITER_WAIT_MS}`));
      await connection.executeQuery(CompiledQuery.raw(`select pg_advisory_xact_lock(hashtext('prepdeck:' || coalesce(current_schema(), '')))`));
    } catch (error) {
      // Kysely rolls back only a transaction whose begin succeeded; this one is open, and aborted.
      await this.rollbackTransaction(connection as Parameters<PostgresDriver['rollbackTransaction']>[0]);
      throw error;
    }
  }

  // A failed rollback must not hide the failure that caused it; Kysely then discards the connection (and idleOnReturn would).
  override async rollbackTransaction(connection: Parameters<PostgresDriver['rollbackTransaction']>[0]): Promise<void> {
    await super.rollbackTransaction(connection).catch(() => {});
  }
}
