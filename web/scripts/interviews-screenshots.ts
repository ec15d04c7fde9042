// Screenshots of interviews: a Round page (its questions logged, the question box open on its suggestions), the Gaps
// and the Stories pages, light and dark, wide and 390 px, with the user's checklist imported and a believable
// series of rounds seeded over the API.
//   npm run build && node --import tsx web/scripts/interviews-screenshots.ts [OUT_DIR]   (default /tmp/interviews-shots)
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApplicationDetailJson } from '../../src/contract/hunt.js';
import type { RoundDetailJson, StoryJson } from '../../src/contract/interviews.js';
import type { SearchResultJson } from '../../src/contract/topics.js';
import { browserUnavailable, launchBrowser, startServer } from '../../test/browser/harness.js';
import { USER_FIXTURE } from '../../test/support/fixtures.js';
import { call } from './demo-api.js';

const OUT = process.argv[2] ?? '/tmp/interviews-shots';
const CHECKLIST = 'job-interview-checklist';

type Asked = [text: string, topics: string[], score: 1 | 2 | 3 | 4 | null];
type Seed = [company: string, role: string, rounds: [days: number, kind: string, outcome: 'passed' | 'failed' | 'unknown', asked: Asked[]][]];
const SEEDS: Seed[] = [
  [
    'Globex',
    'Backend developer',
    [
      [
        -40,
        'technical',
        'passed',
        [
          ['When is a generator not an iterator?', ['yield and generators'], 2],
          ['How would you shard the sessions table?', ['sharding'], 3],
        ],
      ],
      [
        -33,
        'system-design',
        'failed',
        [
          ['Design a URL shortener', [], null],
          ['When does SQL beat a key-value store here?', ['SQL'], 1],
        ],
      ],
    ],
  ],
  [
    'Hooli',
    'Staff engineer, infrastructure',
    [
      [
        -21,
        'technical',
        'passed',
        [
          ['Explain Python descriptors', ['descriptors'], 3],
          ['Iterator protocol, by hand', ['yield and generators'], 1],
        ],
      ],
      [
        -14,
        'onsite',
        'unknown',
        [
          ['SELECT FOR UPDATE vs SKIP LOCKED for a job queue', ['SELECT FOR UPDATE'], 2],
          ['Redis as a lock: what can go wrong?', ['Redis'], 2],
        ],
      ],
    ],
  ],
  [
    'Northwind',
    'Senior Python engineer',
    [
      [
        -2,
        'technical',
        'unknown',
        [
          ['How does SELECT FOR UPDATE differ from SKIP LOCKED?', ['SELECT FOR UPDATE'], 2],
          ['Explain Python descriptors', ['descriptors'], 4],
          ['When is a generator not an iterator?', ['yield and generators'], 1],
        ],
      ],
      [1, 'system-design', 'unknown', []],
    ],
  ],
];

const STORIES = [
  {
    title: 'Billing migration in two weeks',
    situation: 'Our billing provider announced it would shut down at the end of the month, with **40,000** customers on it.',
    task: 'Move every customer to the new provider without a lost invoice.',
    action: '- split the work into three streams\n- a daily 15-minute check-in\n- a dry run on a copy of production',
    result: 'Shipped two days early; no invoice lost; the runbook became the team’s template.',
    tags: ['payments'],
    competencies: ['tight-deadline', 'ownership', 'leadership'],
  },
  {
    title: 'The outage I caused',
    situation: 'A migration I wrote locked the orders table at peak time.',
    task: 'Restore service, then make sure it could not happen again.',
    action: 'Rolled back, wrote the post-mortem, added a lock timeout check to CI.',
    result: 'Twelve minutes of downtime; the check has caught three migrations since.',
    tags: ['postgres'],
    competencies: ['failure', 'ownership'],
  },
  { title: 'Mentoring a junior through their first on-call', situation: '', task: '', action: '', result: '', tags: [], competencies: ['mentoring'] },
];

function localStart(days: number, hour: number): string {
  const at = new Date(Date.now() + days * 86_400_000);
  return `${at.toISOString().slice(0, 10)}T${String(hour).padStart(2, '0')}:00`;
}

