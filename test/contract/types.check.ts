// Compiled by `npm run typecheck`, never run: each @ts-expect-error below is a wrong payload that must not compile.
// The day a contract type turns into `unknown` (a bare Type.Ref, say), the error goes away and the type-check fails.
import type { ChecklistTreeJson, ExportedSection, ExportedTopic } from '../../src/contract/checklists.js';
import type { ErrorJson, Progress } from '../../src/contract/common.js';
import type { ImportRequestJson } from '../../src/contract/imports.js';
import type { AnswerJson, AnswerRequestJson, CardJson, ReviewCardJson } from '../../src/contract/review.js';
import type { TopicDetailJson, TopicJson, TopicPatchJson, TopicReviewJson } from '../../src/contract/topics.js';
import type { WriteBackRequestJson, WriteBackResultJson } from '../../src/contract/write-back.js';

declare const card: CardJson;
declare const topic: TopicJson;
declare const leaf: ExportedTopic;
declare const section: ExportedSection;
declare const progress: Progress;

export const typed = [
  // Referenced components (Card, Topic, Progress, Resource) keep their types.
  { card, topic } satisfies AnswerJson,
  // @ts-expect-error a card and a topic, not a string and a number
  { card: 'not a card', topic: 42 } satisfies AnswerJson,
  // @ts-expect-error a topic's state is one of four
  { ...topic, state: 'mastered' } satisfies TopicJson,
  // @ts-expect-error the history's entries are events, not strings
  { topic, resources: [], history: ['created'], reviews: [] } satisfies TopicDetailJson,
  // @ts-expect-error a review comes from a review session or an interview
  { at: '2026-12-20T14:00:00.000Z', rating: 3, source: 'exam', questionId: null, roundId: null } satisfies TopicReviewJson,
  // @ts-expect-error a resource has a url, a title and whether it is clickable
  { card, topic: null, section: [], resources: [{ href: 'https://example.com' }], ratings: [] } satisfies ReviewCardJson,
  // @ts-expect-error ratings run from 1 to 4
  { rating: 5 } satisfies AnswerRequestJson,
  // @ts-expect-error a card is a topic's or a question/answer card
  { ...card, kind: 'cloze' } satisfies CardJson,

  // The recursive tree: a topic's children are topics, a section's sections are sections, all the way down.
  { ...leaf, children: [leaf] } satisfies ExportedTopic,
  // @ts-expect-error a topic's child is a topic, not a section
  { ...leaf, children: [section] } satisfies ExportedTopic,
  // @ts-expect-error a grandchild too
  { ...leaf, children: [{ ...leaf, children: [{ id: 'x' }] }] } satisfies ExportedTopic,
  // @ts-expect-error a section's progress is a Progress
  { ...section, progress: 0.5 } satisfies ExportedSection,
  // @ts-expect-error a subsection's topics are topics
  { ...section, sections: [{ ...section, topics: [section] }] } satisfies ExportedSection,
  { name: 'prep', title: 'Prep', sourcePath: null, importedAt: '', topicsMode: 'all', progress, root: section } satisfies ChecklistTreeJson,
  // @ts-expect-error the root is a section
  { name: 'prep', title: 'Prep', sourcePath: null, importedAt: '', topicsMode: 'all', progress, root: leaf } satisfies ChecklistTreeJson,

  // Requests: the enums and what may be left out.
  { state: 'known' } satisfies TopicPatchJson,
  // @ts-expect-error confidence is a number or null
  { confidence: 'high' } satisfies TopicPatchJson,
  { text: '# Prep', topics: 'auto' } satisfies ImportRequestJson,
  // @ts-expect-error topics is auto, all or tasks
  { text: '# Prep', topics: 'some' } satisfies ImportRequestJson,
  { skipped: 'keep' } satisfies WriteBackRequestJson,
  // @ts-expect-error skipped is open, done or keep
  { skipped: 'drop' } satisfies WriteBackRequestJson,
  // @ts-expect-error a marker is '', '[ ]', '[x]' or '[X]'
  ((result: WriteBackResultJson) => result.writeBack.edits[0]!.to satisfies '[y]') as unknown,
  // @ts-expect-error an error's candidates carry ids
  { error: { type: 'AmbiguousError', message: '', candidates: [{ label: 'x' }] } } satisfies ErrorJson,
];
