// A `sync --write --skipped done --cards` that kills its own process (SIGKILL: no cleanup runs) right after one
// step of the write, as a power cut or `kill -9` would. Run with `node --import tsx`.
import { closeApp, openApp } from '../../../src/app/context.js';
import { writeBackChecklist, type WriteStep } from '../../../src/app/write-back/write-back.js';

const [location, path, backupDir, crashAfter] = process.argv.slice(2) as [string, string, string, WriteStep | 'none'];
const app = await openApp(location);
await writeBackChecklist(app, {
  path,
  backupDir,
  skipped: 'done',
  cards: true,
  onStep: (step) => {
    if (step === crashAfter) process.kill(process.pid, 'SIGKILL');
  },
});
await closeApp(app);
