// A write-back killed after any of its steps (issue "Hardening" #6): the file is whole, old or new, and the next
// sync takes the markers and cards prepdeck wrote for its own, so no skipped topic becomes known and no card doubles;
// a temp file the kill left beside the plan is removed.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeApp, openApp, type AppContext } from '../../../src/app/context.js';
import { importChecklist, readChecklistFile } from '../../../src/app/import/import-checklist.js';
import { addCard } from '../../../src/app/review/cards.js';
import { markTopic, resolveTopic } from '../../../src/app/topics/topics.js';
import { syncChecklist } from '../../../src/app/write-back/sync.js';
import type { WriteStep } from '../../../src/app/write-back/write-back.js';
import { findPendingWrite } from '../../../src/store/write-back/pending-write.js';
import { BACKENDS } from '../../store/backends.js';
import { PROJECT_ROOT } from '../../support/fixtures.js';

const CHILD = join(PROJECT_ROOT, 'test', 'app', 'write-back', 'crash-child.ts');
const STEPS: Array<WriteStep | 'none'> = ['backup-saved', 'write-recorded', 'replaced', 'settled', 'none'];

const PLAN = ['# Plan', '', '- [ ] skipped one', '- [ ] skipped two', '- [ ] known one', '- [x] unknown one', '- [ ] new one', ''].join('\n');
const WRITTEN = [
  '# Plan',
  '',
  '- [x] skipped one',
  '- [x] skipped two',
  '- [x] known one',
  '- [ ] unknown one',
  '  - Why? :: Because',
  '- [ ] new one',
  '',
].join('\n');
const STATES = { 'skipped one': 'skipped', 'skipped two': 'skipped', 'known one': 'known', 'unknown one': 'new', 'new one': 'new' } as const;

/** Runs the write in a child process that kills itself after `step`; resolves with its exit signal. */
function writeAndCrash(location: string, file: string, backupDir: string, step: WriteStep | 'none'): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, location, file, backupDir, step], {
      cwd: PROJECT_ROOT,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) =>
      code === 0 || signal === 'SIGKILL' ? resolve(signal) : reject(new Error(`the write exited ${code}: ${stderr}`)),
    );
  });
}

async function statesOf(app: AppContext): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const text of Object.keys(STATES)) out[text] = (await resolveTopic(app, text)).state;
  return out;
}

for (const backend of BACKENDS) {
  describe.skipIf(backend.skipReason !== null)(`a write-back killed midway (${backend.name})`, { timeout: 60_000 }, () => {
    it.each(STEPS)('after %s: the file is old or new, whole, and the next sync misreads no marker of its own', async (step) => {
      const database = await backend.createDatabase();
      const dir = mkdtempSync(join(tmpdir(), 'prepdeck-crash-'));
      const file = join(dir, 'plan.md');
      const backupDir = join(dir, 'backups');
      writeFileSync(file, PLAN);
      let app = await openApp(database.location);
      try {
        await importChecklist(app, { file: await readChecklistFile(file) });
        for (const [text, state] of Object.entries(STATES)) await markTopic(app, text, { state });
        await addCard(app, 'unknown one', { front: 'Why?', back: 'Because' });
        await closeApp(app);

        const signal = await writeAndCrash(database.location, file, backupDir, step);
        expect(signal).toBe(step === 'none' ? null : 'SIGKILL');
        const afterCrash = readFileSync(file, 'utf8');
        expect([PLAN, WRITTEN]).toContain(afterCrash);
        expect(afterCrash).toBe(step === 'backup-saved' || step === 'write-recorded' ? PLAN : WRITTEN);

        // Killed before the rename, it left its temp file beside the plan; the next sync removes it (issue #12).
        const tempLeft = readdirSync(dir).some((name) => name.endsWith('.tmp'));
        expect(tempLeft).toBe(step === 'backup-saved' || step === 'write-recorded');
        app = await openApp(database.location);
        const synced = await syncChecklist(app, { path: file });
        expect(readdirSync(dir).sort()).toEqual(['backups', 'plan.md']);
        expect(synced.readIn.changes.retick).toEqual([]);
        expect(await statesOf(app)).toEqual(STATES);
        const checklist = synced.readIn.checklist.id!;
        expect(await findPendingWrite(app.store.db, checklist)).toBeNull();
        const cards = await app.store.db.selectFrom('cards').select(['front', 'origin']).where('front', '=', 'Why?').execute();
        expect(cards).toEqual([{ front: 'Why?', origin: afterCrash === WRITTEN ? 'file' : 'app' }]);
      } finally {
        await closeApp(app);
        await database.drop();
        rmSync(dir, { recursive: true, force: true });
      }
    });

    // `prepdeck import FILE` after the crash, instead of a sync: it settles the interrupted write the same way.
    it.each(['replaced', 'write-recorded'] as const)('after %s, a re-import of the file takes no marker of its own for a tick', async (step) => {
      const database = await backend.createDatabase();
      const dir = mkdtempSync(join(tmpdir(), 'prepdeck-crash-'));
      const file = join(dir, 'plan.md');
      writeFileSync(file, PLAN);
      let app = await openApp(database.location);
      try {
        await importChecklist(app, { file: await readChecklistFile(file) });
        for (const [text, state] of Object.entries(STATES)) await markTopic(app, text, { state });
        await closeApp(app);
        expect(await writeAndCrash(database.location, file, join(dir, 'backups'), step)).toBe('SIGKILL');
        app = await openApp(database.location);
        const imported = await importChecklist(app, { file: await readChecklistFile(file) });
        expect(imported.changes.retick).toEqual([]);
        expect(await statesOf(app)).toEqual(STATES);
        expect(await findPendingWrite(app.store.db, imported.checklist.id!)).toBeNull();
      } finally {
        await closeApp(app);
        await database.drop();
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}
