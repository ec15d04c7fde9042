// The funnel, from the stage events alone: how far applications got, and how many sat in each stage week by week.
import type { FunnelJson } from '../../contract/hunt.js';
import { FUNNEL_STAGES } from '../../contract/vocabulary.js';
import { addDays, localDateOf, mondayOf, startOfLocalDate } from './dates.js';

export interface FunnelEvent {
  applicationId: number;
  to: string;
  at: string;
}

/** One stage event of an application: its id (the order events were recorded in), the stage it moved to, its instant. */
export type StageEvent = readonly [id: number, stage: string, at: string];

/** One application's stage events, in any order. */
export type StageHistory = readonly StageEvent[];

/** One application's events by time, then id: each one's id, stage (as its column of the counts) and instant. */
interface History {
  ids: number[];
  columns: number[];
  times: number[];
}

/** The stages the counts have a column for: the hunt's own, in its order, then any other an event moved to. */
interface Columns {
  keys: string[];
  /** How many of `keys` are the hunt's own. */
  own: number;
  /** Per other stage (column `own + i`): its first event by time, then id, which is when the fold meets it. */
  firstOfOthers: Array<{ time: number; id: number }>;
}

/**
 * `events` in the order they were recorded. An application reached a funnel stage when its history visited it or a
 * later one (a jump over a stage passes it; a move back is counted once); weeks run Monday to Sunday in
 * `timeZone`, from the first event's week to today's, each with the applications per stage at its end.
 */
export function funnelOf(stageKeys: readonly string[], events: readonly FunnelEvent[], today: string, timeZone: string): FunnelJson {
  const byApplication = new Map<number, StageEvent[]>();
  for (const [position, { applicationId, to, at }] of events.entries()) {
    let history = byApplication.get(applicationId);
    if (!history) byApplication.set(applicationId, (history = []));
    history.push([position, to, at]);
  }
  return funnelOfHistories(stageKeys, [...byApplication.values()], today, timeZone);
}

/**
 * The funnel of `histories`, one per application, each in any order (its events' ids say the order they were
 * recorded in). The same as folding every event in time order, then id, into the stage each application is in (a
 * stage that is not the hunt's own joining the counts from the week the fold first meets it), but done per
 * application: each history is walked once against the weeks' ends, so the events are never sorted as a whole.
 */
export function funnelOfHistories(stageKeys: readonly string[], histories: readonly StageHistory[], today: string, timeZone: string): FunnelJson {
  const { timed, columns, earliest } = columnsOf(stageKeys, histories);
  return {
    stages: reachedStages(timed, columns),
    weeks: timed.length === 0 ? [] : weeklyCounts(timed, columns, earliest, today, timeZone),
  };
}

function columnsOf(stageKeys: readonly string[], histories: readonly StageHistory[]): { timed: History[]; columns: Columns; earliest: number } {
  const columnOf = new Map<string, number>();
  const keys: string[] = [];
  for (const key of stageKeys) {
    if (!columnOf.has(key)) columnOf.set(key, keys.push(key) - 1);
  }
  const columns: Columns = { keys, own: keys.length, firstOfOthers: [] };
  let earliest = Infinity;
  const timed: History[] = [];
  for (const events of histories) {
    if (events.length === 0) continue;
    const history: History = { ids: [], columns: [], times: [] };
    for (const [id, stage, at] of events) {
      const time = Date.parse(at);
      if (time < earliest) earliest = time;
      let column = columnOf.get(stage);
      if (column === undefined) {
        column = keys.push(stage) - 1;
        columnOf.set(stage, column);
        columns.firstOfOthers.push({ time, id });
      } else if (column >= columns.own) {
        const first = columns.firstOfOthers[column - columns.own]!;
        if (time < first.time || (time === first.time && id < first.id)) Object.assign(first, { time, id });
      }
      history.ids.push(id);
      history.columns.push(column);
      history.times.push(time);
    }
    timed.push(inTimeOrder(history));
  }
  return { timed, columns, earliest };
}

/** As recorded, a history nearly always is in order already, so that is checked before sorting. */
function inTimeOrder(history: History): History {
  const { ids, columns, times } = history;
  const before = (a: number, b: number) => times[a]! - times[b]! || ids[a]! - ids[b]!;
  if (times.every((_, i) => i === 0 || before(i - 1, i) < 0)) return history;
  const order = times.map((_, i) => i).sort(before);
  return { ids: order.map((i) => ids[i]!), columns: order.map((i) => columns[i]!), times: order.map((i) => times[i]!) };
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
  const others = columns.firstOfOthers.map((first, i) => ({ ...first, column: columns.own + i })).sort((a, b) => a.time - b.time || a.id - b.id);
  return weeksOf.map((weekOf, week) => {
    const row: Record<string, number> = {};
    for (let column = 0; column < columns.own; column++) row[columns.keys[column]!] = counts[week * width + column]!;
    for (const { time, column } of others) if (time < ends[week]!) row[columns.keys[column]!] = counts[week * width + column]!;
    return { weekOf, counts: row };
  });
}
