// Every request and response of the API as TypeBox (JSON Schema): Fastify validates requests and
// serializes responses with them, and @fastify/swagger turns the same objects into /api/openapi.json.
// They describe the plain types in core/api.ts; test/server/schemas.test.ts checks the two agree.
import { Type, type TSchema } from 'typebox';
import { TOPIC_STATES } from '../core/checklist/model.js';

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const TopicState = Type.Enum([...TOPIC_STATES], { description: 'new, learning, known or skipped' });
const TopicsMode = Type.Enum(['all', 'tasks']);
const EntryKind = Type.Enum(['topic', 'goal', 'book']);
const SectionRole = Type.Enum(['study', 'goals', 'books']);

export const Progress = Type.Object(
  {
    total: Type.Integer(),
    new: Type.Integer(),
    learning: Type.Integer(),
    known: Type.Integer(),
    skipped: Type.Integer(),
    ratio: Type.Number({ description: 'known / (total - skipped), 0..1' }),
  },
  { $id: 'Progress' },
);
const ProgressRef = Type.Ref('Progress');

export const Resource = Type.Object(
  {
    url: Type.String(),
    title: Type.String(),
    clickable: Type.Boolean({ description: 'only http(s) and mailto links may be rendered as links' }),
  },
  { $id: 'Resource' },
);
const ResourceRef = Type.Ref('Resource');

export const TreeTopic = Type.Object(
  {
    id: Type.Integer(),
    kind: EntryKind,
    title: Type.String({ description: 'inline Markdown source' }),
    text: Type.String({ description: 'plain text' }),
    state: TopicState,
    confidence: Nullable(Type.Integer()),
    notes: Type.String(),
    details: Type.String(),
    line: Type.Integer(),
    resources: Type.Array(ResourceRef),
    children: Type.Array(Type.Ref('TreeTopic')),
  },
  { $id: 'TreeTopic' },
);

export const TreeSection = Type.Object(
  {
    id: Type.Integer(),
    title: Type.String(),
    text: Type.String(),
    level: Type.Integer(),
    role: SectionRole,
    progress: ProgressRef,
    notes: Type.Array(Type.String(), { description: 'blocks of the section as written: paragraphs, code, raw HTML' }),
    resources: Type.Array(ResourceRef),
    topics: Type.Array(Type.Ref('TreeTopic')),
    sections: Type.Array(Type.Ref('TreeSection')),
  },
  { $id: 'TreeSection' },
);

export const ChecklistTree = Type.Object({
  name: Type.String(),
  title: Type.String(),
  sourcePath: Nullable(Type.String()),
  importedAt: Type.String(),
  topicsMode: TopicsMode,
  progress: ProgressRef,
  root: Type.Ref('TreeSection'),
});

export const ChecklistList = Type.Object({
  checklists: Type.Array(
    Type.Object({
      id: Type.Integer(),
      name: Type.String(),
      title: Type.String(),
      sourcePath: Nullable(Type.String()),
      importedAt: Type.String(),
      topicsMode: TopicsMode,
      progress: ProgressRef,
      goals: Type.Integer(),
      books: Type.Integer(),
    }),
  ),
});

export const RemovedChecklist = Type.Object({
  removed: Type.Object({ name: Type.String(), title: Type.String(), entries: Type.Integer({ description: 'topics, goals and books it held' }) }),
});

export const Dashboard = Type.Object({
  name: Type.String(),
  title: Type.String(),
  progress: ProgressRef,
  sections: Type.Array(
    Type.Object({
      id: Type.Integer(),
      title: Type.String(),
      text: Type.String(),
      depth: Type.Integer(),
      role: SectionRole,
      progress: ProgressRef,
    }),
  ),
  today: Type.String({ description: "today's study date, YYYY-MM-DD, in the checklist's time zone and day start" }),
  activity: Type.Array(Type.Object({ date: Type.String({ description: 'a study date, YYYY-MM-DD' }), count: Type.Integer() })),
  duplicates: Type.Array(
    Type.Object({
      text: Type.String(),
      topics: Type.Array(Type.Object({ id: Type.Integer(), title: Type.String(), section: Type.String() })),
    }),
  ),
});

