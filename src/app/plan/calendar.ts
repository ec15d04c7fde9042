// The plan's study days as an iCalendar (RFC 5545), with the same library as the rounds' calendar: an all-day
// event per day with study planned, its minutes in the title, its targets (a line each) and topics in the description; the UID names the
// checklist and the date, so importing the file again updates those days instead of adding copies.
import ical from 'ical-generator';
import { addDays } from '../../core/review/study-day.js';
import type { AppContext } from '../context.js';
import { studyPlan } from './plan.js';

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** The days from today to the last target with study planned. */
export async function planCalendar(ctx: AppContext, checklistName?: string): Promise<string> {
  const plan = await studyPlan(ctx, { checklist: checklistName });
  const calendar = ical({ prodId: { company: 'prepdeck', product: 'prepdeck', language: 'EN' }, name: `prepdeck plan: ${plan.checklist}` });
  for (const day of plan.days) {
    const open = day.items.filter((item) => !item.done);
    if (open.length === 0) continue;
    const minutes = Math.max(1, Math.round(open.reduce((sum, item) => sum + item.minutes, 0)));
    const counts = [day.reviews > 0 ? plural(day.reviews, 'review') : '', day.newTopics > 0 ? plural(day.newTopics, 'new topic') : '']
      .filter(Boolean)
      .join(', ');
    calendar.createEvent({
      id: `plan-${encodeURIComponent(plan.checklist)}-${day.date}@prepdeck`,
      allDay: true,
      start: new Date(`${day.date}T00:00:00Z`),
      end: new Date(`${addDays(day.date, 1)}T00:00:00Z`),
      stamp: new Date(plan.madeAt),
      summary: `Study ${minutes} min: ${counts}`,
      // A target a line, with its date: a label may hold commas ("Python, Databases"), so a list joined by commas
      // would not say where one target ends.
      description: [
        'For:',
        ...plan.targets.filter((t) => t.target.date >= day.date).map((t) => `- ${t.target.label} (${t.target.date})`),
        '',
        ...open.map((item) => `${item.action === 'new' ? 'Learn' : 'Review'}: ${item.title}`),
      ].join('\n'),
    });
  }
  return calendar.toString();
}
