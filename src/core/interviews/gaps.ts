// The gap analysis: the topics (and sections) interviewers asked about across every round, ranked so that "asked in
// many rounds, went badly, recall low" comes first. Pure: the rounds, questions, topics, sections and the time are
// passed in; the store reads them in a few queries, whatever their number.
import type { GapSectionJson, GapsJson, GapsQuery, GapTopicJson } from '../../contract/interviews.js';
import { InvalidInputError } from '../errors.js';
import { addDays, checkLocalDate, startOfLocalDate } from '../hunt/dates.js';
import { retrievability, type SchedulableCard, type Scheduler } from '../review/scheduling.js';

/** A round as the analysis reads it. */
export interface GapRound {
  id: number;
  kind: string;
  startsAt: string;
  company: string;
}

/** A question asked in one of the rounds, with the topics it touches. */
export interface GapQuestion {
  id: number;
  roundId: number;
  /** The self-score 1-4; null: not scored (it still counts as asked). */
  score: number | null;
  topicIds: readonly number[];
}

/** A topic a question touches. */
export interface GapTopicInput {
  id: number;
  checklist: string;
  title: string;
  /** Its section (null once its section is gone), and its section path key. */
  sectionId: number | null;
  sectionKey: string;
  /** Its topic card: recall now is that card's retrievability; null (no card, or never reviewed): unknown. */
  card: SchedulableCard | null;
  /** The scheduler of its checklist's review settings. */
  scheduler?: Scheduler | undefined;
}

/** A section of one of the topics' checklists. */
export interface GapSectionInput {
  id: number;
  parentId: number | null;
  checklist: string;
  key: string;
  text: string;
}

export interface GapInput {
  /** The rounds matching the filters (kind and period); their questions only. */
  rounds: readonly GapRound[];
  questions: readonly GapQuestion[];
  /** The topics to rank (the checklist filter already applied); links to other topics are ignored. */
  topics: readonly GapTopicInput[];
  sections: readonly GapSectionInput[];
  now: string;
}

/** A mean self-score taken for a topic none of whose questions was scored: the middle of the scale. */
const UNSCORED_MEAN = 2.5;
/** Recall taken for a topic never reviewed: nothing is known to be remembered. */
const UNREVIEWED_RECALL = 0;

/**
 * The ranking: rounds it came up in × (5 − mean self-score) × (1.5 − recall now). Each factor grows with what
 * makes a gap worse; a score of 4 and a recall of 1 still leave a topic asked often above one asked once.
 */
export function gapOf(rounds: number, meanScore: number | null, recall: number | null): number {
  return rounds * (5 - (meanScore ?? UNSCORED_MEAN)) * (1.5 - (recall ?? UNREVIEWED_RECALL));
}

/** The instants a period of local dates covers in `timeZone`: from the start of `from` to the start of the day after `to`. */
export function gapWindow(query: Pick<GapsQuery, 'from' | 'to'>, timeZone: string): { since: string | null; before: string | null } {
  const from = query.from === undefined ? null : checkLocalDate(query.from, 'from');
  const to = query.to === undefined ? null : checkLocalDate(query.to, 'to');
  if (from !== null && to !== null && to < from) throw new InvalidInputError(`to: ${to} is before from (${from})`);
  return {
    since: from === null ? null : startOfLocalDate(from, timeZone),
    before: to === null ? null : startOfLocalDate(addDays(to, 1), timeZone),
  };
}

/** What a topic or a section adds up to while the questions are read. */
interface Tally {
  questions: Set<number>;
  rounds: Set<number>;
  scoreSum: number;
  scored: number;
  companies: Set<string>;
  lastAskedAt: string;
}

const newTally = (): Tally => ({ questions: new Set(), rounds: new Set(), scoreSum: 0, scored: 0, companies: new Set(), lastAskedAt: '' });

function count(tally: Tally, question: GapQuestion, round: GapRound): void {
  // A question touching two topics of one section counts once for that section.
  if (tally.questions.has(question.id)) return;
  tally.questions.add(question.id);
  tally.rounds.add(round.id);
  if (question.score !== null) {
    tally.scoreSum += question.score;
    tally.scored += 1;
  }
  tally.companies.add(round.company);
  if (round.startsAt > tally.lastAskedAt) tally.lastAskedAt = round.startsAt;
}

// One collator for every comparison: localeCompare with a locale builds one per call.
const byName = new Intl.Collator('en').compare;

function figures(tally: Tally, recall: number | null, companyRank: ReadonlyMap<string, number>) {
  const meanScore = tally.scored > 0 ? tally.scoreSum / tally.scored : null;
  return {
    questions: tally.questions.size,
    rounds: tally.rounds.size,
    meanScore,
    recall,
    companies: [...tally.companies].sort((a, b) => companyRank.get(a)! - companyRank.get(b)!),
    lastAskedAt: tally.lastAskedAt,
    gap: gapOf(tally.rounds.size, meanScore, recall),
  };
}

/** Worst gap first; then asked in more rounds, more questions, asked last, and by name for a stable order. */
function worstFirst<T extends { gap: number; rounds: number; questions: number; lastAskedAt: string }>(name: (item: T) => string) {
  return (a: T, b: T) =>
    b.gap - a.gap ||
    b.rounds - a.rounds ||
    b.questions - a.questions ||
    (a.lastAskedAt === b.lastAskedAt ? 0 : a.lastAskedAt < b.lastAskedAt ? 1 : -1) ||
    byName(name(a), name(b));
}

