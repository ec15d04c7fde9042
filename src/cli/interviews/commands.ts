// The interview commands: rounds (list, add, show, edit, delete, the calendar), ask, questions score and delete.
import type { AppContext } from '../../app/context.js';
import { getHunt } from '../../app/hunt/hunt.js';
import { applicationById, resolveApplication } from '../../app/hunt/applications.js';
import { roundsCalendar } from '../../app/interviews/calendar.js';
import { addQuestion, deleteQuestion, updateQuestion } from '../../app/interviews/questions.js';
import { resolveTopic } from '../../app/topics/topics.js';
import { createRound, deleteRound, listRounds, resolveInterviewer, roundDetail, updateRound } from '../../app/interviews/rounds.js';
import { resolveStory } from '../../app/interviews/stories.js';
import type { QuestionCreateJson, QuestionJson, RoundDetailJson, RoundOutcome, RoundPatchJson } from '../../contract/interviews.js';
import type { ReviewRating } from '../../contract/review.js';
import { printJson, printLines, UsageError, type Colors } from '../output.js';
import type { CommandContext } from '../program.js';
import { withApp } from '../session.js';
import { titleOf } from '../hunt/render.js';
import { refuseUnknownKindOption } from './kind.js';
import { leftOutText, noRoundsText, roundDetailText, roundsText } from './render.js';

interface RoundOptions {
  at?: string;
  tz?: string;
  kind?: string;
  sections?: string[];
  duration?: number;
  link?: string;
  interviewer?: string[];
  notes?: string;
  outcome?: RoundOutcome;
  debrief?: string;
}

/** The contract's fields from the options given; absent options are absent fields. */
async function roundFields(ctx: CommandContext, app: AppContext, applicationId: number, options: RoundOptions): Promise<RoundPatchJson> {
  const interviewers: number[] = [];
  for (const name of options.interviewer ?? []) interviewers.push(await resolveInterviewer(app, applicationId, name));
  const checklist = ctx.checklist !== undefined ? { checklist: ctx.checklist } : {};
  return {
    ...(options.at !== undefined ? { localStart: options.at } : {}),
    ...(options.tz !== undefined ? { timeZone: options.tz } : {}),
    ...(options.kind !== undefined ? { kind: options.kind } : {}),
    ...(options.sections !== undefined ? { sections: options.sections.map((section) => ({ section, ...checklist })) } : {}),
    ...(options.duration !== undefined ? { durationMinutes: options.duration } : {}),
    ...(options.link !== undefined ? { link: options.link } : {}),
    ...(options.interviewer !== undefined ? { interviewers } : {}),
    ...(options.notes !== undefined ? { prepNotes: options.notes } : {}),
    ...(options.outcome !== undefined ? { outcome: options.outcome } : {}),
    ...(options.debrief !== undefined ? { debrief: options.debrief } : {}),
  };
}

async function printDetail(ctx: CommandContext, app: AppContext, detail: RoundDetailJson): Promise<void> {
  if (ctx.json) printJson(detail);
  else printLines(roundDetailText(detail, app.now(), (await getHunt(app)).timeZone, ctx.color));
}

export async function roundsList(ctx: CommandContext, options: { upcoming?: boolean; ics?: boolean; app?: string; kind?: string }): Promise<void> {
  if (options.ics && (ctx.json || options.upcoming || options.app || options.kind))
    throw new UsageError('--ics prints every round as a calendar; it takes no other option');
  await withApp(ctx, async (app) => {
    if (options.ics) {
      process.stdout.write(await roundsCalendar(app));
      return;
    }
    const application = options.app === undefined ? undefined : await resolveApplication(app, options.app);
    const list = await listRounds(app, {
      ...(options.upcoming ? { upcoming: true } : {}),
      ...(application !== undefined ? { application } : {}),
      ...(options.kind !== undefined ? { kind: options.kind } : {}),
    });
    await refuseUnknownKindOption(app, options.kind, list.rounds.length);
    if (ctx.json) return printJson(list);
    const leftOut = leftOutText(list.leftOut ?? [], ctx.color);
    if (list.rounds.length > 0) return printLines([...roundsText(list.rounds, list.now, (await getHunt(app)).timeZone, ctx.color), ...leftOut]);
    const named = application === undefined ? undefined : titleOf((await applicationById(app, application)).application);
    // Filtered, "none of these" from "none yet" needs them all.
    const filtered = options.upcoming || application !== undefined || options.kind !== undefined;
    const all = filtered ? (await listRounds(app)).rounds.length : 0;
    printLines([noRoundsText({ upcoming: options.upcoming, kind: options.kind, application: named }, all, ctx.color), ...leftOut]);
  });
}

export async function roundsAdd(ctx: CommandContext, reference: string, options: RoundOptions): Promise<void> {
  if (options.at === undefined) throw new UsageError('say when with --at, e.g. --at 2026-12-20T15:00');
  if (options.outcome !== undefined || options.debrief !== undefined)
    throw new UsageError('--outcome and --debrief come after the round: `prepdeck rounds edit`');
  await withApp(ctx, async (app) => {
    const applicationId = await resolveApplication(app, reference);
    const { localStart, ...fields } = await roundFields(ctx, app, applicationId, options);
    await printDetail(ctx, app, await createRound(app, { applicationId, localStart: localStart!, ...fields }));
  });
}

export async function roundsShow(ctx: CommandContext, id: number): Promise<void> {
  await withApp(ctx, async (app) => printDetail(ctx, app, await roundDetail(app, id)));
}

