// Screenshots of the job hunt: the board, the table, an application, the offers, the funnel and the criteria,
// light and dark, wide and 390 px, with the user's checklist imported and a believable hunt seeded over the API.
//   npm run build && node --import tsx web/scripts/hunt-screenshots.ts [OUT_DIR]   (default /tmp/hunt-shots)
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApplicationDetailJson, HuntJson } from '../../src/contract/hunt.js';
import { browserUnavailable, launchBrowser, startServer } from '../../test/browser/harness.js';
import { USER_FIXTURE } from '../../test/support/fixtures.js';
import { call } from './demo-api.js';

const OUT = process.argv[2] ?? '/tmp/hunt-shots';
const CHECKLIST = 'job-interview-checklist';

type Seed = [company: string, role: string, path: string[], marks: ('yes' | 'no' | 'unknown')[], extra?: Record<string, unknown>];
const SEEDS: Seed[] = [
  [
    'Northwind',
    'Senior Python engineer',
    ['applied', 'screening', 'technical', 'onsite', 'offer'],
    ['yes', 'yes', 'yes', 'yes', 'unknown'],
    { remote: 'remote' },
  ],
  ['Globex', 'Backend developer', ['applied', 'screening', 'technical'], ['no', 'yes', 'yes', 'unknown', 'yes'], { remote: 'hybrid' }],
  ['Initech', 'Platform engineer', ['applied', 'screening'], ['yes', 'yes', 'unknown', 'yes', 'unknown']],
  ['Umbrella', 'Data engineer', ['applied'], ['yes', 'unknown', 'no', 'unknown', 'unknown']],
  ['Hooli', 'Staff engineer, infrastructure', ['applied', 'screening', 'technical', 'onsite', 'offer'], ['yes', 'yes', 'yes', 'no', 'yes']],
  ['Stark Industries', 'Python developer', ['applied', 'rejected'], ['yes', 'no', 'yes', 'unknown', 'unknown']],
  ['Wayne Enterprises', 'Backend engineer (Django)', [], ['unknown', 'yes', 'unknown', 'unknown', 'unknown']],
  ['Яндекс', 'Разработчик Python', [], ['no', 'no', 'yes', 'yes', 'unknown']],
  ['Cyberdyne', 'ML platform engineer', ['applied', 'ghosted'], ['yes', 'yes', 'unknown', 'unknown', 'unknown']],
];

