// The rounds as an iCalendar file, parsed back with a second library (ical.js): instants, zones and stable UIDs.
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { AppContext } from '../../../src/app/context.js';
import { addApplication, moveApplication, updateApplication } from '../../../src/app/hunt/applications.js';
import { checklistFromUpload, importChecklist } from '../../../src/app/import/import-checklist.js';
import { eventSequence, roundsCalendar } from '../../../src/app/interviews/calendar.js';
import { addQuestion, deleteQuestion } from '../../../src/app/interviews/questions.js';
import { createRound, listRounds, updateRound } from '../../../src/app/interviews/rounds.js';
import { withApp } from '../../support/app.js';
import { BACKENDS } from '../../store/backends.js';

/** Each VEVENT as ical.js reads it, its zone resolved through the file's own VTIMEZONE blocks. */
function parseEvents(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text) as unknown[]);
  for (const block of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(block));
  return calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid,
      summary: event.summary,
      description: event.description,
      url: component.getFirstPropertyValue('url'),
      tzid: component.getFirstProperty('dtstart')?.getParameter('tzid'),
      sequence: Number(component.getFirstPropertyValue('sequence')),
      status: component.getFirstPropertyValue('status'),
      start: event.startDate.toJSDate().toISOString(),
      end: event.endDate.toJSDate().toISOString(),
    };
  });
}

