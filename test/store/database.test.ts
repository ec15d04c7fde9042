import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import Sqlite from 'better-sqlite3';
import pg from 'pg';
import { openStore } from '../../src/store/database.js';
import { NEW_DATABASE_PAGE_SIZE } from '../../src/store/dialect.js';
import { ConflictError, StoreError } from '../../src/store/errors.js';
import { migrationProvider } from '../../src/store/migrations/index.js';
import { BACKENDS } from './backends.js';
import { importParsed } from './helpers.js';
import { parsedChecklist } from './parsed.js';

const NOW = '2026-01-05T10:00:00.000Z';

for (const backend of BACKENDS) {
  describe.skipIf(backend.skipReason !== null)(`opening a store (${backend.name})`, () => {
    it('creates every table on a fresh database', async () => {
      const database = await backend.createDatabase();
      const store = await openStore(database.location);
      try {
        expect(store.dialect).toBe(backend.name);
        for (const table of ['checklists', 'sections', 'topics', 'resources', 'section_notes', 'events', 'cards', 'review_log'] as const) {
          expect(await store.db.selectFrom(table).select('id').execute()).toEqual([]);
        }
      } finally {
        await store.close();
        await database.drop();
      }
    });

    it('opens an existing database again without migrating twice or losing data', async () => {
      const database = await backend.createDatabase();
      try {
        const first = await openStore(database.location);
        await importParsed(first, 'prep', parsedChecklist({ sections: [{ title: 'SQL', topics: ['joins'] }] }), NOW);
        await first.close();
        const second = await openStore(database.location);
        const names = await second.db.selectFrom('checklists').select('name').execute();
        const migrations = await sql<{ name: string }>`select name from kysely_migration`.execute(second.db);
        await second.close();
        expect(names).toEqual([{ name: 'prep' }]);
        expect(migrations.rows.map((r) => r.name)).toEqual([
          '0001-initial',
          '0002-events-by-checklist',
          '0003-cards',
          '0004-study-cards',
          '0005-review-topic-state',
          '0006-pending-writes',
          '0007-hunt',
          '0008-preferences',
          '0009-pending-write-writer',
          '0010-card-events',
          '0011-interviews',
          '0012-plan',
          '0013-bounded-identity-keys',
          '0014-headings-reading',
          '0015-topics-removed',
          '0016-obsidian-markers',
        ]);
      } finally {
        await database.drop();
      }
    });

    it('keeps two databases on one server apart', async () => {
      const [one, two] = [await backend.createDatabase(), await backend.createDatabase()];
      try {
        const first = await openStore(one.location);
        await importParsed(first, 'first', parsedChecklist({ sections: [{ title: 'SQL', topics: ['joins'] }] }), NOW);
        await first.close();
        const second = await openStore(two.location);
        const names = await second.db.selectFrom('checklists').select('name').execute();
        await second.close();
        expect(names).toEqual([]);
      } finally {
        await one.drop();
        await two.drop();
      }
    });

    it('refuses a database written by a newer prepdeck with an upgrade hint', async () => {
      const database = await backend.createDatabase();
      try {
        const store = await openStore(database.location);
        await sql`insert into kysely_migration (name, timestamp) values ('9999-from-the-future', ${NOW})`.execute(store.db);
        await store.close();
        const reopening = openStore(database.location);
        await expect(reopening).rejects.toThrow(StoreError);
        await expect(reopening).rejects.toThrow(/newer prepdeck .*9999-from-the-future.*upgrade prepdeck/);
      } finally {
        await database.drop();
      }
    });
  });
}

