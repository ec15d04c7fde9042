// Interviews: the rounds of an application, the questions asked in them and the topics and stories they touch, the
// bank of behavioural stories with the competencies they cover; the review log learns where a line came from (a
// question of a round is evidence about its topics), and a topic may be added in prepdeck (origin app) until the
// next write-back puts it into the file.
import { sql } from 'kysely';
import type { ColumnDefinitionBuilder, Kysely } from 'kysely';
import { dialectOf } from '../dialect.js';

const HUNT_ID = 1;
// Written out, not imported: a migration must stay what it was when it ran.
const COMPETENCIES = [
  ['conflict', 'Conflict'],
  ['failure', 'A failure'],
  ['leadership', 'Leadership'],
  ['ownership', 'Ownership'],
  ['ambiguity', 'Ambiguity'],
  ['disagreement-with-manager', 'A disagreement with a manager'],
  ['mentoring', 'Mentoring'],
  ['tight-deadline', 'A tight deadline'],
  ['proudest-achievement', 'The proudest achievement'],
] as const;

export async function up(db: Kysely<any>): Promise<void> {
  const { idColumn } = dialectOf(db);
  const round = (col: ColumnDefinitionBuilder) => col.notNull().references('rounds.id').onDelete('cascade');
  const question = (col: ColumnDefinitionBuilder) => col.notNull().references('questions.id').onDelete('cascade');
  const story = (col: ColumnDefinitionBuilder) => col.notNull().references('stories.id').onDelete('cascade');

  await db.schema
    .alterTable('review_log')
    .addColumn('source', 'text', (col) =>
      col
        .notNull()
        .defaultTo('review')
        .check(sql`source in ('review', 'interview')`),
    )
    .execute();
  // The question an interview review is the evidence of. No foreign key: the app withdraws a question's evidence
  // (and replays the cards' schedules) before the question goes, which a cascade would skip.
  await db.schema.alterTable('review_log').addColumn('question_id', 'integer').execute();
  await db.schema.createIndex('review_log_question').on('review_log').column('question_id').where(sql.ref('question_id'), 'is not', null).execute();
  // Replaying a card's history reads its log in time order.
  await db.schema.createIndex('review_log_card_time').on('review_log').columns(['card_id', 'reviewed_at', 'id']).execute();

  await db.schema
    .alterTable('topics')
    .addColumn('origin', 'text', (col) =>
      col
        .notNull()
        .defaultTo('file')
        .check(sql`origin in ('file', 'app')`),
    )
    .execute();

  await db.schema
    .createTable('rounds')
    .addColumn('id', 'integer', idColumn)
    .addColumn('application_id', 'integer', (col) => col.notNull().references('applications.id').onDelete('cascade'))
    .addColumn('starts_at', 'text', (col) => col.notNull())
    .addColumn('time_zone', 'text', (col) => col.notNull())
    .addColumn('duration_minutes', 'integer', (col) =>
      col
        .notNull()
        .defaultTo(60)
        .check(sql`duration_minutes between 1 and 1440`),
    )
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('link', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('prep_notes', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('outcome', 'text', (col) =>
      col
        .notNull()
        .defaultTo('unknown')
        .check(sql`outcome in ('unknown', 'passed', 'failed')`),
    )
    .addColumn('debrief', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('rounds_application').on('rounds').columns(['application_id', 'starts_at']).execute();
  await db.schema.createIndex('rounds_starts_at').on('rounds').column('starts_at').execute();

  await db.schema
    .createTable('round_interviewers')
    .addColumn('round_id', 'integer', round)
    .addColumn('contact_id', 'integer', (col) => col.notNull().references('contacts.id').onDelete('cascade'))
    .addColumn('position', 'integer', (col) => col.notNull())
    .addPrimaryKeyConstraint('round_interviewers_pk', ['round_id', 'contact_id'])
    .execute();
  await db.schema
    .createTable('round_sections')
    .addColumn('round_id', 'integer', round)
    .addColumn('checklist_id', 'integer', (col) => col.notNull().references('checklists.id').onDelete('cascade'))
    // The section's path key and titles when it was chosen: a section renamed or gone since still reads.
    .addColumn('section_key', 'text', (col) => col.notNull())
    .addColumn('path', 'text', (col) => col.notNull())
    .addColumn('position', 'integer', (col) => col.notNull())
    .addPrimaryKeyConstraint('round_sections_pk', ['round_id', 'checklist_id', 'section_key'])
    .execute();

  await db.schema
    .createTable('questions')
    .addColumn('id', 'integer', idColumn)
    .addColumn('round_id', 'integer', round)
    .addColumn('text', 'text', (col) => col.notNull())
    .addColumn('position', 'integer', (col) => col.notNull())
    .addColumn('score', 'integer', (col) => col.check(sql`score between 1 and 4`))
    .addColumn('card_id', 'integer', (col) => col.references('cards.id').onDelete('set null'))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('questions_round').on('questions').columns(['round_id', 'position']).execute();
  await db.schema
    .createTable('question_topics')
    .addColumn('question_id', 'integer', question)
    .addColumn('topic_id', 'integer', (col) => col.notNull().references('topics.id').onDelete('cascade'))
    .addColumn('position', 'integer', (col) => col.notNull())
    .addPrimaryKeyConstraint('question_topics_pk', ['question_id', 'topic_id'])
    .execute();
  await db.schema.createIndex('question_topics_topic').on('question_topics').columns(['topic_id', 'question_id']).execute();

  await db.schema
    .createTable('competencies')
    .addColumn('hunt_id', 'integer', (col) => col.notNull().references('hunts.id').onDelete('cascade'))
    .addColumn('key', 'text', (col) => col.notNull())
    .addColumn('label', 'text', (col) => col.notNull())
    .addColumn('position', 'integer', (col) => col.notNull())
    .addPrimaryKeyConstraint('competencies_pk', ['hunt_id', 'key'])
    .execute();
  await db.schema
    .createTable('stories')
    .addColumn('id', 'integer', idColumn)
    .addColumn('hunt_id', 'integer', (col) => col.notNull().references('hunts.id').onDelete('cascade'))
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('situation', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('task', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('action', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('result', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('tags', 'text', (col) => col.notNull().defaultTo('[]'))
    // The story's rehearsal schedule: JSON of core/review/scheduling.ts#CardSchedule.
    .addColumn('schedule', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .addColumn('archived_at', 'text')
    .execute();
  await db.schema
    .createTable('story_competencies')
    .addColumn('story_id', 'integer', story)
    .addColumn('competency_key', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('story_competencies_pk', ['story_id', 'competency_key'])
    .execute();
  // Append-only, except that an undo deletes its row (and restores the schedule from `previous`).
  await db.schema
    .createTable('story_reviews')
    .addColumn('id', 'integer', idColumn)
    .addColumn('story_id', 'integer', story)
    .addColumn('rating', 'integer', (col) => col.notNull().check(sql`rating between 1 and 4`))
    .addColumn('reviewed_at', 'text', (col) => col.notNull())
    .addColumn('previous', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('story_reviews_story').on('story_reviews').columns(['story_id', 'id']).execute();
  await db.schema
    .createTable('question_stories')
    .addColumn('question_id', 'integer', question)
    .addColumn('story_id', 'integer', story)
    .addPrimaryKeyConstraint('question_stories_pk', ['question_id', 'story_id'])
    .execute();
  await db.schema.createIndex('question_stories_story').on('question_stories').column('story_id').execute();

  await db
    .insertInto('competencies')
    .values(COMPETENCIES.map(([key, label], position) => ({ hunt_id: HUNT_ID, key, label, position })))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'question_stories',
    'story_reviews',
    'story_competencies',
    'stories',
    'competencies',
    'question_topics',
    'questions',
    'round_sections',
    'round_interviewers',
    'rounds',
  ]) {
    await db.schema.dropTable(table).execute();
  }
  await db.deleteFrom('review_log').where('source', '=', 'interview').execute();
  await db.schema.dropIndex('review_log_card_time').execute();
  await db.schema.dropIndex('review_log_question').execute();
  await db.schema.alterTable('review_log').dropColumn('question_id').execute();
  await db.schema.alterTable('review_log').dropColumn('source').execute();
  await db.schema.alterTable('topics').dropColumn('origin').execute();
}
