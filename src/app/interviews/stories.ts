// The bank of behavioural (STAR) stories and its competencies: what a user does to a story (write, edit, archive,
// rehearse, undo a rehearsal, delete for good) and to the list of competencies (add, rename, reorder).
import type {
  CompetencyCreateJson,
  CompetencyPatchJson,
  StoryBankJson,
  StoryCreateJson,
  StoryJson,
  StoryPatchJson,
  StoryReviewJson,
} from '../../contract/interviews.js';
import { InvalidInputError, NotFoundError } from '../../core/errors.js';
import { matchReference } from '../../core/hunt/reference.js';
import { reorder, stageKeyFor } from '../../core/hunt/stages.js';
import {
  checkCompetencies,
  checkCompetency,
  checkLabelFree,
  checkStoryText,
  coverage,
  newStorySchedule,
  parseSchedule,
  rehearse,
  STALE_AFTER_DAYS,
  storyRecall,
  type Competency,
} from '../../core/interviews/stories.js';
import { checkRequiredText } from '../../core/hunt/fields.js';
import { MAX_ID } from '../../core/validate.js';
import type { Store } from '../../store/database.js';
import {
  appendStoryReview,
  changeStory,
  deleteStoryReview,
  deleteStoryRow,
  insertStory,
  lastStoryReview,
  readCompetencies,
  readStories,
  setStoryCompetencies,
  storyById,
  storyTitles,
  writeCompetencies,
  type StoryRecord,
} from '../../store/interviews/stories.js';
import type { AppContext } from '../context.js';
import { nearest } from '../nearest.js';

function storyJson(record: StoryRecord, competencies: readonly Competency[], now: string): StoryJson {
  const schedule = parseSchedule(record.schedule);
  const order = new Map(competencies.map((competency, index) => [competency.key, index]));
  return {
    id: record.id,
    title: record.title,
    situation: record.situation,
    task: record.task,
    action: record.action,
    result: record.result,
    tags: JSON.parse(record.tags) as string[],
    competencies: [...record.competencies].sort((a, b) => (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity) || a.localeCompare(b)),
    schedule: {
      due: schedule.due,
      state: schedule.state,
      reps: schedule.reps,
      lastReview: schedule.lastReview,
      recall: storyRecall(record.id, schedule, now),
    },
    questions: record.questions,
    createdAt: record.created_at,
    updatedAt: record.updated_at,
    archivedAt: record.archived_at,
  };
}

/** The bank: every story (active ones first, each part in the order written) and the matrix of competencies. */
export async function storyBank(ctx: AppContext): Promise<StoryBankJson> {
  const db = ctx.store.db;
  const now = ctx.now();
  const competencies = await readCompetencies(db);
  const records = await readStories(db);
  const stories = records.map((record) => storyJson(record, competencies, now));
  stories.sort((a, b) => Number(a.archivedAt !== null) - Number(b.archivedAt !== null) || a.id - b.id);
  const matrix = coverage(
    competencies,
    stories.map((story) => ({ ...story, lastReview: story.schedule.lastReview })),
    now,
  );
  return { stories, competencies: matrix, staleAfterDays: STALE_AFTER_DAYS };
}

export async function storyDetail(ctx: AppContext, id: number): Promise<StoryJson> {
  const record = await requireStory(ctx.store.db, id);
  return storyJson(record, await readCompetencies(ctx.store.db), ctx.now());
}

/** A new story, due for its first rehearsal now. */
export async function addStory(ctx: AppContext, body: StoryCreateJson): Promise<StoryJson> {
  const text = checkStoryText(body);
  const id = await ctx.store.transaction(async (trx) => {
    const keys = checkCompetencies(body.competencies ?? [], await readCompetencies(trx));
    const now = ctx.now();
    const storyId = await insertStory(
      trx,
      {
        title: text.title!,
        situation: text.situation ?? '',
        task: text.task ?? '',
        action: text.action ?? '',
        result: text.result ?? '',
        tags: text.tags ?? [],
      },
      newStorySchedule(now),
      now,
    );
    await setStoryCompetencies(trx, storyId, keys);
    return storyId;
  });
  return storyDetail(ctx, id);
}

/** Changes the fields given (the competencies given replace the story's); `archived` archives or restores it. */
export async function updateStory(ctx: AppContext, id: number, patch: StoryPatchJson): Promise<StoryJson> {
  const text = checkStoryText(patch);
  await ctx.store.transaction(async (trx) => {
    const story = await requireStory(trx, id);
    const keys = patch.competencies === undefined ? undefined : checkCompetencies(patch.competencies, await readCompetencies(trx));
    const now = ctx.now();
    await changeStory(trx, id, {
      ...text,
      updatedAt: now,
      ...(patch.archived === undefined ? {} : { archivedAt: patch.archived ? (story.archived_at ?? now) : null }),
    });
    if (keys !== undefined) await setStoryCompetencies(trx, id, keys);
  });
  return storyDetail(ctx, id);
}

