// The tables as Kysely sees them. Timestamps are ISO-8601 text, booleans 0/1, JSON text: portable as is.
import type { Generated, Insertable, Selectable } from 'kysely';
import type { EntryKind, EventType, SectionRole, TaskMarker, TopicsMode, TopicState } from '../core/checklist/model.js';
import type { CardKind, CardOrigin, FsrsState } from '../core/review/scheduling.js';
import type { ContactRole, CriterionKind, MarkValue, PayPeriod, RemotePolicy } from '../contract/hunt.js';
import type { RoundOutcome } from '../contract/interviews.js';
import type { REVIEW_SOURCES, TOPIC_ORIGINS } from '../contract/vocabulary.js';

export type ReviewSource = (typeof REVIEW_SOURCES)[number];
export type TopicOrigin = (typeof TOPIC_ORIGINS)[number];

export interface ChecklistTable {
  id: Generated<number>;
  name: string;
  title: string;
  source_path: string | null;
  source_hash: string;
  front_matter: string | null;
  metadata: string;
  topics_mode: TopicsMode;
  topics_mode_reason: string;
  created_at: string;
  imported_at: string;
  /** Topics added in prepdeck and removed since: a part of the checklist's revision (migration 0015). */
  topics_removed: Generated<number>;
}

export interface SectionTable {
  id: Generated<number>;
  checklist_id: number;
  parent_id: number | null;
  path_key: string;
  title: string;
  text: string;
  level: number;
  role: SectionRole;
  position: number;
  line_start: number;
  line_end: number;
}

export interface TopicTable {
  id: Generated<number>;
  checklist_id: number;
  /** Null once the section of an archived topic is gone; section_key still says where it was. */
  section_id: number | null;
  section_key: string;
  parent_id: number | null;
  identity_key: string;
  kind: EntryKind;
  title: string;
  text: string;
  search_text: string;
  details: string;
  marker: TaskMarker;
  position: number;
  depth: number;
  line_start: number;
  line_end: number;
  state: TopicState;
  confidence: number | null;
  notes: string;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
  /** `app`: added in prepdeck (from an interview question), written into the file at the next write-back. */
  origin: Generated<TopicOrigin>;
}

export interface ResourceTable {
  id: Generated<number>;
  checklist_id: number;
  section_id: number;
  topic_id: number | null;
  url: string;
  title: string;
  clickable: number;
  from_bullet: number;
  position: number;
  line: number;
}

export interface SectionNoteTable {
  id: Generated<number>;
  checklist_id: number;
  section_id: number;
  kind: string;
  source: string;
  line_start: number;
  line_end: number;
  position: number;
}

export interface EventTable {
  id: Generated<number>;
  checklist_id: number;
  topic_id: number;
  at: string;
  type: EventType;
  data: string;
}

export interface CardTable {
  id: Generated<number>;
  checklist_id: number;
  /** Always set for a topic card; a question/answer card may have none. */
  topic_id: number | null;
  kind: CardKind;
  front: string;
  /** The answer of a question/answer card; empty for a topic card. */
  back: string;
  due: string;
  stability: number;
  difficulty: number;
  elapsed_days: number;
  scheduled_days: number;
  reps: number;
  lapses: number;
  learning_steps: number;
  state: FsrsState;
  last_review: string | null;
  created_at: string;
  archived_at: string | null;
  origin: Generated<CardOrigin>;
  /** The normalized question of a file card, which re-import matches it by. */
  identity_key: Generated<string>;
  section_key: Generated<string>;
  /** Where a file card is written (1-based, inclusive); null for a card only prepdeck holds. */
  line_start: number | null;
  line_end: number | null;
}

export interface ReviewSettingsTable {
  checklist_id: number;
  /** JSON of core/review/settings.ts#ReviewSettings. */
  settings: string;
  updated_at: string;
}

/** Append-only, except that undoing a review deletes its row (and restores the card from `previous`). */
export interface ReviewLogTable {
  id: Generated<number>;
  card_id: number;
  checklist_id: number;
  rating: number;
  reviewed_at: string;
  elapsed_days: number;
  scheduled_days: number;
  stability: number;
  difficulty: number;
  state: FsrsState;
  duration_ms: number | null;
  /** JSON of the card's CardSchedule before this review. */
  previous: string;
  /** The topic's state before and after, when this review changed it; null when it did not. */
  topic_state_before: TopicState | null;
  topic_state_after: TopicState | null;
  /** `interview`: the evidence of a question asked in a round (`question_id`); its derived fields are replayed when it changes. */
  source: Generated<ReviewSource>;
  question_id: number | null;
}