export const TopicJson = Type.Object(
  {
    id: Type.Integer(),
    checklist: Type.String(),
    kind: EntryKind,
    title: Type.String(),
    text: Type.String(),
    details: Type.String(),
    state: TopicState,
    confidence: Nullable(Type.Integer()),
    notes: Type.String(),
    section: Type.Array(Type.String(), { description: 'section titles as the file writes them, top level first' }),
    line: Type.Integer(),
    createdAt: Type.String(),
    updatedAt: Type.String(),
    archivedAt: Nullable(Type.String()),
  },
  { $id: 'Topic' },
);
const TopicRef = Type.Ref('Topic');

export const TopicDetail = Type.Object({
  topic: TopicRef,
  resources: Type.Array(ResourceRef),
  history: Type.Array(
    Type.Object({
      id: Type.Integer(),
      at: Type.String(),
      type: Type.String(),
      data: Type.Object({}, { additionalProperties: true }),
    }),
  ),
});

export const TopicParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
export const ChecklistParams = Type.Object({ name: Type.String({ minLength: 1, maxLength: 200 }) });

export const TopicPatch = Type.Object(
  {
    state: Type.Optional(TopicState),
    confidence: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 4 }))),
    notes: Type.Optional(Type.String({ maxLength: 200_000 })),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const SearchQuery = Type.Object({
  q: Type.String({ minLength: 1, maxLength: 500 }),
  checklist: Type.Optional(Type.String({ maxLength: 200 })),
});
export const SearchResult = Type.Object({ query: Type.String(), topics: Type.Array(TopicRef) });

export const ImportRequest = Type.Object(
  {
    text: Type.String({ description: 'the checklist Markdown; 10 MB at most' }),
    fileName: Type.Optional(Type.String({ maxLength: 255 })),
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    topics: Type.Optional(Type.Enum(['auto', 'all', 'tasks'])),
  },
  { additionalProperties: false },
);

const Change = Type.Object({ id: Type.Integer(), title: Type.String(), from: Type.String(), to: Type.String() });
export const ImportResult = Type.Object({
  checklist: Type.Object({ id: Nullable(Type.Integer()), name: Type.String(), title: Type.String() }),
  created: Type.Boolean(),
  unchanged: Type.Boolean(),
  dryRun: Type.Boolean(),
  topicsMode: Type.Object({ mode: TopicsMode, reason: Type.String() }),
  counts: Type.Object({
    sections: Type.Integer(),
    topics: Type.Integer(),
    goals: Type.Integer(),
    books: Type.Integer(),
    resources: Type.Integer(),
    resourceBullets: Type.Integer(),
    notes: Type.Integer(),
    cards: Type.Integer({ description: 'question/answer cards written in the file' }),
    duplicates: Type.Integer(),
  }),
  changes: Type.Object({
    added: Type.Array(Type.Object({ index: Type.Integer(), title: Type.String(), section: Type.String() })),
    renamed: Type.Array(Change),
    moved: Type.Array(Change),
    archived: Type.Array(Type.Object({ id: Type.Integer(), title: Type.String(), section: Type.String() })),
    restored: Type.Array(Type.Object({ id: Type.Integer(), title: Type.String() })),
    retick: Type.Array(Type.Object({ id: Type.Integer(), title: Type.String(), state: TopicState })),
    unchanged: Type.Integer(),
    cards: Type.Object(
      { added: Type.Integer(), edited: Type.Integer(), archived: Type.Integer() },
      { description: "the file's question/answer cards added, edited and archived" },
    ),
  }),
  duplicates: Type.Array(
    Type.Object({
      text: Type.String(),
      occurrences: Type.Array(Type.Object({ title: Type.String(), section: Type.String(), line: Type.Integer() })),
    }),
  ),
  warnings: Type.Array(Type.String()),
});

// ---- Write-back into the checklist's file ----

export const WriteBackRequest = Type.Object(
  {
    dryRun: Type.Optional(Type.Boolean({ description: 'plan only: the diff, and nothing written anywhere' })),
    all: Type.Optional(Type.Boolean({ description: 'give every study topic a marker' })),
    cards: Type.Optional(Type.Boolean({ description: 'also write the question/answer cards added in prepdeck' })),
    skipped: Type.Optional(Type.Enum(['open', 'done', 'keep'], { description: "a skipped topic's marker: [ ], [x], or as the file has it" })),
    force: Type.Optional(Type.Boolean({ description: 'write the file even when it is read-only' })),
  },
  { additionalProperties: false },
);

