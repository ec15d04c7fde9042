// The plan's days as a calendar of weeks (Monday first): the days studied before today with what was planned and
// done, then today up to the last target with the minutes planned against those available. A day off is hatched,
// a target's day flagged; a click on a day shows its items below.
import { useState } from 'react';
import type { PlanDayJson, PlanJson } from '../../../src/contract/plan.js';
import { plural } from '../lib/plural.js';
import { addDays, dateOf, dayOfMonth, formatDate, minutes, monthOf, WEEKDAY_LABEL, WEEKDAYS } from './format.js';
import { PlanItems } from './PlanItems.js';

interface CalendarDay {
  date: string;
  /** `target`: a target's own day, after the last day of study before it. */
  kind: 'past' | 'today' | 'ahead' | 'target';
  minutesAvailable: number | null;
  minutesPlanned: number;
  minutesDone: number;
  day: PlanDayJson | null;
}

/** History, then today and the days ahead; one cell per date. */
function calendarDays(plan: PlanJson): CalendarDay[] {
  const today = plan.days[0]?.date ?? null;
  const past: CalendarDay[] = plan.history
    .filter((h) => today === null || h.date < today)
    .map((h) => ({ date: h.date, kind: 'past', minutesAvailable: null, minutesPlanned: h.minutesPlanned, minutesDone: h.minutesDone, day: null }));
  const ahead: CalendarDay[] = plan.days.map((d) => ({
    date: d.date,
    kind: d.date === today ? 'today' : 'ahead',
    minutesAvailable: d.minutesAvailable,
    minutesPlanned: d.minutesPlanned,
    minutesDone: d.minutesDone,
    day: d,
  }));
  const last = ahead.at(-1)?.date ?? today ?? '';
  const targetDays: CalendarDay[] = [...new Set(plan.targets.map((t) => t.target.date))]
    .filter((date) => date > last)
    .sort()
    .map((date) => ({ date, kind: 'target', minutesAvailable: null, minutesPlanned: 0, minutesDone: 0, day: null }));
  return [...past, ...ahead, ...targetDays];
}

/** Monday is 0. */
const weekdayIndex = (date: string) => (dateOf(date).getUTCDay() + 6) % 7;

/** What a day holds, in a few phrases (its date apart). */
function facts(d: CalendarDay): string[] {
  const parts: string[] = [];
  if (d.kind === 'target') parts.push('the day of the interview');
  else if (d.minutesAvailable === 0 && d.minutesPlanned === 0) parts.push('no study (a day off)');
  else {
    parts.push(`${minutes(d.minutesPlanned)} planned${d.minutesAvailable === null ? '' : ` of ${minutes(d.minutesAvailable)} available`}`);
    if (d.kind !== 'ahead') parts.push(`${minutes(d.minutesDone)} done`);
    if (d.day) parts.push(`${plural(d.day.newTopics, 'new topic')}, ${plural(d.day.reviews, 'review')}`);
  }
  return parts;
}

const describe = (d: CalendarDay) => [`${formatDate(d.date)}${d.kind === 'today' ? ' (today)' : ''}`, ...facts(d)].join('; ');

