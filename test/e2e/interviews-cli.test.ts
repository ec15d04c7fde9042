// Interview rounds from the terminal, spawned as a user runs it, on SQLite and PostgreSQL: the "Done when"
// (the fixture imported, an application, a technical round tomorrow at 15:00 in Berlin, questions linked and scored
// and their topics' due dates moving by the scores, the evidence in `show --json`, the calendar parsed back).
import ICAL from 'ical.js';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApplicationDetailJson } from '../../src/contract/hunt.js';
import type { RoundDetailJson, RoundListJson } from '../../src/contract/interviews.js';
import type { CardListJson } from '../../src/contract/review.js';
import type { TopicReviewJson } from '../../src/contract/topics.js';
import { BACKENDS, type TestDatabase } from '../store/backends.js';
import { hasUserFixture, USER_FIXTURE } from '../support/fixtures.js';
import { cliFor, type Cli } from './run-cli.js';

/** Tomorrow's date in Berlin, as a user there would type it. */
function tomorrowInBerlin(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    Date.now() + 86_400_000,
  );
}

/** The UTC instant of `local` (YYYY-MM-DDTHH:MM) in Berlin, worked out without prepdeck. */
function berlinInstant(local: string): string {
  const guess = Date.parse(`${local}:00Z`);
  for (const offset of [60, 120]) {
    const candidate = guess - offset * 60_000;
    const shown = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin', dateStyle: 'short', timeStyle: 'short' }).format(candidate);
    if (shown.replace(' ', 'T') === local) return new Date(candidate).toISOString();
  }
  throw new Error(`no Berlin instant for ${local}`);
}