export async function roundsEdit(ctx: CommandContext, id: number, options: RoundOptions): Promise<void> {
  await withApp(ctx, async (app) => {
    const { round } = await roundDetail(app, id);
    const patch = await roundFields(ctx, app, round.applicationId, options);
    if (Object.keys(patch).length === 0) throw new UsageError('say what to change, e.g. --at, --kind, --outcome or --debrief (see --help)');
    await printDetail(ctx, app, await updateRound(app, id, patch));
  });
}

export async function roundsDelete(ctx: CommandContext, id: number, options: { yes?: boolean }): Promise<void> {
  if (!options.yes) throw new UsageError('deleting a round deletes its questions and withdraws their evidence from review: add --yes');
  const round = await withApp(ctx, async (app) => {
    const { round } = await roundDetail(app, id);
    await deleteRound(app, id);
    return round;
  });
  if (ctx.json) printJson({ deleted: { id: round.id, company: round.company, startsAt: round.startsAt } });
  else printLines([`deleted round #${round.id} (${round.company}, ${round.localStart.replace('T', ' ')} ${round.timeZone}) and its questions`]);
}

export async function ask(
  ctx: CommandContext,
  roundId: number,
  text: string,
  options: { topic?: string[]; score?: ReviewRating; newTopic?: string; story?: string[] },
): Promise<void> {
  await withApp(ctx, async (app) => {
    const topicIds: number[] = [];
    for (const ref of options.topic ?? []) topicIds.push((await resolveTopic(app, ref, ctx.checklist)).id);
    const storyIds: number[] = [];
    for (const ref of options.story ?? []) storyIds.push(await resolveStory(app, ref));
    const body: QuestionCreateJson = {
      text,
      ...(topicIds.length > 0 ? { topicIds: [...new Set(topicIds)] } : {}),
      ...(storyIds.length > 0 ? { storyIds: [...new Set(storyIds)] } : {}),
      ...(options.score !== undefined ? { score: options.score } : {}),
      // A topic added to this section from the question (the section by title or path, in -c's checklist or the current one),
      // titled by its first line as typed, as `add` takes a title: `__slots__` keeps its underscores.
      ...(options.newTopic !== undefined
        ? { newTopic: { section: options.newTopic, asTyped: true, ...(ctx.checklist !== undefined ? { checklist: ctx.checklist } : {}) } }
        : {}),
    };
    const detail = await addQuestion(app, roundId, body);
    if (ctx.json) printJson(detail);
    else printLines(askedText(detail, options.newTopic !== undefined, ctx.color));
  });
}

/**
 * "asked in round #3 (Acme): q7, scored 1; linked to descriptors, Design a rate limiter (new, in Other)": the topics by
 * title, so that a topic matched by mistake shows before it is studied; a note for those outside the round's sections.
 */
export function askedText(detail: RoundDetailJson, newTopic: boolean, c: Colors): string[] {
  const question: QuestionJson = detail.questions.at(-1)!;
  const titles = question.topics.map((topic, i) =>
    newTopic && i === question.topics.length - 1 ? `${topic.title} (new, in ${topic.section.join(' > ')})` : topic.title,
  );
  const stories = question.stories.map((story) => story.title);
  const outside = question.topics.filter((t) => t.outsideRound).map((t) => t.title);
  return [
    `asked in round #${detail.round.id} (${detail.round.company}): q${question.id}${question.score !== null ? `, scored ${question.score}` : ''}; ` +
      (titles.length > 0 ? `linked to ${titles.join(', ')}` : 'linked to no topic') +
      (stories.length > 0 ? `; answered with ${stories.join(', ')}` : ''),
    ...(outside.length > 0 ? [c.yellow(`note: outside the round's sections: ${outside.join(', ')}`)] : []),
    ...(question.score !== null && titles.length === 0 ? [c.dim('its score is not a review of any topic: it touches none')] : []),
  ];
}

export async function questionsScore(ctx: CommandContext, id: number, score: ReviewRating | undefined, options: { clear?: boolean }): Promise<void> {
  if (score === undefined && !options.clear)
    throw new UsageError(`give the score, 1-4 (again, hard, good, easy), e.g. \`prepdeck questions score ${id} 3\`, or --clear to remove it`);
  if (score !== undefined && options.clear) throw new UsageError('give a score or --clear, not both');
  await withApp(ctx, async (app) => {
    const detail = await updateQuestion(app, id, { score: options.clear ? null : score! });
    if (ctx.json) printJson(detail);
    else printLines([scoredText(id, score ?? null, detail.questions.find((question) => question.id === id)?.topics.length ?? 0)]);
  });
}

/** What a new score (null: cleared) did in review: each linked topic's review rewritten or withdrawn; none without a topic. */
export function scoredText(id: number, score: ReviewRating | null, topics: number): string {
  const its = topics === 1 ? 'its topic' : `its ${topics} topics`;
  if (score === null) return topics === 0 ? `q${id}: score cleared` : `q${id}: score cleared, the review of ${its} withdrawn`;
  return topics === 0
    ? `q${id}: scored ${score}; it touches no topic, so no review was written`
    : `q${id}: scored ${score}, the review of ${its} rewritten`;
}

export async function questionsDelete(ctx: CommandContext, id: number, options: { yes?: boolean }): Promise<void> {
  if (!options.yes) throw new UsageError('deleting a question withdraws its evidence from review: add --yes');
  const detail = await withApp(ctx, (app) => deleteQuestion(app, id));
  if (ctx.json) printJson(detail);
  else printLines([`deleted q${id} from round #${detail.round.id}`]);
}
