// The bank of behavioural (STAR) stories: which competencies have a story, only a stale one, or none; a story's
// rehearsal schedule (a card's, reviewed with FSRS); the competencies' keys, order and labels; the checks of what
// a user writes. Pure: the stories, the time and the list of competencies are passed in.
import type { CompetencyJson, CoverageState } from '../../contract/interviews.js';
import { InvalidInputError } from '../errors.js';
import { checkRequiredText, checkTags, checkText } from '../hunt/fields.js';
import { newCardSchedule, retrievability, review, type CardSchedule, type ReviewRating } from '../review/scheduling.js';

/** A story not reviewed or edited for this many days no longer covers its competencies as a fresh one. */
export const STALE_AFTER_DAYS = 90;
const DAY_MS = 86_400_000;

export interface Competency {
  key: string;
  label: string;
}

/** What coverage reads of a story. */
export interface CoveringStory {
  id: number;
  competencies: readonly string[];
  updatedAt: string;
  lastReview: string | null;
  archivedAt: string | null;
}

/** When a story was last touched: edited, or rehearsed. */
function lastTouched(story: Pick<CoveringStory, 'updatedAt' | 'lastReview'>): string {
  return story.lastReview !== null && story.lastReview > story.updatedAt ? story.lastReview : story.updatedAt;
}

export function isStale(story: Pick<CoveringStory, 'updatedAt' | 'lastReview'>, now: string, staleAfterDays = STALE_AFTER_DAYS): boolean {
  return Date.parse(now) - Date.parse(lastTouched(story)) >= staleAfterDays * DAY_MS;
}

/**
 * The matrix: each competency in order with the active stories mapped to it and its coverage, `none` without an
 * active story, `stale` when every one of them is stale, `fresh` when one is not. Archived stories count nowhere.
 */
export function coverage(
  competencies: readonly Competency[],
  stories: readonly CoveringStory[],
  now: string,
  staleAfterDays = STALE_AFTER_DAYS,
): CompetencyJson[] {
  return competencies.map((competency, position) => {
    const mapped = stories.filter((story) => story.archivedAt === null && story.competencies.includes(competency.key));
    const state: CoverageState = mapped.length === 0 ? 'none' : mapped.some((story) => !isStale(story, now, staleAfterDays)) ? 'fresh' : 'stale';
    return { key: competency.key, label: competency.label, position, coverage: state, stories: mapped.map((story) => story.id) };
  });
}

/** A new story's schedule: due now, never rehearsed. */
export const newStorySchedule = (now: string): CardSchedule => newCardSchedule(now);

/** A rehearsal of story `id` rated `rating` at `now`: its next schedule, and the one before for the log (an undo restores it). */
export function rehearse(id: number, schedule: CardSchedule, rating: ReviewRating, now: string): { schedule: CardSchedule; previous: CardSchedule } {
  if (rating !== 1 && rating !== 2 && rating !== 3 && rating !== 4)
    throw new InvalidInputError(`rating: ${String(rating)} is not 1-4 (again, hard, good, easy)`);
  const outcome = review({ id, ...schedule }, rating, now);
  return { schedule: outcome.card, previous: outcome.log.previous };
}

/** Predicted recall now, 0..1; null before the first rehearsal. */
export function storyRecall(id: number, schedule: CardSchedule, now: string): number | null {
  return schedule.state === 'new' ? null : retrievability({ id, ...schedule }, now);
}

/** A stored schedule, read back: refused (a bug, not the user's) when it is not one. */
export function parseSchedule(json: string): CardSchedule {
  const value = JSON.parse(json) as CardSchedule;
  if (typeof value !== 'object' || value === null || typeof value.due !== 'string' || typeof value.state !== 'string') {
    throw new Error(`not a story schedule: ${json.slice(0, 80)}`);
  }
  return value;
}

/** The competency keys a story names, each known (else refused naming `competencies`), repeats dropped, in the list's order. */
export function checkCompetencies(keys: readonly string[], known: readonly Competency[]): string[] {
  const unknown = keys.filter((key) => !known.some((competency) => competency.key === key));
  if (unknown.length > 0) {
    throw new InvalidInputError(
      `competencies: there is no competency ${unknown.map((key) => `'${key}'`).join(', ')}; use one of: ${known.map((c) => c.key).join(', ')}`,
    );
  }
  return known.filter((competency) => keys.includes(competency.key)).map((competency) => competency.key);
}

export function checkCompetency(known: readonly Competency[], key: string, field: string): Competency {
  const found = known.find((competency) => competency.key === key);
  if (!found) throw new InvalidInputError(`${field}: there is no competency '${key}'; use one of: ${known.map((c) => c.key).join(', ')}`);
  return found;
}

/** Two competencies with one label could not be told apart in the matrix. */
export function checkLabelFree(known: readonly Competency[], label: string, ownKey: string | null): void {
  const lower = label.toLowerCase();
  const other = known.find((competency) => competency.key !== ownKey && competency.label.toLowerCase() === lower);
  if (other) throw new InvalidInputError(`label: the competency '${other.key}' is already called ${other.label}`);
}

/** The text fields of a story as the user writes them, checked; absent ones stay absent. */
export interface StoryText {
  title?: string | undefined;
  situation?: string | undefined;
  task?: string | undefined;
  action?: string | undefined;
  result?: string | undefined;
  tags?: readonly string[] | undefined;
}

/** The contract's limits, checked here too: the CLI does not go through the routes' schemas. */
const TITLE_MAX = 300;
const PART_MAX = 20_000;
const TAGS_MAX = 20;
const TAG_MAX = 40;

function checkLength(value: string, max: number, field: string): string {
  if ([...value].length > max) throw new InvalidInputError(`${field} is longer than ${max.toLocaleString('en')} characters; shorten it`);
  return value;
}

export function checkStoryText(fields: StoryText): {
  title?: string;
  situation?: string;
  task?: string;
  action?: string;
  result?: string;
  tags?: string[];
} {
  const checked: ReturnType<typeof checkStoryText> = {};
  if (fields.title !== undefined) checked.title = checkLength(checkRequiredText(fields.title, 'title'), TITLE_MAX, 'title');
  for (const name of ['situation', 'task', 'action', 'result'] as const) {
    const value = fields[name];
    if (value !== undefined) checked[name] = checkLength(checkText(value, name), PART_MAX, name);
  }
  if (fields.tags !== undefined) {
    const tags = checkTags(fields.tags).map((tag) => checkLength(tag, TAG_MAX, 'tags'));
    if (tags.length > TAGS_MAX) throw new InvalidInputError(`tags: ${tags.length} tags; a story takes at most ${TAGS_MAX}`);
    checked.tags = tags;
  }
  return checked;
}
