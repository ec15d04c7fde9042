// Screenshots of reviewing: a card's question and its answer, the end of a session, the settings with the
// optimizer, a topic's cards and the dashboard's memory, light and dark, at 1280 and 360 px wide.
// Starts its own server (which imports the bundled example) and browser.
//   npm run build && node --import tsx web/scripts/review-screenshots.ts [OUT_DIR]   (default /tmp/prepdeck-review-shots)
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { ChecklistTreeJson } from '../../src/contract/checklists.js';
import type { ReviewQueueJson } from '../../src/contract/review.js';
import { browserUnavailable, launchBrowser, startServer } from '../../test/browser/harness.js';
import { call, topicsIn } from './demo-api.js';

const OUT = process.argv[2] ?? '/tmp/prepdeck-review-shots';
const CHECKLIST = 'interview-prep';

async function settle(page: Page): Promise<void> {
  // Transitions of the bars, and the lazy Markdown renderer.
  await page.waitForTimeout(400);
}

async function main(): Promise<void> {
  const reason = browserUnavailable();
  if (reason) throw new Error(reason);
  mkdirSync(OUT, { recursive: true });
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    const tree = await call<ChecklistTreeJson>(server.url, 'GET', `/api/checklists/${CHECKLIST}/tree`);
    const topics = topicsIn(tree.root);
    const byText = (needle: string) => topics.find((t) => t.text.includes(needle))!;
    const featured = byText('transaction isolation levels');
    await call(server.url, 'PATCH', `/api/topics/${featured.id}`, {
      notes:
        'Read committed is the **default** in PostgreSQL.\n\n| level | dirty | non-repeatable | phantom |\n|---|---|---|---|\n| read committed | no | yes | yes |\n| repeatable read | no | no | no (in PG) |\n| serializable | no | no | no |\n\n`SET TRANSACTION ISOLATION LEVEL SERIALIZABLE;` and retry on `40001`.',
    });
    const descriptors = byText('descriptors');
    await call(server.url, 'POST', `/api/topics/${descriptors.id}/cards`, {
      front: 'What does `@property` build on?',
      back: 'The **descriptor** protocol: `__get__`, `__set__` and `__delete__` on the class attribute.',
    });
    // Room for every screenshot's new cards today.
    await call(server.url, 'PATCH', `/api/checklists/${CHECKLIST}/review/settings`, { newPerDay: 100 });
    // A few days' worth of history for the dashboard: answer what is due, as a user would.
    for (let round = 0; round < 3; round++) {
      const queue = await call<ReviewQueueJson>(server.url, 'GET', `/api/checklists/${CHECKLIST}/review?limit=8`);
      for (const [i, item] of queue.cards.entries()) {
        await call(server.url, 'POST', `/api/cards/${item.card.id}/answer`, { rating: i % 5 === 4 ? 1 : 3, durationMs: 4000 + i * 700 });
      }
    }

    const section = `/review?c=${CHECKLIST}&section=${encodeURIComponent('databases')}`;
    const shots: Array<{ name: string; path: string; ready: string; act?: (page: Page) => Promise<void> }> = [
      { name: 'review-question', path: `/review?c=${CHECKLIST}`, ready: '.review-card' },
      {
        name: 'review-answer',
        path: section,
        ready: '.review-card',
        act: async (page) => {
          // Step to the featured topic (Easy: the cards before it don't come back today), then show its answer.
          for (let i = 0; i < 12 && !(await page.locator('.review-front').textContent())?.includes('transaction isolation'); i++) {
            await page.keyboard.press('Space');
            await page.keyboard.press('4');
            await page.waitForTimeout(150);
          }
          await page.keyboard.press('Space');
          await page.locator('.rating-buttons').waitFor();
        },
      },
      {
        name: 'review-settings',
        path: `/review?c=${CHECKLIST}`,
        ready: '.review-card',
        act: async (page) => {
          await page.locator('.review-settings-box summary').click();
          await page.getByRole('button', { name: 'Optimize' }).click();
          await page.locator('.optimize-result').waitFor();
          await page.locator('.review-settings-box').scrollIntoViewIfNeeded();
        },
      },
      {
        name: 'topic-cards',
        path: `/topics/${descriptors.id}?c=${CHECKLIST}`,
        ready: '.qa-item',
        act: async (page) => page.locator('.cards-panel').scrollIntoViewIfNeeded(),
      },
      { name: 'dashboard', path: `/?c=${CHECKLIST}`, ready: '.forecast' },
    ];
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const width of [1280, 360]) {
        for (const shot of shots) {
          const page = await browser.newPage({ width, height: width > 400 ? 800 : 740, colorScheme });
          await page.goto(server.url + shot.path);
          await page
            .locator(shot.ready)
            .first()
            .waitFor({ timeout: 10_000 })
            .catch(async (e: unknown) => {
              await page.screenshot({ path: join(OUT, `failed-${shot.name}.png`) });
              throw e;
            });
          await shot.act?.(page);
          await settle(page);
          const fullPage = width < 400 || shot.name === 'dashboard' || shot.name === 'review-settings';
          // A whole-page shot with the sticky header where the page was scrolled would show it mid-page.
          if (fullPage) await page.evaluate(() => window.scrollTo(0, 0));
          const file = join(OUT, `${shot.name}-${width}-${colorScheme}.png`);
          await page.screenshot({ path: file, fullPage });
          console.log(file);
          await page.close();
        }
      }
    }
    // The end of a session: nothing left in a small section.
    const done = await browser.newPage({ width: 1280, height: 800 });
    await done.goto(`${server.url}/review?c=${CHECKLIST}&section=${encodeURIComponent('python / data model / functions')}`);
    await done.locator('.review-card').waitFor();
    for (let i = 0; i < 30 && (await done.locator('.review-card').count()) > 0; i++) {
      await done.keyboard.press('Space');
      await done.keyboard.press(i % 4 === 1 ? '4' : '3');
      await done.waitForTimeout(120);
    }
    await done.locator('.review-done').waitFor();
    await settle(done);
    await done.screenshot({ path: join(OUT, 'review-done-1280-light.png') });
    console.log(join(OUT, 'review-done-1280-light.png'));
    await done.close();

    // The optimizer's comparison, as the server answers once the log is large enough (answered here by the page's route).
    for (const colorScheme of ['light', 'dark'] as const) {
      const fitted = await browser.newPage({ width: 1280, height: 800, colorScheme });
      await fitted.route('**/review/optimize', (route) =>
        route.fulfill({
          json: {
            checklist: CHECKLIST,
            reviews: 1840,
            trainingItems: 1210,
            enough: true,
            needed: 0,
            defaultMetrics: { logLoss: 0.3512, rmse: 0.0612 },
            fittedMetrics: { logLoss: 0.3307, rmse: 0.0418 },
            parameters: Array.from({ length: 21 }, (_, i) => 0.1 + i / 10),
            applied: false,
            message: 'Fitted 21 parameters on 1210 reviews: they predict your recall better than the defaults.',
          },
        }),
      );
      await fitted.goto(`${server.url}/review?c=${CHECKLIST}`);
      await fitted.locator('.review-card').waitFor();
      await fitted.locator('.review-settings-box summary').click();
      await fitted.getByRole('button', { name: 'Optimize' }).click();
      await fitted.locator('table.metrics').waitFor();
      await fitted.locator('.optimize-result').scrollIntoViewIfNeeded();
      await settle(fitted);
      await fitted.screenshot({ path: join(OUT, `optimize-fitted-1280-${colorScheme}.png`) });
      console.log(join(OUT, `optimize-fitted-1280-${colorScheme}.png`));
      await fitted.close();
    }
  } finally {
    await browser.close();
    await server.stop();
  }
}

await main();
