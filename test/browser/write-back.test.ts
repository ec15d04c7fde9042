// Write to file from the Checklist page, in a real browser against the real `prepdeck serve` (which writes
// files: it listens on 127.0.0.1): mark topics, see the dry run's diff, write, and find exactly those lines
// changed in the file on disk.
import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChecklistTreeJson, ExportedSection, ExportedTopic } from '../../src/contract/checklists.js';
import { EXAMPLE_CHECKLIST } from '../support/fixtures.js';
import { BIN, browserUnavailable, launchBrowser, startServer, type BrowserHandle, type Server } from './harness.js';

const unavailable = browserUnavailable();
if (unavailable && process.env['CI'] === 'true') throw new Error(`CI needs the browser tests to run: ${unavailable}`);
if (unavailable) console.warn(`skipping the browser tests of Write to file: ${unavailable}`);

const TIMEOUT = 30_000;
const CHECKLIST = 'plan';
const run = promisify(execFile);

let server: Server;
let browser: BrowserHandle;
let fileDir: string;
let file: string;

/** `prepdeck import FILE` into the server's own database, as a user does before opening the page. */
async function importFromDisk(path: string, name: string): Promise<void> {
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: server.dir, XDG_DATA_HOME: server.dir, NO_COLOR: '1' };
  delete env['PREPDECK_DB'];
  delete env['DATABASE_URL'];
  await run(process.execPath, [BIN, 'import', path, '--name', name, '--db', join(server.dir, 'prepdeck.db')], { env });
}

async function tree(name: string): Promise<ChecklistTreeJson> {
  const response = await fetch(`${server.url}/api/checklists/${encodeURIComponent(name)}/tree`);
  expect(response.status).toBe(200);
  return (await response.json()) as ChecklistTreeJson;
}

function topicsOf(section: ExportedSection): ExportedTopic[] {
  const walk = (topic: ExportedTopic): ExportedTopic[] => [topic, ...topic.children.flatMap(walk)];
  return [...section.topics.flatMap(walk), ...section.sections.flatMap(topicsOf)];
}

async function findTopic(text: string): Promise<ExportedTopic> {
  const found = topicsOf((await tree(CHECKLIST)).root).find((t) => t.text === text);
  if (!found) throw new Error(`no topic "${text}" in ${CHECKLIST}`);
  return found;
}

/** 1-based numbers of the lines that differ; both texts must have as many lines. */
function changedLines(before: string, after: string): number[] {
  const a = before.split('\n');
  const b = after.split('\n');
  expect(b.length).toBe(a.length);
  return a.flatMap((line, i) => (line === b[i] ? [] : [i + 1]));
}

async function markKnown(page: Page, topic: ExportedTopic): Promise<void> {
  const row = page.locator(`[data-topic-id="${topic.id}"]`);
  await row.locator('.topic-title').focus();
  await page.keyboard.press('3');
  await expect.poll(() => row.locator('.state-dot').getAttribute('data-state')).toBe('known');
}

