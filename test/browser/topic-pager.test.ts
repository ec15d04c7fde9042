// The Topic page of a newcomer's first topics in a real browser (issue 14): on a 390 px phone previous and next share
// one row, each link one line (a first topic's Next too, not a label over a title), and a title written with a
// reference link (`[Docker][d]`, its definition at the end of the file) is its heading with Docker linked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { ChecklistTreeJson, ExportedSection, ExportedTopic } from '../../src/contract/checklists.js';
import { browserUnavailable, launchBrowser, startServer, type BrowserHandle, type Server } from './harness.js';

const unavailable = browserUnavailable();
if (unavailable && process.env['CI'] === 'true') throw new Error(`CI needs the browser tests to run: ${unavailable}`);
if (unavailable) console.warn(`skipping the browser tests of the topic pager: ${unavailable}`);

const TIMEOUT = 60_000;
const FILE = [
  '# Tools',
  '',
  '- Learn [Docker][d] basics',
  '- Read [the guide] before the interview, every chapter of it',
  '- Write a Dockerfile for a small service, with a health check',
  '',
  '[d]: https://docs.docker.com',
  '[the guide]: https://example.com/guide',
  '',
].join('\n');

let server: Server;
let browser: BrowserHandle;

/** The top and height of each of the element's boxes: a link's label and title are on one line when their tops agree. */
async function boxes(page: Page, selector: string): Promise<Array<{ top: number; height: number; right: number }>> {
  return page.locator(selector).evaluateAll((elements) =>
    elements.map((element) => {
      const box = element.getBoundingClientRect();
      return { top: Math.round(box.top), height: Math.round(box.height), right: Math.round(box.right) };
    }),
  );
}

describe.skipIf(unavailable !== null)('the Topic page on a phone, in Chromium', { timeout: TIMEOUT }, () => {
  let topics: ExportedTopic[];
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    const imported = await fetch(`${server.url}/api/imports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url, 'x-prepdeck-client': 'web' },
      body: JSON.stringify({ text: FILE, name: 'docker' }),
    });
    expect(imported.status).toBe(200);
    const tree = (await (await fetch(`${server.url}/api/checklists/docker/tree`)).json()) as ChecklistTreeJson;
    topics = tree.root.sections.flatMap((section: ExportedSection) => section.topics);
    expect(topics).toHaveLength(3);
  }, TIMEOUT);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('puts previous and next on one row of one line each, at 390 px', async () => {
    const page = await browser.newPage({ width: 390, height: 844 });
    await page.goto(`${server.url}/topics/${topics[1]!.id}?c=docker`);
    await page.locator('.topic-pager').waitFor();
    const links = await boxes(page, '.topic-pager-link');
    expect(links).toHaveLength(2);
    expect(links[0]!.top).toBe(links[1]!.top);
    for (const which of ['prev', 'next']) {
      const [label, title] = await boxes(page, `a[rel="${which}"] > span`);
      expect(title!.top, which).toBe(label!.top);
    }
    // Nothing of either runs past the screen.
    expect(Math.max(...links.map((link) => link.right))).toBeLessThanOrEqual(390);

    // The first topic has no previous: its Next is one line too, at the right.
    await page.goto(`${server.url}/topics/${topics[0]!.id}?c=docker`);
    await page.locator('a[rel="next"]').waitFor();
    const [label, title] = await boxes(page, 'a[rel="next"] > span');
    expect(title!.top).toBe(label!.top);
    expect(title!.right).toBeGreaterThan(390 - 24);
    await page.close();
  });

  it("shows a title's reference link as a link, not as its source", async () => {
    const page = await browser.newPage({ width: 390, height: 844 });
    await page.goto(`${server.url}/topics/${topics[0]!.id}?c=docker`);
    const heading = page.locator('h1.topic-heading');
    await heading.locator('a').waitFor();
    expect(await heading.textContent()).toBe('Learn Docker basics');
    expect(await heading.locator('a').getAttribute('href')).toBe('https://docs.docker.com');
    await page.close();
  });
});
