import {
  addCompetency,
  addStory,
  deleteStory,
  resolveCompetency,
  resolveStory,
  reviewStory,
  storyBank,
  storyDetail,
  undoStoryReview,
  updateCompetency,
  updateStory,
} from '../../app/interviews/stories.js';
import type { CompetencyJson, StoryBankJson, StoryCreateJson, StoryJson, StoryPatchJson } from '../../contract/interviews.js';
import type { ReviewRating } from '../../contract/review.js';
import type { AppContext } from '../../app/context.js';
import { getHunt } from '../../app/hunt/hunt.js';
import { PrepdeckError } from '../../core/errors.js';
import { printJson, printLines, UsageError, type Colors } from '../output.js';
import type { CommandContext } from '../program.js';
import { localTime } from '../render.js';
import { withApp } from '../session.js';

interface StoryOptions {
  situation?: string;
  task?: string;
  action?: string;
  result?: string;
  /** False with --no-competency. */
  competency?: string[] | false;
  tag?: string[];
}

/** The fields, their competencies (as --competency names them: a key or a fragment of a label as the matrix shows it, any case) turned into keys. */
async function withCompetencyKeys<Fields extends { competencies?: string[] }>(app: AppContext, fields: Fields): Promise<Fields> {
  if (!fields.competencies) return fields;
  const keys: string[] = [];
  for (const reference of fields.competencies) {
    try {
      keys.push(await resolveCompetency(app, reference));
    } catch (error) {
      if (error instanceof PrepdeckError) error.message = `--competency: ${error.message}`;
      throw error;
    }
  }
  return { ...fields, competencies: keys };
}

function storyFields(options: StoryOptions): Omit<StoryCreateJson, 'title'> {
  return {
    ...(options.situation !== undefined ? { situation: options.situation } : {}),
    ...(options.task !== undefined ? { task: options.task } : {}),
    ...(options.action !== undefined ? { action: options.action } : {}),
    ...(options.result !== undefined ? { result: options.result } : {}),
    ...(options.competency !== undefined ? { competencies: options.competency === false ? [] : options.competency } : {}),
    ...(options.tag !== undefined ? { tags: options.tag } : {}),
  };
}

const MARK = { none: '✗', stale: '~', fresh: '✓' } as const;

function coverageMark(competency: CompetencyJson, c: Colors): string {
  const mark = MARK[competency.coverage];
  return competency.coverage === 'fresh' ? c.green(mark) : competency.coverage === 'stale' ? c.yellow(mark) : c.red(mark);
}

/** `text` padded to `width` characters (counted as the terminal shows them, not in UTF-16 units); a longer one as it is. */
function padded(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - [...text].length));
}

/** The width of a column of `texts`: the widest, up to `most` (a longer one overflows its own line, not every line). */
function columnWidth(texts: readonly string[], most = Infinity): number {
  return Math.min(most, Math.max(0, ...texts.map((text) => [...text].length)));
}

const LABEL_WIDTH_MOST = 36;