/** The explicit hard delete: the story goes with its rehearsals and its links to questions. */
export async function deleteStory(ctx: AppContext, id: number): Promise<void> {
  await ctx.store.transaction(async (trx) => {
    await requireStory(trx, id);
    await deleteStoryRow(trx, id);
  });
}

/** A rehearsal rated 1-4 (again, hard, good, easy): the story's schedule moves as a card's would, and the log keeps the one before. */
export async function reviewStory(ctx: AppContext, id: number, body: StoryReviewJson): Promise<StoryJson> {
  await ctx.store.transaction(async (trx) => {
    const story = await requireStory(trx, id);
    const now = ctx.now();
    const { schedule, previous } = rehearse(id, parseSchedule(story.schedule), body.rating, now);
    await changeStory(trx, id, { schedule });
    await appendStoryReview(trx, id, body.rating, schedule.lastReview ?? now, previous);
  });
  return storyDetail(ctx, id);
}

/** Undoes the story's last rehearsal: its schedule is put back exactly, and the log line goes. */
export async function undoStoryReview(ctx: AppContext, id: number): Promise<StoryJson> {
  await ctx.store.transaction(async (trx) => {
    await requireStory(trx, id);
    const last = await lastStoryReview(trx, id);
    // As undoing a card's review with none to undo: there is no such rehearsal.
    if (!last) throw new NotFoundError(`story ${id} has no rehearsal to undo`);
    await changeStory(trx, id, { schedule: parseSchedule(last.previous) });
    await deleteStoryReview(trx, last.id);
  });
  return storyDetail(ctx, id);
}

/** A story by id, or by a unique fragment of its title (any case, any script); archived ones when no active one matches. */
export async function resolveStory(ctx: AppContext, ref: string): Promise<number> {
  const rows = await storyTitles(ctx.store.db);
  return matchReference(
    ref,
    rows.map((row) => ({
      id: row.id,
      text: row.title,
      label: `${row.title}${row.archived_at ? ' (archived)' : ''}`,
      archived: row.archived_at !== null,
    })),
    { one: 'story', many: 'stories' },
    '`prepdeck stories` lists them',
  );
}

/** A new competency, before `before` or last; its key is made from its label. */
export async function addCompetency(ctx: AppContext, body: CompetencyCreateJson): Promise<StoryBankJson> {
  const label = checkRequiredText(body.label, 'label');
  await ctx.store.transaction(async (trx) => {
    const list = await readCompetencies(trx);
    checkLabelFree(list, label, null);
    const index = body.before === undefined ? list.length : list.indexOf(checkCompetency(list, body.before, 'before'));
    const key = stageKeyFor(
      label,
      list.map((competency) => competency.key),
      'competency',
    );
    await writeCompetencies(trx, [...list.slice(0, index), { key, label }, ...list.slice(index)]);
  });
  return storyBank(ctx);
}

/** Relabels a competency or moves it to another index of the list; its key, which stories refer to, stays. */
export async function updateCompetency(ctx: AppContext, key: string, patch: CompetencyPatchJson): Promise<StoryBankJson> {
  const label = patch.label === undefined ? undefined : checkRequiredText(patch.label, 'label');
  if (patch.position !== undefined && (!Number.isInteger(patch.position) || patch.position < 0)) {
    throw new InvalidInputError(`position: ${patch.position} is not an index of the list (0 is first)`);
  }
  await ctx.store.transaction(async (trx) => {
    const list = await readCompetencies(trx);
    checkCompetency(list, key, 'key');
    if (label !== undefined) checkLabelFree(list, label, key);
    const relabelled = list.map((competency) => (competency.key === key && label !== undefined ? { ...competency, label } : competency));
    const order =
      patch.position === undefined
        ? relabelled.map((competency) => competency.key)
        : reorder(
            relabelled.map((competency) => competency.key),
            key,
            patch.position,
          );
    await writeCompetencies(
      trx,
      order.map((k) => relabelled.find((competency) => competency.key === k)!),
    );
  });
  return storyBank(ctx);
}

/** A competency by key, or by a unique fragment of its label. */
export async function resolveCompetency(ctx: AppContext, ref: string): Promise<string> {
  const list = await readCompetencies(ctx.store.db);
  const exact = list.find((competency) => competency.key === ref.trim());
  if (exact) return exact.key;
  const candidates = list.map((competency, index) => ({
    id: index + 1,
    text: `${competency.label} ${competency.key}`,
    label: `${competency.key}: ${competency.label}`,
    archived: false,
  }));
  const near = nearest(ref, [...list.map((competency) => competency.key), ...list.map((competency) => competency.label)]);
  const hint = near === null ? '`prepdeck stories competencies` lists them' : `did you mean '${near}'?`;
  return list[matchReference(ref, candidates, { one: 'competency', many: 'competencies' }, hint) - 1]!.key;
}

async function requireStory(db: Store['db'], id: number): Promise<StoryRecord> {
  const story = Number.isSafeInteger(id) && id >= 1 && id <= MAX_ID ? await storyById(db, id) : null;
  if (!story) throw new NotFoundError(`no story ${id}; \`prepdeck stories\` lists them`);
  return story;
}
