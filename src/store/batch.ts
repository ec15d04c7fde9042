// Multi-row statements: one per batch instead of one per row (see notes/import-performance.md).
import { sql } from 'kysely';
import type { Compilable, CompiledQuery, Insertable, Kysely } from 'kysely';
import type { Database } from './schema.js';

const MAX_ROWS_PER_STATEMENT = 500;
/** PostgreSQL's limit on bind parameters in one statement (SQLite's is 32,766; 500 rows stay under both). */
const MAX_PARAMETERS = 65_535;

function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

function rowsPerStatement(columns: number): number {
  return Math.max(1, Math.min(MAX_ROWS_PER_STATEMENT, Math.floor(MAX_PARAMETERS / Math.max(1, columns))));
}

/**
 * Inserts `rows` in batches. They may come from a generator: each batch's rows are made as it is bound and are
 * garbage right after, where an array of 20,000 rows lives through every garbage collection of the import.
 */
export async function insertRows<T extends keyof Database>(db: Kysely<Database>, table: T, rows: Iterable<Insertable<Database[T]>>): Promise<void> {
  // Kysely can't relate a generic table name to its row type; the signature above keeps callers typed.
  await executeInBatches(db, rows, (batch) => db.insertInto(table).values(batch as never));
}

/**
 * Rewrites existing rows, found by id, in batches: an insert that always conflicts on the primary key and so
 * updates `columns` instead. Both SQLite and PostgreSQL spell it the same way; rows must be complete.
 */
export async function updateRowsById<T extends 'sections' | 'topics' | 'cards'>(
  db: Kysely<Database>,
  table: T,
  rows: Array<Insertable<Database[T]>>,
  columns: ReadonlyArray<keyof Database[T] & string>,
): Promise<void> {
  if (rows.length === 0) return;
  const assignments = Object.fromEntries(columns.map((column) => [column, sql.ref(`excluded.${column}`)]));
  await executeInBatches(db, rows, (batch) =>
    db
      .insertInto(table)
      .values(batch as never)
      .onConflict((conflict) => conflict.column('id').doUpdateSet(assignments as never)),
  );
}

/**
 * Runs `statementFor` on each batch of rows that all have the same keys. Compiling 500 rows x 20 columns
 * costs Kysely more than SQLite takes to run them, so a batch compiles once per size and the batches after
 * it only bind their own values (Kysely binds a row's values in the order of the first row's keys).
 */
async function executeInBatches<Row extends object>(
  db: Kysely<Database>,
  rows: Iterable<Row>,
  statementFor: (batch: Row[]) => Compilable,
): Promise<void> {
  let columns: Array<keyof Row> | null = null;
  const compiledBySize = new Map<number, CompiledQuery>();
  for (const batch of batchesOf(rows, (first) => rowsPerStatement(Object.keys(first).length))) {
    columns ??= Object.keys(batch[0]!) as Array<keyof Row>;
    const compiled = compiledBySize.get(batch.length);
    if (!compiled) {
      const first = statementFor(batch).compile();
      compiledBySize.set(batch.length, first);
      await db.executeQuery(first);
      continue;
    }
    // Sized once: an import binds 10,000 values a statement, and a growing array is copied as it grows.
    const parameters: unknown[] = new Array(batch.length * columns.length);
    let next = 0;
    for (const row of batch) {
      for (const column of columns) {
        const value = row[column];
        if (value === undefined) throw new Error(`batch row without ${String(column)}: every row needs the same keys`);
        parameters[next++] = value;
      }
    }
    await db.executeQuery({ ...compiled, parameters });
  }
}

/** `make` of each item, one at a time as they are taken: rows made as `insertRows` writes them. */
export function* madeAsWritten<Item, Row>(items: Iterable<Item>, make: (item: Item) => Row): Generator<Row> {
  for (const item of items) yield make(item);
}

/** `rows` in batches of the size `sizeFor` gives for the first row, taken from the iterable one batch at a time. */
function* batchesOf<Row>(rows: Iterable<Row>, sizeFor: (first: Row) => number): Generator<Row[]> {
  let size = 0;
  let batch: Row[] = [];
  for (const row of rows) {
    if (size === 0) size = sizeFor(row);
    batch.push(row);
    if (batch.length === size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/** Runs `apply` over `ids` in batches small enough for an `in (...)` list. */
export async function forIdBatches(ids: readonly number[], apply: (batch: number[]) => Promise<unknown>): Promise<void> {
  for (const batch of chunk(ids, MAX_ROWS_PER_STATEMENT)) await apply(batch);
}
