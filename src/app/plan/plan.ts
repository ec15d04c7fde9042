// The plan to the interview: made from the cards' memory now, the targets, the availability and the costs, by the
// core's planner. Today's list is kept as first made that day (store/plan/days.ts), so it stays put while one
// studies it; the rest of the plan and the readiness are made again from the actual state at every look, counted
// from the start of today's study day: the same state gives the same days at any time of the day.
import type { PlanDayJson, PlanItemJson, PlanJson, PlanSettingsJson, TargetReadinessJson } from '../../contract/plan.js';
import type { Checklist, Section, Topic } from '../../core/checklist/model.js';
import { sectionPaths } from '../../core/checklist/tree.js';
import { daysBetween } from '../../core/dates.js';
import { availableDays, whyNoStudy, type Availability } from '../../core/plan/availability.js';
import type { PlanCard, PlanCosts, PlanTarget } from '../../core/plan/model.js';
import { planStudy, type StudyPlan } from '../../core/plan/plan.js';
import { newPlanMemo, type PlanMemo } from '../../core/plan/strategies.js';
import { inDaysText, leftOutNote, minutesBehind, minutesByDate, todayLine } from '../../core/plan/progress.js';
import { schedulerSettingsOf } from '../../core/review/settings.js';
import { schedulerFor, type StudyCard } from '../../core/review/scheduling.js';
import { addDays } from '../../core/review/study-day.js';
import { forgetPlanDay, putPlanDay, readPlanDay, readPlanDays, type PlanDayRecord } from '../../store/plan/days.js';
import { studiedSince } from '../../store/plan/settings.js';
import { activeCards, activeCardsByIds, toCard } from '../../store/review/cards.js';
import { sectionsOf, topicsByIds } from '../../store/topics/topics.js';
import type { AppContext } from '../context.js';
import { checklistFor } from '../review/review-checklist.js';
import { reviewRules, type ReviewRules } from '../review/settings.js';
import { planSettingsOf } from './settings.js';
import { inPlan, resolveTargets, type ResolvedTarget } from './targets.js';

const DAY_MS = 86_400_000;

/** Each open app's memo of valued cards per checklist, kept between plans (core/plan/strategies.ts#PlanMemo). */
const memos = new WeakMap<AppContext, Map<number, PlanMemo>>();

function memoOf(ctx: AppContext, checklistId: number): PlanMemo {
  let byChecklist = memos.get(ctx);
  if (!byChecklist) memos.set(ctx, (byChecklist = new Map<number, PlanMemo>()));
  let memo = byChecklist.get(checklistId);
  if (!memo) byChecklist.set(checklistId, (memo = newPlanMemo()));
  return memo;
}
/** How far back the calendar shows what was planned and done. */
const HISTORY_DAYS = 30;

export interface PlanOptions {
  checklist?: string | undefined;
  /** Only this many days from today in `days`. */
  days?: number | undefined;
}

interface Context {
  checklist: Checklist;
  rules: ReviewRules;
  cards: StudyCard[];
  topics: Map<number, Topic>;
  sectionPath: Map<string, string[]>;
  costs: PlanCosts;
  /** The costs with their sources, and the sections' own. */
  settingsCosts: PlanSettingsJson['costs'];
  availability: Availability;
  learnMinutes: (card: StudyCard) => number | undefined;
  /** Every target, soonest first: past, excluded and scopeless ones too. */
  targets: ResolvedTarget[];
}

