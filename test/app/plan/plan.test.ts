// The plan to a date on both backends, on the user's own checklist: a target of Python and Databases two weeks
// ahead with an hour on weekdays; today's list kept for the day and studied through the review queue; the next
// day behind; rounds as targets; the calendar parsed back; costs from the log; bad input refused naming the field.
import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppContext } from '../../../src/app/context.js';
import { addApplication, moveApplication, updateApplication } from '../../../src/app/hunt/applications.js';
import { checklistFromUpload, importChecklist } from '../../../src/app/import/import-checklist.js';
import { createRound } from '../../../src/app/interviews/rounds.js';
import { planCalendar } from '../../../src/app/plan/calendar.js';
import { replan, studyPlan } from '../../../src/app/plan/plan.js';
import { showPlanSettings, updatePlanSettings } from '../../../src/app/plan/settings.js';
import { addTarget, listTargets, removeTarget, updateTarget } from '../../../src/app/plan/targets.js';
import { answerCard, reviewQueue } from '../../../src/app/review/review.js';
import { updateReviewSettings } from '../../../src/app/review/settings.js';
import type { PlanSettingsPatchJson } from '../../../src/contract/plan.js';
import { InvalidInputError, NotFoundError } from '../../../src/core/errors.js';
import { withApp } from '../../support/app.js';
import { hasUserFixture, USER_FIXTURE } from '../../support/fixtures.js';
import { BACKENDS } from '../../store/backends.js';

// Counts the planner's runs, so that a test can say when a plan was made.
const planner = vi.hoisted(() => ({ runs: 0 }));
vi.mock('../../../src/core/plan/plan.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../src/core/plan/plan.js')>();
  return {
    ...original,
    planStudy: (...args: Parameters<typeof original.planStudy>) => {
      planner.runs++;
      return original.planStudy(...args);
    },
  };
});
beforeEach(() => {
  planner.runs = 0;
});

// A Monday morning; the target two weeks on, a Monday at 09:00 UTC.
const START = '2026-12-07T07:00:00.000Z';
const DAY_MS = 86_400_000;
const later = (days: number, from = START) => new Date(Date.parse(from) + days * DAY_MS).toISOString();

async function importFixture(ctx: AppContext): Promise<void> {
  await importChecklist(ctx, { file: checklistFromUpload(readFileSync(USER_FIXTURE, 'utf8'), 'prep.md'), name: 'prep' });
  await updateReviewSettings(ctx, 'prep', { timeZone: 'UTC' });
}