describe.skipIf(unavailable !== null)('Write to file in Chromium', { timeout: TIMEOUT }, () => {
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    fileDir = mkdtempSync(join(tmpdir(), 'prepdeck-write-file-'));
    file = join(fileDir, 'plan.md');
    copyFileSync(EXAMPLE_CHECKLIST, file);
    await importFromDisk(file, CHECKLIST);
  }, TIMEOUT);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (fileDir) rmSync(fileDir, { recursive: true, force: true });
  });

  it('marks two topics, shows the dry run as a diff, writes, and the file changes by exactly those two lines', async () => {
    const before = readFileSync(file, 'utf8');
    const page = await browser.newPage();
    await page.goto(`${server.url}/checklist?c=${CHECKLIST}`);
    await page.locator('.topic-row').first().waitFor();
    const marked = [await findTopic('metaclasses'), await findTopic('comprehensions for list, dict and set')];
    for (const topic of marked) await markKnown(page, topic);
    await expect.poll(async () => (await Promise.all(marked.map((t) => findTopic(t.text)))).map((t) => t.state)).toEqual(['known', 'known']);

    await page.getByRole('button', { name: 'Write to file' }).click();
    const panel = page.getByRole('region', { name: 'Write to your file' });
    await expect.poll(() => panel.locator('.write-back-summary').textContent()).toBe('2 markers to write');
    expect(await panel.locator('.write-back-file code').textContent()).toBe(file);
    // The file was only read so far.
    expect(readFileSync(file, 'utf8')).toBe(before);

    // The diff is text: each changed line once removed and once added, coloured by its kind.
    const diff = panel.locator('pre.diff');
    expect(await diff.locator('.diff-del').allTextContents()).toEqual(['-* metaclasses\n', '-* comprehensions for list, dict and set\n']);
    expect(await diff.locator('.diff-add').allTextContents()).toEqual(['+* [x] metaclasses\n', '+* [x] comprehensions for list, dict and set\n']);
    const [added, removed, context] = await Promise.all(
      ['.diff-add', '.diff-del', '.diff-context'].map((kind) =>
        diff
          .locator(kind)
          .first()
          .evaluate((el) => getComputedStyle(el).backgroundColor),
      ),
    );
    expect(new Set([added, removed, context]).size).toBe(3);
    expect(await diff.locator('*:not(code, span)').count()).toBe(0);

    await panel.getByRole('button', { name: 'Write 2 changes' }).click();
    const result = page.locator('.write-back-result');
    await expect.poll(() => result.textContent()).toMatch(/^Written 2 markers into .*plan\.md; the previous version is in .*plan\.md\.$/);
    expect(await panel.count()).toBe(0);

    const after = readFileSync(file, 'utf8');
    expect(changedLines(before, after)).toEqual(marked.map((t) => t.line).sort((a, b) => a - b));
    for (const topic of marked) expect(after.split('\n')[topic.line - 1]).toBe(`* [x] ${topic.text}`);
    // The backup is the version replaced, kept in the server's data directory, not beside the file.
    expect(readdirSync(fileDir)).toEqual(['plan.md']);
    // Beside the server's database (--db DIR/prepdeck.db).
    expect(readFileSync(join(server.dir, 'backups', 'plan.md'), 'utf8')).toBe(before);

    // Open again: nothing left to write.
    await page.getByRole('button', { name: 'Write to file' }).click();
    await expect.poll(() => panel.locator('.write-back-summary').textContent()).toBe('Your file is in step: every marker already matches.');
    expect(await panel.getByRole('button', { name: /^Write / }).count()).toBe(0);
    await page.close();
  }, 60_000);

  it(
    'works from the keyboard: Enter opens the panel with the focus in it, Escape closes it and gives the focus back',
    async () => {
      const page = await browser.newPage();
      await page.goto(`${server.url}/checklist?c=${CHECKLIST}`);
      await page.locator('.topic-row').first().waitFor();
      const button = page.getByRole('button', { name: 'Write to file' });
      await button.focus();
      await page.keyboard.press('Enter');
      const panel = page.getByRole('region', { name: 'Write to your file' });
      await panel.waitFor();
      expect(await page.evaluate(() => document.activeElement?.closest('.write-back') !== null)).toBe(true);
      expect(await button.getAttribute('aria-expanded')).toBe('true');
      await panel.locator('.write-back-summary').waitFor();
      await page.keyboard.press('Escape');
      expect(await panel.count()).toBe(0);
      expect(await button.evaluate((el) => el === document.activeElement)).toBe(true);
      await page.close();
    },
    TIMEOUT,
  );

  it('offers the cards added here behind a checkbox, and fits a 360 px screen', async () => {
    const topic = await findTopic('descriptors and how @property is built on them');
    const added = await fetch(`${server.url}/api/topics/${topic.id}/cards`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url },
      body: JSON.stringify({ front: 'What is `@property` built on?', back: 'Descriptors' }),
    });
    expect(added.status).toBe(201);
    const page = await browser.newPage({ width: 360, height: 740 });
    await page.goto(`${server.url}/checklist?c=${CHECKLIST}`);
    await page.locator('.topic-row').first().waitFor();
    await page.getByRole('button', { name: 'Write to file' }).click();
    const panel = page.getByRole('region', { name: 'Write to your file' });
    const checkbox = panel.getByRole('checkbox', { name: /Also write the 1 card added here/ });
    await checkbox.waitFor();
    expect(await checkbox.isChecked()).toBe(false);
    await expect.poll(() => panel.locator('.write-back-summary').textContent()).toBe('Your file is in step: every marker already matches.');
    await checkbox.check();
    await expect.poll(() => panel.locator('.write-back-summary').textContent()).toBe('0 markers and 1 card to write');
    expect(await panel.locator('.diff-add').allTextContents()).toEqual(['+  * What is `@property` built on? :: Descriptors\n']);
    expect(await panel.getByRole('button', { name: 'Write 1 change' }).count()).toBe(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await panel.getByRole('button', { name: 'Cancel' }).click();
    await page.close();
  });

  it('writes a topic added in prepdeck into its section, its one line the whole diff', async () => {
    const before = readFileSync(file, 'utf8');
    const added = await fetch(`${server.url}/api/checklists/${CHECKLIST}/topics`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url },
      body: JSON.stringify({ section: 'Databases', title: 'Design a rate limiter' }),
    });
    expect(added.status).toBe(201);
    const page = await browser.newPage();
    await page.goto(`${server.url}/checklist?c=${CHECKLIST}`);
    await page.locator('.topic-row').first().waitFor();
    // The tree says which topic the file does not hold yet.
    const addedRow = page.locator('.topic-row', { hasText: 'Design a rate limiter' });
    expect(await addedRow.locator('.topic-not-in-file').textContent()).toBe('not in your file yet');
    expect(await page.locator('.topic-not-in-file').count()).toBe(1);
    const topicId = await addedRow.getAttribute('data-topic-id');
    const topicPage = await browser.newPage();
    await topicPage.goto(`${server.url}/topics/${topicId}?c=${CHECKLIST}`);
    await expect.poll(() => topicPage.locator('.eyebrow').first().textContent()).toMatch(/added in prepdeck, not in your file yet/);
    await topicPage.close();
    await page.getByRole('button', { name: 'Write to file' }).click();
    const panel = page.getByRole('region', { name: 'Write to your file' });
    await expect.poll(() => panel.locator('.write-back-summary').textContent()).toBe('0 markers and 1 topic added here to write');
    expect(await panel.locator('.diff-add').allTextContents()).toEqual(['+* Design a rate limiter\n']);
    expect(await panel.locator('.diff-del').count()).toBe(0);
    await panel.getByRole('button', { name: 'Write 1 change' }).click();
    await expect.poll(() => page.locator('.write-back-result').textContent()).toMatch(/^Written 1 topic into .*plan\.md;/);
    await expect.poll(() => page.locator('.topic-not-in-file').count()).toBe(0);
    const after = readFileSync(file, 'utf8').split('\n');
    const at = after.indexOf('* Design a rate limiter');
    expect(after.filter((_, i) => i !== at).join('\n')).toBe(before);
    await page.close();
  });

  it('shows no Write to file for a checklist imported from an upload', async () => {
    const response = await fetch(`${server.url}/api/imports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url },
      body: JSON.stringify({ text: '# Pasted\n\n- one topic\n', name: 'pasted' }),
    });
    expect(response.status).toBe(200);
    const page = await browser.newPage();
    await page.goto(`${server.url}/checklist?c=pasted`);
    await page.locator('.topic-row').first().waitFor();
    expect(await page.getByRole('button', { name: 'Write to file' }).count()).toBe(0);
    await page.close();
  });
});
