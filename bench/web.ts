// The web UI's weight and speed: gzipped JavaScript per file against the 150 KB aim, and the time to
// first render of the Checklist page, and of the Hunt board with 1,000 applications, in headless Chromium
// against the 500 ms aim, as a ratio to a bare page served by the same server in the same run (the machine
// is shared; ratios travel better).
//   npm run build && node --import tsx -e "await (await import('./bench/web.ts')).benchWeb()"
// (with BENCH_WEB=hunt, the Hunt board alone).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { browserUnavailable, launchBrowser, PROJECT_ROOT, startServer, type BrowserHandle } from '../test/browser/harness.js';
import { median } from './stats.js';

const ASSETS = join(PROJECT_ROOT, 'dist', 'web', 'assets');
const USER_FIXTURE = join(PROJECT_ROOT, '../shared/fixtures/job-interview-checklist.md');
const JS_AIM_BYTES = 150 * 1024;
const FIRST_RENDER_AIM_MS = 500;
const LOADS = Number(process.env['BENCH_RUNS'] ?? 5);

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1).padStart(7)} KB`;
const ms = (value: number) => `${value.toFixed(1).padStart(8)} ms`;

function benchBundle(): void {
  const files = readdirSync(ASSETS)
    .filter((f) => f.endsWith('.js'))
    .sort();
  let total = 0;
  console.log('web: gzipped JavaScript (dist/web/assets)');
  for (const file of files) {
    const size = gzipSync(readFileSync(join(ASSETS, file)), { level: 9 }).length;
    total += size;
    console.log(`  ${file.padEnd(40)} ${kb(size)}`);
  }
  console.log(`  ${'total'.padEnd(40)} ${kb(total)}  (aim < ${kb(JS_AIM_BYTES).trim()}: ${(total / JS_AIM_BYTES).toFixed(2)}x of the budget)`);
}

/** A fresh tab with the HTTP cache off, so every load is a cold one. */
async function coldPage(browser: BrowserHandle): Promise<Page> {
  const page = await browser.newPage();
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  // Stamps the moment the first topic row enters the page, measured from navigation start.
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (document.querySelector('.topic-row')) {
        (window as unknown as { __firstRow: number }).__firstRow = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
    // And the first card of the Hunt board, the same way.
    new MutationObserver((_, observer) => {
      if (document.querySelector('.board-card')) {
        performance.mark('first-card');
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  return page;
}

async function timeLoads(browser: BrowserHandle, url: string, measure: (page: Page) => Promise<number>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < LOADS; i++) {
    const page = await coldPage(browser);
    await page.goto(url);
    times.push(await measure(page));
    await page.close();
  }
  return times;
}

async function benchFirstRender(): Promise<void> {
  const unavailable = browserUnavailable();
  if (unavailable) {
    console.log(`web: first render skipped: ${unavailable}`);
    return;
  }
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    let checklist = 'interview-prep';
    if (existsSync(USER_FIXTURE)) {
      const response = await fetch(`${server.url}/api/imports`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text: readFileSync(USER_FIXTURE, 'utf8'), fileName: 'job-interview-checklist.md' }),
      });
      if (!response.ok) throw new Error(`importing the fixture: ${response.status} ${await response.text()}`);
      checklist = 'job-interview-checklist';
    }
    // Warm the server (its first request pays for lazy work) before timing anything.
    await timeLoads(browser, `${server.url}/checklist?c=${checklist}`, (page) => page.waitForSelector('.topic-row').then(() => 0));

    const bare = await timeLoads(browser, `${server.url}/healthz`, (page) =>
      page.evaluate(() => {
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        return nav.loadEventEnd || performance.now();
      }),
    );
    const firstRow = await timeLoads(browser, `${server.url}/checklist?c=${checklist}`, async (page) => {
      await page.waitForSelector('.topic-row', { state: 'visible' });
      return page.evaluate(() => (window as unknown as { __firstRow: number }).__firstRow);
    });
    console.log(`web: Checklist page (${checklist}), navigation start to the first topic row visible, ${LOADS} cold loads`);
    console.log(`  bare page (/healthz)        min ${ms(Math.min(...bare))}  median ${ms(median(bare))}`);
    console.log(`  checklist first topic row   min ${ms(Math.min(...firstRow))}  median ${ms(median(firstRow))}`);
    console.log(
      `  ratio to the bare page      min ${(Math.min(...firstRow) / Math.min(...bare)).toFixed(2)}x  median ${(median(firstRow) / median(bare)).toFixed(2)}x` +
        `  (aim < ${FIRST_RENDER_AIM_MS} ms: median is ${(median(firstRow) / FIRST_RENDER_AIM_MS).toFixed(2)}x of it)`,
    );
  } finally {
    await browser.close();
    await server.stop();
  }
}

/** The board's size in the aim: 1,000 applications over the stages. */
const BOARD_APPLICATIONS = 1_000;

/** The Hunt page's first board render with 1,000 applications, beside the same bare page, against the 500 ms aim. */
async function benchHuntBoard(): Promise<void> {
  const unavailable = browserUnavailable();
  if (unavailable) {
    console.log(`web: Hunt board skipped: ${unavailable}`);
    return;
  }
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    const stages = ['wishlist', 'applied', 'screening', 'technical', 'onsite', 'offer', 'rejected', 'ghosted'];
    for (let i = 0; i < BOARD_APPLICATIONS; i++) {
      const response = await fetch(`${server.url}/api/hunt/applications`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-prepdeck-client': 'bench' },
        body: JSON.stringify({ company: `Company ${i}`, role: 'Backend engineer', stage: stages[i % stages.length], tags: ['bench'] }),
      });
      if (!response.ok) throw new Error(`adding an application: ${response.status} ${await response.text()}`);
    }
    const firstCard = (page: Page) =>
      page.waitForSelector('.board-card', { state: 'visible' }).then(() =>
        page.evaluate(() => {
          const mark = performance.getEntriesByType('mark').find((m) => m.name === 'first-card');
          return mark?.startTime ?? performance.now();
        }),
      );
    // Warm the server and the page's chunks' compression before timing anything.
    await timeLoads(browser, `${server.url}/hunt`, firstCard);
    const bare = await timeLoads(browser, `${server.url}/healthz`, (page) =>
      page.evaluate(() => {
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        return nav.loadEventEnd || performance.now();
      }),
    );
    const board = await timeLoads(browser, `${server.url}/hunt`, firstCard);
    console.log(
      `web: Hunt page with ${BOARD_APPLICATIONS.toLocaleString('en')} applications, navigation start to the first card visible, ${LOADS} cold loads`,
    );
    console.log(`  bare page (/healthz)        min ${ms(Math.min(...bare))}  median ${ms(median(bare))}`);
    console.log(`  board first card            min ${ms(Math.min(...board))}  median ${ms(median(board))}`);
    console.log(
      `  ratio to the bare page      min ${(Math.min(...board) / Math.min(...bare)).toFixed(2)}x  median ${(median(board) / median(bare)).toFixed(2)}x` +
        `  (aim < ${FIRST_RENDER_AIM_MS} ms: median is ${(median(board) / FIRST_RENDER_AIM_MS).toFixed(2)}x of it)`,
    );
  } finally {
    await browser.close();
    await server.stop();
  }
}

export async function benchWeb(): Promise<void> {
  if (!existsSync(ASSETS)) throw new Error(`${ASSETS} is missing: run \`npm run build\` first`);
  // BENCH_WEB=hunt runs the Hunt board's part alone.
  if (process.env['BENCH_WEB'] === 'hunt') return benchHuntBoard();
  benchBundle();
  await benchFirstRender();
  await benchHuntBoard();
}
