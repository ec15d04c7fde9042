// Whether an interview round will not take place: its application closed (an outcome stage) or was archived before
// the round's start. The upcoming rounds, the calendar (CANCELLED), the plan's targets and a move's or an archiving's
// count of rounds called off all ask this one rule.
import { closingOf, type StageChange } from '../hunt/closing.js';
import type { Stage } from '../hunt/stages.js';

export interface CalledOff {
  /** The closing stage's label ("Withdrawn"), or `archived`. */
  why: string;
  /** Since when: the closing's instant, or the archiving's. */
  at: string;
}

export interface RoundStanding {
  startsAt: string;
  /**
   * When its latest question was logged, or null: one logged once the round had started says it took place,
   * whatever the application did after. Questions written down ahead of it (what one expects to be asked) do not.
   */
  lastAskedAt: string | null;
}

export interface ApplicationStanding {
  archivedAt: string | null;
  /** Its stage changes in the order recorded (stage_events by id). */
  history: readonly StageChange[];
}

/**
 * Why a round is called off and since when, or null while it is on. The closing is the first change of the run of
 * outcome stages the application's history ends with, so that a later change between outcomes (withdrawn, then
 * rejected) moves it no later. A round that starts before the closing or the archiving was held, and so is one with a
 * question logged after its start (a closing dated back past it with `apps move --on` does not undo what was asked):
 * never called off.
 */
export function calledOff(stages: readonly Stage[], round: RoundStanding, application: ApplicationStanding): CalledOff | null {
  if (round.lastAskedAt !== null && round.lastAskedAt >= round.startsAt) return null;
  const { archivedAt } = application;
  if (archivedAt !== null && archivedAt < round.startsAt) return { why: 'archived', at: archivedAt };
  const closing = closingOf(stages, application.history);
  if (closing === null || closing.at >= round.startsAt) return null;
  return { why: stages.find((stage) => stage.key === closing.stage)?.label ?? closing.stage, at: closing.at };
}
