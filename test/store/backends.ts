// Every store test runs once per backend. PREPDECK_TEST_BACKENDS=sqlite narrows the list;
// PREPDECK_TEST_POSTGRES_URL points at another server. Without PostgreSQL its suites are skipped, except on CI.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, beforeEach } from 'vitest';
import { openStore, type Store } from '../../src/store/database.js';

export interface Backend {
  name: 'sqlite' | 'postgres';
  /** Why this backend's suites are skipped; null when they run. */
  skipReason: string | null;
  /** A new, empty database; `drop` removes it. */
  createDatabase(): Promise<TestDatabase>;
}

export interface TestDatabase {
  location: string;
  drop(): Promise<void>;
}

const POSTGRES_URL = process.env['PREPDECK_TEST_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const wanted = (process.env['PREPDECK_TEST_BACKENDS'] ?? 'sqlite,postgres').split(',').map((name) => name.trim());

const sqlite: Backend = {
  name: 'sqlite',
  skipReason: null,
  async createDatabase() {
    const dir = mkdtempSync(join(tmpdir(), 'prepdeck-store-'));
    return { location: join(dir, 'prepdeck.db'), drop: async () => rmSync(dir, { recursive: true, force: true }) };
  },
};

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** Each database is a fresh schema, selected through the connection's search_path. */
const postgres: Backend = {
  name: 'postgres',
  skipReason: null,
  async createDatabase() {
    const schema = `prepdeck_test_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
    await adminQuery(`create schema ${schema}`);
    const url = new URL(POSTGRES_URL);
    url.searchParams.set('options', `-c search_path=${schema}`);
    return { location: url.toString(), drop: () => adminQuery(`drop schema ${schema} cascade`) };
  },
};

async function postgresSkipReason(): Promise<string | null> {
  try {
    await adminQuery('select 1');
    return null;
  } catch (error) {
    const reason = `PostgreSQL at ${POSTGRES_URL} is unreachable (${(error as Error).message || String(error)})`;
    if (process.env['CI'] === 'true') throw new Error(`${reason}: CI must run the store suite on PostgreSQL too`, { cause: error });
    console.warn(`[store tests] ${reason}: PostgreSQL suites skipped`);
    return reason;
  }
}

export const BACKENDS: Backend[] = [];
if (wanted.includes('sqlite')) BACKENDS.push(sqlite);
if (wanted.includes('postgres')) BACKENDS.push({ ...postgres, skipReason: await postgresSkipReason() });

/** A fresh store for each test of the surrounding describe; closed and dropped after it. */
export function useStore(backend: Backend): () => Store {
  let store: Store | undefined;
  let database: TestDatabase | undefined;
  beforeEach(async () => {
    database = await backend.createDatabase();
    store = await openStore(database.location);
  });
  afterEach(async () => {
    await store?.close();
    await database?.drop();
    store = undefined;
    database = undefined;
  });
  return () => {
    if (!store) throw new Error('useStore: no store outside a test');
    return store;
  };
}