for (const backend of BACKENDS) {
  describe.skipIf(backend.skipReason !== null || !hasUserFixture)(
    `interview rounds from the terminal (${backend.name})`,
    { timeout: 120_000 },
    () => {
      let database: TestDatabase;
      let cli: Cli;
      beforeAll(async () => {
        database = await backend.createDatabase();
        cli = cliFor(database.location);
        const fixture = join(cli.home, 'job-interview-checklist.md');
        // The shared fixture is read-only: write its bytes, not the file with its mode.
        writeFileSync(fixture, readFileSync(USER_FIXTURE));
        expect((await cli.run(['import', fixture])).code).toBe(0);
      }, 60_000);
      afterAll(async () => {
        cli.dispose();
        await database.drop();
      });

      it('logs a round tomorrow in Berlin, scores its questions into review, and exports it as a calendar', async () => {
        const { application } = await cli.json<ApplicationDetailJson>(['apps', 'add', 'Acme', '--role', 'Backend engineer', '--stage', 'technical']);
        expect((await cli.run(['apps', 'contact', 'acme', 'Dana Li', '--role', 'interviewer'])).code).toBe(0);
        const local = `${tomorrowInBerlin()}T15:00`;
        // A mistyped section is refused in one line naming the nearest one, and no round is added.
        const typo = await cli.run(['rounds', 'add', 'acme', '--at', local, '--tz', 'Europe/Berlin', '--sections', 'Databses,Python']);
        expect([typo.code, typo.stdout, typo.stderr]).toEqual([
          1,
          '',
          "prepdeck: error: --sections: no section of 'job-interview-checklist' is named 'Databses'; did you mean 'Databases'?\n",
        ]);
        const added = await cli.json<RoundDetailJson>([
          'rounds',
          'add',
          'acme',
          '--at',
          local,
          '--tz',
          'Europe/Berlin',
          '--kind',
          'technical',
          '--sections',
          'Databases,Python',
          '--interviewer',
          'dana',
        ]);
        const { round } = added;
        expect(round).toMatchObject({
          applicationId: application.id,
          startsAt: berlinInstant(local),
          localStart: local,
          timeZone: 'Europe/Berlin',
          kind: 'technical',
          interviewers: [{ name: 'Dana Li', role: 'interviewer' }],
        });
        expect(round.sections.map((s) => s.path)).toEqual([['Tools', 'Databases'], ['Python']]);

        const upcoming = await cli.json<RoundListJson>(['rounds', '--upcoming']);
        expect(upcoming.rounds.map((r) => r.id)).toEqual([round.id]);
        const listed = await cli.run(['rounds', '--upcoming']);
        expect(listed.stdout).toMatch(/Acme — Backend engineer \(technical\)\s+in (1 d|\d+ h)/);

        const due = async (topic: string) => (await cli.json<CardListJson>(['card', 'list', topic])).cards[0]!;
        const topics = { lock: 'SELECT FOR UPDATE', descriptors: 'descriptors', generators: 'generator and iterator' };
        for (const topic of Object.values(topics)) expect((await due(topic)).state).toBe('new');

        const ask = (question: string, ...rest: string[]) => cli.json<RoundDetailJson>(['ask', String(round.id), question, ...rest]);
        await ask('How does SELECT FOR UPDATE differ from SKIP LOCKED?', '--topic', topics.lock, '--score', '1');
        await ask('Explain Python descriptors', '--topic', topics.descriptors, '--score', '4');
        await ask('When is a generator not an iterator?', '--topic', topics.generators, '--score', '3');
        const mistyped = await cli.run(['ask', String(round.id), 'Design a rate limiter', '--new-topic', 'Othr']);
        expect([mistyped.code, mistyped.stdout, mistyped.stderr]).toEqual([
          1,
          '',
          "prepdeck: error: --new-topic: no section of 'job-interview-checklist' is named 'Othr'; did you mean 'Other'?\n",
        ]);
        const last = await ask('Design a rate limiter', '--new-topic', 'Other');
        expect(last.questions.map((q) => q.score)).toEqual([1, 4, 3, null]);
        // The fourth touched nothing: it is a new topic of the top-level Other, linked, written at the next sync.
        expect(last.questions[3]!.topics).toEqual([expect.objectContaining({ title: 'Design a rate limiter', section: ['Other'], archived: false })]);
        const newTopic = await cli.json<{ topic: { origin: string } }>(['show', 'Design a rate limiter']);
        expect(newTopic.topic).toMatchObject({ origin: 'app' });
        // Its first line is the new topic's title as typed, as `add` takes one: `__slots__` keeps its underscores.
        const slots = await ask('__slots__ and memory', '--new-topic', 'Python > Core');
        expect(slots.questions.at(-1)!.topics).toEqual([
          expect.objectContaining({ title: '\\_\\_slots\\_\\_ and memory', section: ['Python', 'Core'] }),
        ]);
        const slotsTopic = await cli.json<{ topic: { text: string; origin: string } }>(['show', '__slots__ and memory']);
        expect(slotsTopic.topic).toMatchObject({ text: '__slots__ and memory', origin: 'app' });

        // The due dates moved by the scores, Again soonest, Easy furthest: from the moment each was given, since the
        // round is still to come (a review dated at its start would hide the topics until then).
        const [lock, descriptors, generators] = [await due(topics.lock), await due(topics.descriptors), await due(topics.generators)];
        for (const card of [lock, descriptors, generators]) {
          expect(Date.parse(card.lastReview!)).toBeLessThanOrEqual(Date.now());
          expect(Date.parse(card.lastReview!)).toBeLessThan(Date.parse(round.startsAt));
        }
        expect(Date.parse(lock.due)).toBeLessThan(Date.parse(generators.due));
        expect(Date.parse(generators.due)).toBeLessThan(Date.parse(descriptors.due));

        const shown = await cli.json<{ reviews: TopicReviewJson[] }>(['show', topics.lock]);
        expect(shown.reviews).toEqual([
          { at: lock.lastReview, rating: 1, source: 'interview', questionId: last.questions[0]!.id, roundId: round.id },
        ]);

        // Rescored, the same line is rewritten; cleared, the card is as it was.
        const questionId = String(last.questions[0]!.id);
        expect((await cli.run(['questions', 'score', questionId, '3'])).code).toBe(0);
        expect((await cli.json<{ reviews: TopicReviewJson[] }>(['show', topics.lock])).reviews.map((r) => r.rating)).toEqual([3]);
        expect((await cli.run(['questions', 'score', questionId, '--clear'])).code).toBe(0);
        expect(await due(topics.lock)).toMatchObject({ state: 'new', reps: 0, lastReview: null });

        // The calendar, parsed back by a second library: the instant in UTC is the round's.
        const ics = await cli.run(['rounds', '--ics']);
        expect(ics.code).toBe(0);
        const calendar = new ICAL.Component(ICAL.parse(ics.stdout) as unknown[]);
        for (const block of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(block));
        const vevent = calendar.getFirstSubcomponent('vevent')!;
        const event = new ICAL.Event(vevent);
        expect(event.uid).toBe(`round-${round.id}@prepdeck`);
        expect(event.summary).toBe('Acme — Backend engineer (technical)');
        expect(event.startDate.toJSDate().toISOString()).toBe(round.startsAt);
        expect(vevent.getFirstProperty('dtstart')?.getParameter('tzid')).toBe('Europe/Berlin');

        const text = await cli.run(['rounds', 'show', String(round.id)]);
        expect(text.stdout).toContain('Design a rate limiter');
        expect(text.stdout).toContain('in ');
      });

      it('answers bad input with one line: exit 1 for what the app refuses, 2 for misuse', async () => {
        const run = async (args: string[], code: number, message: RegExp) => {
          const result = await cli.run(args);
          expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(code);
          expect(result.stderr.trim().split('\n')).toHaveLength(1);
          expect(result.stderr).toMatch(message);
        };
        // A zone is checked as the option is read, as settings --time-zone is: misuse, the nearest zone named.
        await run(
          ['rounds', 'add', 'acme', '--at', '2026-12-20T15:00', '--tz', 'Mars/Olympus'],
          2,
          /error: --tz must be an IANA time zone such as Europe\/Berlin, not 'Mars\/Olympus'/,
        );
        await run(
          ['rounds', 'add', 'acme', '--at', '2026-12-20T15:00', '--tz', 'Europe/Berln'],
          2,
          /error: --tz must be an IANA time zone such as Europe\/Berlin, not 'Europe\/Berln'; did you mean 'Europe\/Berlin'\?/,
        );
        await run(
          ['rounds', 'add', 'acme', '--at', '2026-02-30T15:00'],
          2,
          /error: --at: '2026-02-30T15:00' is not a date and time \(February 2026 has 28 days\)/,
        );
        await run(
          ['rounds', 'add', 'acme', '--at', '2026-12-20T24:00'],
          2,
          /error: --at: '2026-12-20T24:00' is not a date and time \(a time is 00:00 to 23:59\)/,
        );
        await run(['rounds', 'add', 'acme', '--at', 'tomorrow'], 2, /--at must be a local date and time/);
        await run(['rounds', 'add', 'acme'], 2, /--at/);
        await run(['rounds', 'show', '999'], 1, /no round 999/);
        const { rounds } = await cli.json<RoundListJson>(['rounds']);
        await run(['ask', String(rounds[0]!.id), 'q', '--score', '5'], 2, /--score must be a whole number from 1 to 4/);
        await run(['rounds', 'delete', String(rounds[0]!.id)], 2, /--yes/);
        const gap = await cli.run(['rounds', 'add', 'acme', '--at', '2027-03-28T02:30', '--tz', 'Europe/Berlin']);
        expect(gap.code).toBe(0);
        expect(gap.stdout).toMatch(/note: 02:30 on 2027-03-28 does not exist in Europe\/Berlin/);
      });

      it('says which filter found no round; a kind no round has is misuse naming the nearest', async () => {
        const { rounds } = await cli.json<RoundListJson>(['rounds']);
        expect((await cli.run(['apps', 'add', 'Globex'])).code).toBe(0);
        for (const [args, said] of [
          [['rounds', '--kind', 'onsite'], 'no rounds of kind onsite'],
          [['rounds', '--upcoming', '--kind', 'recruiter'], 'no upcoming rounds of kind recruiter'],
          [['rounds', '--app', 'globex'], 'no rounds for Globex'],
        ] as const) {
          const result = await cli.run([...args]);
          expect([args.join(' '), result.code, result.stdout]).toEqual([
            args.join(' '),
            0,
            `${said}; \`prepdeck rounds\` lists all ${rounds.length}\n`,
          ]);
        }
        const typo = await cli.run(['rounds', '--kind', 'tecnical']);
        expect([typo.code, typo.stdout, typo.stderr]).toEqual([
          2,
          '',
          "prepdeck: error: --kind: no round is of the kind 'tecnical'; did you mean 'technical'?\n",
        ]);
        expect((await cli.run(['rounds', '--kind', 'tecnical', '--json'])).code).toBe(2);
        const unknown = await cli.run(['rounds', '--app', '999']);
        expect([unknown.code, unknown.stdout]).toEqual([1, '']);
      });
    },
  );
}
