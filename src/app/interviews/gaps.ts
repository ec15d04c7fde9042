// The gap analysis across every round: what interviewers asked about, worst gap first, per topic and per section.
import type { GapsJson, GapsQuery } from '../../contract/interviews.js';
import { InvalidInputError } from '../../core/errors.js';
import { computeGaps, gapWindow, type GapTopicInput } from '../../core/interviews/gaps.js';
import type { Scheduler } from '../../core/review/scheduling.js';
import { findChecklistByName, getChecklist } from '../../store/checklists/checklists.js';
import { readHunt } from '../../store/hunt/hunt.js';
import { readGapRows } from '../../store/interviews/gaps.js';
import type { AppContext } from '../context.js';
import { huntTimeZone } from '../hunt/zone.js';
import { reviewRules } from '../review/settings.js';

/** Filters by round kind, by a period of local dates in the hunt's zone (both ends included), and by checklist. */
export async function gaps(ctx: AppContext, query: GapsQuery = {}): Promise<GapsJson> {
  const db = ctx.store.db;
  // The hunt's zone, as the rounds' are: the period's days and the page's times are read in it.
  const timeZone = huntTimeZone((await readHunt(db)).timeZone);
  const window = gapWindow(query, timeZone);
  let checklistId: number | undefined;
  if (query.checklist !== undefined) {
    const checklist = await findChecklistByName(db, query.checklist);
    if (!checklist) throw new InvalidInputError(`checklist: there is no checklist '${query.checklist}'; \`prepdeck checklists\` lists them`);
    checklistId = checklist.id;
  }
  const rows = await readGapRows(db, { kind: query.kind, since: window.since, before: window.before, checklistId });
  // Recall is predicted with each checklist's own scheduler (its retention and fitted parameters).
  const schedulers = new Map<number, Scheduler>();
  for (const id of rows.checklists.keys()) {
    const checklist = await getChecklist(db, id);
    if (checklist) schedulers.set(id, (await reviewRules(ctx, checklist)).scheduler);
  }
  const topics: GapTopicInput[] = rows.topics.map((topic) => ({
    id: topic.id,
    checklist: rows.checklists.get(topic.checklistId) ?? '',
    title: topic.title,
    sectionId: topic.sectionId,
    sectionKey: topic.sectionKey,
    card: topic.card,
    scheduler: schedulers.get(topic.checklistId),
  }));
  return { ...computeGaps({ rounds: rows.rounds, questions: rows.questions, topics, sections: rows.sections, now: ctx.now() }), timeZone };
}
