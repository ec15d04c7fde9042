// The tables as Kysely sees them. Timestamps are ISO-8601 text, booleans 0/1, JSON text: portable as is.
import type { Generated, Insertable, Selectable } from 'kysely';
import type { EntryKind, EventType, SectionRole, TaskMarker, TopicsMode, TopicState } from '../core/checklist/model.js';
import type { CardKind, CardOrigin, FsrsState } from '../core/review/scheduling.js';

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
}

/** A write-back between recording what it writes and settling it (see store/write-back/pending-write.ts). */
export interface PendingWriteTable {
  checklist_id: number;
  /** JSON: the markers being written, `[{ topicId, marker }]`. */
  markers: string;
  /** JSON: the cards being written, `[{ cardId, identityKey, lines }]`. */
  cards: string;
  started_at: string;
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
