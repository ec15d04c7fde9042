// Interviews in a real browser against the real `prepdeck serve`, the "Done when": with the user's checklist
// imported and an application in the hunt, a technical round tomorrow at 15:00 Europe/Berlin is added from the
// application's page and shows on the Dashboard with its countdown; after it, four questions are logged from the
// keyboard (three linked to suggested topics and scored, the fourth added as a new topic under "Other"), the three
// topics' next due dates move according to the scores, the Gaps page ranks them, and a STAR story for "a tight
// deadline" changes the competency matrix. Each step is checked against what the server then holds.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApplicationDetailJson } from '../../src/contract/hunt.js';
import type { RoundDetailJson, RoundListJson, StoryBankJson } from '../../src/contract/interviews.js';
import type { ImportResultJson } from '../../src/contract/imports.js';
import type { CardListJson } from '../../src/contract/review.js';
import type { SearchResultJson } from '../../src/contract/topics.js';
import { hasUserFixture, USER_FIXTURE } from '../support/fixtures.js';
import { browserUnavailable, launchBrowser, startServer, type BrowserHandle, type Server } from './harness.js';

const unavailable = browserUnavailable();
if (unavailable && process.env['CI'] === 'true') throw new Error(`CI needs the browser tests to run: ${unavailable}`);
if (unavailable) console.warn(`skipping the interviews' browser tests: ${unavailable}`);

const CHECKLIST = 'job-interview-checklist';
const TIMEOUT = 30_000;
const ZONE = 'Europe/Berlin';
const GENERATOR = 'generator and iterator - method based and class based (generator is iterator)';

let server: Server;
let browser: BrowserHandle;
let page: Page;
let applicationId: number;
let roundId: number;

async function get<T>(path: string): Promise<T> {
  const response = await fetch(`${server.url}${path}`);
  expect(response.status, path).toBe(200);
  return (await response.json()) as T;
}

async function post<T>(path: string, body: unknown): Promise<T> {
  const response = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url },
    body: JSON.stringify(body),
  });
  expect(response.status, path).toBeLessThan(300);
  return (await response.json()) as T;
}

/** Tomorrow's date in Berlin, and the instant of 15:00 on it there. */
function tomorrowAtThreeInBerlin(): { date: string; instant: string } {
  const date = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(new Date(Date.now() + 86_400_000));
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d, 15, 0);
  // Berlin's offset at that wall time: read the guess back on Berlin's clock.
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: ZONE,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  })
    .formatToParts(new Date(wall))
    .reduce<Record<string, number>>((all, p) => (p.type === 'literal' ? all : { ...all, [p.type]: Number(p.value) }), {});
  const offset = Date.UTC(parts['year'] ?? y, (parts['month'] ?? m) - 1, parts['day'] ?? d, parts['hour'] ?? 15, parts['minute'] ?? 0) - wall;
  return { date, instant: new Date(wall - offset).toISOString() };
}

/** A topic of the user's checklist by its exact title. */
async function topicId(title: string): Promise<number> {
  const { topics } = await get<SearchResultJson>(`/api/search?q=${encodeURIComponent(title)}&checklist=${CHECKLIST}`);
  const found = topics.find((t) => t.text === title);
  if (!found) throw new Error(`no topic "${title}"`);
  return found.id;
}

/** The topic card's schedule. */
async function topicCard(id: number) {
  const { cards } = await get<CardListJson>(`/api/topics/${id}/cards`);
  const card = cards.find((c) => c.kind === 'topic');
  if (!card) throw new Error(`topic ${id} has no topic card`);
  return card;
}

const round = () => get<RoundDetailJson>(`/api/rounds/${roundId}`);

/** Types a question, picks the suggestion titled `topic` with ↓ and Enter, scores it with a digit, saves with Enter. */
async function logQuestion(text: string, topic: string, score: 1 | 2 | 3 | 4): Promise<void> {
  const before = (await round()).questions.length;
  const input = page.getByRole('combobox', { name: 'Question asked' });
  await input.focus();
  await input.pressSequentially(text, { delay: 5 });
  const list = page.getByRole('listbox', { name: 'Suggested topics' });
  await expect.poll(() => list.getAttribute('aria-busy')).toBe('false');
  const titles = await list.getByRole('option').locator('.suggestion-title').allTextContents();
  const index = titles.indexOf(topic);
  expect(index, `"${topic}" among the suggestions for "${text}": ${titles.join(' | ')}`).toBeGreaterThanOrEqual(0);
  for (let i = 0; i <= index; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect.poll(() => list.getByRole('option', { name: topic, exact: false }).first().getAttribute('aria-selected')).toBe('true');
  await page.keyboard.press(String(score));
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await round()).questions.length).toBe(before + 1);
  // The box is empty and keeps the focus, for the next question.
  await expect.poll(() => input.inputValue()).toBe('');
  expect(await input.evaluate((el) => el === document.activeElement)).toBe(true);
}

