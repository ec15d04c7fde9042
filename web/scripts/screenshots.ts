// Screenshots for the README: the dashboard, the checklist and a topic, light and dark, at 1280x800,
// with the user's checklist imported and a few topics marked. Starts its own server and browser.
//   npm run build && node --import tsx web/scripts/screenshots.ts [OUT_DIR]   (default docs/screenshots)
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ChecklistTreeJson } from '../../src/contract/checklists.js';
import type { ImportResultJson } from '../../src/contract/imports.js';
import { browserUnavailable, launchBrowser, startServer } from '../../test/browser/harness.js';
import { PROJECT_ROOT, USER_FIXTURE } from '../../test/support/fixtures.js';
import { call, topicsIn } from './demo-api.js';

const OUT = process.argv[2] ?? join(PROJECT_ROOT, 'docs', 'screenshots');
const CHECKLIST = 'job-interview-checklist';

async function main(): Promise<void> {
  const reason = browserUnavailable();
  if (reason) throw new Error(reason);
  mkdirSync(OUT, { recursive: true });
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    const text = readFileSync(USER_FIXTURE, 'utf8');
    await call<ImportResultJson>(server.url, 'POST', '/api/imports', { text, fileName: 'job-interview-checklist.md' });
    const tree = await call<ChecklistTreeJson>(server.url, 'GET', `/api/checklists/${CHECKLIST}/tree`);
    const topics = topicsIn(tree.root).filter((t) => t.kind === 'topic');
    const byText = (needle: string) => topics.find((t) => t.text.includes(needle))!;
    // A believable first week: a handful known, a few in progress, one skipped, one with notes.
    for (const [i, t] of topics.slice(0, 40).entries()) {
      if (i % 3 === 0) await call(server.url, 'PATCH', `/api/topics/${t.id}`, { state: 'known', confidence: 3 });
      else if (i % 5 === 1) await call(server.url, 'PATCH', `/api/topics/${t.id}`, { state: 'learning' });
    }
    const featured = byText('generator and iterator');
    await call(server.url, 'PATCH', `/api/topics/${featured.id}`, {
      state: 'learning',
      confidence: 2,
      notes:
        '## Generators\n\nA **generator** is an iterator built by a function with `yield`:\n\n```python\ndef count(n):\n    yield from range(n)\n```\n\n- `send()` resumes it with a value\n- see [PEP 342](https://peps.python.org/pep-0342/)\n',
    });
    await call(server.url, 'PATCH', `/api/topics/${byText('pylint').id}`, { state: 'skipped' });

    const shots = [
      { name: 'dashboard', path: `/?c=${CHECKLIST}`, ready: '.heatmap-grid' },
      { name: 'checklist', path: `/checklist?c=${CHECKLIST}`, ready: '.topic-row' },
      { name: 'topic', path: `/topics/${featured.id}?c=${CHECKLIST}`, ready: '.notes-preview h2' },
    ];
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const shot of shots) {
        const page = await browser.newPage({ width: 1280, height: 800, colorScheme });
        await page.goto(server.url + shot.path);
        await page.waitForSelector(shot.ready);
        // Let the progress bars finish their transition.
        await page.waitForTimeout(400);
        const file = join(OUT, `${shot.name}-${colorScheme}.png`);
        await page.screenshot({ path: file });
        console.log(file);
        await page.close();
      }
    }
  } finally {
    await browser.close();
    await server.stop();
  }
}

await main();
