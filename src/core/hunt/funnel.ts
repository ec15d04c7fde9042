// The funnel, from the stage events alone: how far applications got, and how many sat in each stage week by week.
import type { FunnelJson } from '../../contract/hunt.js';
import { FUNNEL_STAGES } from '../../contract/vocabulary.js';
import { addDays, localDateOf, mondayOf, startOfLocalDate } from './dates.js';

export interface FunnelEvent {
  applicationId: number;
  to: string;
  at: string;
}

/** One application's events in time order (those of the same instant as recorded): each one's stage, as its column, and instant. */
interface History {
  columns: number[];
  times: number[];
}

/** The stages the counts have a column for: the hunt's own, in its order, then any other an event moved to. */
interface Columns {
  keys: string[];
  /** How many of `keys` are the hunt's own. */
  own: number;
  /** Per other stage (column `own + i`): its first event by time, then as recorded, which is when the fold met it. */
  firstOfOthers: Array<{ time: number; position: number }>;
}

/**
 * `events` in the order they were recorded. An application reached a funnel stage when its history visited it or a
 * later one (a jump over a stage passes it; a move back is counted once); weeks run Monday to Sunday in
 * `timeZone`, from the first event's week to today's, each with the applications per stage at its end.
 *
 * The same as folding every event in time order into the stage each application is in (a stage that is not the hunt's
 * own joining the counts from the week the fold first meets it), but done per application: each history is walked once
 * against the weeks' ends, so the events are never sorted as a whole (as recorded, each application's usually are in order).
 */
export function funnelOf(stageKeys: readonly string[], events: readonly FunnelEvent[], today: string, timeZone: string): FunnelJson {
  const { histories, columns, earliest } = byApplication(stageKeys, events);
  return {
    stages: reachedStages(histories, columns),
    weeks: histories.length === 0 ? [] : weeklyCounts(histories, columns, earliest, today, timeZone),
  };
}

function byApplication(stageKeys: readonly string[], events: readonly FunnelEvent[]): { histories: History[]; columns: Columns; earliest: number } {
  const columnOf = new Map<string, number>();
  const keys: string[] = [];
  for (const key of stageKeys) {
    if (!columnOf.has(key)) columnOf.set(key, keys.push(key) - 1);
  }
  const columns: Columns = { keys, own: keys.length, firstOfOthers: [] };
  const historyOf = new Map<number, History>();
  let earliest = Infinity;
  for (let position = 0; position < events.length; position++) {
    const { applicationId, to, at } = events[position]!;
    const time = Date.parse(at);
    if (time < earliest) earliest = time;
    let column = columnOf.get(to);
    if (column === undefined) {
      column = keys.push(to) - 1;
      columnOf.set(to, column);
      columns.firstOfOthers.push({ time, position });
    } else if (column >= columns.own) {
      // Events come as recorded, so an earlier position never beats one of the same instant.
      const first = columns.firstOfOthers[column - columns.own]!;
      if (time < first.time) Object.assign(first, { time, position });
    }
    let history = historyOf.get(applicationId);
    if (!history) historyOf.set(applicationId, (history = { columns: [], times: [] }));
    history.columns.push(column);
    history.times.push(time);
  }
  const histories = [...historyOf.values()].map(inTimeOrder);
  return { histories, columns, earliest };
}

/** As recorded, a history nearly always is in time order, so that is checked before sorting. */
function inTimeOrder(history: History): History {
  const { columns, times } = history;
  if (times.every((time, i) => i === 0 || times[i - 1]! <= time)) return history;
  // Stable: events of the same instant keep the order they were recorded in.
  const order = times.map((_, i) => i).sort((a, b) => times[a]! - times[b]!);
  return { columns: order.map((i) => columns[i]!), times: order.map((i) => times[i]!) };
}

function reachedStages(histories: readonly History[], { keys }: Columns): FunnelJson['stages'] {
  const funnelIndex = keys.map((key) => (FUNNEL_STAGES as readonly string[]).indexOf(key));
  const reached = FUNNEL_STAGES.map(() => 0);
  for (const { columns } of histories) {
    let furthest = -1;
    for (const column of columns) furthest = Math.max(furthest, funnelIndex[column]!);
    for (let i = 0; i <= furthest; i++) reached[i]!++;
  }
  return FUNNEL_STAGES.map((stage, i) => {
    const previous = i === 0 ? 0 : reached[i - 1]!;
    return { stage, reached: reached[i]!, conversion: i === 0 || previous === 0 ? null : reached[i]! / previous };
  });
}

function weeklyCounts(histories: readonly History[], columns: Columns, earliest: number, today: string, timeZone: string): FunnelJson['weeks'] {
  const weeksOf: string[] = [];
  const ends: number[] = [];
  for (let weekOf = mondayOf(localDateOf(earliest, timeZone)); weekOf <= mondayOf(today); weekOf = addDays(weekOf, 7)) {
    weeksOf.push(weekOf);
    ends.push(Date.parse(startOfLocalDate(addDays(weekOf, 7), timeZone)));
  }
  // counts[week * width + column]: the applications whose last event before that week's end moved them to that stage.
  const width = columns.keys.length;
  const counts = new Int32Array(weeksOf.length * width);
  for (const history of histories) {
    let week = 0;
    for (let i = 0; i < history.times.length && week < ends.length; i++) {
      for (; week < ends.length && history.times[i]! >= ends[week]!; week++) {
        if (i > 0) counts[week * width + history.columns[i - 1]!]!++;
      }
    }
    const last = history.columns.at(-1)!;
    for (; week < ends.length; week++) counts[week * width + last]!++;
  }
  // The other stages in the order the fold meets them, each from the week it does.
  const others = columns.firstOfOthers
    .map((first, i) => ({ ...first, column: columns.own + i }))
    .sort((a, b) => a.time - b.time || a.position - b.position);
  return weeksOf.map((weekOf, week) => {
    const row: Record<string, number> = {};
    for (let column = 0; column < columns.own; column++) row[columns.keys[column]!] = counts[week * width + column]!;
    for (const { time, column } of others) if (time < ends[week]!) row[columns.keys[column]!] = counts[week * width + column]!;
    return { weekOf, counts: row };
  });
}