const MarkerText = Type.Enum(['', '[ ]', '[x]', '[X]'], { description: "'' for no marker" });
export const WriteBackResult = Type.Object({
  file: Type.String({ description: 'the file written: the path the checklist was imported from' }),
  readIn: ImportResult,
  writeBack: Type.Object({
    dryRun: Type.Boolean(),
    written: Type.Boolean(),
    edits: Type.Array(
      Type.Object({ line: Type.Integer(), topicId: Nullable(Type.Integer()), title: Type.String(), from: MarkerText, to: MarkerText }),
    ),
    cards: Type.Array(Type.Object({ line: Type.Integer(), cardId: Type.Integer(), topic: Type.String(), front: Type.String() })),
    diff: Type.String({ description: 'unified diff of the file; empty when nothing changes' }),
    backup: Nullable(Type.String({ description: "the previous version's path; null when nothing was written" })),
    attempts: Type.Integer(),
    changedMeanwhile: Type.Array(ImportResult),
    warnings: Type.Array(Type.String()),
  }),
});

export const ErrorBody = Type.Object(
  {
    error: Type.Object({
      type: Type.String(),
      message: Type.String(),
      candidates: Type.Optional(Type.Array(Type.Object({ id: Type.Integer(), label: Type.String() }))),
    }),
  },
  { $id: 'Error' },
);

// ---- Spaced repetition ----

const FsrsState = Type.Enum(['new', 'learning', 'review', 'relearning']);
const Rating = Type.Integer({ minimum: 1, maximum: 4, description: '1 again, 2 hard, 3 good, 4 easy' });
const Probability = Type.Number({ minimum: 0, maximum: 1 });

export const CardJson = Type.Object(
  {
    id: Type.Integer(),
    checklist: Type.String(),
    kind: Type.Enum(['topic', 'qa'], { description: 'topic: asks about its topic; qa: a question and its answer' }),
    origin: Type.Enum(['file', 'app'], { description: 'file: written in the checklist file; app: added in prepdeck' }),
    topicId: Nullable(Type.Integer()),
    front: Type.String({ description: 'Markdown' }),
    back: Type.String({ description: 'Markdown' }),
    state: FsrsState,
    due: Type.String(),
    stability: Type.Number(),
    difficulty: Type.Number(),
    reps: Type.Integer(),
    lapses: Type.Integer(),
    lastReview: Nullable(Type.String()),
    retrievability: Nullable(Probability),
    line: Nullable(Type.Integer()),
    archivedAt: Nullable(Type.String()),
  },
  { $id: 'Card' },
);
const CardRef = Type.Ref('Card');

const DayCount = Type.Object({ date: Type.String({ description: 'YYYY-MM-DD, a study day' }), count: Type.Integer() });

// No maximum: an id past 32 bits names nothing, so it is a 404 like any other unknown id.
export const CardParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