/** Each competency with its stories: none and stale marked; then the stories that show none. */
function matrixText(bank: StoryBankJson, c: Colors): string[] {
  const byId = new Map(bank.stories.map((story) => [story.id, story]));
  const width = columnWidth(
    bank.competencies.map((k) => k.label),
    LABEL_WIDTH_MOST,
  );
  const lines = bank.competencies.map((competency) => {
    const label = padded(competency.label, width);
    if (competency.coverage === 'none') return `${coverageMark(competency, c)} ${label}  ${c.red('no story yet')}`;
    const titles = competency.stories.map((id) => `${c.dim(`#${id}`)} ${byId.get(id)?.title ?? ''}`).join('; ');
    const stale = competency.coverage === 'stale' ? c.yellow(` (stale: untouched for ${bank.staleAfterDays}+ days; rehearse it)`) : '';
    return `${coverageMark(competency, c)} ${label}  ${titles}${stale}`;
  });
  const loose = bank.stories.filter((story) => story.archivedAt === null && story.competencies.length === 0);
  if (loose.length > 0)
    lines.push('', c.dim('stories mapped to no competency:'), ...loose.map((story) => `  ${c.dim(`#${story.id}`)} ${story.title}`));
  const archived = bank.stories.filter((story) => story.archivedAt !== null).length;
  if (archived > 0) lines.push(c.dim(`(${archived} archived)`));
  if (bank.stories.length === 0) lines.push('', c.dim('no stories yet: prepdeck stories add "TITLE" --competency KEY'));
  return lines;
}

/**
 * "2026-12-06 03:24 Europe/Moscow": a story's next rehearsal in the hunt's zone, as rounds are shown; "now" once that
 * time has come (an undo restores a due time that may be past).
 */
export function dueText(story: StoryJson, timeZone: string, now: string): string {
  if (Date.parse(story.schedule.due) <= Date.parse(now)) return 'now';
  return `${localTime(story.schedule.due, timeZone)} ${timeZone}`;
}

function storyText(story: StoryJson, bank: StoryBankJson | null, timeZone: string, now: string, c: Colors): string[] {
  const label = (key: string) => bank?.competencies.find((k) => k.key === key)?.label ?? key;
  const lines = [`${c.bold(story.title)} ${c.dim(`#${story.id}`)}${story.archivedAt ? c.yellow('  archived') : ''}`];
  if (story.competencies.length > 0) lines.push(`  shows:      ${story.competencies.map(label).join(', ')}`);
  if (story.tags.length > 0) lines.push(`  tags:       ${story.tags.join(', ')}`);
  const { schedule } = story;
  const recall = schedule.recall === null ? 'never rehearsed' : `recall now ${Math.round(schedule.recall * 100)}%`;
  lines.push(`  rehearsal:  ${schedule.reps} so far, ${recall}, due ${dueText(story, timeZone, now)}`);
  if (story.questions > 0) lines.push(`  answered:   ${story.questions} question${story.questions === 1 ? '' : 's'} in rounds`);
  for (const [name, text] of [
    ['Situation', story.situation],
    ['Task', story.task],
    ['Action', story.action],
    ['Result', story.result],
  ] as const) {
    if (text) lines.push(`  ${c.cyan(name)}`, ...text.split('\n').map((line) => `    ${line}`));
  }
  return lines;
}

export async function storiesMatrix(ctx: CommandContext): Promise<void> {
  const bank = await withApp(ctx, (app) => storyBank(app));
  if (ctx.json) printJson(bank);
  else printLines(matrixText(bank, ctx.color));
}

export async function storiesAdd(ctx: CommandContext, title: string, options: StoryOptions): Promise<void> {
  const { story, bank } = await withApp(ctx, async (app) => {
    const added = await addStory(app, await withCompetencyKeys(app, { title, ...storyFields(options) }));
    return { story: added, bank: await storyBank(app) };
  });
  if (ctx.json) printJson(story);
  else printLines([`added #${story.id} ${story.title}`, '', ...matrixText(bank, ctx.color)]);
}

export async function storiesShow(ctx: CommandContext, reference: string): Promise<void> {
  const { story, bank, timeZone, now } = await withApp(ctx, async (app) => ({
    story: await storyDetail(app, await resolveStory(app, reference)),
    bank: await storyBank(app),
    timeZone: (await getHunt(app)).timeZone,
    now: app.now(),
  }));
  if (ctx.json) printJson(story);
  else printLines(storyText(story, bank, timeZone, now, ctx.color));
}

export async function storiesEdit(ctx: CommandContext, reference: string, options: StoryOptions & { title?: string }): Promise<void> {
  const patch: StoryPatchJson = { ...storyFields(options), ...(options.title !== undefined ? { title: options.title } : {}) };
  if (Object.keys(patch).length === 0) throw new UsageError('say what to change, e.g. --title, --action, --competency or --tag (see --help)');
  const { story, bank, timeZone, now } = await withApp(ctx, async (app) => ({
    story: await updateStory(app, await resolveStory(app, reference), await withCompetencyKeys(app, patch)),
    bank: await storyBank(app),
    timeZone: (await getHunt(app)).timeZone,
    now: app.now(),
  }));
  if (ctx.json) printJson(story);
  else printLines(storyText(story, bank, timeZone, now, ctx.color));
}

export const storiesArchive =
  (archived: boolean) =>
  async (ctx: CommandContext, reference: string): Promise<void> => {
    const story = await withApp(ctx, async (app) => updateStory(app, await resolveStory(app, reference), { archived }));
    if (ctx.json) printJson(story);
    else printLines([`${archived ? 'archived' : 'restored'} #${story.id} ${story.title}`]);
  };

export async function storiesDelete(ctx: CommandContext, reference: string, options: { yes?: boolean }): Promise<void> {
  if (!options.yes) throw new UsageError('deleting removes the story with its rehearsals for good: add --yes (or `stories archive` to keep it)');
  const deleted = await withApp(ctx, async (app) => {
    const story = await storyDetail(app, await resolveStory(app, reference));
    await deleteStory(app, story.id);
    return story;
  });
  if (ctx.json) printJson({ deleted: { id: deleted.id, title: deleted.title } });
  else printLines([`deleted #${deleted.id} ${deleted.title} and its rehearsals`]);
}

export async function storiesReview(ctx: CommandContext, reference: string, options: { rating?: number; undo?: boolean }): Promise<void> {
  if (Boolean(options.undo) === (options.rating !== undefined))
    throw new UsageError('say how the rehearsal went with --rating 1-4 (again, hard, good, easy), or --undo the last one');
  const { story, timeZone, now } = await withApp(ctx, async (app) => {
    const id = await resolveStory(app, reference);
    const story = options.undo ? await undoStoryReview(app, id) : await reviewStory(app, id, { rating: options.rating as ReviewRating });
    return { story, timeZone: (await getHunt(app)).timeZone, now: app.now() };
  });
  if (ctx.json) printJson(story);
  else {
    const due = dueText(story, timeZone, now);
    printLines([
      `${options.undo ? 'undid the last rehearsal of' : 'rehearsed'} #${story.id} ${story.title}: ${due === 'now' ? 'due now' : `next due ${due}`}`,
    ]);
  }
}

/** The competencies as a table: position, key, label, coverage, each in its column. */
function competencyLines(bank: StoryBankJson, c: Colors): string[] {
  const keyWidth = columnWidth(bank.competencies.map((k) => k.key));
  const labelWidth = columnWidth(
    bank.competencies.map((k) => k.label),
    LABEL_WIDTH_MOST,
  );
  return bank.competencies.map(
    (k, i) =>
      `${String(i + 1).padStart(2)}  ${padded(k.key, keyWidth)}  ${padded(k.label, labelWidth)}  ${coverageMark(k, c)} ${c.dim(k.coverage === 'none' ? 'no story' : `${k.stories.length} ${k.coverage}`)}`,
  );
}

async function printCompetencies(ctx: CommandContext, bank: StoryBankJson, headline?: string): Promise<void> {
  if (ctx.json) printJson({ competencies: bank.competencies });
  else printLines([...(headline ? [headline] : []), ...competencyLines(bank, ctx.color)]);
}

export async function competenciesList(ctx: CommandContext): Promise<void> {
  await printCompetencies(ctx, await withApp(ctx, (app) => storyBank(app)));
}

export async function competenciesAdd(ctx: CommandContext, label: string, options: { before?: string }): Promise<void> {
  const bank = await withApp(ctx, async (app) =>
    addCompetency(app, { label, ...(options.before !== undefined ? { before: await resolveCompetency(app, options.before) } : {}) }),
  );
  await printCompetencies(ctx, bank, `added ${label}`);
}

export async function competenciesRename(ctx: CommandContext, reference: string, label: string): Promise<void> {
  const bank = await withApp(ctx, async (app) => updateCompetency(app, await resolveCompetency(app, reference), { label }));
  await printCompetencies(ctx, bank);
}

export async function competenciesMove(ctx: CommandContext, reference: string, position: number): Promise<void> {
  const bank = await withApp(ctx, async (app) => updateCompetency(app, await resolveCompetency(app, reference), { position: position - 1 }));
  await printCompetencies(ctx, bank);
}