describe.skipIf(unavailable !== null || !hasUserFixture)('interviews in Chromium', { timeout: TIMEOUT }, () => {
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    await post('/api/imports', { text: readFileSync(USER_FIXTURE, 'utf8'), fileName: `${CHECKLIST}.md` });
    const created = await post<ApplicationDetailJson>('/api/hunt/applications', {
      company: 'Northwind',
      role: 'Senior Python engineer',
      stage: 'technical',
    });
    applicationId = created.application.id;
    page = await browser.newPage();
    page.setDefaultTimeout(8_000);
  }, TIMEOUT);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('adds a technical round tomorrow at 15:00 Europe/Berlin from the application page, shown in both zones', async () => {
    const { date, instant } = tomorrowAtThreeInBerlin();
    await page.goto(`${server.url}/hunt/applications/${applicationId}?c=${CHECKLIST}`);
    await page.getByRole('button', { name: 'Add round' }).click();
    const form = page.getByRole('form', { name: 'Add a round' });
    await form.getByLabel('When').fill(`${date}T15:00`);
    await form.getByLabel('Time zone').fill(ZONE);
    await form.getByLabel('Kind').fill('Technical');
    const add = form.getByRole('combobox', { name: 'Add a section' });
    await add.selectOption(`${CHECKLIST}\nPython`);
    await add.selectOption(`${CHECKLIST}\nTools > Databases`);
    await form.getByRole('button', { name: 'Add the round' }).click();
    await page.locator('.round-item').waitFor();

    const { rounds } = await get<RoundListJson>(`/api/rounds?application=${applicationId}`);
    expect(rounds).toHaveLength(1);
    const added = rounds[0]!;
    roundId = added.id;
    expect(added).toMatchObject({ localStart: `${date}T15:00`, timeZone: ZONE, kind: 'technical', startsAt: instant });
    expect(added.sections.map((s) => s.path)).toEqual([['Python'], ['Tools', 'Databases']]);
    // The browser runs in UTC with en-US: Berlin's 15:00 is 2:00 PM here (1:00 PM in summer time), in its locale's clock.
    const here = new Intl.DateTimeFormat('en-US', { timeStyle: 'short', timeZone: 'UTC' }).format(new Date(instant));
    expect(await page.locator('.round-item').textContent()).toMatch(new RegExp(`3:00\\sPM Berlin.*${here.replace(/\s/gu, '\\s')} your time`));
  });

  it('shows the round on the Dashboard with a countdown, linking to its page', async () => {
    await page.goto(`${server.url}/?c=${CHECKLIST}`);
    const upcoming = page.locator('.upcoming-rounds');
    await upcoming.waitFor();
    expect(await upcoming.textContent()).toContain('Northwind');
    expect(await upcoming.locator('.countdown').first().textContent()).toMatch(/^in (1 d|\d+ h)/);
    await upcoming.getByRole('link', { name: /Northwind/ }).click();
    await page.waitForURL(`**/rounds/${roundId}?c=${CHECKLIST}`);
    await page.locator('#round-title').waitFor();
  });

  it('logs three questions from the keyboard, each linked to a suggested topic and scored, and their topics come due by their scores', async () => {
    const ids = {
      select: await topicId('SELECT FOR UPDATE'),
      descriptors: await topicId('descriptors'),
      generator: await topicId(GENERATOR),
    };
    const before = await Promise.all(Object.values(ids).map(topicCard));
    expect(before.map((c) => c.reps)).toEqual([0, 0, 0]);

    await logQuestion('How does SELECT FOR UPDATE differ from SKIP LOCKED?', 'SELECT FOR UPDATE', 2);
    await logQuestion('Explain Python descriptors', 'descriptors', 3);
    await logQuestion('When is a generator not an iterator?', GENERATOR, 1);

    const { round: r, questions } = await round();
    expect(questions.map((q) => [q.text, q.topics.map((t) => t.topicId), q.score])).toEqual([
      ['How does SELECT FOR UPDATE differ from SKIP LOCKED?', [ids.select], 2],
      ['Explain Python descriptors', [ids.descriptors], 3],
      ['When is a generator not an iterator?', [ids.generator], 1],
    ]);
    expect(await page.locator('.question-item').count()).toBe(3);

    // Each score is a review of its topic's card, dated when it was given since the round is still to come (at its
    // start it would hide the topic until then): Again comes back soonest, then Hard, then Good.
    const [select, descriptors, generator] = await Promise.all([ids.select, ids.descriptors, ids.generator].map(topicCard));
    for (const card of [select!, descriptors!, generator!]) {
      expect(card.reps).toBe(1);
      expect(Date.parse(card.lastReview!)).toBeLessThanOrEqual(Date.now());
      expect(Date.parse(card.lastReview!)).toBeLessThan(Date.parse(r.startsAt));
    }
    expect(Date.parse(generator!.due)).toBeLessThan(Date.parse(select!.due));
    expect(Date.parse(select!.due)).toBeLessThan(Date.parse(descriptors!.due));
  });

  it('adds the fourth question as a new topic under "Other", chosen from the keyboard', async () => {
    const input = page.getByRole('combobox', { name: 'Question asked' });
    await input.focus();
    await input.pressSequentially('Design a rate limiter', { delay: 5 });
    const list = page.getByRole('listbox', { name: 'Suggested topics' });
    await expect.poll(() => list.getAttribute('aria-busy')).toBe('false');
    // The last choice, after the suggestions: no topic fits.
    const options = await list.getByRole('option').count();
    for (let i = 0; i < options; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByLabel('Section for a new topic').selectOption('Other');
    const sent = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith(`/api/rounds/${roundId}/questions`));
    await input.focus();
    await page.keyboard.press('Enter');
    expect((await sent).postDataJSON()).toEqual({
      text: 'Design a rate limiter',
      topicIds: [],
      score: null,
      newTopic: { checklist: CHECKLIST, section: 'Other', asTyped: true },
    });
    await expect.poll(async () => (await round()).questions.length).toBe(4);
    const fourth = (await round()).questions[3]!;
    expect(fourth.text).toBe('Design a rate limiter');
    expect(fourth.topics.map((t) => [t.title, t.section])).toEqual([['Design a rate limiter', ['Other']]]);
    // The new topic's link shows on the question at once.
    await page.locator('.question-item').nth(3).getByRole('link', { name: 'Design a rate limiter' }).waitFor();
  });

  it('changes a score and says that the topic’s schedule was replayed', async () => {
    const item = page.locator('.question-item').nth(1);
    await item.getByRole('button', { name: /^4/ }).click();
    await item.getByRole('status').filter({ hasText: 'replayed' }).waitFor();
    expect((await round()).questions[1]!.score).toBe(4);
  });

  it('says in the new topic’s history that it was added in prepdeck, not imported', async () => {
    const added = (await round()).questions[3]!.topics[0]!.topicId;
    await page.goto(`${server.url}/topics/${added}?c=${CHECKLIST}`);
    const lines = page.locator('.history-list .history-what');
    await lines.first().waitFor();
    expect(await lines.allTextContents()).toContain('added in prepdeck');
  });

  it('shows an interview review in the topic’s history, linking to the round', async () => {
    const id = await topicId(GENERATOR);
    await page.goto(`${server.url}/topics/${id}?c=${CHECKLIST}`);
    const badge = page.locator('.history-review-interview .source-interview');
    await badge.waitFor();
    expect(await page.locator('.history-review-interview').textContent()).toContain('Again');
    expect(await badge.getAttribute('href')).toContain(`/rounds/${roundId}`);
  });

  it('ranks the topics asked on the Gaps page, the worst answered first', async () => {
    await page.goto(`${server.url}/gaps?c=${CHECKLIST}`);
    await page.locator('.gap-item').first().waitFor();
    const ranked = await page.locator('.gap-item').evaluateAll((items) => items.map((i) => Number((i as HTMLElement).dataset['topicId'])));
    const order = [await topicId(GENERATOR), await topicId('SELECT FOR UPDATE'), await topicId('descriptors')];
    expect(ranked.filter((id) => order.includes(id))).toEqual(order);
    expect(await page.locator('.gap-item').first().textContent()).toContain('asked in 1 of 1 round');
    // Study these now: a review of exactly those topics' cards.
    await page.getByRole('link', { name: 'Study these now' }).click();
    await page.waitForURL(new RegExp(`/review\\?c=${CHECKLIST}&topics=${ranked.join(',')}$`));
    await page.getByText(`Studying the ${ranked.length} topics from`).waitFor();
    await page.goto(`${server.url}/gaps?c=${CHECKLIST}`);
    await page.locator('.gap-item').first().waitFor();
    // The filters are in the URL: a kind no round has leaves nothing.
    await page.getByLabel('Round kind').selectOption('behavioural');
    await page.waitForURL(/kind=behavioural/);
    await page.getByText('No round matches these filters.').waitFor();
  });

  it('adds a STAR story for "a tight deadline", and the matrix shows it covered', async () => {
    await page.goto(`${server.url}/stories?c=${CHECKLIST}`);
    const row = page.locator('tr[data-competency="tight-deadline"]');
    await expect.poll(() => row.getAttribute('class')).toBe('coverage-none');
    await page.getByRole('button', { name: 'New story' }).click();
    const form = page.getByRole('form', { name: 'New story' });
    await form.getByLabel('Title').fill('Billing migration in two weeks');
    await form.getByLabel('Situation').fill('The old billing provider was shutting down at the end of the month.');
    await form.getByLabel('Task').fill('Move **every** customer without a lost invoice.');
    await form.getByLabel('Action').fill('Split the work, daily check-ins, a dry run on a copy.');
    await form.getByLabel('Result').fill('Shipped two days early.');
    await form.getByRole('checkbox', { name: 'A tight deadline' }).check();
    await form.getByRole('button', { name: 'Add the story' }).click();
    await expect.poll(() => row.getAttribute('class')).toBe('coverage-fresh');
    expect(await row.locator('.matrix-dot').count()).toBe(1);
    const bank = await get<StoryBankJson>('/api/stories');
    expect(bank.competencies.find((c) => c.key === 'tight-deadline')).toMatchObject({ coverage: 'fresh', stories: [bank.stories[0]!.id] });
  });

  it('fits a 390 px wide screen on the Round, Gaps and Stories pages, without horizontal scrolling', async () => {
    const phone = await browser.newPage({ width: 390, height: 844 });
    for (const [path, ready] of [
      [`/rounds/${roundId}?c=${CHECKLIST}`, '.question-item'],
      [`/gaps?c=${CHECKLIST}`, '.gap-item'],
      [`/stories?c=${CHECKLIST}`, '.matrix'],
    ] as const) {
      await phone.goto(`${server.url}${path}`);
      await phone.locator(ready).first().waitFor();
      expect(await phone.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(390);
      // One column of cards as wide as the screen allows, not each as wide as its content (a scored question's
      // segments took the questions card past the edge while the outcome card stayed as narrow as its buttons).
      const widths = await phone
        .locator('.topic-layout > * > .card')
        .evaluateAll((cards) => cards.map((c) => Math.round(c.getBoundingClientRect().width)));
      expect(new Set(widths).size, `${path}: ${widths.join(', ')}`).toBeLessThanOrEqual(1);
    }
    await phone.close();
  });

  it('says each note of a change to the round on a line of its own: a time the clocks skip and a kind near a usual one', async () => {
    await page.goto(`${server.url}/rounds/${roundId}?c=${CHECKLIST}`);
    await page.locator('.round-details').getByRole('button', { name: 'Change' }).click();
    const form = page.getByRole('form', { name: 'Change the round' });
    await form.getByLabel('When').fill('2027-03-28T02:30');
    await form.getByLabel('Time zone').fill(ZONE);
    await form.getByLabel('Kind').fill('Technicl');
    await form.getByRole('button', { name: 'Save the round' }).click();
    const notices = page.getByRole('status').locator('.round-notice');
    await expect
      .poll(() => notices.allTextContents())
      .toEqual([
        expect.stringMatching(/^02:30 on 2027-03-28 does not exist in Europe\/Berlin .*03:00/),
        "'technicl' is a new kind of round, kept as your own; it is near 'technical': change the kind if that was meant",
      ]);
    expect((await round()).round).toMatchObject({ kind: 'technicl', startsAt: '2027-03-28T01:00:00.000Z' });
  });
});

