// Whether a round is called off with its application: the one rule the upcoming rounds, the calendar, the plan and a
// move's count of rounds called off ask.
import { describe, expect, it } from 'vitest';
import { DEFAULT_STAGES } from '../../../src/contract/vocabulary.js';
import type { Stage } from '../../../src/core/hunt/stages.js';
import { calledOff } from '../../../src/core/interviews/called-off.js';

const stages: Stage[] = DEFAULT_STAGES.map((s) => ({ ...s }));
const at = (day: number) => `2026-03-${String(day).padStart(2, '0')}T12:00:00.000Z`;
/** A round on `day`, its latest question logged on `askedOn` (none when not given). */
const round = (day: number, askedOn?: number) => ({ startsAt: at(day), lastAskedAt: askedOn === undefined ? null : at(askedOn) });
const moves = (...changes: Array<[string, number]>) => changes.map(([stage, day]) => ({ stage, at: at(day) }));
const open = { archivedAt: null, history: moves(['applied', 1], ['technical', 3]) };

describe('a round called off', () => {
  it('is one starting after its application closed, since the closing', () => {
    const withdrawn = { archivedAt: null, history: moves(['applied', 1], ['withdrawn', 5]) };
    expect(calledOff(stages, round(10), withdrawn)).toEqual({ why: 'Withdrawn', at: at(5) });
    expect(calledOff(stages, round(10), open)).toBeNull();
  });

  it('stays called off, since the first closing, when the application moves from one outcome to another', () => {
    // Withdrawn on the 5th, then marked rejected on the 15th: the round of the 10th did not take place.
    const history = moves(['applied', 1], ['withdrawn', 5], ['rejected', 15]);
    expect(calledOff(stages, round(10), { archivedAt: null, history })).toEqual({ why: 'Withdrawn', at: at(5) });
  });

  it('is none for a round held before the closing, or when the application reopened', () => {
    const rejected = { archivedAt: null, history: moves(['applied', 1], ['rejected', 12]) };
    expect(calledOff(stages, round(10), rejected)).toBeNull();
    const reopened = { archivedAt: null, history: moves(['applied', 1], ['ghosted', 5], ['screening', 8]) };
    expect(calledOff(stages, round(10), reopened)).toBeNull();
  });

  it('is never one with a question logged after its start, even under a closing dated back past it', () => {
    // `apps move --on` dated the rejection before a round that took place: what was asked in it stays history.
    const backdated = { archivedAt: null, history: moves(['applied', 1], ['rejected', 5]) };
    expect(calledOff(stages, round(10, 11), backdated)).toBeNull();
    expect(calledOff(stages, round(10, 10), { archivedAt: at(5), history: open.history })).toBeNull();
  });

  it('is one all the same when its questions were written down before it, as ones expected', () => {
    const withdrawn = { archivedAt: null, history: moves(['applied', 1], ['withdrawn', 5]) };
    expect(calledOff(stages, round(10, 4), withdrawn)).toEqual({ why: 'Withdrawn', at: at(5) });
    expect(calledOff(stages, round(10, 6), withdrawn)).toEqual({ why: 'Withdrawn', at: at(5) });
  });

  it('is one of an application archived before it, since the archiving', () => {
    expect(calledOff(stages, round(10), { archivedAt: at(6), history: open.history })).toEqual({ why: 'archived', at: at(6) });
    expect(calledOff(stages, round(10), { archivedAt: at(11), history: open.history })).toBeNull();
  });
});