/**
 * Per topic: the questions that touched it, the rounds it came up in, the mean self-score of the scored ones, its
 * recall now, the companies and when it was asked last, and its gap. Per section the same, every section a topic
 * sits under counting it (as the tree's rollups do), a question once per section; a section's recall is the mean
 * over its asked topics that have been reviewed. The hunt's zone, which the answer names, the app adds.
 */
export function computeGaps(input: GapInput): Omit<GapsJson, 'timeZone'> {
  const rounds = new Map(input.rounds.map((round) => [round.id, round]));
  // The companies sorted once: sorting each topic's own with the collator cost more than the rest of the analysis.
  const companyRank = new Map([...new Set(input.rounds.map((round) => round.company))].sort(byName).map((company, rank) => [company, rank]));
  const topics = new Map(input.topics.map((topic) => [topic.id, topic]));
  const sections = new Map(input.sections.map((section) => [section.id, section]));
  const sectionByKey = new Map(input.sections.map((section) => [`${section.checklist}\u0000${section.key}`, section]));

  const topicTallies = new Map<number, Tally>();
  let questions = 0;
  for (const question of input.questions) {
    const round = rounds.get(question.roundId);
    if (!round) continue;
    questions += 1;
    for (const topicId of question.topicIds) {
      if (!topics.has(topicId)) continue;
      let tally = topicTallies.get(topicId);
      if (!tally) topicTallies.set(topicId, (tally = newTally()));
      count(tally, question, round);
    }
  }

  const recalls = new Map<number, number | null>();
  for (const topicId of topicTallies.keys()) {
    const topic = topics.get(topicId)!;
    const reviewed = topic.card !== null && topic.card.state !== 'new';
    recalls.set(topicId, reviewed ? retrievability(topic.card!, input.now, topic.scheduler) : null);
  }

  /** The sections a topic sits under, its own first, the checklist's root (the untitled level 0) left out. */
  const sectionsAbove = (topic: GapTopicInput): GapSectionInput[] => {
    const found: GapSectionInput[] = [];
    let section = topic.sectionId === null ? undefined : sections.get(topic.sectionId);
    if (section === undefined) {
      // An archived topic whose section is gone: the sections its stored path still names.
      const parts = topic.sectionKey.split(' / ');
      for (let n = parts.length; n > 0 && section === undefined; n--) {
        section = sectionByKey.get(`${topic.checklist}\u0000${parts.slice(0, n).join(' / ')}`);
      }
    }
    while (section !== undefined && section.parentId !== null) {
      found.push(section);
      section = sections.get(section.parentId);
    }
    return found;
  };

  const aboveOf = new Map<number, GapSectionInput[]>();
  const sectionTallies = new Map<number, { tally: Tally; recallSum: number; reviewed: number }>();
  for (const topicId of topicTallies.keys()) {
    const recall = recalls.get(topicId) ?? null;
    const above = sectionsAbove(topics.get(topicId)!);
    aboveOf.set(topicId, above);
    for (const section of above) {
      let entry = sectionTallies.get(section.id);
      if (!entry) sectionTallies.set(section.id, (entry = { tally: newTally(), recallSum: 0, reviewed: 0 }));
      if (recall !== null) {
        entry.recallSum += recall;
        entry.reviewed += 1;
      }
    }
  }
  // The questions again, so that each counts once per section even when it touches several of its topics.
  for (const question of input.questions) {
    const round = rounds.get(question.roundId);
    if (!round) continue;
    for (const topicId of question.topicIds) {
      for (const section of aboveOf.get(topicId) ?? []) count(sectionTallies.get(section.id)!.tally, question, round);
    }
  }

  const topicRows: GapTopicJson[] = [...topicTallies].map(([topicId, tally]) => {
    const topic = topics.get(topicId)!;
    return {
      topicId,
      checklist: topic.checklist,
      title: topic.title,
      // An archived topic whose section is gone and matches none: the titles its stored path key holds.
      section:
        aboveOf.get(topicId)!.length > 0
          ? aboveOf
              .get(topicId)!
              .map((section) => section.text)
              .reverse()
          : topic.sectionKey.split(' / ').filter(Boolean),
      ...figures(tally, recalls.get(topicId) ?? null, companyRank),
    };
  });
  const sectionRows: GapSectionJson[] = [...sectionTallies].map(([sectionId, entry]) => {
    const section = sections.get(sectionId)!;
    const path: string[] = [];
    for (let at: GapSectionInput | undefined = section; at !== undefined && at.parentId !== null; at = sections.get(at.parentId))
      path.unshift(at.text);
    return {
      checklist: section.checklist,
      key: section.key,
      path,
      ...figures(entry.tally, entry.reviewed > 0 ? entry.recallSum / entry.reviewed : null, companyRank),
    };
  });
  topicRows.sort(worstFirst((row) => row.title));
  sectionRows.sort(worstFirst((row) => row.path.join(' > ')));
  // "asked in 1 of 2 rounds" counts the rounds a topic could have come up in: held, or with questions logged already.
  const withQuestions = new Set(input.questions.map((question) => question.roundId));
  const held = input.rounds.filter((round) => round.startsAt <= input.now || withQuestions.has(round.id)).length;
  return { rounds: held, questions, topics: topicRows, sections: sectionRows };
}
