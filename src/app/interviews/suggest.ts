// Topic suggestions while a question is typed: the core's word ranking (core/interviews/suggest.ts) over every
// checklist's active study topics, with fuse.js finding the topic words a question nearly holds (typos). The index
// is kept per database and rebuilt only when the topics' revision changes, so a keystroke costs two small queries.
import Fuse from 'fuse.js';
import type { Kysely } from 'kysely';
import type { RoundSectionJson, SuggestionListJson, SuggestQuery } from '../../contract/interviews.js';
import { sectionPaths } from '../../core/checklist/tree.js';
import { InvalidInputError } from '../../core/errors.js';
import { buildSuggestIndex, rankTopics, wordsOf, type SuggestIndex } from '../../core/interviews/suggest.js';
import { checkNoNul } from '../../core/validate.js';
import { suggestRevision, suggestTopics as readSuggestTopics, type SuggestTopicRow } from '../../store/interviews/suggest.js';
import type { Database } from '../../store/schema.js';
import { sectionsOf } from '../../store/topics/topics.js';
import type { AppContext } from '../context.js';
import { inRoundSections } from './round-json.js';
import { roundDetailOf } from './round-json.js';

interface Suggester {
  revision: string;
  topics: SuggestTopicRow[];
  paths: Map<number, string[]>;
  index: SuggestIndex;
  vocabulary: Fuse<string>;
}

const cache = new WeakMap<Kysely<Database>, Suggester>();

/** A word this near (fuse.js's 0-1 score, 0 the same) to a topic word counts as it, by how near. */
const FUZZY_THRESHOLD = 0.3;
/** Shorter words are left to exact matching: fuzzy on them matches everything. */
const FUZZY_MIN_LENGTH = 4;
const DEFAULT_LIMIT = 10;

async function suggester(db: Kysely<Database>): Promise<Suggester> {
  const revision = await suggestRevision(db);
  const cached = cache.get(db);
  if (cached?.revision === revision) return cached;
  const topics = await readSuggestTopics(db);
  const checklistIds = [...new Set(topics.map((topic) => topic.checklist_id))];
  const sectionPath = checklistIds.length > 0 ? sectionPaths(await sectionsOf(db, checklistIds)) : new Map<number, string[]>();
  const paths = new Map(
    topics.map((topic) => [
      topic.id,
      (topic.section_id !== null ? sectionPath.get(topic.section_id) : undefined) ?? topic.section_key.split(' / ').filter(Boolean),
    ]),
  );
  const index = buildSuggestIndex(topics.map((topic) => ({ topicId: topic.id, words: wordsOf(topic.text) })));
  const vocabulary = new Fuse([...index.holders.keys()], { includeScore: true, threshold: FUZZY_THRESHOLD, ignoreLocation: true });
  const built = { revision, topics, paths, index, vocabulary };
  cache.set(db, built);
  return built;
}

/** The topics a question's text is likely about, best first; with a round, its sections' topics come first. */
export async function suggestTopics(ctx: AppContext, query: SuggestQuery): Promise<SuggestionListJson> {
  checkNoNul(query.q, 'q');
  if (query.q.trim() === '') throw new InvalidInputError('q: type some of the question');
  const limit = query.limit ?? DEFAULT_LIMIT;
  if (!Number.isInteger(limit) || limit < 1 || limit > 50) throw new InvalidInputError(`limit: ${limit} is not a whole number from 1 to 50`);
  const sections: RoundSectionJson[] = query.round === undefined ? [] : (await roundDetailOf(ctx.store.db, query.round)).round.sections;
  const { topics, paths, index, vocabulary } = await suggester(ctx.store.db);
  const words = wordsOf(query.q);
  const near = new Map<string, number>();
  for (const word of new Set(words)) {
    if (word.length < FUZZY_MIN_LENGTH || index.holders.has(word)) continue;
    for (const hit of vocabulary.search(word, { limit: 3 })) {
      // fuse.js matches within longer text too; a typo of a word is about as long as the word.
      if (Math.abs(hit.item.length - word.length) > Math.max(1, Math.floor(word.length / 4))) continue;
      const closeness = 1 - (hit.score ?? 1);
      if (closeness > (near.get(hit.item) ?? 0)) near.set(hit.item, closeness);
    }
  }
  const byId = new Map(topics.map((topic) => [topic.id, topic]));
  const inRound = (topicId: number) => {
    const topic = byId.get(topicId);
    return topic !== undefined && inRoundSections(sections, topic.checklist, topic.section_key);
  };
  return {
    suggestions: rankTopics(index, words, near, limit, inRound).map(({ topicId, score }) => {
      const topic = byId.get(topicId)!;
      return { topicId, checklist: topic.checklist, title: topic.title, section: paths.get(topicId) ?? [], score };
    }),
  };
}
