// Changes (or reviews) per day over the last 26 weeks, one square a day, weeks as columns (as on GitHub).
import { useLayoutEffect, useRef, type ReactNode } from 'react';
import type { ActivityDayJson } from '../../../src/contract/checklists.js';
import { formatDate, formatMonth } from '../lib/dates.js';
import { plural } from '../lib/plural.js';

const WEEKS = 26;
const DAY_MS = 86_400_000;

interface Day {
  date: string;
  count: number;
  future: boolean;
}

/** Columns of 7 days, Sunday first, the last column holding `todayDate` (`YYYY-MM-DD`, today's study date). */
function buildWeeks(activity: ActivityDayJson[], todayDate: string): Day[][] {
  const counts = new Map(activity.map((a) => [a.date, a.count]));
  const today = Date.parse(`${todayDate}T00:00:00Z`);
  const start = today - (new Date(today).getUTCDay() + (WEEKS - 1) * 7) * DAY_MS;
  const weeks: Day[][] = [];
  for (let w = 0; w < WEEKS; w++) {
    const week: Day[] = [];
    for (let d = 0; d < 7; d++) {
      const time = start + (w * 7 + d) * DAY_MS;
      const date = new Date(time).toISOString().slice(0, 10);
      week.push({ date, count: counts.get(date) ?? 0, future: time > today });
    }
    weeks.push(week);
  }
  return weeks;
}

/** 0 for none, then 1-4 relative to the busiest day, so a light week still shows its shape. */
function level(count: number, max: number): number {
  if (count === 0 || max === 0) return 0;
  return Math.min(4, Math.ceil((count / max) * 4));
}

interface Props {
  activity: ActivityDayJson[];
  /** What a day counts. */
  unit?: string;
  /** Today's study date, as the server counts days (the checklist's time zone and day start). */
  today: string;
  /** The caption while nothing was counted: where to start, instead of "0 changes on 0 days". */
  whenEmpty?: ReactNode;
}

export function ActivityHeatmap({ activity, unit = 'change', today, whenEmpty }: Props) {
  const weeks = buildWeeks(activity, today);
  const days = weeks.flat().filter((d) => !d.future);
  const max = Math.max(0, ...days.map((d) => d.count));
  const total = days.reduce((sum, d) => sum + d.count, 0);
  const activeDays = days.filter((d) => d.count > 0).length;
  const scroller = useRef<HTMLDivElement>(null);
  // On a narrow screen the grid scrolls; start at this week, the end that matters most.
  useLayoutEffect(() => {
    if (scroller.current) scroller.current.scrollLeft = scroller.current.scrollWidth;
  }, []);
  return (
    <figure className="heatmap">
      <div className="heatmap-scroll" ref={scroller}>
        <div className="heatmap-inner">
          <div className="heatmap-months" aria-hidden="true">
            {weeks.map((week) => {
              // A column is labelled with the month whose first day it holds.
              const first = week.find((d) => d.date.endsWith('-01'));
              return <span key={week[0]!.date}>{first ? formatMonth(first.date) : ''}</span>;
            })}
          </div>
          <div className="heatmap-grid" role="img" aria-label={`${plural(total, unit)} on ${plural(activeDays, 'day')} in the last ${WEEKS} weeks`}>
            {weeks.map((week) =>
              week.map((day) => (
                <span
                  key={day.date}
                  className={`heatmap-day level-${day.future ? 'future' : level(day.count, max)}`}
                  title={day.future ? undefined : `${plural(day.count, unit)} on ${formatDate(day.date, { today, weekday: true })}`}
                />
              )),
            )}
          </div>
        </div>
      </div>
      <figcaption className="heatmap-caption">
        {total === 0 && whenEmpty !== undefined ? (
          <span className="heatmap-empty">{whenEmpty}</span>
        ) : (
          <span>
            {plural(total, unit)} on {plural(activeDays, 'day')} · last {WEEKS} weeks
          </span>
        )}
        <span className="heatmap-legend" aria-hidden="true">
          less{' '}
          {[0, 1, 2, 3, 4].map((l) => (
            <span key={l} className={`heatmap-day level-${l}`} />
          ))}{' '}
          more
        </span>
      </figcaption>
    </figure>
  );
}
