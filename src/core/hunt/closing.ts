// Where an application stands in the hunt's own pipeline: closed or not (and what that does to its follow-ups), and
// the stage recording an offer moves it to. The stage list is the hunt's: reordered, extended, relabelled; only the
// keys and the outcome flags are relied on, never the default list.
import type { Stage } from './stages.js';

/** The key of the stage an offer puts an application in (a default stage; stages are relabelled, never removed). */
const OFFER_STAGE = 'offer';

/** The note of the stage event recording an offer makes. */
export const OFFER_MOVE_NOTE = 'offer recorded';

/**
 * Whether an application in `key` is closed: its stage is an outcome, an end of the road (accepted, rejected,
 * withdrawn, ghosted, or a stage of the hunt's own added as an outcome). A key the list does not have is open.
 */
export function isClosedStage(stages: readonly Stage[], key: string): boolean {
  return stages.find((stage) => stage.key === key)?.outcome ?? false;
}

/** Whether an application is still in play: neither archived nor at an outcome stage (withdrawn, rejected, ...). */
export function isOpenApplication(stages: readonly Stage[], application: { stage: string; archived: boolean }): boolean {
  return !application.archived && !isClosedStage(stages, application.stage);
}

/** A stage change as the closing is read from it: the stage moved to, and when. */
export interface StageChange {
  stage: string;
  at: string;
}

/**
 * When an application closed, and into which stage: the first change of the run of outcome stages its history ends
 * with (withdrawn then moved to rejected closed when it was withdrawn), or null while it is open. `history` is in the
 * order the changes were recorded; a move back to an open stage ends a run, so a reopened application that closes
 * again closes at its new closing.
 */
export function closingOf(stages: readonly Stage[], history: readonly StageChange[]): StageChange | null {
  let closing: StageChange | null = null;
  for (let i = history.length - 1; i >= 0 && isClosedStage(stages, history[i]!.stage); i--) closing = history[i]!;
  return closing;
}

/**
 * Whether an application's open follow-ups are on the lists of due ones (the Dashboard's, `prepdeck followups`): while
 * it is open. They stay on the application, open, and come back on the lists when it reopens.
 */
export function followUpsListedAsDue(stages: readonly Stage[], application: { stage: string; archived: boolean }): boolean {
  return isOpenApplication(stages, application);
}

/**
 * What a change of an application (a move, archiving or restoring it) does to the lists of due follow-ups: how many of
 * its open ones leave them, or come back.
 */
export interface DueListChange {
  noLongerDue: number;
  dueAgain: number;
}

type ListedState = { stage: string; archived: boolean };

export function dueListChange(stages: readonly Stage[], before: ListedState, after: ListedState, openFollowUps: number): DueListChange {
  const listedBefore = followUpsListedAsDue(stages, before);
  const listedAfter = followUpsListedAsDue(stages, after);
  return {
    noLongerDue: listedBefore && !listedAfter ? openFollowUps : 0,
    dueAgain: !listedBefore && listedAfter ? openFollowUps : 0,
  };
}

/**
 * The stage recording an offer moves an application to, or null when it stays: a new offer (not one replacing the
 * offer recorded before, which the user may have moved back from on purpose) moves an open application whose stage
 * comes before the offer stage in the hunt's order. One at the offer stage or after it (accepted, a negotiation stage
 * of the hunt's own placed after it) stays, and so does a closed one wherever its stage is placed: an offer after a
 * withdrawal reopens nothing. A hunt without the offer stage moves nothing.
 */
export function stageOnOffer(stages: readonly Stage[], application: { stage: string; hadOffer: boolean }): string | null {
  if (application.hadOffer) return null;
  const offer = stages.findIndex((stage) => stage.key === OFFER_STAGE);
  const current = stages.findIndex((stage) => stage.key === application.stage);
  if (offer === -1 || current === -1 || stages[current]!.outcome) return null;
  return current < offer ? OFFER_STAGE : null;
}
