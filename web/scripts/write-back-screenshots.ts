// Screenshots of Write to file for the README: the panel's dry run (markers, the cards checkbox, the diff),
// light and dark, at 1280 px wide. Starts its own server and browser; the checklist is a copy of the bundled
// example in a directory of its own, imported from disk so that it has a file to write.
//   npm run build && node --import tsx web/scripts/write-back-screenshots.ts [OUT_DIR]   (default docs/screenshots)
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { ChecklistTreeJson } from '../../src/contract/checklists.js';
import { BIN, browserUnavailable, launchBrowser, PROJECT_ROOT, startServer } from '../../test/browser/harness.js';
import { call, topicsIn } from './demo-api.js';

const OUT = process.argv[2] ?? join(PROJECT_ROOT, 'docs', 'screenshots');
const CHECKLIST = 'interview-prep';
const EXAMPLE = join(PROJECT_ROOT, 'examples', 'interview-prep.md');

async function main(): Promise<void> {
  const reason = browserUnavailable();
  if (reason) throw new Error(reason);
  mkdirSync(OUT, { recursive: true });
  const notes = join(tmpdir(), 'prepdeck-demo', 'notes');
  rmSync(notes, { recursive: true, force: true });
  mkdirSync(notes, { recursive: true });
  const file = join(notes, 'interview-prep.md');
  copyFileSync(EXAMPLE, file);

  const server = await startServer();
  const browser = await launchBrowser();
  try {
    // The server imported the bundled example on its first run; this one, from the copy, replaces it.
    const env: NodeJS.ProcessEnv = { ...process.env, HOME: server.dir, XDG_DATA_HOME: server.dir, NO_COLOR: '1' };
    delete env['PREPDECK_DB'];
    delete env['DATABASE_URL'];
    await call(server.url, 'DELETE', `/api/checklists/${CHECKLIST}`);
    await promisify(execFile)(process.execPath, [BIN, 'import', file, '--db', join(server.dir, 'prepdeck.db')], { env });

    const tree = await call<ChecklistTreeJson>(server.url, 'GET', `/api/checklists/${CHECKLIST}/tree`);
    const topics = topicsIn(tree.root);
    const byText = (needle: string) => topics.find((t) => t.text.includes(needle))!;
    for (const needle of ['mutable default arguments', '__repr__ and __str__', 'metaclasses', 'generators and yield from']) {
      await call(server.url, 'PATCH', `/api/topics/${byText(needle).id}`, { state: 'known' });
    }
    await call(server.url, 'PATCH', `/api/topics/${byText('PEP 8').id}`, { state: 'learning' });
    await call(server.url, 'POST', `/api/topics/${byText('descriptors').id}/cards`, {
      front: 'What is `@property` built on?',
      back: 'The descriptor protocol',
    });

    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await browser.newPage({ width: 1280, height: 900, colorScheme });
      await page.goto(`${server.url}/checklist?c=${CHECKLIST}`);
      await page.locator('.topic-row').first().waitFor();
      await page.getByRole('button', { name: 'Write to file' }).click();
      const panel = page.locator('.write-back');
      await panel.locator('.write-back-cards').waitFor();
      await panel.getByRole('checkbox').check();
      await panel.getByRole('button', { name: /^Write \d/ }).waitFor();
      await page.waitForFunction(() => document.querySelector('.write-back')?.getAttribute('aria-busy') === 'false');
      // The panel's button ring would show where the focus is; the picture is of the panel at rest.
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await page.waitForTimeout(300);
      const box = (await panel.boundingBox())!;
      const path = join(OUT, `write-back-${colorScheme}.png`);
      await page.screenshot({ path, clip: { x: 0, y: 0, width: 1280, height: Math.ceil(box.y + box.height + 24) } });
      console.log(path);
      await page.close();
    }
  } finally {
    await browser.close();
    await server.stop();
    rmSync(join(tmpdir(), 'prepdeck-demo'), { recursive: true, force: true });
  }
}

await main();