/** A write-back between recording what it writes and settling it (see store/write-back/pending-write.ts). */
export interface PendingWriteTable {
  checklist_id: number;
  /** JSON: the markers being written, `[{ topicId, marker }]`. */
  markers: string;
  /** JSON: the cards being written, `[{ cardId, identityKey, lines }]`. */
  cards: string;
  started_at: string;
  /** The process writing, `host:pid`; null in a record an older prepdeck left. */
  writer: string | null;
}

/** One job hunt; there is one (id 1) until accounts add one per user. */
export interface HuntTable {
  id: number;
  /** An IANA zone; null: the zone of the machine prepdeck runs on. */
  time_zone: string | null;
  created_at: string;
}

export interface HuntStageTable {
  hunt_id: number;
  key: string;
  label: string;
  /** 1 for an end of the road (accepted, rejected, ...), which the funnel does not step through. */
  outcome: number;
  position: number;
}

export interface CriterionTable {
  id: Generated<number>;
  hunt_id: number;
  /** The Goals item it follows (kept in step on import); null for the user's own. */
  topic_id: number | null;
  text: string;
  kind: CriterionKind;
  weight: number;
  position: number;
  created_at: string;
  archived_at: string | null;
}

export interface ApplicationTable {
  id: Generated<number>;
  hunt_id: number;
  company: string;
  role: string;
  link: string;
  location: string;
  remote: RemotePolicy | null;
  salary_min: number | null;
  salary_max: number | null;
  salary_currency: string | null;
  salary_period: PayPeriod | null;
  source: string;
  /** A local date, YYYY-MM-DD. */
  found_on: string | null;
  notes: string;
  /** JSON array of strings. */
  tags: string;
  stage: string;
  stage_changed_at: string;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
}

/** Append-only. */
export interface StageEventTable {
  id: Generated<number>;
  application_id: number;
  from_stage: string | null;
  to_stage: string;
  at: string;
  note: string;
}

export interface MarkTable {
  application_id: number;
  criterion_id: number;
  value: MarkValue;
  note: string;
  updated_at: string;
}

export interface ContactTable {
  id: Generated<number>;
  application_id: number;
  name: string;
  role: ContactRole;
  email: string;
  link: string;
  notes: string;
  created_at: string;
}

export interface FollowUpTable {
  id: Generated<number>;
  application_id: number;
  title: string;
  /** A local date, YYYY-MM-DD. */
  due_on: string;
  done_at: string | null;
  created_at: string;
}

export interface OfferTable {
  application_id: number;
  currency: string;
  period: PayPeriod;
  base: number;
  bonus: number | null;
  equity_amount: number | null;
  equity_vesting: string | null;
  sign_on: number | null;
  perks: string;
  remote: RemotePolicy | null;
  start_on: string | null;
  deadline_on: string | null;
  notes: string;
  updated_at: string;
}

/** A choice of the user's kept between commands (`current_checklist`: the checklist the CLI works on). */
export interface PreferenceTable {
  key: string;
  value: string;
  updated_at: string;
}

export interface RoundTable {
  id: Generated<number>;
  application_id: number;
  /** ISO-8601 UTC. */
  starts_at: string;
  /** The IANA zone the time was set in. */
  time_zone: string;
  duration_minutes: number;
  kind: string;
  link: string;
  prep_notes: string;
  outcome: RoundOutcome;
  debrief: string;
  created_at: string;
  updated_at: string;
}

export interface RoundInterviewerTable {
  round_id: number;
  contact_id: number;
  position: number;
}

export interface RoundSectionTable {
  round_id: number;
  checklist_id: number;
  section_key: string;
  /** JSON array of the section's titles, top level first, as when it was chosen. */
  path: string;
  position: number;
}

export interface QuestionTable {
  id: Generated<number>;
  round_id: number;
  text: string;
  position: number;
  /** The self-score, 1-4 (the review scale); null: not scored, so no evidence. */
  score: number | null;
  /** The question/answer card made of it. */
  card_id: number | null;
  created_at: string;
  updated_at: string;
}