export const ReviewQueueQuery = Type.Object({
  section: Type.Optional(Type.String({ minLength: 1, maxLength: 500, description: 'only sections whose path contains this' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
});

export const ReviewCard = Type.Object({
  card: CardRef,
  topic: Nullable(Type.Ref('Topic')),
  section: Type.Array(Type.String(), { description: 'section titles, top level first' }),
  resources: Type.Array(Type.Ref('Resource')),
  ratings: Type.Array(Type.Object({ rating: Rating, due: Type.String(), interval: Type.String() })),
});

export const ReviewQueue = Type.Object({
  checklist: Type.String(),
  day: Type.Object({ date: Type.String(), start: Type.String(), end: Type.String() }),
  remaining: Type.Object({ new: Type.Integer(), learning: Type.Integer(), review: Type.Integer() }),
  doneToday: Type.Object({ new: Type.Integer(), review: Type.Integer() }),
  limits: Type.Object({ newPerDay: Type.Integer(), reviewsPerDay: Type.Integer() }),
  cards: Type.Array(ReviewCard),
  nextDueAt: Nullable(Type.String()),
});

export const AnswerRequest = Type.Object(
  {
    rating: Rating,
    durationMs: Type.Optional(Type.Integer({ minimum: 0, maximum: 2 ** 31 - 1, description: 'how long the answer took' })),
    reps: Type.Optional(
      Type.Integer({ minimum: 0, maximum: 2 ** 31 - 1, description: "the card's reps as shown: answered meanwhile elsewhere, 409 and nothing recorded" }),
    ),
  },
  { additionalProperties: false },
);

export const CardWithTopic = Type.Object({ card: CardRef, topic: Nullable(Type.Ref('Topic')) });
export const CardList = Type.Object({ cards: Type.Array(CardRef) });

const CardText = Type.String({ maxLength: 20_000, description: 'Markdown' });
export const CardDraft = Type.Object({ front: CardText, back: Type.Optional(CardText) }, { additionalProperties: false });
export const CardPatch = Type.Object(
  { front: Type.Optional(CardText), back: Type.Optional(CardText) },
  { additionalProperties: false, minProperties: 1 },
);

export const ReviewStats = Type.Object({
  checklist: Type.String(),
  reviewsByDay: Type.Array(DayCount),
  forecast: Type.Array(DayCount),
  trueRetention: Type.Object({ days: Type.Integer(), reviews: Type.Integer(), passed: Type.Integer(), rate: Nullable(Probability) }),
  overall: Type.Object({ reviewed: Type.Integer(), cards: Type.Integer(), retrievability: Nullable(Probability) }),
  sections: Type.Array(
    Type.Object({
      id: Type.Integer(),
      text: Type.String(),
      depth: Type.Integer(),
      reviewed: Type.Integer(),
      cards: Type.Integer(),
      retrievability: Nullable(Probability),
    }),
  ),
});

const Steps = Type.Array(Type.String({ pattern: '^[1-9][0-9]{0,4}[mhd]$' }), { maxItems: 10 });
export const ReviewSettings = Type.Object({
  desiredRetention: Type.Number(),
  maximumInterval: Type.Integer(),
  fuzz: Type.Boolean(),
  learningSteps: Type.Array(Type.String()),
  relearningSteps: Type.Array(Type.String()),
  newPerDay: Type.Integer(),
  reviewsPerDay: Type.Integer(),
  dayStartsAt: Type.Integer(),
  timeZone: Nullable(Type.String()),
  parameters: Nullable(Type.Array(Type.Number())),
});
/** Checked field by field in core/review/settings.ts too, whose messages name the field and its range. */
export const ReviewSettingsPatch = Type.Object(
  {
    desiredRetention: Type.Optional(Type.Number()),
    maximumInterval: Type.Optional(Type.Integer()),
    fuzz: Type.Optional(Type.Boolean()),
    learningSteps: Type.Optional(Steps),
    relearningSteps: Type.Optional(Steps),
    newPerDay: Type.Optional(Type.Integer()),
    reviewsPerDay: Type.Optional(Type.Integer()),
    dayStartsAt: Type.Optional(Type.Integer()),
    timeZone: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
    parameters: Type.Optional(Nullable(Type.Array(Type.Number(), { maxItems: 21 }))),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const UndoRequest = Type.Object(
  {
    cardId: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 2 ** 31 - 1, description: 'the card this client answered last: when the last answer is another card\'s (given elsewhere since), 409 and nothing undone' }),
    ),
  },
  { additionalProperties: false },
);
export const OptimizeRequest = Type.Object({ apply: Type.Optional(Type.Boolean()) }, { additionalProperties: false });
const Metrics = Nullable(Type.Object({ logLoss: Type.Number(), rmse: Type.Number() }));
export const Optimize = Type.Object({
  checklist: Type.String(),
  reviews: Type.Integer(),
  trainingItems: Type.Integer(),
  enough: Type.Boolean(),
  needed: Type.Integer(),
  defaultMetrics: Metrics,
  fittedMetrics: Metrics,
  parameters: Nullable(Type.Array(Type.Number())),
  applied: Type.Boolean(),
  message: Type.String(),
});

/** Registered once with addSchema, so $refs resolve and OpenAPI lists them as components. */
export const SHARED_SCHEMAS = [Progress, Resource, TreeTopic, TreeSection, TopicJson, ErrorBody, CardJson];

/** The error statuses every route may answer with. */
export const errorResponses = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((status) => [status, Type.Ref('Error')]));
