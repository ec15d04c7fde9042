// The funnel as first written: one fold over every event in time order. Kept as the reference the faster
// core/hunt/funnel.ts is checked against (funnel-equivalence.test.ts); not used by prepdeck itself.
import type { FunnelJson } from '../../../src/contract/hunt.js';
import { FUNNEL_STAGES } from '../../../src/contract/vocabulary.js';
import { addDays, localDateOf, mondayOf, startOfLocalDate } from '../../../src/core/hunt/dates.js';

interface FunnelEvent {
  applicationId: number;
  to: string;
  at: string;
}

/**
 * `events` in the order they were recorded. An application reached a funnel stage when its history visited it or a
 * later one (a jump over a stage passes it; a move back is counted once); weeks run Monday to Sunday in
 * `timeZone`, from the first event's week to today's, each with the applications per stage at its end.
 */
export function funnelByFold(stageKeys: readonly string[], events: readonly FunnelEvent[], today: string, timeZone: string): FunnelJson {
  return { stages: reachedStages(events), weeks: weeklyCounts(stageKeys, events, today, timeZone) };
}

function reachedStages(events: readonly FunnelEvent[]): FunnelJson['stages'] {
  const funnelIndex = new Map<string, number>(FUNNEL_STAGES.map((key, index) => [key, index]));
  const furthest = new Map<number, number>();
  for (const event of events) {
    const index = funnelIndex.get(event.to);
    if (index !== undefined && index > (furthest.get(event.applicationId) ?? -1)) furthest.set(event.applicationId, index);
  }
  const reached = FUNNEL_STAGES.map(() => 0);
  for (const index of furthest.values()) for (let i = 0; i <= index; i++) reached[i]!++;
  return FUNNEL_STAGES.map((stage, i) => {
    const previous = i === 0 ? 0 : reached[i - 1]!;
    return { stage, reached: reached[i]!, conversion: i === 0 || previous === 0 ? null : reached[i]! / previous };
  });
}

function weeklyCounts(stageKeys: readonly string[], events: readonly FunnelEvent[], today: string, timeZone: string): FunnelJson['weeks'] {
  if (events.length === 0) return [];
  const ordered = inTimeOrder(events);
  const firstWeek = mondayOf(localDateOf(ordered[0]!.time, timeZone));
  const lastWeek = mondayOf(today);

  const counts = new Map<string, number>(stageKeys.map((key) => [key, 0]));
  const stageOf = new Map<number, string>();
  const weeks: FunnelJson['weeks'] = [];
  let next = 0;
  for (let weekOf = firstWeek; weekOf <= lastWeek; weekOf = addDays(weekOf, 7)) {
    const end = Date.parse(startOfLocalDate(addDays(weekOf, 7), timeZone));
    for (; next < ordered.length && ordered[next]!.time < end; next++) {
      const { applicationId, to } = ordered[next]!.event;
      const before = stageOf.get(applicationId);
      if (before !== undefined) counts.set(before, counts.get(before)! - 1);
      counts.set(to, (counts.get(to) ?? 0) + 1);
      stageOf.set(applicationId, to);
    }
    weeks.push({ weekOf, counts: Object.fromEntries(counts) });
  }
  return weeks;
}

/** The events by time, each with its instant parsed once; as recorded they nearly always are in order, so that is checked before sorting. */
function inTimeOrder(events: readonly FunnelEvent[]): Array<{ event: FunnelEvent; time: number }> {
  const timed = events.map((event) => ({ event, time: Date.parse(event.at) }));
  if (timed.every(({ time }, i) => i === 0 || timed[i - 1]!.time <= time)) return timed;
  // Stable: events of the same instant keep the order they were recorded in.
  return timed.sort((a, b) => a.time - b.time);
}
