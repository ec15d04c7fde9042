// The plan's days as a calendar of weeks (Monday first): the days studied before today with what was planned and
// done, then today up to the last target with the minutes planned against those available. A date set off is
// hatched, a weekday one does not study (a rest day) greyed, a target's day flagged; a click on a day shows its
// items below. Under it, the costs the minutes are counted with, each with where it comes from.
import { useState } from 'react';
import type { PlanDayJson, PlanJson } from '../../../src/contract/plan.js';
import { plural } from '../lib/plural.js';
import { addDays, dateOf, formatDate as formatLocalDate, formatDayOfMonth } from '../lib/dates.js';
import { minutes, WEEKDAY_LABEL, WEEKDAYS } from './format.js';
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

/** The plan's days with their weekday: "Sat, Dec 19". */
const formatDate = (local: string) => formatLocalDate(local, { weekday: true });

/** Monday is 0. */
const weekdayIndex = (date: string) => (dateOf(date).getUTCDay() + 6) % 7;

/**
 * Why a day of the plan has no study: a date set off, or a weekday one does not study (a rest day). A server that
 * does not say which (no `noStudy`) has it read as a day off.
 */
function noStudyOf(d: Pick<CalendarDay, 'kind' | 'minutesAvailable' | 'minutesPlanned' | 'day'>): PlanDayJson['noStudy'] | null {
  if ((d.kind !== 'today' && d.kind !== 'ahead') || d.minutesAvailable !== 0 || d.minutesPlanned !== 0) return null;
  return d.day?.noStudy ?? 'day-off';
}

const NO_STUDY_TEXT = { 'day-off': 'no study (a day off)', weekday: 'no study (a rest day)' } as const;

/** What a day holds, in a few phrases (its date apart). */
function facts(d: CalendarDay): string[] {
  const parts: string[] = [];
  const none = noStudyOf(d);
  if (d.kind === 'target') parts.push('the day of the interview');
  else if (none) parts.push(NO_STUDY_TEXT[none]);
  else {
    parts.push(`${minutes(d.minutesPlanned)} planned${d.minutesAvailable === null ? '' : ` of ${minutes(d.minutesAvailable)} available`}`);
    if (d.kind !== 'ahead') parts.push(`${minutes(d.minutesDone)} done`);
    if (d.day) parts.push(`${plural(d.day.newTopics, 'new topic')}, ${plural(d.day.reviews, 'review')}`);
  }
  return parts;
}

const describe = (d: CalendarDay) => [`${formatDate(d.date)}${d.kind === 'today' ? ' (today)' : ''}`, ...facts(d)].join('; ');

/** Each swatch with its word, kept together when the legend wraps. */
const LEGEND = [
  ['legend-swatch legend-available', 'available'],
  ['legend-swatch legend-planned', 'planned'],
  ['legend-swatch legend-done', 'done'],
  ['legend-swatch legend-rest', 'rest day'],
  ['legend-swatch legend-off', 'day off'],
  ['legend-flag', 'target'],
] as const;

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
      <DaysSummary plan={plan} />
      <div className="plan-calendar-grid" role="group" aria-label="Study days">
        {WEEKDAYS.map((w) => (
          <span key={w} className="plan-calendar-weekday" aria-hidden="true">
            {WEEKDAY_LABEL[w]}
          </span>
        ))}
        {cells.map((date) => {
          const d = byDate.get(date);
          if (!d) return <span key={date} className="plan-day plan-day-blank" aria-hidden="true" />;
          const none = noStudyOf(d);
          const flag = targets.get(date);
          const classes = [
            'plan-day',
            `plan-day-${d.kind}`,
            none === 'day-off' ? 'plan-day-off' : none === 'weekday' ? 'plan-day-rest' : '',
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
              <span className="plan-day-number">{date.endsWith('-01') || date === first ? formatLocalDate(date) : formatDayOfMonth(date)}</span>
              {flag && <span className="plan-day-flag" aria-hidden="true" />}
              <span className="plan-day-minutes">
                {d.kind === 'target'
                  ? 'target'
                  : none === 'day-off'
                    ? 'off'
                    : none === 'weekday'
                      ? 'rest'
                      : d.minutesPlanned > 0 || d.minutesDone > 0
                        ? `${Math.round(d.minutesPlanned)}′`
                        : ''}
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
        {LEGEND.map(([swatch, label]) => (
          <span key={label} className="legend-item">
            <span className={swatch} />
            {label}
          </span>
        ))}
      </p>
      {selected && <DayDetail day={selected} checklist={checklist} targets={targets.get(selected.date) ?? []} />}
    </div>
  );
}

/** "14 study days · rest days: Sat, Sun · days off: Thu, Dec 24; Fri, Dec 25": the days from today to the last target. */
function DaysSummary({ plan }: { plan: PlanJson }) {
  const kinds = plan.days.map((d) => ({
    date: d.date,
    none: noStudyOf({ kind: 'ahead', minutesAvailable: d.minutesAvailable, minutesPlanned: d.minutesPlanned, day: d }),
  }));
  const study = kinds.filter((k) => k.none === null).length;
  const restDays = WEEKDAYS.filter((w) => kinds.some((k) => k.none === 'weekday' && WEEKDAYS[weekdayIndex(k.date)] === w));
  const daysOff = kinds.filter((k) => k.none === 'day-off').map((k) => k.date);
  return (
    <p className="plan-calendar-summary muted">
      <span>{plural(study, 'study day')}</span>
      {restDays.length > 0 && (
        <span>
          rest {restDays.length === 1 ? 'day' : 'days'}: {restDays.map((w) => WEEKDAY_LABEL[w]).join(', ')}
        </span>
      )}
      {daysOff.length > 0 && (
        <span>
          {daysOff.length === 1 ? 'day' : 'days'} off:{' '}
          {daysOff.map((d, i) => (
            <span key={d}>
              {i > 0 && '; '}
              <time dateTime={d}>{formatDate(d)}</time>
            </span>
          ))}
        </span>
      )}
    </p>
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
