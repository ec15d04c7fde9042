// Removing a topic added in prepdeck from its Topic page, in a real browser against the real `prepdeck serve`: a topic
// just added goes at once, one holding the user's notes and reviews only after a confirmation naming them, and the
// checklist then says what went. With PREPDECK_SCREENSHOTS=<dir> it also writes the confirmation's screenshots
// (light, dark, 390 px) there.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CardListJson } from '../../src/contract/review.js';
import type { TopicDetailJson } from '../../src/contract/topics.js';
import { EXAMPLE_CHECKLIST } from '../support/fixtures.js';
import { browserUnavailable, launchBrowser, startServer, type BrowserHandle, type Server } from './harness.js';

const unavailable = browserUnavailable();
if (unavailable && process.env['CI'] === 'true') throw new Error(`CI needs the browser tests to run: ${unavailable}`);
if (unavailable) console.warn(`skipping the browser tests of removing a topic: ${unavailable}`);

const CHECKLIST = 'plan';
const TIMEOUT = 60_000;
const SCREENSHOTS = process.env['PREPDECK_SCREENSHOTS'] ?? null;

let server: Server;
let browser: BrowserHandle;

/** A call to the API as the web app makes it. */
async function call<T>(method: string, path: string, body?: object): Promise<{ status: number; json: T }> {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { origin: server.url, 'x-prepdeck-client': 'web', ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return { status: response.status, json: (await response.json()) as T };
}

async function addTopic(title: string): Promise<number> {
  const added = await call<TopicDetailJson>('POST', `/api/checklists/${CHECKLIST}/topics`, { section: 'Databases', title });
  expect(added.status).toBe(201);
  return added.json.topic.id;
}

describe.skipIf(unavailable !== null)('removing a topic added in prepdeck, in Chromium', { timeout: TIMEOUT }, () => {
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    const imported = await call('POST', '/api/imports', { text: readFileSync(EXAMPLE_CHECKLIST, 'utf8'), name: CHECKLIST });
    expect(imported.status).toBe(200);
  }, TIMEOUT);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('removes a topic just added at once, from the keyboard, and the checklist says so', async () => {
    const id = await addTopic('Desing a rate limiter');
    const page = await browser.newPage();
    await page.goto(`${server.url}/topics/${id}?c=${CHECKLIST}`);
    const remove = page.getByRole('button', { name: 'Remove topic' });
    await remove.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/checklist?c=${CHECKLIST}`);
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Removed' }).textContent())
      .toBe('Removed “Desing a rate limiter” from Databases: it was not in your file, and it is gone from prepdeck too.');
    await page.locator('.topic-row').first().waitFor();
    // The tree shown on the Topic page had it; the one asked for again has not.
    await expect.poll(() => page.locator('.topic-row', { hasText: 'Desing a rate limiter' }).count()).toBe(0);
    expect((await call('GET', `/api/topics/${id}`)).status).toBe(404);
    await page.close();
  });

  it("asks first when the user's notes and reviews would go, naming them; Keep keeps it, Remove it all removes it", async () => {
    const id = await addTopic('Design a rate limiter');
    expect((await call('PATCH', `/api/topics/${id}`, { notes: 'token bucket' })).status).toBe(200);
    const [card] = (await call<CardListJson>('GET', `/api/topics/${id}/cards`)).json.cards;
    expect((await call('POST', `/api/cards/${card!.id}/answer`, { rating: 3 })).status).toBe(200);

    const page = await browser.newPage();
    await page.goto(`${server.url}/topics/${id}?c=${CHECKLIST}`);
    await page.getByRole('button', { name: 'Remove topic' }).click();
    const confirm = page.getByRole('alertdialog');
    await expect
      .poll(() => confirm.locator('p').textContent())
      .toBe('Remove “Design a rate limiter”? 1 review and your notes would go with it, for good.');
    // The removal has the focus; Escape keeps the topic and gives the focus back to the button that asked.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Remove it all');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Remove topic');
    expect((await call('GET', `/api/topics/${id}`)).status).toBe(200);

    await page.getByRole('button', { name: 'Remove topic' }).click();
    await confirm.getByRole('button', { name: 'Keep it' }).click();
    expect(await confirm.count()).toBe(0);
    expect((await call('GET', `/api/topics/${id}`)).status).toBe(200);

    await page.getByRole('button', { name: 'Remove topic' }).click();
    await confirm.getByRole('button', { name: 'Remove it all' }).click();
    await page.waitForURL(`**/checklist?c=${CHECKLIST}`);
    expect((await call('GET', `/api/topics/${id}`)).status).toBe(404);
    await page.close();
  });

  it('offers no removal for a topic of the file', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/checklist?c=${CHECKLIST}`);
    const row = page.locator('.topic-row').first();
    await row.waitFor();
    await page.goto(`${server.url}/topics/${await row.getAttribute('data-topic-id')}?c=${CHECKLIST}`);
    await page.locator('.eyebrow').first().waitFor();
    expect(await page.getByRole('button', { name: 'Remove topic' }).count()).toBe(0);
    await page.close();
  });

  it('fits a 390 px wide screen without horizontal scrolling, light and dark', async () => {
    const id = await addTopic('Design a URL shortener');
    expect((await call('PATCH', `/api/topics/${id}`, { notes: 'base62' })).status).toBe(200);
    for (const [name, options] of [
      ['unadd-light', { width: 1280, height: 900, colorScheme: 'light' }],
      ['unadd-dark', { width: 1280, height: 900, colorScheme: 'dark' }],
      ['unadd-390', { width: 390, height: 844, colorScheme: 'light' }],
    ] as const) {
      const view = await browser.newPage(options);
      await view.goto(`${server.url}/topics/${id}?c=${CHECKLIST}`);
      const button = view.getByRole('button', { name: 'Remove topic' });
      await button.waitFor();
      if (SCREENSHOTS) await view.screenshot({ path: join(SCREENSHOTS, `${name}-button.png`) });
      await button.click();
      await view.getByRole('alertdialog').waitFor();
      expect(await view.evaluate(() => document.documentElement.scrollWidth), name).toBeLessThanOrEqual(options.width);
      if (SCREENSHOTS) await view.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: false });
      await view.close();
    }
  });
});