// The browser runs in UTC; this server's machine in Adelaide (UTC+9:30 or +10:30), and the hunt names no zone of its
// own: the Gaps page reads when a topic was last asked on the hunt's clock, the one its period's days are counted in,
// so that the day it shows is the day the From and To filters take.
describe.skipIf(unavailable !== null)("the Gaps page on the hunt's clock, not the browser's", { timeout: TIMEOUT }, () => {
  const HUNT_ZONE = 'Australia/Adelaide';
  let zoned: Server;
  let zonedBrowser: BrowserHandle;

  async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(zoned.url + path, {
      method,
      headers: { origin: zoned.url, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? null : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }
  const localDate = (at: string | number, timeZone: string) => new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date(at));
  /** An instant's date as an en-US page writes it in the zone ("Nov 17"), with the year when not this year's there. */
  function dayIn(at: string, timeZone: string): string {
    const date = localDate(at, timeZone);
    const year = date.slice(0, 4) === localDate(Date.now(), timeZone).slice(0, 4) ? {} : { year: 'numeric' as const };
    return new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', ...year, timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));
  }
  const timeIn = (at: string, timeZone: string) => new Intl.DateTimeFormat('en-US', { timeStyle: 'short', timeZone }).format(new Date(at));
  const plain = (text: string | null) => (text ?? '').replace(/\s/gu, ' ');

  beforeAll(async () => {
    [zoned, zonedBrowser] = await Promise.all([startServer({ timeZone: HUNT_ZONE }), launchBrowser()]);
  }, TIMEOUT);

  afterAll(async () => {
    await zonedBrowser?.close();
    await zoned?.stop();
  });

  it('shows when each topic was last asked on the hunt’s clock, naming it; on the browser’s own when they agree', async () => {
    await api<ImportResultJson>('POST', '/api/imports', { text: '# Prep\n\n## Python\n\n- [ ] descriptors\n', fileName: 'prep.md', name: 'prep' });
    const { topics } = await api<SearchResultJson>('GET', '/api/search?q=descriptors&checklist=prep');
    const { application } = await api<ApplicationDetailJson>('POST', '/api/hunt/applications', { company: 'Northwind', stage: 'technical' });
    // 20:00 UTC three weeks ago, the next morning in Adelaide: a day apart, and long enough ago to be written as a date.
    const day = new Date(Date.now() - 21 * 86_400_000).toISOString().slice(0, 10);
    const { round: held } = await api<RoundDetailJson>('POST', '/api/rounds', {
      applicationId: application.id,
      localStart: `${day}T20:00`,
      timeZone: 'UTC',
      kind: 'technical',
    });
    await api('POST', `/api/rounds/${held.id}/questions`, { text: 'Explain Python descriptors', topicIds: [topics[0]!.id] });
    const at = held.startsAt;
    expect(dayIn(at, HUNT_ZONE)).not.toBe(dayIn(at, 'UTC'));

    const page = await zonedBrowser.newPage();
    await page.goto(`${zoned.url}/gaps?c=prep`);
    const asked = page.locator('.gap-item .gap-companies time').first();
    await asked.waitFor();
    expect(plain(await asked.textContent())).toBe(`last asked ${dayIn(at, HUNT_ZONE)}`);
    expect(plain(await asked.getAttribute('title'))).toBe(`${dayIn(at, HUNT_ZONE)}, ${timeIn(at, HUNT_ZONE)}`);
    expect(await page.locator('.gaps-zone').textContent()).toBe('Days and times in Australia/Adelaide, the hunt’s time zone.');
    // The period is of the hunt's days too: the day shown finds the round, the browser's day for it does not.
    const there = localDate(at, HUNT_ZONE);
    await page.goto(`${zoned.url}/gaps?c=prep&from=${there}&to=${there}`);
    await asked.waitFor();
    await page.goto(`${zoned.url}/gaps?c=prep&from=${day}&to=${day}`);
    await page.getByText('No round matches these filters.').waitFor();

    // The hunt set to the browser's zone: the day and time read as before the change, with no zone to name.
    await api('PATCH', '/api/hunt', { timeZone: 'UTC' });
    await page.goto(`${zoned.url}/gaps?c=prep`);
    await asked.waitFor();
    expect(plain(await asked.textContent())).toBe(`last asked ${dayIn(at, 'UTC')}`);
    expect(plain(await asked.getAttribute('title'))).toBe(`${dayIn(at, 'UTC')}, ${timeIn(at, 'UTC')}`);
    expect(await page.locator('.gaps-zone').count()).toBe(0);
    await page.close();
  });
});
