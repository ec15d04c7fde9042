// Where prepdeck keeps its files: the database named by --db, PREPDECK_DB or DATABASE_URL, else the XDG data folder;
// the backups of files sync writes and the server's log beside the SQLite file in use.
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupFolder, dataFolder, resolveDatabaseLocation, serveLogPath } from '../../src/app/location.js';

const env = { HOME: '/home/ada', XDG_DATA_HOME: '/home/ada/.data' };

describe('where the data lives', () => {
  it('takes --db, then PREPDECK_DB, then DATABASE_URL, then the XDG data folder', () => {
    expect(resolveDatabaseLocation({ flag: '/tmp/a.db', env: { ...env, PREPDECK_DB: '/tmp/b.db' } })).toBe('/tmp/a.db');
    expect(resolveDatabaseLocation({ env: { ...env, PREPDECK_DB: '/tmp/b.db', DATABASE_URL: 'postgres://x/y' } })).toBe('/tmp/b.db');
    expect(resolveDatabaseLocation({ env: { ...env, DATABASE_URL: 'postgres://x/y' } })).toBe('postgres://x/y');
    expect(resolveDatabaseLocation({ env })).toBe('/home/ada/.data/prepdeck/prepdeck.db');
    expect(resolveDatabaseLocation({ env: { HOME: '/home/ada' } })).toBe('/home/ada/.local/share/prepdeck/prepdeck.db');
  });

  it('keeps backups and the server log beside the SQLite file in use, so two databases never share them', () => {
    expect(backupFolder('/tmp/work/prep.db', env)).toBe('/tmp/work/backups');
    expect(serveLogPath('/tmp/work/prep.db', env)).toBe('/tmp/work/serve.log');
    expect(backupFolder('prep.db', env)).toBe(join(resolve('.'), 'backups'));
    expect(backupFolder(resolveDatabaseLocation({ env }), env)).toBe('/home/ada/.data/prepdeck/backups');
  });

  it('keeps them in the XDG data folder for PostgreSQL and for a database in memory', () => {
    expect(dataFolder('postgres://ada@db.example:5432/prep', env)).toBe('/home/ada/.data/prepdeck');
    expect(dataFolder('POSTGRESQL://db/prep', env)).toBe('/home/ada/.data/prepdeck');
    expect(backupFolder(':memory:', env)).toBe('/home/ada/.data/prepdeck/backups');
  });
});