async function gather(ctx: AppContext, checklist: Checklist): Promise<Context> {
  const rules = await reviewRules(ctx, checklist);
  const settings = await planSettingsOf(ctx, checklist);
  const rows = await activeCards(ctx.store.db, checklist.id).selectAll('cards').orderBy('cards.id').execute();
  const cards = rows.map(toCard);
  const topics = await topicsByIds(ctx.store.db, [...new Set(cards.flatMap((c) => (c.topicId === null ? [] : [c.topicId])))]);
  const sections = await sectionsOf(ctx.store.db, [checklist.id]);
  const paths = sectionPaths(sections);
  const sectionPath = new Map(sections.map((s) => [s.pathKey, paths.get(s.id) ?? []]));
  // A section's own minutes hold for its subsections too, unless they set theirs.
  const own = new Map(settings.costs.sections.map((s) => [s.key, s.learnTopicMinutes]));
  const byKey = new Map(sections.map((s) => [s.pathKey, s]));
  const byId = new Map(sections.map((s) => [s.id, s]));
  const learnOf = new Map<string, number | undefined>();
  const reviewMinutes = settings.costs.reviewTopicSeconds.value / 60;
  const learnMinutes = (card: StudyCard): number | undefined => {
    // A topic ticked off in the file is known already: its first study is a recall, not a lesson.
    if (card.topicId !== null && topics.get(card.topicId)?.state === 'known') return reviewMinutes;
    if (!learnOf.has(card.sectionKey)) {
      let section: Section | undefined = byKey.get(card.sectionKey);
      while (section && !own.has(section.pathKey)) section = section.parentId === null ? undefined : byId.get(section.parentId);
      learnOf.set(card.sectionKey, section ? own.get(section.pathKey) : undefined);
    }
    return learnOf.get(card.sectionKey);
  };
  const targets = await resolveTargets(ctx, checklist);
  return {
    checklist,
    rules,
    cards,
    topics,
    sectionPath,
    costs: {
      learnTopicMinutes: settings.costs.learnTopicMinutes.value,
      reviewTopicSeconds: settings.costs.reviewTopicSeconds.value,
      reviewQaSeconds: settings.costs.reviewQaSeconds.value,
    },
    settingsCosts: settings.costs,
    availability: { minutesPerDay: settings.minutesPerDay, weekdays: settings.weekdays, daysOff: settings.daysOff },
    learnMinutes,
    targets,
  };
}

/** The cards of a target's scope: its sections (with subsections) and topics; with neither, every study card. */
function inScope(target: ResolvedTarget, card: StudyCard): boolean {
  if (target.whole) return true;
  return target.sectionKeys.has(card.sectionKey) || (card.topicId !== null && target.topicIds.has(card.topicId));
}

/** A card's scope unit for the core: its topic, or (a card standing in a section) a number no topic has. */
const unitOf = (card: StudyCard) => card.topicId ?? -card.id;

function itemJson(
  c: Context,
  card: StudyCard | undefined,
  item: { cardId: number; action: 'new' | 'review'; minutes: number; why: string },
  done: boolean,
): PlanItemJson {
  const topic = card?.topicId != null ? c.topics.get(card.topicId) : undefined;
  return {
    cardId: item.cardId,
    topicId: card?.topicId ?? null,
    kind: card?.kind ?? 'topic',
    action: item.action,
    title: topic?.title ?? card?.front ?? '',
    section: card ? (c.sectionPath.get(card.sectionKey) ?? []) : [],
    minutes: item.minutes,
    why: item.why,
    done,
  };
}

function dayJson(date: string, available: number, items: PlanItemJson[], done: number, availability: Availability): PlanDayJson {
  const noStudy = whyNoStudy(date, availability);
  return {
    date,
    minutesAvailable: available,
    minutesPlanned: items.reduce((sum, item) => sum + item.minutes, 0),
    minutesDone: done,
    newTopics: items.filter((item) => item.action === 'new').length,
    reviews: items.filter((item) => item.action === 'review').length,
    items,
    ...(noStudy !== null ? { noStudy } : {}),
  };
}

