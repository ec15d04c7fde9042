// Rounds and their questions as the API and `--json` show them (contract/interviews.ts), from the stored rows.
import type { QuestionJson, QuestionTopicJson, RoundDetailJson, RoundJson, RoundSectionJson } from '../../contract/interviews.js';
import type { ReviewRating } from '../../contract/review.js';
import { sectionPaths } from '../../core/checklist/tree.js';
import { localStartOf } from '../../core/interviews/local-time.js';
import { NotFoundError } from '../../core/errors.js';
import { MAX_ID } from '../../core/validate.js';
import { readQuestions, type QuestionRows } from '../../store/interviews/questions.js';
import { readRounds, type RoundRows } from '../../store/interviews/rounds.js';
import { sectionsOf } from '../../store/topics/topics.js';
import type { Store } from '../../store/database.js';

type Db = Store['db'];

export function roundJsons(rows: RoundRows): RoundJson[] {
  return rows.rounds.map((row) => ({
    id: row.id,
    applicationId: row.application_id,
    company: row.company,
    role: row.role,
    startsAt: row.starts_at,
    timeZone: row.time_zone,
    localStart: localStartOf(row.starts_at, row.time_zone),
    durationMinutes: row.duration_minutes,
    kind: row.kind,
    link: row.link,
    sections: rows.sections
      .filter((section) => section.round_id === row.id)
      .map((section) => ({ checklist: section.checklist, key: section.section_key, path: JSON.parse(section.path) as string[] })),
    interviewers: rows.interviewers
      .filter((interviewer) => interviewer.round_id === row.id)
      .map((interviewer) => ({ contactId: interviewer.contact_id, name: interviewer.name, role: interviewer.role })),
    prepNotes: row.prep_notes,
    outcome: row.outcome,
    debrief: row.debrief,
    questions: rows.counts.get(row.id)?.questions ?? 0,
    scored: rows.counts.get(row.id)?.scored ?? 0,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }));
}

/** Whether one of the round's sections holds a topic filed under `sectionKey` of `checklist` (itself or a subsection). */
export function inRoundSections(sections: readonly RoundSectionJson[], checklist: string, sectionKey: string): boolean {
  return sections.some((section) => section.checklist === checklist && (sectionKey === section.key || sectionKey.startsWith(`${section.key} / `)));
}

async function questionJsons(db: Db, rows: QuestionRows, round: RoundJson): Promise<QuestionJson[]> {
  const checklistIds = [...new Set(rows.topics.map((topic) => topic.checklist_id))];
  const paths = checklistIds.length > 0 ? sectionPaths(await sectionsOf(db, checklistIds)) : new Map<number, string[]>();
  return rows.questions.map((question) => ({
    id: question.id,
    roundId: question.round_id,
    text: question.text,
    position: question.position,
    score: question.score as ReviewRating | null,
    topics: rows.topics
      .filter((topic) => topic.question_id === question.id)
      .map((topic): QuestionTopicJson => ({
        topicId: topic.topic_id,
        checklist: topic.checklist,
        title: topic.title,
        section: (topic.section_id !== null ? paths.get(topic.section_id) : undefined) ?? topic.section_key.split(' / ').filter(Boolean),
        archived: topic.archived_at !== null,
        outsideRound: round.sections.length > 0 && !inRoundSections(round.sections, topic.checklist, topic.section_key),
      })),
    stories: rows.stories.filter((story) => story.question_id === question.id).map(({ id, title }) => ({ id, title })),
    cardId: question.card_id,
    createdAt: question.created_at,
    updatedAt: question.updated_at,
  }));
}

/** The round `id` in full, or NotFoundError, with what the change that answers it has the user notice (none for a read). */
export async function roundDetailOf(db: Db, id: number, notices: readonly string[] = []): Promise<RoundDetailJson> {
  const rows = Number.isSafeInteger(id) && id >= 1 && id <= MAX_ID ? await readRounds(db, { ids: [id] }) : null;
  const round = rows ? roundJsons(rows)[0] : undefined;
  if (!rows || !round) throw new NotFoundError(`no round ${id}; \`prepdeck rounds\` lists them`);
  return {
    round,
    questions: await questionJsons(db, await readQuestions(db, { rounds: [id] }), round),
    notices: [...notices],
  };
}