async function main(): Promise<void> {
  const reason = browserUnavailable();
  if (reason) throw new Error(reason);
  mkdirSync(OUT, { recursive: true });
  const server = await startServer();
  const browser = await launchBrowser();
  const api = <T>(method: string, path: string, body?: unknown) => call<T>(server.url, method, path, body);
  try {
    await api('POST', '/api/imports', { text: readFileSync(USER_FIXTURE, 'utf8'), fileName: `${CHECKLIST}.md` });
    const hunt = await api<HuntJson>('GET', '/api/hunt');
    const goals = hunt.criteria.filter((c) => c.checklist === CHECKLIST);
    // Only the user's goals: the example checklist's are archived, as a user who never looks at it would.
    for (const c of hunt.criteria.filter((c) => c.checklist !== CHECKLIST)) await api('PATCH', `/api/hunt/criteria/${c.id}`, { archived: true });
    await api('PATCH', `/api/hunt/criteria/${goals[0]!.id}`, { kind: 'gate' });
    await api('PATCH', `/api/hunt/criteria/${goals[1]!.id}`, { kind: 'gate' });
    await api('PATCH', `/api/hunt/criteria/${goals[2]!.id}`, { weight: 5 });
    await api('PATCH', `/api/hunt/criteria/${goals[3]!.id}`, { weight: 2 });
    const ids = new Map<string, number>();
    for (const [company, role, path, marks, extra] of SEEDS) {
      const created = await api<ApplicationDetailJson>('POST', '/api/hunt/applications', {
        company,
        role,
        stage: 'wishlist',
        location: 'Berlin / remote',
        salary: { min: 80000, max: 105000, currency: 'EUR', period: 'year' },
        source: 'job board',
        tags: ['python'],
        ...extra,
      });
      const id = created.application.id;
      ids.set(company, id);
      let from = 'wishlist';
      for (const to of path) {
        await api('POST', `/api/hunt/applications/${id}/moves`, {
          to,
          from,
          note: to === 'technical' ? 'Live coding: an LRU cache, then a system design chat' : '',
        });
        from = to;
      }
      for (const [i, value] of marks.entries()) {
        await api('PUT', `/api/hunt/applications/${id}/marks/${goals[i]!.id}`, {
          value,
          note: i === 0 && value === 'no' ? '2 days a week in the office' : '',
        });
      }
    }
    const featured = ids.get('Northwind')!;
    await api('POST', `/api/hunt/applications/${featured}/contacts`, { name: 'Ирина Петрова', role: 'recruiter', email: 'irina@northwind.example' });
    await api('POST', `/api/hunt/applications/${featured}/contacts`, {
      name: 'Sam Lee',
      role: 'hiring-manager',
      link: 'https://www.linkedin.com/in/example',
    });
    await api('POST', `/api/hunt/applications/${featured}/follow-ups`, { title: 'Send the signed NDA', dueOn: hunt.today });
    await api('POST', `/api/hunt/applications/${featured}/follow-ups`, { title: 'Ask about the equity refresh', dueOn: '2026-12-09' });
    await api('PUT', `/api/hunt/applications/${featured}/offer`, {
      currency: 'EUR',
      period: 'year',
      base: 98000,
      bonus: 8000,
      equity: { amount: 40000, vesting: '4 years, 1-year cliff' },
      signOn: 5000,
      perks: 'Conference budget, 30 days off',
      remote: 'remote',
      startOn: '2027-02-01',
      deadlineOn: '2026-12-12',
    });
    await api('PUT', `/api/hunt/applications/${ids.get('Hooli')!}/offer`, {
      currency: 'USD',
      period: 'month',
      base: 9500,
      bonus: null,
      perks: 'Relocation package',
      remote: 'hybrid',
      deadlineOn: '2026-12-18',
    });
    await api('PATCH', `/api/hunt/applications/${featured}`, {
      notes: '## Why Northwind\n\n- fully remote, EU hours\n- the team owns the **payments** platform\n',
    });

    const shots = [
      { name: 'hunt-board', path: `/hunt?c=${CHECKLIST}`, ready: '.board-card' },
      { name: 'hunt-table', path: `/hunt?view=table&c=${CHECKLIST}`, ready: '.hunt-table tbody tr' },
      { name: 'hunt-application', path: `/hunt/applications/${featured}?c=${CHECKLIST}`, ready: '.timeline-event' },
      { name: 'hunt-offers', path: `/hunt?view=offers&c=${CHECKLIST}`, ready: '.offers-table' },
      { name: 'hunt-funnel', path: `/hunt?view=funnel&c=${CHECKLIST}`, ready: '.funnel-chart canvas' },
      { name: 'hunt-criteria', path: `/hunt?view=criteria&c=${CHECKLIST}`, ready: '.criterion' },
      { name: 'hunt-settings', path: `/hunt?view=settings&c=${CHECKLIST}`, ready: '.stage-list' },
      { name: 'hunt-dashboard', path: `/?c=${CHECKLIST}`, ready: '.hunt-agenda' },
    ];
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const width of [1280, 390]) {
        for (const shot of shots) {
          const page = await browser.newPage({ width, height: width === 390 ? 844 : 800, colorScheme });
          await page.goto(server.url + shot.path);
          await page.waitForSelector(shot.ready);
          await page.waitForTimeout(300);
          const file = join(OUT, `${shot.name}-${colorScheme}-${width}.png`);
          await page.screenshot({ path: file, fullPage: shot.name === 'hunt-application' || width === 390 });
          console.log(file);
          await page.close();
        }
      }
    }
  } finally {
    await browser.close();
    await server.stop();
  }
}

await main();