export interface QuestionTopicTable {
  question_id: number;
  topic_id: number;
  position: number;
}

export interface QuestionStoryTable {
  question_id: number;
  story_id: number;
}

export interface CompetencyTable {
  hunt_id: number;
  key: string;
  label: string;
  position: number;
}

export interface StoryTable {
  id: Generated<number>;
  hunt_id: number;
  title: string;
  situation: string;
  task: string;
  action: string;
  result: string;
  /** JSON array of strings. */
  tags: string;
  /** JSON of core/review/scheduling.ts#CardSchedule. */
  schedule: string;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
}

export interface StoryCompetencyTable {
  story_id: number;
  competency_key: string;
}

/** Append-only, except that an undo deletes its row. */
export interface StoryReviewTable {
  id: Generated<number>;
  story_id: number;
  rating: number;
  reviewed_at: string;
  /** JSON of the story's CardSchedule before this review. */
  previous: string;
}

/** A checklist's study availability and the user's own time costs (null: the log's median, else the default). */
export interface PlanSettingsTable {
  checklist_id: number;
  minutes_per_day: number;
  /** Comma-separated weekday names, Monday first. */
  weekdays: string;
  /** JSON array of YYYY-MM-DD. */
  days_off: string;
  learn_topic_minutes: number | null;
  review_topic_seconds: number | null;
  review_qa_seconds: number | null;
  updated_at: string;
}

export interface PlanSectionCostTable {
  checklist_id: number;
  section_key: string;
  /** JSON array of the section's titles when it was set. */
  path: string;
  learn_topic_minutes: number;
}

export interface PlanTargetTable {
  id: Generated<number>;
  checklist_id: number;
  /** A round's target reads its start and sections from the round; `at` is then null. */
  round_id: number | null;
  label: string;
  at: string | null;
  weight: number;
  /** 0/1: a round's target taken out of the plan. */
  excluded: number;
  created_at: string;
  updated_at: string;
}

export interface PlanTargetSectionTable {
  target_id: number;
  section_key: string;
  path: string;
  position: number;
}

export interface PlanTargetTopicTable {
  target_id: number;
  topic_id: number;
}

/** A day's plan as first made that day: its items, minutes per day from then on, readiness per target (JSON). */
export interface PlanDayTable {
  checklist_id: number;
  date: string;
  items: string;
  minutes: string;
  readiness: string;
  made_at: string;
}

export interface Database {
  checklists: ChecklistTable;
  sections: SectionTable;
  topics: TopicTable;
  resources: ResourceTable;
  section_notes: SectionNoteTable;
  events: EventTable;
  cards: CardTable;
  review_log: ReviewLogTable;
  review_settings: ReviewSettingsTable;
  pending_writes: PendingWriteTable;
  preferences: PreferenceTable;
  hunts: HuntTable;
  hunt_stages: HuntStageTable;
  criteria: CriterionTable;
  applications: ApplicationTable;
  stage_events: StageEventTable;
  marks: MarkTable;
  contacts: ContactTable;
  follow_ups: FollowUpTable;
  offers: OfferTable;
  rounds: RoundTable;
  round_interviewers: RoundInterviewerTable;
  round_sections: RoundSectionTable;
  questions: QuestionTable;
  question_topics: QuestionTopicTable;
  question_stories: QuestionStoryTable;
  competencies: CompetencyTable;
  stories: StoryTable;
  story_competencies: StoryCompetencyTable;
  story_reviews: StoryReviewTable;
  plan_settings: PlanSettingsTable;
  plan_section_costs: PlanSectionCostTable;
  plan_targets: PlanTargetTable;
  plan_target_sections: PlanTargetSectionTable;
  plan_target_topics: PlanTargetTopicTable;
  plan_days: PlanDayTable;
}

export type ChecklistRow = Selectable<ChecklistTable>;
export type SectionRow = Selectable<SectionTable>;
export type TopicRow = Selectable<TopicTable>;
export type ResourceRow = Selectable<ResourceTable>;
export type SectionNoteRow = Selectable<SectionNoteTable>;
export type EventRow = Selectable<EventTable>;
export type NewEvent = Insertable<EventTable>;
export type CardRow = Selectable<CardTable>;
export type NewCard = Insertable<CardTable>;
export type ReviewLogRow = Selectable<ReviewLogTable>;
