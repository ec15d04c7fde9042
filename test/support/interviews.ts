// Rounds and questions written straight into the store, as the rounds' own functions would leave them, for the tests
// of what reads them (gaps, stories) while those functions are built elsewhere.
import type { Kysely } from 'kysely';
import type { Database } from '../../src/store/schema.js';

export interface RoundSeed {
  applicationId: number;
  startsAt: string;
  kind?: string;
  timeZone?: string;
}

export async function insertRound(db: Kysely<Database>, round: RoundSeed): Promise<number> {
  const row = await db
    .insertInto('rounds')
    .values({
      application_id: round.applicationId,
      starts_at: round.startsAt,
      time_zone: round.timeZone ?? 'UTC',
      duration_minutes: 60,
      kind: round.kind ?? 'technical',
      link: '',
      prep_notes: '',
      outcome: 'unknown',
      debrief: '',
      created_at: round.startsAt,
      updated_at: round.startsAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface QuestionSeed {
  text: string;
  score?: number | null;
  topicIds?: number[];
  storyIds?: number[];
}

export async function insertQuestion(db: Kysely<Database>, roundId: number, question: QuestionSeed): Promise<number> {
  const position = Number(
    (
      await db
        .selectFrom('questions')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('round_id', '=', roundId)
        .executeTakeFirst()
    )?.n ?? 0,
  );
  const row = await db
    .insertInto('questions')
    .values({
      round_id: roundId,
      text: question.text,
      position,
      score: question.score ?? null,
      card_id: null,
      created_at: '2026-01-01T00:00:00.000Z',
      updated_at: '2026-01-01T00:00:00.000Z',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const topicIds = question.topicIds ?? [];
  if (topicIds.length > 0) {
    await db
      .insertInto('question_topics')
      .values(topicIds.map((topicId, index) => ({ question_id: row.id, topic_id: topicId, position: index })))
      .execute();
  }
  const storyIds = question.storyIds ?? [];
  if (storyIds.length > 0)
    await db
      .insertInto('question_stories')
      .values(storyIds.map((storyId) => ({ question_id: row.id, story_id: storyId })))
      .execute();
  return row.id;
}