async function main(): Promise<void> {
  const reason = browserUnavailable();
  if (reason) throw new Error(reason);
  mkdirSync(OUT, { recursive: true });
  const server = await startServer();
  const browser = await launchBrowser();
  const api = <T>(method: string, path: string, body?: unknown) => call<T>(server.url, method, path, body);
  try {
    await api('POST', '/api/imports', { text: readFileSync(USER_FIXTURE, 'utf8'), fileName: `${CHECKLIST}.md` });
    const topicIds = new Map<string, number>();
    const topicId = async (title: string) => {
      if (!topicIds.has(title)) {
        const { topics } = await api<SearchResultJson>('GET', `/api/search?q=${encodeURIComponent(title)}&checklist=${CHECKLIST}`);
        const found = topics.find((t) => t.text === title);
        if (!found) throw new Error(`no topic ${title}`);
        topicIds.set(title, found.id);
      }
      return topicIds.get(title)!;
    };
    let featured = 0;
    for (const [company, role, rounds] of SEEDS) {
      const app = await api<ApplicationDetailJson>('POST', '/api/hunt/applications', { company, role, stage: 'technical' });
      const id = app.application.id;
      const contact = await api<ApplicationDetailJson>('POST', `/api/hunt/applications/${id}/contacts`, { name: 'Sam Lee', role: 'interviewer' });
      for (const [days, kind, outcome, asked] of rounds) {
        const detail = await api<RoundDetailJson>('POST', '/api/rounds', {
          applicationId: id,
          localStart: localStart(days, 15),
          timeZone: company === 'Hooli' ? 'America/New_York' : 'Europe/Berlin',
          kind,
          outcome,
          sections: [
            { checklist: CHECKLIST, section: 'Python' },
            { checklist: CHECKLIST, section: 'Tools > Databases' },
          ],
          interviewers: [contact.contacts[0]!.id],
          link: 'https://meet.example/abc-defg-hij',
          prepNotes: '- locks: `FOR UPDATE`, `SKIP LOCKED`\n- descriptors and the attribute lookup order',
        });
        for (const [text, topics, score] of asked) {
          await api('POST', `/api/rounds/${detail.round.id}/questions`, { text, topicIds: await Promise.all(topics.map(topicId)), score });
        }
        if (company === 'Northwind' && days < 0) {
          featured = detail.round.id;
          await api('PATCH', `/api/rounds/${featured}`, {
            debrief: 'Friendly panel. The **locking** question went badly: I mixed up `NOWAIT` and `SKIP LOCKED`.\n\nNext: a system design round.',
          });
        }
      }
    }
    let billing = 0;
    for (const story of STORIES) {
      const created = await api<StoryJson>('POST', '/api/stories', story);
      if (story.title.startsWith('Billing')) {
        billing = created.id;
        await api('POST', `/api/stories/${created.id}/review`, { rating: 3 });
      }
    }

    const shots = [
      {
        name: 'round',
        path: `/rounds/${featured}?c=${CHECKLIST}`,
        ready: '.question-item',
        typing: 'How would you make SELECT FOR UPDATE wait less',
      },
      { name: 'gaps', path: `/gaps?c=${CHECKLIST}`, ready: '.gap-item' },
      { name: 'stories', path: `/stories?story=${billing}&c=${CHECKLIST}`, ready: '.story-panel', reveal: true },
      { name: 'dashboard', path: `/?c=${CHECKLIST}`, ready: '.upcoming-round' },
    ];
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const width of [1280, 390]) {
        for (const shot of shots) {
          const page = await browser.newPage({ width, height: width === 390 ? 844 : 900, colorScheme });
          await page.goto(server.url + shot.path);
          await page.waitForSelector(shot.ready);
          if (shot.typing) {
            const input = page.getByRole('combobox', { name: 'Question asked' });
            await input.focus();
            await input.pressSequentially(shot.typing, { delay: 5 });
            await page.waitForSelector('.suggestions[aria-busy="false"] .suggestion');
            await page.keyboard.press('ArrowDown');
            await page.keyboard.press('Enter');
            await page.keyboard.press('ArrowDown');
          }
          if (shot.reveal) await page.getByRole('button', { name: /Show the story/ }).click();
          // At the top, so that the sticky header does not land in the middle of a full-page shot.
          await page.evaluate(() => window.scrollTo(0, 0));
          await page.waitForTimeout(300);
          const file = join(OUT, `interviews-${shot.name}-${colorScheme}-${width}.png`);
          await page.screenshot({ path: file, fullPage: true });
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