/** The plan of a checklist: today's items, the days to the last target, each target's readiness. */
export async function studyPlan(ctx: AppContext, options: PlanOptions = {}): Promise<PlanJson> {
  const checklist = await checklistFor(ctx, options.checklist);
  const c = await gather(ctx, checklist);
  const now = ctx.now();
  const { today, timeZone, settings } = c.rules;
  const parameters = settings.parameters ? 'fitted' : 'default';
  // A target whose scope holds no study card now (its sections gone from the file), or a round's whose application is
  // closed or archived, waits among the excluded.
  const planned = (t: ResolvedTarget) => inPlan(t.json) && t.json.at > now && c.cards.some((card) => inScope(t, card));
  const excluded = c.targets.filter((t) => !planned(t)).map((t) => t.json);
  const active = c.targets.filter(planned);
  const { learnTopicMinutes, reviewTopicSeconds, reviewQaSeconds, sections: sectionCosts } = c.settingsCosts;
  const costSources = {
    learnTopicMinutes: learnTopicMinutes.source,
    reviewTopicSeconds: reviewTopicSeconds.source,
    reviewQaSeconds: reviewQaSeconds.source,
  };
  const base = { checklist: checklist.name, madeAt: now, timeZone, parameters, costs: c.costs, costSources, sectionCosts, excluded } as const;
  if (active.length === 0) {
    const summary =
      excluded.length > 0
        ? 'No upcoming target is in the plan: add one, or put a round back.'
        : 'No target yet: set the date of an interview to plan for.';
    return { ...base, targets: [], today: null, items: [], days: [], history: [], behind: null, summary };
  }

  const earlier = await readPlanDays(ctx.store.db, checklist.id, addDays(today.date, -HISTORY_DAYS));
  const studied = await studiedSince(ctx.store.db, checklist.id, new Date(Date.parse(today.start) - (HISTORY_DAYS + 1) * DAY_MS).toISOString());
  const cardById = new Map(c.cards.map((card) => [card.id, card]));
  const fallback = (cardId: number) => (cardById.get(cardId)?.kind === 'qa' ? c.costs.reviewQaSeconds : c.costs.reviewTopicSeconds) / 60;
  const done = minutesByDate(
    studied.map((a) => ({ at: a.at, durationMs: a.durationMs, fallbackMinutes: fallback(a.cardId) })),
    timeZone,
    settings.dayStartsAt,
  );
  const studiedToday = new Set(studied.filter((a) => a.at >= today.start).map((a) => a.cardId));
  const kept = earlier.find((day) => day.date === today.date);

  // Planned from the memory now, counted from the start of today's study day, not from the clock: the plan stays the
  // same all day while nothing changes (an exported calendar with it), and a look after one answer values again only
  // the cards answered (the memo holds the others). Today's minutes are what is left of today's list, or of today's
  // availability before it is made.
  const last = Math.max(...active.map((t) => Date.parse(t.json.at)));
  const count = Math.ceil((last - Date.parse(today.start)) / DAY_MS) + 1;
  const days = availableDays(today.date, count, c.availability);
  const keptItems = kept?.items.filter((item) => cardById.has(item.cardId)) ?? [];
  days[0]!.minutes = kept
    ? keptItems.filter((item) => !studiedToday.has(item.cardId)).reduce((sum, item) => sum + item.minutes, 0)
    : Math.max(0, days[0]!.minutes - (done.get(today.date) ?? 0));
  const targets: PlanTarget[] = active.map((t) => ({
    id: String(t.json.id),
    label: t.json.label,
    at: t.json.at,
    date: t.json.date,
    weight: t.json.weight,
    topicIds: [...new Set(c.cards.filter((card) => inScope(t, card)).map(unitOf))],
  }));
  const plan = planStudy(
    {
      now,
      dayStart: today.start,
      cards: c.cards.map((card): PlanCard => {
        const learnMinutes = card.kind === 'topic' ? c.learnMinutes(card) : undefined;
        return { id: card.id, topicId: unitOf(card), kind: card.kind, schedule: card, ...(learnMinutes !== undefined ? { learnMinutes } : {}) };
      }),
      targets,
      days,
      costs: c.costs,
      scheduler: schedulerFor({ ...schedulerSettingsOf(settings), fuzz: false }),
    },
    memoOf(ctx, checklist.id),
  );

  // Today's list: as kept, else as planned now (and kept from now on).
  let todayRecord = kept;
  if (!todayRecord) {
    todayRecord = {
      date: today.date,
      items: plan.days[0]?.items ?? [],
      minutes: Object.fromEntries(plan.days.map((d) => [d.date, d.minutesPlanned])),
      readiness: Object.fromEntries(plan.targets.map((t) => [t.id, t.readiness])),
      madeAt: now,
    };
    await putPlanDay(ctx.store.db, checklist.id, todayRecord);
  }
  const todayItems = (kept ? keptItems : todayRecord.items).map((item) =>
    itemJson(c, cardById.get(item.cardId), item, studiedToday.has(item.cardId)),
  );
  const todayJson = dayJson(
    today.date,
    availableDays(today.date, 1, c.availability)[0]!.minutes,
    todayItems,
    round(done.get(today.date) ?? 0),
    c.availability,
  );
  const later = plan.days.slice(1).map((d) =>
    dayJson(
      d.date,
      d.minutesAvailable,
      d.items.map((item) => itemJson(c, cardById.get(item.cardId), item, false)),
      0,
      c.availability,
    ),
  );
  const shownDays = [todayJson, ...later].slice(0, options.days ?? Infinity);

  const targetJsons = active.map((t, k) => targetReadiness(t, plan, k, c, today.date));
  // The latest earlier day's plan, made before today began: a list dated earlier but made since (the study day's date
  // in another time zone, before the checklist's zone changed back) is no plan one fell behind of.
  const previous = [...earlier].reverse().find((day) => day.date < today.date && day.madeAt < today.start);
  const behind = previous ? behindJson(previous, done, today.date, targetJsons) : null;
  const nextStudy = later.find((d) => d.items.length > 0)?.date ?? null;
  const soonest = targetJsons[0]!;
  const summary = todayLine(
    {
      reviews: todayJson.reviews,
      newTopics: todayJson.newTopics,
      minutes: todayItems.filter((i) => !i.done).reduce((sum, i) => sum + i.minutes, 0) || todayJson.minutesPlanned,
      done: todayItems.filter((i) => i.done).length,
      items: todayItems.length,
    },
    { label: soonest.target.label, daysLeft: soonest.daysLeft },
    nextStudy,
  );
  return {
    ...base,
    targets: targetJsons,
    today: todayJson,
    items: todayItems,
    days: shownDays,
    history: earlier
      .filter((day) => day.date < today.date)
      .map((day) => ({ date: day.date, minutesPlanned: round(day.minutes[day.date] ?? 0), minutesDone: round(done.get(day.date) ?? 0) })),
    behind,
    summary,
  };
}

