// The job hunt in a real browser against the real `prepdeck serve`: the user's goals as criteria, applications
// added, marked and moved (by drag and drop and from the keyboard) on the board, a contact, a follow-up on the
// Dashboard, and offers side by side. Each step is checked against what the server then holds, on both backends.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApplicationDetailJson, ApplicationListJson, HuntJson } from '../../src/contract/hunt.js';
import { BACKENDS, type TestDatabase } from '../store/backends.js';
import { hasUserFixture, USER_FIXTURE } from '../support/fixtures.js';
import { browserUnavailable, launchBrowser, startServer, type BrowserHandle, type Server } from './harness.js';

const unavailable = browserUnavailable();
if (unavailable && process.env['CI'] === 'true') throw new Error(`CI needs the browser tests to run: ${unavailable}`);
if (unavailable) console.warn(`skipping the hunt's browser tests: ${unavailable}`);

const CHECKLIST = 'job-interview-checklist';
const TIMEOUT = 30_000;

let server: Server;
let browser: BrowserHandle;
let page: Page;

async function get<T>(path: string): Promise<T> {
  const response = await fetch(`${server.url}${path}`);
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

const hunt = () => get<HuntJson>('/api/hunt');
const detail = (id: number) => get<ApplicationDetailJson>(`/api/hunt/applications/${id}`);

async function applicationId(company: string): Promise<number> {
  const { applications } = await get<ApplicationListJson>('/api/hunt/applications');
  const found = applications.find((a) => a.company === company);
  if (!found) throw new Error(`no application of ${company}`);
  return found.id;
}

async function criterionId(text: string): Promise<number> {
  const found = (await hunt()).criteria.find((c) => c.text === text);
  if (!found) throw new Error(`no criterion "${text}"`);
  return found.id;
}

/** The stages an application went through, oldest first, as the server keeps them. */
async function moves(id: number): Promise<string[]> {
  return (await detail(id)).history.map((e) => `${e.from ?? ''}>${e.to}`);
}

/**
 * Does what moves application `id` on `on` and waits until the server has answered that move. The board shows a move
 * at once, before it is saved, so the card in its new column says nothing of what the server holds yet; on a loaded
 * machine's PostgreSQL the answer came later than a poll of the server's history gave it.
 */
async function moveSaved(on: Page, id: number, act: () => Promise<void>): Promise<void> {
  const answered = on.waitForResponse(
    (response) => response.request().method() === 'POST' && new URL(response.url()).pathname === `/api/hunt/applications/${id}/moves`,
  );
  await act();
  expect((await answered).status()).toBe(200);
}

async function openApplication(company: string): Promise<number> {
  const id = await applicationId(company);
  await page.goto(`${server.url}/hunt/applications/${id}?c=${CHECKLIST}`);
  await page.locator('#application-title').waitFor();
  return id;
}

async function mark(criterion: string, value: 'Yes' | 'No' | '?'): Promise<void> {
  const row = page.locator(`.mark-row[data-criterion-id="${await criterionId(criterion)}"]`);
  await row.getByRole('button', { name: value, exact: true }).click();
  await expect.poll(() => row.getByRole('button', { name: value, exact: true }).getAttribute('aria-pressed')).toBe('true');
}

for (const backend of BACKENDS) {
  describe.skipIf(unavailable !== null || !hasUserFixture || backend.skipReason !== null)(
    `the job hunt in Chromium (${backend.name})`,
    { timeout: TIMEOUT },
    () => {
      let database: TestDatabase;

      beforeAll(async () => {
        database = await backend.createDatabase();
        [server, browser] = await Promise.all([startServer({ database: database.location }), launchBrowser()]);
        const response = await fetch(`${server.url}/api/imports`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ text: readFileSync(USER_FIXTURE, 'utf8'), fileName: `${CHECKLIST}.md` }),
        });
        expect(response.status).toBeLessThan(300);
        page = await browser.newPage();
        // A step that cannot happen fails with its own message, well before the test's time is up.
        page.setDefaultTimeout(8_000);
      }, TIMEOUT);

      afterAll(async () => {
        await browser?.close();
        await server?.stop();
        await database?.drop();
      });

      it('shows the five goals of the checklist as criteria, плюшки intact, linked from the goals panel', async () => {
        await page.goto(`${server.url}/checklist?c=${CHECKLIST}`);
        await page.getByRole('link', { name: /Job hunt criteria/ }).click();
        await page.waitForURL(`**/hunt?view=criteria&c=${CHECKLIST}`);
        // The server imports its example checklist on first start: its goals are criteria too, each saying where it comes from.
        // Named by the checklist's title (its front matter's), as the header and the picker name it, not by its file name.
        const texts = page.locator('.criteria-list .criterion', { hasText: 'goal in Job Interview Checklist' }).locator('.criterion-text');
        await expect
          .poll(() => texts.allTextContents(), { timeout: 5_000 })
          .toEqual(['full remote', 'USA/Europe', 'interesting companies', 'плюшки', 'опыт прохождения собеседований - relocation']);
      });

      it('makes "full remote" and "USA/Europe" must-haves, and weights another', async () => {
        for (const text of ['full remote', 'USA/Europe']) {
          const row = page.locator(`.criterion[data-criterion-id="${await criterionId(text)}"]`);
          await row.getByRole('button', { name: 'Must-have' }).click();
          await expect.poll(async () => (await hunt()).criteria.find((c) => c.text === text)?.kind).toBe('gate');
        }
        const perks = page.locator(`.criterion[data-criterion-id="${await criterionId('плюшки')}"]`);
        await perks.getByLabel('Weight of “плюшки”').selectOption('2');
        await expect.poll(async () => (await hunt()).criteria.find((c) => c.text === 'плюшки')?.weight).toBe(2);
      });

      it('adds two applications from the board', async () => {
        await page.goto(`${server.url}/hunt?c=${CHECKLIST}`);
        const form = page.getByRole('form', { name: 'Add an application' });
        for (const [company, role, stage] of [
          ['Acme', 'Backend engineer', 'wishlist'],
          ['Globex', 'Python developer', 'applied'],
        ] as const) {
          await form.getByLabel('Company').fill(company);
          await form.getByLabel('Role').fill(role);
          await form.getByLabel('Stage').selectOption(stage);
          await form.getByRole('button', { name: 'Add' }).click();
          await page.locator(`[data-stage="${stage}"] .board-card`, { hasText: company }).waitFor();
        }
        expect(await applicationId('Globex')).toBeGreaterThan(0);
      });

      it('marks both against the criteria: a must-have marked no shows red on the board and in the table', async () => {
        const acme = await openApplication('Acme');
        for (const c of ['full remote', 'USA/Europe', 'interesting companies']) await mark(c, 'Yes');
        await mark('плюшки', 'No');
        // Weighted: interesting companies ×3 met, плюшки ×2 not, relocation unknown: 3 / 5. Must-haves are not in the score.
        await expect.poll(async () => (await detail(acme)).application.fit.score).toBeCloseTo(0.6, 5);
        expect(await page.locator('.application-title-row .fit').textContent()).toContain('60%');

        const globex = await openApplication('Globex');
        await mark('full remote', 'No');
        await mark('USA/Europe', 'Yes');
        await expect.poll(async () => (await detail(globex)).application.fit.failedGates).toEqual([await criterionId('full remote')]);

        await page.goto(`${server.url}/hunt?c=${CHECKLIST}`);
        await expect.poll(() => page.locator('.board-card-failed').allTextContents()).toHaveLength(1);
        expect(await page.locator('.board-card-failed .board-card-company').textContent()).toBe('Globex');
        expect(await page.locator('.board-card', { hasText: 'Acme' }).locator('.gate-flag').count()).toBe(0);

        await page.getByRole('link', { name: 'Table', exact: true }).click();
        await page.waitForURL(/view=table/);
        await expect.poll(() => page.locator('.hunt-table tbody tr').count()).toBe(2);
        expect(await page.locator('.hunt-table tr.row-failed th').textContent()).toBe('Globex');
        await page.getByLabel('Must-have not met').check();
        await expect.poll(() => page.locator('.hunt-table tbody tr').count()).toBe(1);
        // The filter is in the URL: a reload keeps it.
        await page.reload();
        await expect.poll(() => page.locator('.hunt-table tbody tr').count()).toBe(1);
      });

      it('moves one card by drag and drop and another from the keyboard, and the server keeps every move', async () => {
        await page.goto(`${server.url}/hunt?c=${CHECKLIST}`);
        const acme = await applicationId('Acme');
        const globex = await applicationId('Globex');
        const card = page.locator(`[data-card-id="${acme}"]`);
        const target = page.locator('[data-stage="applied"]');
        await moveSaved(page, acme, async () => {
          const from = (await card.boundingBox())!;
          const to = (await target.boundingBox())!;
          await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
          await page.mouse.down();
          await page.mouse.move(from.x + from.width / 2 + 20, from.y + from.height / 2, { steps: 4 });
          await page.mouse.move(to.x + to.width / 2, to.y + 60, { steps: 12 });
          await page.mouse.up();
        });
        await page.locator(`[data-stage="applied"] [data-card-id="${acme}"]`).waitFor();
        expect(await moves(acme)).toEqual(['>wishlist', 'wishlist>applied']);

        // Focus the card, → to the next stage, then 4 for the fourth (Technical), ← back one.
        await page.locator(`[data-card-id="${globex}"]`).focus();
        await moveSaved(page, globex, () => page.keyboard.press('ArrowRight'));
        await page.locator(`[data-stage="screening"] [data-card-id="${globex}"]`).waitFor();
        await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset['cardId'])).toBe(String(globex));
        expect(await moves(globex)).toEqual(['>applied', 'applied>screening']);
        await moveSaved(page, globex, () => page.keyboard.press('4'));
        await page.locator(`[data-stage="technical"] [data-card-id="${globex}"]`).waitFor();
        expect(await moves(globex)).toEqual(['>applied', 'applied>screening', 'screening>technical']);
        await moveSaved(page, globex, () => page.keyboard.press('ArrowLeft'));
        expect(await moves(globex)).toEqual(['>applied', 'applied>screening', 'screening>technical', 'technical>screening']);
        expect(await page.locator('[aria-live="polite"]', { hasText: 'Globex moved to Screening.' }).count()).toBe(1);

        // The application page tells the same story as a timeline.
        await openApplication('Globex');
        await page.locator('.timeline-event').nth(3).waitFor();
        expect(await page.locator('.timeline-event').count()).toBe(4);
      });

      it('moves a card by touch: a long press picks it up, a drag drops it on another stage', async () => {
        const created = await fetch(`${server.url}/api/hunt/applications`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ company: 'Touchy' }),
        });
        const { application } = (await created.json()) as ApplicationDetailJson;
        const phone = await browser.newPage({ width: 900, height: 800 });
        const cdp = await browser.context.newCDPSession(phone);
        await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 1 });
        await phone.goto(`${server.url}/hunt?c=${CHECKLIST}`);
        const from = (await phone.locator(`[data-card-id="${application.id}"]`).boundingBox())!;
        const to = (await phone.locator('[data-stage="applied"]').boundingBox())!;
        const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', x: number, y: number) =>
          cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x, y }] });
        const [x, y] = [from.x + from.width / 2, from.y + from.height / 2];
        await moveSaved(phone, application.id, async () => {
          await touch('touchStart', x, y);
          // The sensor waits 250 ms before a touch becomes a drag, so a swipe still scrolls the board.
          await phone.waitForTimeout(400);
          for (let step = 1; step <= 10; step++)
            await touch('touchMove', x + ((to.x + to.width / 2 - x) * step) / 10, y + ((to.y + 60 - y) * step) / 10);
          await touch('touchEnd', to.x + to.width / 2, to.y + 60);
        });
        await phone.locator(`[data-stage="applied"] [data-card-id="${application.id}"]`).waitFor();
        expect(await moves(application.id)).toEqual(['>wishlist', 'wishlist>applied']);
        await phone.close();
      });

      it('adds a recruiter and a follow-up due today, which the Dashboard lists and ticks done', async () => {
        const acme = await openApplication('Acme');
        await page.getByRole('button', { name: 'Add a contact' }).click();
        const contact = page.getByRole('form', { name: 'New contact' });
        await contact.getByLabel('Name').fill('Ирина Петрова');
        await contact.getByLabel('Role').selectOption('recruiter');
        await contact.getByLabel('Email').fill('irina@example.com');
        await contact.getByRole('button', { name: 'Add contact' }).click();
        await page.locator('.contact', { hasText: 'Ирина Петрова' }).waitFor();
        expect((await detail(acme)).contacts.map((c) => [c.name, c.role])).toEqual([['Ирина Петрова', 'recruiter']]);

        const followUp = page.getByRole('form', { name: 'Add a follow-up' });
        await followUp.getByLabel('Follow-up').fill('Send the take-home');
        await followUp.getByRole('button', { name: 'Add' }).click();
        await page.locator('.follow-up', { hasText: 'Send the take-home' }).waitFor();
        const today = (await hunt()).today;
        expect((await detail(acme)).followUps.map((f) => [f.title, f.dueOn])).toEqual([['Send the take-home', today]]);

        await page.goto(`${server.url}/?c=${CHECKLIST}`);
        const agenda = page.locator('.hunt-agenda');
        await agenda.locator('.follow-up', { hasText: 'Send the take-home' }).waitFor();
        expect(await agenda.textContent()).toContain('Acme');
        await agenda.getByRole('checkbox', { name: /Send the take-home/ }).check();
        await expect.poll(async () => (await detail(acme)).followUps[0]?.doneAt).not.toBeNull();
      });

      it('records an offer and compares it with a second one, the failed must-have in red', async () => {
        const acme = await openApplication('Acme');
        await page.getByRole('button', { name: 'Record an offer' }).click();
        const form = page.getByRole('form', { name: 'Offer' });
        await form.getByLabel('Base').fill('96000');
        await form.getByLabel('Currency').fill('EUR');
        await form.getByLabel('Perks').fill('плюшки: gym, 30 days off');
        await form.getByRole('button', { name: 'Save the offer' }).click();
        await page.locator('.offer-terms').waitFor();
        expect((await detail(acme)).offer).toMatchObject({ base: 96000, currency: 'EUR', period: 'year', perks: 'плюшки: gym, 30 days off' });
        // A new offer moves the application to the offer stage, and the page says so.
        await page.getByRole('status').filter({ hasText: 'Recording the offer moved it from Applied to Offer.' }).waitFor();
        expect(await moves(acme)).toEqual(['>wishlist', 'wishlist>applied', 'applied>offer']);

        const globex = await openApplication('Globex');
        await page.getByRole('button', { name: 'Record an offer' }).click();
        await form.getByLabel('Base').fill('7500');
        await form.getByRole('combobox', { name: /^Per\b/ }).selectOption('month');
        await form.getByLabel('Currency').fill('USD');
        await form.getByRole('button', { name: 'Save the offer' }).click();
        await page.locator('.offer-terms').waitFor();
        expect((await detail(globex)).offer?.base).toBe(7500);

        await page.goto(`${server.url}/hunt?view=offers&c=${CHECKLIST}`);
        const table = page.locator('.offers-table');
        await table.waitFor();
        expect(await table.locator('thead th').allTextContents()).toEqual(['AcmeBackend engineer', 'GlobexPython developer']);
        const yearly = table.locator('tr', { hasText: 'Base per year' });
        expect(await yearly.textContent()).toContain('96,000');
        expect(await yearly.textContent()).toContain('90,000');
        expect(await table.locator('.mark-failed').count()).toBe(1);
        expect(await table.locator('tr', { hasText: 'full remote' }).locator('.mark-failed').count()).toBe(1);
      });

      it('exports the applications as a CSV from the Hunt page, which a parser reads back, Cyrillic intact', async () => {
        const created = await fetch(`${server.url}/api/hunt/applications`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ company: 'Яндекс', role: 'Бэкенд-разработчик' }),
        });
        expect(created.status).toBe(201);
        await page.goto(`${server.url}/hunt?c=${CHECKLIST}`);
        const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export CSV' }).click()]);
        const bytes = readFileSync(await download.path());
        expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
        const rows = parse<Record<string, string>>(bytes, { bom: true, columns: true });
        const { applications } = await get<ApplicationListJson>('/api/hunt/applications');
        expect(rows).toHaveLength(applications.length);
        expect(rows.some((row) => Object.values(row).includes('Яндекс') && Object.values(row).includes('Бэкенд-разработчик'))).toBe(true);
        expect(rows.some((row) => Object.values(row).includes('Globex'))).toBe(true);
      });

      it('refuses a move made against a stage changed meanwhile elsewhere: the card goes back, the page says so, nothing is written', async () => {
        await page.goto(`${server.url}/hunt?c=${CHECKLIST}`);
        const acme = await applicationId('Acme');
        await page.locator(`[data-stage="offer"] [data-card-id="${acme}"]`).waitFor();
        // The board asks nothing more while another window moves the card: what it shows is now stale.
        await page.route('**/api/hunt/applications', (route) => route.abort());
        const moved = await fetch(`${server.url}/api/hunt/applications/${acme}/moves`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ to: 'onsite', from: 'offer' }),
        });
        expect(moved.status).toBe(200);
        await page.locator(`[data-card-id="${acme}"]`).focus();
        await page.keyboard.press('ArrowRight');
        await page.getByRole('alert').filter({ hasText: 'moved meanwhile in another window' }).waitFor();
        expect(await page.locator(`[data-stage="offer"] [data-card-id="${acme}"]`).count()).toBe(1);
        await page.unroute('**/api/hunt/applications');
        await page.locator(`[data-stage="onsite"] [data-card-id="${acme}"]`).waitFor();
        expect(await moves(acme)).toEqual(['>wishlist', 'wishlist>applied', 'applied>offer', 'offer>onsite']);
      });

      it('shows every card of a long column: the first screen at once, the rest right after', async () => {
        for (let i = 1; i <= 40; i++) {
          const response = await fetch(`${server.url}/api/hunt/applications`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ company: `Long column ${i}`, stage: 'screening' }),
          });
          expect(response.status).toBe(201);
        }
        await page.goto(`${server.url}/hunt?c=${CHECKLIST}`);
        const column = page.locator('[data-stage="screening"]');
        await column.getByText('Long column 40', { exact: true }).waitFor();
        expect(await column.locator('.board-card').count()).toBeGreaterThanOrEqual(40);
        expect(await column.locator('.board-count').innerText()).toBe(String(await column.locator('.board-card').count()));
      });

      it('opens cold with one request for the applications: the HTML asks for them, and the page uses that answer', async () => {
        const cold = await browser.newPage();
        try {
          const cdp = await browser.context.newCDPSession(cold);
          await cdp.send('Network.enable');
          await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
          const asked: string[] = [];
          cold.on('request', (request) => {
            if (new URL(request.url()).pathname === '/api/hunt/applications') asked.push(request.url());
          });
          const warnings: string[] = [];
          cold.on('console', (message) => {
            if (/preload/i.test(message.text())) warnings.push(message.text());
          });
          await cold.goto(`${server.url}/hunt?c=${CHECKLIST}`);
          await cold.locator('.board-card').first().waitFor();
          // Well before the board's next poll (5 s): a second request now would be the mount asking again.
          await cold.waitForTimeout(1_000);
          expect(asked).toHaveLength(1);
          expect(warnings).toEqual([]);
          const html = await (await fetch(`${server.url}/hunt`)).text();
          expect(html).toMatch(/<link rel="preload" as="fetch" crossorigin="anonymous" href="\/api\/hunt\/applications">/);
          expect(html).toMatch(/<link rel="modulepreload" href="\/assets\/HuntPage-[\w-]+\.js">/);
        } finally {
          await cold.close();
        }
      });

      it('fits a 360 px wide screen on every hunt page, without horizontal scrolling', async () => {
        const phone = await browser.newPage({ width: 360, height: 740 });
        const acme = await applicationId('Acme');
        for (const [path, ready] of [
          ['/hunt', '.board-card'],
          ['/hunt?view=table', '.hunt-table tbody tr'],
          ['/hunt?view=criteria', '.criterion'],
          ['/hunt?view=funnel', '.funnel-step'],
          ['/hunt?view=offers', '.offers-table'],
          ['/hunt?view=settings', '.stage-list'],
          [`/hunt/applications/${acme}`, '.timeline-event'],
        ] as const) {
          await phone.goto(`${server.url}${path}`);
          await phone.locator(ready).first().waitFor();
          expect(await phone.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(360);
        }
        await phone.close();
      });
      it('renames, reorders and adds stages, and sets the time zone, from the Settings view', async () => {
        await page.goto(`${server.url}/hunt?view=settings&c=${CHECKLIST}`);
        const name = page.getByLabel('Name of the stage Screening');
        await name.fill('Recruiter call');
        await name.press('Enter');
        await page.getByLabel('Name of the stage Recruiter call').waitFor();
        await page.getByRole('button', { name: 'Move Onsite up' }).click();
        await page.locator('[data-stage-key="onsite"] + [data-stage-key="technical"]').waitFor();
        const form = page.getByRole('form', { name: 'Add a stage' });
        await form.getByLabel('New stage').fill('Take-home');
        await form.getByLabel('Before').selectOption({ label: 'Technical' });
        await form.getByRole('button', { name: 'Add stage' }).click();
        await page.getByLabel('Name of the stage Take-home').waitFor();
        await page.getByLabel('The hunt’s time zone').selectOption('Asia/Tokyo');
        await page.getByText(/Today is \d{4}-\d{2}-\d{2} there/).waitFor();
        await expect.poll(async () => (await hunt()).timeZone).toBe('Asia/Tokyo');
        expect((await hunt()).stages.slice(0, 7).map((s) => s.label)).toEqual([
          'Wishlist',
          'Applied',
          'Recruiter call',
          'Onsite',
          'Take-home',
          'Technical',
          'Offer',
        ]);
        // The board's columns follow.
        await page.goto(`${server.url}/hunt?c=${CHECKLIST}`);
        await page.locator('[data-stage="screening"] h2', { hasText: 'Recruiter call' }).waitFor();
      });
    },
  );
}
