// Recording an offer and closing an application on the Application page, in Chromium against the real `prepdeck
// serve`: the offer moves the stage and the page says so; a rejection says its open follow-up is no longer listed as
// due, the follow-ups card keeps it and says why, and the Dashboard leaves it out; archiving and restoring say the same.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgendaJson, ApplicationDetailJson, HuntJson } from '../../src/contract/hunt.js';
import { browserUnavailable, launchBrowser, startServer, type BrowserHandle, type Server } from './harness.js';

const unavailable = browserUnavailable();
if (unavailable && process.env['CI'] === 'true') throw new Error(`CI needs the browser tests to run: ${unavailable}`);
if (unavailable) console.warn(`skipping the hunt's closing browser tests: ${unavailable}`);

const TIMEOUT = 30_000;
/** Where the screenshots of the changed cards go, for a person to look at; none when unset. */
const SHOTS = process.env['PREPDECK_SHOTS'];

let server: Server;
let browser: BrowserHandle;
let page: Page;

async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${server.url}${path}`, {
    method,
    ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  expect(response.status).toBeLessThan(300);
  return (await response.json()) as T;
}

async function added(company: string, stage: string, followUp: string, dueOn: string): Promise<number> {
  const { application } = await api<ApplicationDetailJson>('POST', '/api/hunt/applications', { company, stage });
  await api('POST', `/api/hunt/applications/${application.id}/follow-ups`, { title: followUp, dueOn });
  return application.id;
}

async function shot(name: string, target: Page = page): Promise<void> {
  if (SHOTS) await target.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

describe.skipIf(unavailable !== null)('offers and closed applications in Chromium', { timeout: TIMEOUT }, () => {
  let initech: number;
  let globex: number;
  let today: string;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    today = (await api<HuntJson>('GET', '/api/hunt')).today;
    initech = await added('Initech', 'technical', 'Call Peter about the schedule', today);
    globex = await added('Globex', 'applied', 'Ask Hank for feedback', today);
    page = await browser.newPage();
    page.setDefaultTimeout(8_000);
  }, TIMEOUT);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('records an offer: the application moves to the offer stage, and the page says so', async () => {
    await page.goto(`${server.url}/hunt/applications/${initech}`);
    await page.locator('#application-title').waitFor();
    await page.getByRole('button', { name: 'Record an offer' }).click();
    const form = page.getByRole('form', { name: 'Offer' });
    await form.getByLabel('Base').fill('100000');
    await form.getByLabel('Currency').fill('EUR');
    await form.getByRole('button', { name: 'Save the offer' }).click();
    await page.getByRole('status').filter({ hasText: 'Recording the offer moved it from Technical to Offer.' }).waitFor();
    expect(await page.locator('.page-subtitle .stage-pill').innerText()).toBe('Offer');
    const detail = await api<ApplicationDetailJson>('GET', `/api/hunt/applications/${initech}`);
    expect(detail.history.map((e) => [e.from, e.to, e.note])).toEqual([
      [null, 'technical', ''],
      ['technical', 'offer', 'offer recorded'],
    ]);
    await shot('application-offer-moved-light');
  });

  it('rejects it: its open follow-up stays on the page, marked, and leaves the Dashboard', async () => {
    await page.locator('.stage-card select').selectOption('rejected');
    await page.getByRole('button', { name: 'Move to Rejected' }).click();
    await page.getByRole('status').filter({ hasText: '1 open follow-up is no longer listed as due; kept here.' }).waitFor();
    const card = page.locator('.follow-ups-card');
    expect(await card.locator('.follow-ups-off-lists').innerText()).toContain('the application is closed (Rejected)');
    const item = card.locator('.follow-up', { hasText: 'Call Peter about the schedule' });
    expect(await item.locator('.follow-up-due').innerText()).toMatch(/ · not listed$/u);
    expect(await item.getByRole('checkbox').isChecked()).toBe(false);
    expect(await item.locator('.due-late, .due-today').count()).toBe(0);
    await shot('application-closed-follow-up-light');

    const dark = await browser.newPage({ width: 390, height: 900, colorScheme: 'dark' });
    await dark.goto(`${server.url}/hunt/applications/${initech}`);
    await dark.locator('.follow-ups-off-lists').waitFor();
    await shot('application-closed-follow-up-dark-390', dark);
    await dark.close();

    const agenda = await api<AgendaJson>('GET', '/api/hunt/agenda');
    expect(agenda.followUps.map((f) => f.company)).toEqual(['Globex']);
    await page.goto(`${server.url}/`);
    const dashboard = page.locator('.hunt-agenda');
    await dashboard.locator('.follow-up', { hasText: 'Ask Hank for feedback' }).waitFor();
    expect(await dashboard.innerText()).not.toContain('Call Peter');

    // On the board, its card (in the opened Rejected column) shows no follow-up due; an open application's card does.
    await page.goto(`${server.url}/hunt`);
    const rejected = page.locator('[data-stage="rejected"]');
    await rejected.getByRole('button', { name: 'Show Rejected' }).click();
    const closedCard = rejected.locator(`[data-card-id="${initech}"]`);
    await closedCard.waitFor();
    expect(await closedCard.locator('.board-card-due').count()).toBe(0);
    expect(await page.locator('.board-card', { hasText: 'Globex' }).locator('.board-card-due').count()).toBe(1);
  });

  it('reopens it: the follow-up is due again, on the page and on the Dashboard', async () => {
    await page.goto(`${server.url}/hunt/applications/${initech}`);
    await page.locator('.stage-card select').selectOption('screening');
    await page.getByRole('button', { name: 'Move to Screening' }).click();
    await page.getByRole('status').filter({ hasText: '1 open follow-up is listed as due again.' }).waitFor();
    expect(await page.locator('.follow-ups-off-lists').count()).toBe(0);
    expect((await api<AgendaJson>('GET', '/api/hunt/agenda')).followUps.map((f) => f.company).sort()).toEqual(['Globex', 'Initech']);
  });

  it('archives and restores one: its open follow-up leaves the due lists and comes back, and the page says so', async () => {
    await page.goto(`${server.url}/hunt/applications/${globex}`);
    await page.locator('#application-title').waitFor();
    await page.getByRole('button', { name: 'Archive', exact: true }).click();
    await page.getByRole('status').filter({ hasText: '1 open follow-up is no longer listed as due; kept here.' }).waitFor();
    expect(await page.locator('.follow-ups-off-lists').innerText()).toContain('the application is archived');
    expect((await api<AgendaJson>('GET', '/api/hunt/agenda')).followUps.map((f) => f.company)).toEqual(['Initech']);

    await page.getByRole('button', { name: 'Restore to the board' }).click();
    await page.getByRole('status').filter({ hasText: '1 open follow-up is listed as due again.' }).waitFor();
    expect(await page.locator('.follow-ups-off-lists').count()).toBe(0);
    expect((await api<AgendaJson>('GET', '/api/hunt/agenda')).followUps.map((f) => f.company).sort()).toEqual(['Globex', 'Initech']);
  });
});