for (const backend of BACKENDS) {
  describe.skipIf(backend.skipReason !== null)(`the rounds’ calendar (${backend.name})`, () => {
    const run = (fn: (ctx: AppContext, setNow: (iso: string) => void) => Promise<void>) =>
      withApp(backend, '2026-12-05T09:00:00.000Z', async (ctx, setNow) => {
        await importChecklist(ctx, { file: checklistFromUpload('# Python\n- descriptors\n# Databases\n- MVCC\n', 'prep.md') });
        await fn(ctx, setNow);
      });

    it('writes each round in its own zone, and the instant read back in UTC is the round’s', () =>
      run(async (ctx) => {
        const { application } = await addApplication(ctx, { company: 'Acme', role: 'Backend engineer' });
        const berlin = await createRound(ctx, {
          applicationId: application.id,
          localStart: '2026-12-20T15:00',
          timeZone: 'Europe/Berlin',
          kind: 'technical',
          link: 'https://meet.example/abc',
          sections: [{ section: 'Databases' }],
          prepNotes: 'Read about MVCC',
        });
        const newYork = await createRound(ctx, {
          applicationId: application.id,
          localStart: '2027-07-01T09:30',
          timeZone: 'America/New_York',
          durationMinutes: 45,
          kind: 'system-design',
        });
        const text = await roundsCalendar(ctx);
        expect(text).toContain('DTSTART;TZID=Europe/Berlin:20261220T150000');
        expect(text).toContain('BEGIN:VTIMEZONE\r\nTZID:America/New_York');
        const events = parseEvents(text);
        expect(events).toEqual([
          {
            uid: `round-${berlin.round.id}@prepdeck`,
            summary: 'Acme — Backend engineer (technical)',
            description: 'Sections: Databases\n\nPreparation:\nRead about MVCC',
            url: 'https://meet.example/abc',
            tzid: 'Europe/Berlin',
            sequence: 0,
            status: null,
            start: '2026-12-20T14:00:00.000Z',
            end: '2026-12-20T15:00:00.000Z',
          },
          {
            uid: `round-${newYork.round.id}@prepdeck`,
            summary: 'Acme — Backend engineer (system-design)',
            description: '',
            url: null,
            tzid: 'America/New_York',
            sequence: 0,
            status: null,
            start: '2027-07-01T13:30:00.000Z',
            end: '2027-07-01T14:15:00.000Z',
          },
        ]);

        // A re-export after a change keeps the UID: calendars update the event.
        await updateRound(ctx, berlin.round.id, { localStart: '2026-12-21T10:00' });
        const again = parseEvents(await roundsCalendar(ctx)).find((event) => event.uid === `round-${berlin.round.id}@prepdeck`)!;
        expect(again.start).toBe('2026-12-21T09:00:00.000Z');
      }));

    it('ends every line with CRLF, the last too, and numbers each change of an event higher than the one before', () =>
      run(async (ctx, setNow) => {
        const { application } = await addApplication(ctx, { company: 'Acme' });
        const round = await createRound(ctx, { applicationId: application.id, localStart: '2026-12-20T15:00', timeZone: 'Europe/Berlin' });
        const sequence = async () => parseEvents(await roundsCalendar(ctx))[0]!.sequence;
        const text = await roundsCalendar(ctx);
        expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
        expect(text.replaceAll('\r\n', '')).not.toContain('\n');
        expect(await sequence()).toBe(0);
        setNow('2026-12-05T09:00:42.000Z');
        await updateRound(ctx, round.round.id, { localStart: '2026-12-20T16:00' });
        const first = await sequence();
        setNow('2026-12-07T18:30:00.000Z');
        await updateRound(ctx, round.round.id, { durationMinutes: 90 });
        expect([first, (await sequence()) > first]).toEqual([42, true]);
        expect(eventSequence('2026-12-05T09:00:00.000Z', '2026-12-05T09:00:00.999Z')).toBe(0);
      }));

    it('cancels the rounds of an application withdrawn or archived before them, with a higher sequence; a round held before stays', () =>
      run(async (ctx, setNow) => {
        const { application: globex } = await addApplication(ctx, { company: 'Globex', stage: 'technical' });
        const { application: initech } = await addApplication(ctx, { company: 'Initech', stage: 'technical' });
        const held = await createRound(ctx, { applicationId: globex.id, localStart: '2026-12-06T10:00', timeZone: 'UTC' });
        const onsite = await createRound(ctx, { applicationId: globex.id, localStart: '2026-12-11T10:00', timeZone: 'UTC' });
        const other = await createRound(ctx, { applicationId: initech.id, localStart: '2026-12-12T10:00', timeZone: 'UTC' });
        setNow('2026-12-08T09:00:00.000Z');
        await moveApplication(ctx, globex.id, { to: 'withdrawn' });
        await updateApplication(ctx, initech.id, { archived: true });
        const events = new Map(parseEvents(await roundsCalendar(ctx)).map((event) => [event.uid, event]));
        const event = (id: number) => events.get(`round-${id}@prepdeck`)!;
        expect([event(held.round.id).status, event(onsite.round.id).status, event(other.round.id).status]).toEqual([null, 'CANCELLED', 'CANCELLED']);
        expect(event(onsite.round.id).sequence).toBe(3 * 86_400);
        // Its application changed: a higher number costs a calendar nothing, and it stays as it was.
        expect(event(held.round.id).sequence).toBe(3 * 86_400);
        // Reopened, the round comes back with a number higher again: a lower one would leave it cancelled there.
        setNow('2026-12-09T09:00:00.000Z');
        await moveApplication(ctx, globex.id, { to: 'technical' });
        const reopened = parseEvents(await roundsCalendar(ctx)).find((e) => e.uid === `round-${onsite.round.id}@prepdeck`)!;
        expect([reopened.status, reopened.sequence]).toEqual([null, 4 * 86_400]);
      }));

    it('keeps a round called off from the first closing on, and never calls off one with questions logged', () =>
      run(async (ctx, setNow) => {
        const { application: globex } = await addApplication(ctx, { company: 'Globex', stage: 'technical' });
        const { application: acme } = await addApplication(ctx, { company: 'Acme', stage: 'technical' });
        const later = await createRound(ctx, { applicationId: globex.id, localStart: '2026-12-10T10:00', timeZone: 'UTC' });
        const asked = await createRound(ctx, { applicationId: acme.id, localStart: '2026-12-06T10:00', timeZone: 'UTC' });
        const quiet = await createRound(ctx, { applicationId: acme.id, localStart: '2026-12-06T15:00', timeZone: 'UTC' });
        // Withdrawn, then marked rejected after the round's time: it stays called off since the withdrawal.
        setNow('2026-12-08T09:00:00.000Z');
        expect((await moveApplication(ctx, globex.id, { to: 'withdrawn' })).roundsCalledOff).toBe(1);
        setNow('2026-12-12T09:00:00.000Z');
        expect((await moveApplication(ctx, globex.id, { to: 'rejected' })).roundsCalledOff).toBe(0);
        // A round held, its questions logged, then a rejection dated back before it: what was asked stays history.
        await addQuestion(ctx, asked.round.id, { text: 'Explain MVCC' });
        await moveApplication(ctx, acme.id, { to: 'rejected', on: '2026-12-05' });
        const status = new Map(parseEvents(await roundsCalendar(ctx)).map((event) => [event.uid, event.status]));
        expect([later, asked, quiet].map(({ round }) => status.get(`round-${round.id}@prepdeck`))).toEqual(['CANCELLED', null, 'CANCELLED']);
        // The list names the round called off with the closing that called it off.
        setNow('2026-12-09T09:00:00.000Z');
        const { leftOut } = await listRounds(ctx, { upcoming: true });
        expect(leftOut?.map((round) => [round.id, round.why])).toEqual([[later.round.id, 'Withdrawn']]);
      }));

    it('raises the sequence of a called-off round when a question logged in it brings it back', () =>
      run(async (ctx, setNow) => {
        const { application } = await addApplication(ctx, { company: 'Globex', stage: 'technical' });
        const round = await createRound(ctx, { applicationId: application.id, localStart: '2026-12-06T10:00', timeZone: 'UTC' });
        setNow('2026-12-07T09:00:00.000Z');
        await moveApplication(ctx, application.id, { to: 'rejected', on: '2026-12-05' });
        const before = parseEvents(await roundsCalendar(ctx))[0]!;
        setNow('2026-12-07T10:00:00.000Z');
        const { questions } = await addQuestion(ctx, round.round.id, { text: 'Explain MVCC' });
        const after = parseEvents(await roundsCalendar(ctx))[0]!;
        expect([before.status, after.status, after.sequence > before.sequence]).toEqual(['CANCELLED', null, true]);
        // Its question deleted, it is called off again, with a sequence higher still (a calendar keeps the highest).
        setNow('2026-12-07T11:00:00.000Z');
        await deleteQuestion(ctx, questions[0]!.id);
        const again = parseEvents(await roundsCalendar(ctx))[0]!;
        expect([again.status, again.sequence > after.sequence]).toEqual(['CANCELLED', true]);
      }));

    it('calls off a round all the same when its questions were written down before it, as ones expected', () =>
      run(async (ctx, setNow) => {
        const { application } = await addApplication(ctx, { company: 'Globex', stage: 'technical' });
        const round = await createRound(ctx, { applicationId: application.id, localStart: '2026-12-20T10:00', timeZone: 'UTC' });
        await addQuestion(ctx, round.round.id, { text: 'Design a rate limiter' });
        setNow('2026-12-08T09:00:00.000Z');
        expect((await moveApplication(ctx, application.id, { to: 'withdrawn' })).roundsCalledOff).toBe(1);
        expect(parseEvents(await roundsCalendar(ctx))[0]!.status).toBe('CANCELLED');
      }));
  });
}