describe('opening a store (SQLite specifics)', () => {
  it('creates the missing parent directory and uses WAL, foreign keys and a busy timeout', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'prepdeck-open-'));
    const location = join(dir, 'nested', 'deeper', 'prepdeck.db');
    try {
      const store = await openStore(location);
      const pragma = async (name: string) => Object.values((await sql.raw(`pragma ${name}`).execute(store.db)).rows[0] as Record<string, unknown>)[0];
      expect(existsSync(location)).toBe(true);
      expect(await pragma('journal_mode')).toBe('wal');
      expect(await pragma('foreign_keys')).toBe(1);
      expect(await pragma('busy_timeout')).toBe(5000);
      expect(await pragma('synchronous')).toBe(1);
      await store.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('gives a new database 16 KB pages and leaves an existing one its own', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'prepdeck-pages-'));
    try {
      const pageSize = async (location: string) => {
        const store = await openStore(location);
        const size = (await sql<{ page_size: number }>`pragma page_size`.execute(store.db)).rows[0]?.page_size;
        await store.close();
        return size;
      };
      const fresh = join(dir, 'fresh.db');
      expect(await pageSize(fresh)).toBe(NEW_DATABASE_PAGE_SIZE);
      expect(await pageSize(fresh)).toBe(NEW_DATABASE_PAGE_SIZE);
      // A database made before (SQLite's default 4 KB pages, in WAL) keeps them, and its data.
      const older = join(dir, 'older.db');
      const made = new Sqlite(older);
      made.pragma('journal_mode = WAL');
      made.exec("create table kept (value text); insert into kept values ('still here')");
      made.close();
      expect(await pageSize(older)).toBe(4096);
      const store = await openStore(older);
      expect((await sql<{ value: string }>`select value from kept`.execute(store.db)).rows).toEqual([{ value: 'still here' }]);
      await store.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('opens :memory: without WAL', async () => {
    const store = await openStore(':memory:');
    const mode = (await sql<{ journal_mode: string }>`pragma journal_mode`.execute(store.db)).rows[0]?.journal_mode;
    expect(mode).toBe('memory');
    await store.close();
  });

  it('says which file it cannot open, in one line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'prepdeck-open-'));
    try {
      // A directory where the database file should be.
      await expect(openStore(dir)).rejects.toThrow(new RegExp(`^cannot open the SQLite database at ${dir}: `));
      await expect(openStore(dir)).rejects.toBeInstanceOf(StoreError);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('turns a lock held past the busy timeout into a ConflictError', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'prepdeck-busy-'));
    const location = join(dir, 'prepdeck.db');
    const holder = await openStore(location);
    const waiter = await openStore(location);
    try {
      // better-sqlite3 is synchronous, so a second in-process writer can only time out: hold the lock by hand.
      await sql`pragma busy_timeout = 50`.execute(waiter.db);
      await holder.db.connection().execute(async (conn) => {
        await sql`begin immediate`.execute(conn);
        try {
          await expect(waiter.transaction(async () => 1)).rejects.toBeInstanceOf(ConflictError);
        } finally {
          await sql`rollback`.execute(conn);
        }
      });
      expect(await waiter.transaction(async () => 2)).toBe(2);
    } finally {
      await holder.close();
      await waiter.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('opening a store (PostgreSQL errors)', () => {
  it('says where it could not connect, without a stack trace', async () => {
    const failing = openStore('postgres://postgres:secret@127.0.0.1:1/test');
    await expect(failing).rejects.toBeInstanceOf(StoreError);
    await expect(failing).rejects.toThrow(/^cannot connect to PostgreSQL at 127\.0\.0\.1:1: ECONNREFUSED$/);
  });
});

const postgres = BACKENDS.find((backend) => backend.name === 'postgres');

describe.skipIf(!postgres || postgres.skipReason !== null)('opening a store (PostgreSQL beside others changing their schemas)', () => {
  // Tests, and prepdecks sharing a server, migrate and drop their own schemas while this one opens: the migrator's
  // list of every schema's tables then races their DDL (a column or table gone mid-query). Opening must not fail.
  // Sixty opens against a server busy with DDL: more than vitest's default 5 s on a loaded machine.
  it('migrates a fresh schema once when several processes open it at the same moment', { timeout: 30_000 }, async () => {
    const database = await postgres!.createDatabase();
    try {
      const stores = await Promise.all(Array.from({ length: 4 }, () => openStore(database.location)));
      const migrations = await sql<{ name: string }>`select name from kysely_migration`.execute(stores[0]!.db);
      await Promise.all(stores.map((store) => store.close()));
      expect(migrations.rows.map((row) => row.name).sort()).toEqual(Object.keys(await migrationProvider.getMigrations()).sort());
    } finally {
      await database.drop();
    }
  });

  // A store opening waits for its own schema's writer (here: another process's transaction), and for nothing else:
  // Kysely's own migration lock was one for the whole database, so every other schema on the server waited too.
  it('opens one schema while another schema waits for its writer', { timeout: 30_000 }, async () => {
    const [busy, free] = [await postgres!.createDatabase(), await postgres!.createDatabase()];
    for (const database of [busy, free]) await (await openStore(database.location)).close();
    const writer = new pg.Client({ connectionString: busy.location });
    await writer.connect();
    const schemaOf = (location: string) => new URL(location).searchParams.get('options')!.replace('-c search_path=', '');
    const writerKey = `hashtext('prepdeck:' || '${schemaOf(busy.location)}')`;
    try {
      await writer.query('begin');
      await writer.query(`select pg_advisory_xact_lock(${writerKey})`);
      const waiting = openStore(busy.location).then(
        async (store) => (await store.close(), 'opened'),
        () => 'gave up',
      );
      // Until the waiting open is in line for the busy schema's writer lock, as every open of it is.
      for (;;) {
        const { rows } = await writer.query<{ waiters: string }>(
          `select count(*) as waiters from pg_locks where locktype = 'advisory' and not granted
             and ((classid::bigint << 32) | objid::bigint) = ${writerKey}::bigint`,
        );
        if (Number(rows[0]!.waiters) > 0) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const other = await openStore(free.location);
      await other.close();
      const settled = await Promise.race([waiting, Promise.resolve('still waiting')]);
      expect(settled).toBe('still waiting');
      await writer.query('rollback');
      expect(await waiting).toBe('opened');
    } finally {
      await writer.end();
      await busy.drop();
      await free.drop();
    }
  });

  it('opens while other schemas are created, altered and dropped around it', { timeout: 30_000 }, async () => {
    const database = await postgres!.createDatabase();
    const admin = await openStore(database.location);
    let churning = true;
    const churn = (async () => {
      for (let i = 0; churning; i++) {
        const schema = `churn_${process.pid}_${i}`;
        await sql.raw(`create schema ${schema}`).execute(admin.db);
        await sql.raw(`create table ${schema}.t (id integer, a text, b text, c text)`).execute(admin.db);
        await sql.raw(`alter table ${schema}.t drop column b`).execute(admin.db);
        await sql.raw(`drop schema ${schema} cascade`).execute(admin.db);
      }
    })();
    try {
      for (let round = 0; round < 15; round++) {
        const stores = await Promise.all(Array.from({ length: 4 }, () => openStore(database.location)));
        await Promise.all(stores.map((store) => store.close()));
      }
    } finally {
      churning = false;
      await churn;
      await admin.close();
      await database.drop();
    }
  });
});