export function PlanCalendar({ plan, checklist }: { plan: PlanJson; checklist: string }) {
  const days = calendarDays(plan);
  const [chosen, setChosen] = useState<string | null>(null);
  if (days.length === 0) return null;
  const first = days[0]!.date;
  const byDate = new Map(days.map((d) => [d.date, d]));
  const targets = new Map<string, string[]>();
  for (const t of plan.targets) targets.set(t.target.date, [...(targets.get(t.target.date) ?? []), t.target.label]);
  // Whole weeks, Monday to Sunday, from the week of the first day to that of the last.
  const start = addDays(first, -weekdayIndex(first));
  const last = days.at(-1)!.date;
  const cells: string[] = [];
  for (let date = start; date <= last || cells.length % 7 !== 0; date = addDays(date, 1)) cells.push(date);
  const scale = Math.max(1, ...days.map((d) => Math.max(d.minutesAvailable ?? 0, d.minutesPlanned, d.minutesDone)));
  // Until a day is clicked, the next day with study planned after today: today's list is on the page already.
  const next = plan.days.slice(1).find((d) => d.items.length > 0) ?? plan.days[0];
  const selected = byDate.get(chosen ?? '') ?? byDate.get(next?.date ?? '') ?? null;

  return (
    <div className="plan-calendar">
      <div className="plan-calendar-grid" role="group" aria-label="Study days">
        {WEEKDAYS.map((w) => (
          <span key={w} className="plan-calendar-weekday" aria-hidden="true">
            {WEEKDAY_LABEL[w]}
          </span>
        ))}
        {cells.map((date) => {
          const d = byDate.get(date);
          if (!d) return <span key={date} className="plan-day plan-day-blank" aria-hidden="true" />;
          const off = (d.kind === 'today' || d.kind === 'ahead') && d.minutesAvailable === 0 && d.minutesPlanned === 0;
          const flag = targets.get(date);
          const classes = [
            'plan-day',
            `plan-day-${d.kind}`,
            off ? 'plan-day-off' : '',
            flag ? 'plan-day-target' : '',
            selected?.date === date ? 'plan-day-selected' : '',
          ]
            .filter(Boolean)
            .join(' ');
          const planned = (d.minutesPlanned / scale) * 100;
          const done = (Math.min(d.minutesDone, Math.max(d.minutesPlanned, d.minutesDone)) / scale) * 100;
          return (
            <button
              key={date}
              type="button"
              className={classes}
              data-date={date}
              aria-pressed={selected?.date === date}
              aria-label={`${describe(d)}${flag ? `; ${flag.join(', ')}` : ''}`}
              title={`${describe(d)}${flag ? `\n${flag.join(', ')}` : ''}`}
              onClick={() => setChosen(date)}
            >
              <span className="plan-day-number">
                {dayOfMonth(date) === '1' || date === first ? `${dayOfMonth(date)} ${monthOf(date)}` : dayOfMonth(date)}
              </span>
              {flag && <span className="plan-day-flag" aria-hidden="true" />}
              <span className="plan-day-minutes">
                {d.kind === 'target' ? 'target' : off ? 'off' : d.minutesPlanned > 0 || d.minutesDone > 0 ? `${Math.round(d.minutesPlanned)}′` : ''}
              </span>
              <span className="plan-day-bar" aria-hidden="true">
                <span className="plan-day-available" style={{ height: `${((d.minutesAvailable ?? d.minutesPlanned) / scale) * 100}%` }} />
                <span className="plan-day-planned" style={{ height: `${planned}%` }} />
                <span className="plan-day-done" style={{ height: `${done}%` }} />
              </span>
            </button>
          );
        })}
      </div>
      <p className="plan-calendar-legend muted" aria-hidden="true">
        <span className="legend-swatch legend-available" /> available <span className="legend-swatch legend-planned" /> planned{' '}
        <span className="legend-swatch legend-done" /> done <span className="legend-swatch legend-off" /> day off <span className="legend-flag" />{' '}
        target
      </p>
      {selected && <DayDetail day={selected} checklist={checklist} targets={targets.get(selected.date) ?? []} />}
    </div>
  );
}

function DayDetail({ day, checklist, targets }: { day: CalendarDay; checklist: string; targets: string[] }) {
  return (
    <section className="plan-day-detail" aria-live="polite" aria-label={`The plan for ${formatDate(day.date)}`}>
      <h3>
        {formatDate(day.date)}
        {day.kind === 'today' && <span className="muted"> · today</span>}
      </h3>
      <p className="muted">{facts(day).join(' · ')}</p>
      {targets.length > 0 && <p className="plan-day-detail-target">Target: {targets.join(', ')}</p>}
      {day.day && day.day.items.length > 0 && <PlanItems items={day.day.items} checklist={checklist} label={`Items of ${formatDate(day.date)}`} />}
    </section>
  );
}