for (const backend of BACKENDS) {
  // The user's whole checklist planned over weeks, several times a test: seconds on a busy machine, more than vitest's default 5 s.
  describe.skipIf(backend.skipReason !== null || !hasUserFixture)(`the plan to a date (${backend.name})`, { timeout: 60_000 }, () => {
    const run = (fn: (ctx: AppContext, setNow: (iso: string) => void) => Promise<void>) =>
      withApp(backend, START, async (ctx, setNow) => {
        await importFixture(ctx);
        await fn(ctx, setNow);
      });

    it('says how to begin when there is no target', () =>
      run(async (ctx) => {
        const plan = await studyPlan(ctx, { checklist: 'prep' });
        expect(plan).toMatchObject({ targets: [], today: null, items: [], days: [], behind: null });
        expect(plan.summary).toMatch(/^No target yet/);
      }));

    it('plans Python and Databases to a date: today within the minutes, readiness plan >= usual and stop, the list kept and studied', () =>
      run(async (ctx, setNow) => {
        await updatePlanSettings(ctx, 'prep', { minutesPerDay: 60, weekdays: ['mon', 'tue', 'wed', 'thu', 'fri'] });
        const target = await addTarget(ctx, 'prep', { date: '2026-12-21', sections: ['Python', 'Databases'] });
        expect(target).toMatchObject({ label: 'Python, Databases', date: '2026-12-21', at: '2026-12-21T09:00:00.000Z', weight: 1, roundId: null });
        expect(target.sections.map((s) => s.path.at(-1))).toEqual(['Python', 'Databases']);

        const plan = await studyPlan(ctx, { checklist: 'prep' });
        const [t] = plan.targets;
        expect(t!.target.topics).toBeGreaterThan(20);
        expect(t!.readiness.plan).toBeGreaterThanOrEqual(t!.readiness.usual);
        expect(t!.readiness.plan).toBeGreaterThan(t!.readiness.stop);
        // A point a day, after that day's study, up to the target's own morning.
        expect(t!.curve.map((p) => p.date)).toEqual(Array.from({ length: 15 }, (_, i) => later(i).slice(0, 10)));
        expect(plan.parameters).toBe('default');
        expect(plan.today!.date).toBe('2026-12-07');
        expect(plan.today!.minutesPlanned).toBeLessThanOrEqual(60 + 1e-9);
        expect(plan.items.length).toBeGreaterThan(0);
        expect(plan.items).toEqual(plan.today!.items);
        for (const item of plan.items) {
          expect(['Python', 'Tools'].includes(item.section[0]!), item.section.join(' > ')).toBe(true);
          expect(item.why).toMatch(/^(new, needed by Python, Databases in \d+ days|review( now)?: recall would fall to \d+% by Python, Databases)$/);
          expect(item.done).toBe(false);
        }
        expect(plan.summary).toMatch(/^Today: .*about \d+ minutes, for Python, Databases in 14 days\.$/);
        // The same count in the JSON the terminal and the web page print: whole days between the dates.
        expect(t).toMatchObject({ daysLeft: 14, when: 'in 14 days' });
        // Saturdays and Sundays are rest days; a weekday is a study day.
        expect(plan.days.find((d) => d.date === '2026-12-12')).toMatchObject({ minutesAvailable: 0, items: [], noStudy: 'weekday' });
        expect(plan.days.find((d) => d.date === '2026-12-14')).not.toHaveProperty('noStudy');
        // The costs the plan used, with where each comes from.
        expect(plan).toMatchObject({
          costs: { learnTopicMinutes: 20, reviewTopicSeconds: 60, reviewQaSeconds: 20 },
          costSources: { learnTopicMinutes: 'default', reviewTopicSeconds: 'default', reviewQaSeconds: 'default' },
          sectionCosts: [],
        });

        // The review session of the plan takes today's items in the plan's order; answering ticks them off.
        const queue = await reviewQueue(ctx, { checklist: 'prep', plan: true, limit: 500 });
        expect(queue.cards.map((c) => c.card.id)).toEqual(plan.items.map((i) => i.cardId));
        for (const { card } of queue.cards.slice(0, 2)) await answerCard(ctx, card.id, 3, 45_000);
        const after = await studyPlan(ctx, { checklist: 'prep' });
        expect(after.items.map((i) => i.cardId)).toEqual(plan.items.map((i) => i.cardId));
        expect(after.items.filter((i) => i.done).map((i) => i.cardId)).toEqual(plan.items.slice(0, 2).map((i) => i.cardId));
        expect(after.today!.minutesDone).toBe(1.5);
        expect((await reviewQueue(ctx, { checklist: 'prep', plan: true })).cards.map((c) => c.card.id)).toEqual(
          plan.items.slice(2).map((i) => i.cardId),
        );

        // The next day, the rest undone: behind by what was planned and not studied; readiness on the day moved.
        setNow(later(1));
        const tomorrow = await studyPlan(ctx, { checklist: 'prep' });
        const undone = plan.items.slice(2).reduce((sum, i) => sum + i.minutes, 0);
        expect(tomorrow.behind).toMatchObject({ since: '2026-12-07', minutes: Math.round(plan.today!.minutesPlanned - 1.5) });
        expect(tomorrow.behind!.readiness).toEqual([
          { targetId: target.id, label: 'Python, Databases', before: t!.readiness.plan, now: tomorrow.targets[0]!.readiness.plan },
        ]);
        expect(undone).toBeGreaterThan(0);
        expect(tomorrow.history).toEqual([
          { date: '2026-12-07', minutesPlanned: Math.round(plan.today!.minutesPlanned * 10) / 10, minutesDone: 1.5 },
        ]);
        expect(tomorrow.today!.date).toBe('2026-12-08');
      }));

    it('is not behind a day planned in another time zone: the zone changed and back', () =>
      run(async (ctx) => {
        await updateReviewSettings(ctx, 'prep', { timeZone: 'Europe/Moscow' });
        await updatePlanSettings(ctx, 'prep', { weekdays: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] });
        await addTarget(ctx, 'prep', { date: '2026-12-14', sections: ['Databases'] });
        const moscow = await studyPlan(ctx, { checklist: 'prep' });
        expect(moscow.today!.date).toBe('2026-12-07');
        // 02:00 in New York: still the study day of the 6th there, planned now.
        await updateReviewSettings(ctx, 'prep', { timeZone: 'America/New_York' });
        expect((await studyPlan(ctx, { checklist: 'prep' })).today!.date).toBe('2026-12-06');
        await updateReviewSettings(ctx, 'prep', { timeZone: 'Europe/Moscow' });
        const back = await studyPlan(ctx, { checklist: 'prep' });
        expect(back.behind).toBeNull();
        expect(back.items.map((i) => i.cardId)).toEqual(moscow.items.map((i) => i.cardId));
      }));

    it('studies today’s kept list without planning again: the queue reads the list and ticks it off; made once on a day with none', () =>
      run(async (ctx, setNow) => {
        await updatePlanSettings(ctx, 'prep', { learnTopicMinutes: 5 });
        await addTarget(ctx, 'prep', { date: '2026-12-14', sections: ['Python', 'Databases'] });
        const plan = await studyPlan(ctx, { checklist: 'prep' });
        const ids = plan.items.map((i) => i.cardId);
        expect(ids.length).toBeGreaterThan(3);
        planner.runs = 0;
        for (let k = 0; k < 3; k++) {
          const queue = await reviewQueue(ctx, { checklist: 'prep', plan: true, limit: 500 });
          expect(queue.cards.map((c) => c.card.id)).toEqual(ids.slice(k));
          await answerCard(ctx, queue.cards[0]!.card.id, 3, 30_000);
        }
        expect((await reviewQueue(ctx, { checklist: 'prep', plan: true, limit: 500 })).cards.map((c) => c.card.id)).toEqual(ids.slice(3));
        expect(planner.runs).toBe(0);

        // The next morning no list is kept yet: the queue makes it (once) and keeps it, as the plan then shows it.
        setNow(later(1));
        const first = (await reviewQueue(ctx, { checklist: 'prep', plan: true, limit: 500 })).cards.map((c) => c.card.id);
        expect((await reviewQueue(ctx, { checklist: 'prep', plan: true, limit: 500 })).cards.map((c) => c.card.id)).toEqual(first);
        expect(planner.runs).toBe(1);
        expect((await studyPlan(ctx, { checklist: 'prep' })).items.map((i) => i.cardId)).toEqual(first);
      }));

    it('plans nothing more for a target once it has begun, though its morning list was kept', () =>
      run(async (ctx, setNow) => {
        await addTarget(ctx, 'prep', { date: '2026-12-08', sections: ['Databases'] });
        setNow('2026-12-08T07:00:00.000Z');
        expect((await reviewQueue(ctx, { checklist: 'prep', plan: true })).cards.length).toBeGreaterThan(0);
        setNow('2026-12-08T10:00:00.000Z');
        expect((await reviewQueue(ctx, { checklist: 'prep', plan: true })).cards).toEqual([]);
        expect((await studyPlan(ctx, { checklist: 'prep' })).items).toEqual([]);
      }));

    it('keeps today’s list for the day, makes it again on demand or when the availability changes', () =>
      run(async (ctx) => {
        await addTarget(ctx, 'prep', { date: '2026-12-14', sections: ['Databases'] });
        const first = await studyPlan(ctx, { checklist: 'prep' });
        expect((await studyPlan(ctx, { checklist: 'prep' })).items).toEqual(first.items);
        expect((await replan(ctx, { checklist: 'prep' })).items).toEqual(first.items);
        await updatePlanSettings(ctx, 'prep', { minutesPerDay: 10 });
        const less = await studyPlan(ctx, { checklist: 'prep' });
        expect(less.today!.minutesPlanned).toBeLessThanOrEqual(10 + 1e-9);
        expect(less.today!.minutesPlanned).toBeLessThan(first.today!.minutesPlanned);
        expect(less.targets[0]!.note).toMatch(/^with 10 minutes on mon-fri, \d+ of \d+ new cards can be learned by then; these \d+ are left out$/);
      }));

    it('plans the same days ahead at every look of a day, and when today’s list is made again at another hour', () =>
      run(async (ctx, setNow) => {
        await addTarget(ctx, 'prep', { date: '2026-12-21', sections: ['Python', 'Databases'] });
        const ahead = (plan: Awaited<ReturnType<typeof studyPlan>>) => ({ days: plan.days, targets: plan.targets });
        const events = (ics: string) =>
          ICAL.Component.fromString(ics)
            .getAllSubcomponents('vevent')
            .map((e) => [e.getFirstPropertyValue('uid'), e.getFirstPropertyValue('summary'), e.getFirstPropertyValue('description')]);
        const morning = await studyPlan(ctx, { checklist: 'prep' });
        const calendar = events(await planCalendar(ctx, 'prep'));
        expect(calendar.length).toBeGreaterThan(3);
        for (const hour of ['07:00:30', '13:05:00', '23:59:00']) {
          setNow(`2026-12-07T${hour}.000Z`);
          expect(ahead(await studyPlan(ctx, { checklist: 'prep' })), hour).toEqual(ahead(morning));
          expect(events(await planCalendar(ctx, 'prep')), hour).toEqual(calendar);
          // Nothing studied, nothing changed: the list made again is the same list, and so are the days after it.
          expect(ahead(await replan(ctx, { checklist: 'prep' })), hour).toEqual(ahead(morning));
        }
        // Past midnight it is still the 7th's study day (until 4 a.m.).
        setNow('2026-12-08T02:00:00.000Z');
        expect(ahead(await replan(ctx, { checklist: 'prep' }))).toEqual(ahead(morning));
      }));

    it('keeps a finished day finished when the study time or the targets change; the change applies from tomorrow', () =>
      run(async (ctx, setNow) => {
        await addTarget(ctx, 'prep', { date: '2026-12-14', sections: ['Databases'] });
        const plan = await studyPlan(ctx, { checklist: 'prep' });
        expect(plan.items.length).toBeGreaterThan(0);
        for (const { card } of (await reviewQueue(ctx, { checklist: 'prep', plan: true, limit: 500 })).cards)
          await answerCard(ctx, card.id, 3, 30_000);
        await updatePlanSettings(ctx, 'prep', { minutesPerDay: 120 });
        await addTarget(ctx, 'prep', { date: '2026-12-18', sections: ['Python'] });
        const after = await studyPlan(ctx, { checklist: 'prep' });
        expect(after.items.map((i) => [i.cardId, i.done])).toEqual(plan.items.map((i) => [i.cardId, true]));
        expect(after.summary).toMatch(/^Today's plan is done: /);
        // The empty queue says why: the plan's own line.
        expect(await reviewQueue(ctx, { checklist: 'prep', plan: true })).toMatchObject({ cards: [], planSummary: after.summary });
        expect((await reviewQueue(ctx, { checklist: 'prep' })).planSummary).toBeNull();
        // Tomorrow's list is made with the new minutes and targets.
        setNow(later(1));
        const tomorrow = await studyPlan(ctx, { checklist: 'prep' });
        expect(tomorrow.today!.minutesAvailable).toBe(120);
        expect(tomorrow.today!.minutesPlanned).toBeGreaterThan(60);
        // A day not finished is made again at the change, as before.
        await updatePlanSettings(ctx, 'prep', { minutesPerDay: 10 });
        expect((await studyPlan(ctx, { checklist: 'prep' })).today!.minutesPlanned).toBeLessThanOrEqual(10 + 1e-9);
      }));

    it('takes an upcoming round about the checklist as a target, by its kind’s weight; taken out and put back', () =>
      run(async (ctx) => {
        const { application } = await addApplication(ctx, { company: 'Acme', role: 'Backend' });
        const { round } = await createRound(ctx, {
          applicationId: application.id,
          localStart: '2026-12-17T15:00',
          timeZone: 'Europe/Berlin',
          kind: 'onsite',
          sections: [{ checklist: 'prep', section: 'Python' }],
        });
        const [target] = await listTargets(ctx, 'prep');
        expect(target).toMatchObject({ roundId: round.id, label: 'Acme onsite', at: '2026-12-17T14:00:00.000Z', weight: 3, excluded: false });
        const plan = await studyPlan(ctx, { checklist: 'prep' });
        expect(plan.targets.map((t) => t.target.label)).toEqual(['Acme onsite']);
        expect(plan.summary).toMatch(/for Acme onsite in 10 days\.$/);

        await expect(updateTarget(ctx, 'prep', target!.id, { date: '2026-12-20' })).rejects.toThrow(/^date: this target follows round/);
        expect(await removeTarget(ctx, 'prep', target!.id)).toMatchObject({ excluded: true });
        const without = await studyPlan(ctx, { checklist: 'prep' });
        expect(without.targets).toEqual([]);
        expect(without.excluded.map((t) => t.id)).toEqual([target!.id]);
        expect(await updateTarget(ctx, 'prep', target!.id, { excluded: false, weight: 1.5 })).toMatchObject({ excluded: false, weight: 1.5 });
      }));

    it('leaves out a round whose application is withdrawn or archived, saying why; it is a target again once reopened', () =>
      run(async (ctx) => {
        const { application: acme } = await addApplication(ctx, { company: 'Acme', role: 'Backend' });
        const { application: globex } = await addApplication(ctx, { company: 'Globex', role: 'Backend' });
        const round = async (applicationId: number, localStart: string) =>
          (
            await createRound(ctx, {
              applicationId,
              localStart,
              timeZone: 'UTC',
              kind: 'onsite',
              sections: [{ checklist: 'prep', section: 'Python' }],
            })
          ).round;
        const globexRound = await round(globex.id, '2026-12-12T10:00');
        await round(acme.id, '2026-12-17T10:00');
        expect((await studyPlan(ctx, { checklist: 'prep' })).summary).toMatch(/for Globex onsite in 5 days\.$/);

        await moveApplication(ctx, globex.id, { to: 'withdrawn' });
        const plan = await studyPlan(ctx, { checklist: 'prep' });
        expect(plan.targets.map((t) => t.target.label)).toEqual(['Acme onsite']);
        expect(plan.summary).toMatch(/for Acme onsite in 10 days\.$/);
        expect(plan.excluded).toMatchObject([{ label: 'Globex onsite', roundId: globexRound.id, excluded: false, closed: 'Globex withdrawn' }]);
        await expect(addTarget(ctx, 'prep', { round: globexRound.id })).rejects.toThrow(
          /^round: round \d+ is no target while its application is closed or archived \(Globex withdrawn\)/,
        );

        // Archived, though open: left out too; restored and reopened, a target again.
        await moveApplication(ctx, globex.id, { to: 'applied' });
        await updateApplication(ctx, globex.id, { archived: true });
        expect((await listTargets(ctx, 'prep')).find((t) => t.roundId === globexRound.id)).toMatchObject({ closed: 'Globex archived' });
        await updateApplication(ctx, globex.id, { archived: false });
        const back = await studyPlan(ctx, { checklist: 'prep' });
        expect(back.targets.map((t) => t.target.label)).toEqual(['Globex onsite', 'Acme onsite']);
        expect(back.excluded).toEqual([]);
        expect(back.targets[0]!.target).not.toHaveProperty('closed');
      }));

    it('names a round begun by its start on the checklist’s clock, not in UTC', () =>
      run(async (ctx) => {
        await updateReviewSettings(ctx, 'prep', { timeZone: 'Europe/Moscow' });
        const { application } = await addApplication(ctx, { company: 'Acme', role: 'Backend' });
        const { round } = await createRound(ctx, {
          applicationId: application.id,
          localStart: '2026-12-04T12:00',
          timeZone: 'Europe/Moscow',
          kind: 'technical',
          sections: [{ checklist: 'prep', section: 'Python' }],
        });
        await expect(addTarget(ctx, 'prep', { round: round.id })).rejects.toThrow(
          `round: round ${round.id} started at 2026-12-04 12:00 (Europe/Moscow); a plan aims at a time to come`,
        );
        const date = await addTarget(ctx, 'prep', { date: '2026-12-20', label: 'Screen' });
        await expect(updateTarget(ctx, 'prep', date.id, { label: '' })).rejects.toThrow(/^label: it is empty/);
      }));

    it('sets aside a target whose sections left the file, and plans the others', () =>
      run(async (ctx) => {
        const databases = await addTarget(ctx, 'prep', { date: '2026-12-14', sections: ['Databases'] });
        const python = await addTarget(ctx, 'prep', { date: '2026-12-18', sections: ['Python'] });
        const text = readFileSync(USER_FIXTURE, 'utf8');
        // The fixture without its Databases section (the heading and its lines up to the next heading of its level or above).
        const lines = text.split('\n');
        const start = lines.findIndex((line) => /^#+ Databases\s*$/.test(line));
        const level = /^#+/.exec(lines[start]!)![0].length;
        const end = lines.findIndex((line, i) => i > start && /^#+ /.test(line) && /^#+/.exec(line)![0].length <= level);
        lines.splice(start, (end < 0 ? lines.length : end) - start);
        await importChecklist(ctx, { file: checklistFromUpload(lines.join('\n'), 'prep.md'), name: 'prep' });
        const plan = await studyPlan(ctx, { checklist: 'prep' });
        expect(plan.targets.map((t) => t.target.id)).toEqual([python.id]);
        expect(plan.excluded.map((t) => t.id)).toEqual([databases.id]);
      }));

    it('writes the planned days as an all-day calendar with stable UIDs, parsed back by ical.js', () =>
      run(async (ctx) => {
        await addTarget(ctx, 'prep', { date: '2026-12-14', time: '10:30', sections: ['Databases'] });
        const text = await planCalendar(ctx, 'prep');
        const events = new ICAL.Component(ICAL.parse(text) as unknown[]).getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
        const plan = await studyPlan(ctx, { checklist: 'prep' });
        const studied = plan.days.filter((d) => d.items.length > 0);
        expect(events.map((e) => e.uid)).toEqual(studied.map((d) => `plan-prep-${d.date}@prepdeck`));
        expect(events.every((e) => e.startDate.isDate)).toBe(true);
        expect(events[0]!.summary).toMatch(/^Study \d+ min: /);
        expect(events[0]!.description).toContain(studied[0]!.items[0]!.title);
        // A target a line, with its date: a label's own commas can't run into the next target's.
        expect(events[0]!.description).toMatch(/^For:\n- Databases \(2026-12-14\)\n\n(Learn|Review): /);
        expect((await planCalendar(ctx, 'prep')).match(/UID:.*/g)).toEqual(text.match(/UID:.*/g));
      }));

    it('reads review costs from the log once it holds enough timed answers', () =>
      run(async (ctx) => {
        expect((await showPlanSettings(ctx, 'prep')).costs.reviewTopicSeconds).toEqual({ value: 60, source: 'default' });
        // Today's 20 new cards (the daily limit), answered in 20 to 39 seconds: the median is 29.5 s.
        const queue = await reviewQueue(ctx, { checklist: 'prep', limit: 25 });
        expect(queue.cards).toHaveLength(20);
        for (const [i, { card }] of queue.cards.entries()) await answerCard(ctx, card.id, 3, 20_000 + i * 1000);
        const settings = await showPlanSettings(ctx, 'prep');
        expect(settings.costs.reviewTopicSeconds).toEqual({ value: 29.5, source: 'log' });
        expect(settings.loggedAnswers.topic).toBe(20);
        await updatePlanSettings(ctx, 'prep', { reviewTopicSeconds: 40, sectionCosts: [{ section: 'Databases', learnTopicMinutes: 45 }] });
        const own = await showPlanSettings(ctx, 'prep');
        expect(own.costs.reviewTopicSeconds).toEqual({ value: 40, source: 'yours' });
        expect(own.costs.sections.map((s) => [s.path.at(-1), s.learnTopicMinutes])).toEqual([['Databases', 45]]);
        await updatePlanSettings(ctx, 'prep', { reviewTopicSeconds: null, sectionCosts: [{ section: 'Databases', learnTopicMinutes: null }] });
        expect((await showPlanSettings(ctx, 'prep')).costs).toMatchObject({ reviewTopicSeconds: { source: 'log' }, sections: [] });
      }));

    it('refuses a cost the plan cannot use and saves nothing of the change; a stored cost of no value reads as the default', () =>
      run(async (ctx) => {
        await addTarget(ctx, 'prep', { date: '2026-12-14', sections: ['Databases'] });
        const cases: Array<[PlanSettingsPatchJson, RegExp]> = [
          [
            { minutesPerDay: 45, reviewTopicSeconds: 0 },
            /^reviewTopicSeconds: seconds per review of a topic card, a number from 0.1 up to 3600 \(or default\), not 0$/,
          ],
          [{ minutesPerDay: 45, learnTopicMinutes: 601 }, /^learnTopicMinutes: /],
          [{ minutesPerDay: 45, reviewQaSeconds: Number.NaN }, /^reviewQaSeconds: /],
          [{ minutesPerDay: 45, sectionCosts: [{ section: 'Databases', learnTopicMinutes: -1 }] }, /^sectionCosts\[0\]\.learnTopicMinutes: /],
        ];
        for (const [patch, message] of cases) {
          await expect(updatePlanSettings(ctx, 'prep', patch)).rejects.toThrow(message);
        }
        const settings = await showPlanSettings(ctx, 'prep');
        expect(settings.minutesPerDay).toBe(60);
        expect(settings.costs).toMatchObject({ reviewTopicSeconds: { value: 60, source: 'default' }, sections: [] });
        // Back to the default, then a row holding a cost of no value (as `plan set --review-seconds default` once stored):
        // the plan still works, on the default.
        await updatePlanSettings(ctx, 'prep', { reviewTopicSeconds: null, learnTopicMinutes: null, reviewQaSeconds: null });
        await ctx.store.db.updateTable('plan_settings').set({ review_topic_seconds: 0 }).execute();
        expect((await showPlanSettings(ctx, 'prep')).costs.reviewTopicSeconds).toEqual({ value: 60, source: 'default' });
        expect((await studyPlan(ctx, { checklist: 'prep' })).targets).toHaveLength(1);
      }));

    it('refuses bad input naming the field, and writes nothing', () =>
      run(async (ctx) => {
        const refused = async (promise: Promise<unknown>, message: RegExp, type: new (...args: never[]) => Error = InvalidInputError) => {
          const error = await promise.then(
            () => null,
            (e: unknown) => e,
          );
          expect(error).toBeInstanceOf(type);
          expect((error as Error).message).toMatch(message);
        };
        await refused(addTarget(ctx, 'prep', { date: '2026-12-01' }), /^date: 2026-12-01 09:00 is not in the future/);
        await refused(addTarget(ctx, 'prep', { date: '2026-02-30' }), /^date: '2026-02-30' is not a date/);
        await refused(addTarget(ctx, 'prep', { date: '2028-01-01' }), /^date: 2028-01-01 is more than a year ahead/);
        await refused(addTarget(ctx, 'prep', { date: '2026-12-20', time: '25:00' }), /^time: '25:00'/);
        await refused(addTarget(ctx, 'prep', { date: '2026-12-20', sections: ['Haskell'] }), /^sections: no section of 'prep' is named 'Haskell'/);
        await refused(addTarget(ctx, 'prep', { date: '2026-12-20', sections: ['Цели'] }), /^sections: /);
        await refused(addTarget(ctx, 'prep', {}), /^date: a target needs a date/);
        await refused(addTarget(ctx, 'prep', { round: 99 }), /^round: no round 99/);
        await refused(addTarget(ctx, 'prep', { date: '2026-12-20', label: '  ' }), /^label: it is empty; give the target a name/);
        await refused(updatePlanSettings(ctx, 'prep', { daysOff: ['2026-13-01'] }), /^daysOff\[0\]: '2026-13-01' is not a date/);
        // A target on Wednesday at 09:00: weekends only, or Monday to Wednesday off (its morning counts), leave no study day.
        const wednesday = await addTarget(ctx, 'prep', { date: '2026-12-09', label: 'Acme screen' });
        await refused(
          updatePlanSettings(ctx, 'prep', { weekdays: ['sat', 'sun'] }),
          /^weekdays: they leave no study day before Acme screen on 2026-12-09/,
        );
        await refused(
          updatePlanSettings(ctx, 'prep', { daysOff: ['2026-12-07', '2026-12-08', '2026-12-09'] }),
          /^daysOff: they leave no study day before Acme screen/,
        );
        expect((await showPlanSettings(ctx, 'prep')).weekdays).toEqual(['mon', 'tue', 'wed', 'thu', 'fri']);
        await removeTarget(ctx, 'prep', wednesday.id);
        // Saturdays only, and the target on Friday: no study day before it.
        await updatePlanSettings(ctx, 'prep', { weekdays: ['sat'] });
        await refused(addTarget(ctx, 'prep', { date: '2026-12-11' }), /^date: no study day before 2026-12-11/);
        await refused(updateTarget(ctx, 'prep', 4242, { weight: 2 }), /^no plan target 4242/, NotFoundError);
        await refused(studyPlan(ctx, { checklist: 'nothing' }), /nothing/, NotFoundError);
        expect(await listTargets(ctx, 'prep')).toEqual([]);
        // A topic of another checklist is no part of this one's scope.
        await importChecklist(ctx, { file: checklistFromUpload('# Other\n- elsewhere\n', 'other.md'), name: 'other' });
        const foreign = (await reviewQueue(ctx, { checklist: 'other' })).cards[0]!.topic!.id;
        await refused(addTarget(ctx, 'prep', { date: '2026-12-19', topicIds: [foreign] }), /^topicIds: \d+ is not a topic of 'prep'/);
      }));
  });
}
