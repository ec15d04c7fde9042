// The API's words, each list once. Plain arrays, no TypeBox: the core and the CLI read them at startup, and
// `prepdeck --version` must not load a schema library (the schema files build their enums from these).

export const TOPIC_STATES = ['new', 'learning', 'known', 'skipped'] as const;
/** What a user may write for a state, in the CLI (`prepdeck mark X done`) and in the API's changes alike. */
export const STATE_WORDS = [...TOPIC_STATES, 'done'] as const;
/** The words of STATE_WORDS that are not states, and the state each means: `done` is known, as a ticked box is. */
export const STATE_SYNONYMS = { done: 'known' } as const satisfies Record<
  Exclude<(typeof STATE_WORDS)[number], (typeof TOPIC_STATES)[number]>,
  (typeof TOPIC_STATES)[number]
>;
/** What a list item is for: a study topic, a job-search goal, or a book to read. */
export const ENTRY_KINDS = ['topic', 'goal', 'book'] as const;
/** The role of a section; goals and books sections stay out of the study totals. */
export const SECTION_ROLES = ['study', 'goals', 'books'] as const;
/**
 * `all`: every list item is a topic. `tasks`: only task items are; other bullets are details. `headings`: each leaf
 * heading (one with no sub-heading) is a topic, and what stands under it (prose, bullets, links) its details.
 */
export const TOPICS_MODES = ['all', 'tasks', 'headings'] as const;
/** How an import reads the list items: decided from the file (`auto`), or one of TOPICS_MODES. */
export const TOPICS_CHOICES = ['auto', ...TOPICS_MODES] as const;
/**
 * How the CLI chose the checklist it works on: named with -c, the only one, the current one (last imported or chosen
 * with `prepdeck use`), or the one imported last when none was ever chosen.
 */
export const CHECKLIST_CHOICES = ['named', 'only', 'current', 'latest'] as const;
/** What a line of a topic's history records; `card`: a question/answer card added to it in prepdeck. */
export const EVENT_TYPES = ['created', 'state', 'confidence', 'notes', 'renamed', 'moved', 'archived', 'restored', 'card'] as const;

/** A card's FSRS state, in ts-fsrs's order (its State: New 0, Learning 1, Review 2, Relearning 3). */
export const FSRS_STATES = ['new', 'learning', 'review', 'relearning'] as const;
/** 1 Again, 2 Hard, 3 Good, 4 Easy. */
export const RATINGS = [1, 2, 3, 4] as const;
/** `topic`: asks about its topic; `qa`: a question and its answer. */
export const CARD_KINDS = ['topic', 'qa'] as const;
/** `file`: written in the checklist file, re-imported with it; `app`: added in prepdeck. */
export const CARD_ORIGINS = ['file', 'app'] as const;

/**
 * What a skipped topic's marker becomes on write-back: open `[ ]`, done `[x]`, or kept: `[-]` in a file that uses
 * Obsidian's `[/]` and `[-]`, else as the file has it.
 */
export const SKIPPED_AS = ['open', 'done', 'keep'] as const;
/** A task marker as written in the file; '' for none. `[/]` (in progress) and `[-]` (cancelled) are Obsidian's. */
export const MARKER_TEXTS = ['', '[ ]', '[x]', '[X]', '[/]', '[-]'] as const;
/** What a list item's task box says: none, GFM's open `[ ]` and done `[x]`, Obsidian's started `[/]` and cancelled `[-]`. */
export const TASK_MARKERS = ['none', 'open', 'done', 'started', 'cancelled'] as const;

// The job hunt.
/** The stages a new hunt starts with, in board order; a hunt may rename, reorder and add to them. */
export const DEFAULT_STAGES = [
  { key: 'wishlist', label: 'Wishlist', outcome: false },
  { key: 'applied', label: 'Applied', outcome: false },
  { key: 'screening', label: 'Screening', outcome: false },
  { key: 'technical', label: 'Technical', outcome: false },
  { key: 'onsite', label: 'Onsite', outcome: false },
  { key: 'offer', label: 'Offer', outcome: false },
  { key: 'accepted', label: 'Accepted', outcome: true },
  { key: 'rejected', label: 'Rejected', outcome: true },
  { key: 'withdrawn', label: 'Withdrawn', outcome: true },
  { key: 'ghosted', label: 'Ghosted', outcome: true },
] as const;
/** The stages the funnel converts between, in order. */
export const FUNNEL_STAGES = ['applied', 'screening', 'technical', 'onsite', 'offer'] as const;
/** A gate must be met; a weighted criterion counts by its weight (1-5) in the fit. */
export const CRITERION_KINDS = ['gate', 'weighted'] as const;
/** How an application meets a criterion. */
export const MARK_VALUES = ['yes', 'no', 'unknown'] as const;
export const REMOTE_POLICIES = ['remote', 'hybrid', 'onsite'] as const;
export const PAY_PERIODS = ['year', 'month', 'hour'] as const;
export const CONTACT_ROLES = ['recruiter', 'hiring-manager', 'interviewer', 'referrer', 'other'] as const;

// Interviews.
/** The kinds of round offered first; a round may name a kind of its own (lower-case letters, digits, dashes). */
export const ROUND_KINDS = [
  'recruiter',
  'technical',
  'coding',
  'system-design',
  'behavioural',
  'take-home',
  'onsite',
  'hiring-manager',
  'other',
] as const;
export const ROUND_OUTCOMES = ['unknown', 'passed', 'failed'] as const;
/** Where a line of the review log came from: a review session, or a question asked in an interview round. */
export const REVIEW_SOURCES = ['review', 'interview'] as const;
/** The competencies behavioural rounds ask about, which a new hunt starts with; a hunt may rename, add and reorder. */
export const DEFAULT_COMPETENCIES = [
  { key: 'conflict', label: 'Conflict' },
  { key: 'failure', label: 'A failure' },
  { key: 'leadership', label: 'Leadership' },
  { key: 'ownership', label: 'Ownership' },
  { key: 'ambiguity', label: 'Ambiguity' },
  { key: 'disagreement-with-manager', label: 'A disagreement with a manager' },
  { key: 'mentoring', label: 'Mentoring' },
  { key: 'tight-deadline', label: 'A tight deadline' },
  { key: 'proudest-achievement', label: 'The proudest achievement' },
] as const;
/** What a competency's stories amount to: none, only stale ones (not reviewed or edited for a while), or a fresh one. */
export const COVERAGE_STATES = ['none', 'stale', 'fresh'] as const;
/** `file`: read from the checklist file; `app`: added in prepdeck (from an interview question) until a write-back puts it in the file. */
export const TOPIC_ORIGINS = ['file', 'app'] as const;

// The plan to an interview date.
/** The days of the week, Monday first, as availability names them. */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
/** Where a time cost comes from: set by the user, the median of their review log, or the default. */
export const COST_SOURCES = ['yours', 'log', 'default'] as const;
/** What a planned item does: learn a new topic (or see a new card), or review a card. */
export const PLAN_ACTIONS = ['new', 'review'] as const;