const round = (n: number) => Math.round(n * 10) / 10;

function targetReadiness(t: ResolvedTarget, plan: StudyPlan, k: number, c: Context, today: string): TargetReadinessJson {
  const r = plan.targets[k]!;
  const cards = c.cards.filter((card) => inScope(t, card));
  const topics = new Set(cards.flatMap((card) => (card.topicId === null ? [] : [card.topicId])));
  const fresh = cards.filter((card) => card.state === 'new').length;
  const daysLeft = daysBetween(today, t.json.date);
  return {
    target: { ...t.json, topics: topics.size },
    daysLeft,
    when: inDaysText(daysLeft),
    readiness: { plan: r.readiness, stop: r.stop, usual: r.usual },
    curve: r.curve,
    note: leftOutNote(c.availability, fresh, r.leftOut.length),
    leftOut: r.leftOut.length,
  };
}

function behindJson(
  previous: PlanDayRecord,
  done: ReadonlyMap<string, number>,
  today: string,
  targets: readonly TargetReadinessJson[],
): PlanJson['behind'] {
  const minutes = minutesBehind(previous, done, today);
  if (minutes < 1) return null;
  return {
    minutes,
    since: previous.date,
    readiness: targets.flatMap((t) => {
      const before = previous.readiness[String(t.target.id)];
      return before === undefined ? [] : [{ targetId: t.target.id, label: t.target.label, before, now: t.readiness.plan }];
    }),
  };
}

/** Makes today's list again from the state now (after a change of heart, or a day studied off-plan). */
export async function replan(ctx: AppContext, options: PlanOptions = {}): Promise<PlanJson> {
  const checklist = await checklistFor(ctx, options.checklist);
  const { today } = await reviewRules(ctx, checklist);
  await forgetPlanDay(ctx.store.db, checklist.id, today.date);
  return studyPlan(ctx, { ...options, checklist: checklist.name });
}

/**
 * Today's planned cards not yet studied, active, in the plan's order: what `review --plan` and the Review page's plan
 * session take. Read from today's kept list, so that studying it plans nothing; the plan is made (and its list kept)
 * only when no list is kept for today, or no target it was made for is still to come.
 */
export async function todaysPlannedCards(ctx: AppContext, rules: Pick<ReviewRules, 'checklist' | 'today'>): Promise<StudyCard[]> {
  const { checklist, today } = rules;
  const kept = await readPlanDay(ctx.store.db, checklist.id, today.date);
  let ids: number[];
  if (kept && (await targetToCome(ctx, checklist, kept))) {
    const studied = new Set((await studiedSince(ctx.store.db, checklist.id, today.start)).map((a) => a.cardId));
    ids = kept.items.filter((item) => !studied.has(item.cardId)).map((item) => item.cardId);
  } else {
    const plan = await studyPlan(ctx, { checklist: checklist.name, days: 1 });
    ids = plan.items.filter((item) => !item.done).map((item) => item.cardId);
  }
  const cards = await activeCardsByIds(ctx.store.db, checklist.id, ids);
  return ids.flatMap((id) => cards.get(id) ?? []);
}

/** Whether a target the kept list was made for is still in the plan and to come (else the plan has no list today). */
async function targetToCome(ctx: AppContext, checklist: Checklist, kept: PlanDayRecord): Promise<boolean> {
  const now = ctx.now();
  return (await resolveTargets(ctx, checklist)).some((t) => inPlan(t.json) && t.json.at > now && String(t.json.id) in kept.readiness);
}
