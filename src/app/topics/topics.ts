// What a user does to one topic: find it, look at it, mark it, write notes on it.
import { AmbiguousError, InvalidInputError, NotFoundError } from '../../core/errors.js';
import { namesAtWordStart } from '../../core/checklist/topic-reference.js';
import { normalizeText } from '../../core/import/identity.js';
import type { Resource, Topic, TopicEvent } from '../../core/checklist/model.js';
import { checkNoNul, parseConfidence, parseState } from '../../core/validate.js';
import { sectionPaths } from '../../core/checklist/tree.js';
import { getChecklist } from '../../store/checklists/checklists.js';
import { namedChecklist, workedOnChecklist } from '../checklists/current.js';
import { nearestTitle, titleLookupKey } from '../nearest.js';
import {
  activeTopicTexts,
  appendTopicNotes,
  findTopicsByFragment,
  getTopic,
  searchTopics as searchStoredTopics,
  sectionsOf,
  setTopicConfidence,
  setTopicNotes,
  setTopicState,
  topicHistory,
  topicResources,
  topicsByIds,
} from '../../store/topics/topics.js';
import { topicCardReviews } from '../../store/review/log.js';
import { getReviewSettings } from '../../store/review/settings.js';
import { settingsTimeZone } from '../review/settings.js';
import type { TopicReviewJson } from '../../contract/topics.js';
import type { AppContext } from '../context.js';
import type { PlacedTopic } from './topic-json.js';

export type { PlacedTopic };

/** How many candidates an ambiguous reference lists. */
const MAX_CANDIDATES = 10;

async function checklistIdOf(ctx: AppContext, checklistName: string | undefined): Promise<number | undefined> {
  if (checklistName === undefined) return undefined;
  return (await namedChecklist(ctx, checklistName)).id;
}

/**
 * A topic by id, or by a fragment of its text, optionally prefixed with section fragments
 * (`aws/s3/signed`). An exact text match wins over partial ones; anything else ambiguous lists candidates.
 */
export async function resolveTopic(ctx: AppContext, reference: string, checklistName?: string): Promise<Topic> {
  const ref = reference.trim();
  if (ref === '') throw new InvalidInputError('a topic reference is empty; give an id or part of its title');
  const checklistId = await checklistIdOf(ctx, checklistName);
  // `29` or `#29` as lists print it; `-5` or `+5` is a mistyped id, never a title fragment (it would match a URL's digits).
  const id = /^#?(\d+)$/.exec(ref)?.[1];
  if (id !== undefined) {
    const topic = await getTopic(ctx.store.db, Number(id));
    if (!topic || (checklistId !== undefined && topic.checklistId !== checklistId)) {
      throw new NotFoundError(`no topic with id ${id}; \`prepdeck search\` shows ids`);
    }
    return topic;
  }
  if (/^[-+]\d+$/.test(ref)) throw new InvalidInputError(`'${ref}' is not a topic id: ids are whole numbers from 1 (\`prepdeck search\` shows them)`);
  // A title may hold slashes itself (`set/dict/list comprehension`, `HTTP/2`): read whole first, then as sections/title.
  if (ref.includes('/')) {
    const whole = normalizeText(ref);
    const found = await findTopicsByFragment(ctx.store.db, whole, checklistId);
    const named = found.filter((t) => namesAtWordStart(ref, t.text));
    if (named.length > 0) return pickTopic(ctx, ref, whole, named, (t) => normalizeText(t.text) === whole);
  }
  const parts = ref
    .split('/')
    .map((p) => normalizeText(p))
    .filter(Boolean);
  const textPart = parts.pop() ?? '';
  const inSections = (topics: Topic[]) => (parts.length > 0 ? topics.filter((t) => parts.every((p) => t.sectionKey.includes(p))) : topics);
  const found = inSections(await findTopicsByFragment(ctx.store.db, textPart, checklistId));
  if (found.some((t) => normalizeText(t.text) === textPart)) return pickTopic(ctx, ref, textPart, found, (t) => normalizeText(t.text) === textPart);
  // No title is the reference itself: one typed without its Markdown punctuation (`slots and memory`) is as good a match.
  const plainRef = titleLookupKey(textPart);
  const seen = new Set(found.map((t) => t.id));
  // One word typed as it is written finds no title the fragment lookup did not (a title holds it as written).
  const spansPunctuation = plainRef !== textPart || plainRef.includes(' ');
  const plain = spansPunctuation ? inSections(await topicsByPlainTitle(ctx, plainRef, checklistId)).filter((t) => !seen.has(t.id)) : [];
  const matches = [...found, ...plain];
  if (matches.length === 0) {
    const near = nearestTitle(textPart, await activeTopicTexts(ctx.store.db, checklistId ?? (await workedOnChecklistId(ctx))));
    throw new NotFoundError(
      near === null || normalizeText(near) === normalizeText(ref)
        ? `no topic matches '${ref}'; try \`prepdeck search ${checklistId === undefined ? '--all ' : ''}${textPart}\``
        : `no topic matches '${ref}'; did you mean '${near}'?`,
    );
  }
  return pickTopic(ctx, ref, textPart, namedAtWord(ref, plainRef, matches), (t) => titleLookupKey(t.text) === plainRef);
}

/**
 * The matches `ref` names from the start of a word of their title (as typed, or without Markdown's punctuation); when
 * it is only inside words ('GIL' in 'Agile/SCRUM/Kanban'), no topic: marking or reviewing that one would be a guess.
 */
function namedAtWord(ref: string, plainRef: string, matches: readonly Topic[]): Topic[] {
  const named = matches.filter((t) => namesAtWordStart(ref, t.text) || namesAtWordStart(plainRef, titleLookupKey(t.text)));
  if (named.length > 0) return named;
  const [first] = matches;
  const which =
    matches.length === 1
      ? `a word of '${first!.text}' (#${first!.id})`
      : `words of ${matches.length} titles, such as '${first!.text}' (#${first!.id})`;
  throw new NotFoundError(
    `no topic title has a word starting with '${ref}': it is only inside ${which}; name the topic by its id or by a word of its title`,
  );
}

/**
 * The active topics whose title, without Markdown's punctuation, holds `plainRef` (nearest.ts#titleLookupKey): looked up by
 * its longest word, which such a title holds as written, then compared whole.
 */
async function topicsByPlainTitle(ctx: AppContext, plainRef: string, checklistId: number | undefined): Promise<Topic[]> {
  const longest = plainRef.split(' ').reduce((a, b) => (b.length > a.length ? b : a), '');
  if (longest === '') return [];
  return (await findTopicsByFragment(ctx.store.db, longest, checklistId)).filter((t) => titleLookupKey(t.text).includes(plainRef));
}

/**
 * The checklist a command works on when it names none, whose titles a reference looked up in every checklist is
 * suggested from: a near title of another checklist is another subject (`SKIP LOCKED` is not `optimistic locking`).
 */
async function workedOnChecklistId(ctx: AppContext): Promise<number | undefined> {
  const name = await workedOnChecklist(ctx);
  // None imported yet: nothing to suggest from.
  return name === null ? undefined : (await namedChecklist(ctx, name)).id;
}

/** The one topic of `found` (an exact title, as `isExact` tells, wins over partial matches), or an AmbiguousError listing candidates. */
async function pickTopic(ctx: AppContext, ref: string, textPart: string, found: Topic[], isExact: (topic: Topic) => boolean): Promise<Topic> {
  if (found.length === 1) return found[0]!;
  const exact = found.filter(isExact);
  if (exact.length === 1) return exact[0]!;
  const listed = (exact.length > 1 ? exact : found).slice(0, MAX_CANDIDATES);
  const placed = await placeTopics(ctx, listed);
  const severalChecklists = new Set(listed.map((t) => t.checklistId)).size > 1;
  const candidates = placed.map(({ topic, checklistName, sectionPath }) => ({
    id: topic.id,
    label: [...(severalChecklists ? [checklistName] : []), ...sectionPath, topic.text].join(' / '),
  }));
  const shown = exact.length > 1 ? `${exact.length} topics are titled '${ref}'` : `'${ref}' matches ${found.length} topics`;
  const more = candidates.length < (exact.length > 1 ? exact.length : found.length) ? ` (the first ${candidates.length} below)` : '';
  throw new AmbiguousError(`${shown}${more}; ${exact.length > 1 ? sameTitleHint(exact, textPart) : 'give an id or more of the title'}`, candidates);
}

/**
 * How to name one of several topics of the same title, where more of the title can't help: an id, or a section of its
 * path that the others' paths lack, before the title (`general/type annotations`), as `resolveTopic` reads it.
 */
function sameTitleHint(topics: readonly Topic[], title: string): string {
  for (const topic of topics) {
    const others = topics.filter((other) => other !== topic);
    const own = topic.sectionKey
      .split(' / ')
      .reverse()
      .find((part) => part !== '' && !part.includes('/') && !/#\d+$/u.test(part) && others.every((other) => !other.sectionKey.includes(part)));
    if (own !== undefined) return `give an id, or a section before the title (\`${own}/${title}\`)`;
  }
  return 'give an id: their sections have the same titles too';
}

export interface TopicDetails {
  topic: Topic;
  resources: Resource[];
  history: TopicEvent[];
  /** Its topic card's reviews, interview evidence included, oldest first. */
  reviews: TopicReviewJson[];
  /** The sections its history names (created in, moved from and to), path key to titles ("Python / Tools"). */
  sectionTitles: Record<string, string>;
  /** Its checklist's time zone, which its history is shown in. */
  timeZone: string;
}

async function detailsOf(ctx: AppContext, topic: Topic): Promise<TopicDetails> {
  const history = await topicHistory(ctx.store.db, topic.id);
  return {
    topic,
    resources: await topicResources(ctx.store.db, topic.id),
    history,
    reviews: await topicCardReviews(ctx.store.db, topic.id),
    sectionTitles: await historySectionTitles(ctx, topic.checklistId, history),
    timeZone: settingsTimeZone(await getReviewSettings(ctx.store.db, topic.checklistId)),
  };
}

/** The section path keys events keep (`created`, `archived`: section; `moved`: from, to). */
function sectionKeysOf(history: TopicEvent[]): Set<string> {
  const keys = new Set<string>();
  for (const { type, data } of history) {
    const named = type === 'moved' ? [data['from'], data['to']] : type === 'created' || type === 'archived' ? [data['section']] : [];
    for (const key of named) if (typeof key === 'string') keys.add(key);
  }
  return keys;
}

/** Titles of the sections a history names, as the file writes them; a section gone since keeps no title (shown as its key). */
async function historySectionTitles(ctx: AppContext, checklistId: number, history: TopicEvent[]): Promise<Record<string, string>> {
  const keys = sectionKeysOf(history);
  if (keys.size === 0) return {};
  const sections = await sectionsOf(ctx.store.db, [checklistId]);
  const paths = sectionPaths(sections);
  const titles: Record<string, string> = {};
  for (const section of sections) {
    if (keys.has(section.pathKey)) titles[section.pathKey] = (paths.get(section.id) ?? []).join(' / ') || '(top)';
  }
  return titles;
}

export async function showTopic(ctx: AppContext, reference: string, checklistName?: string): Promise<TopicDetails> {
  return detailsOf(ctx, await resolveTopic(ctx, reference, checklistName));
}

/** Places many topics with a query per checklist they come from, whatever their number. */
export async function placeTopics(ctx: AppContext, topics: Topic[]): Promise<PlacedTopic[]> {
  const checklistIds = [...new Set(topics.map((t) => t.checklistId))];
  const names = new Map<number, string>();
  for (const id of checklistIds) {
    const checklist = await getChecklist(ctx.store.db, id);
    if (checklist) names.set(id, checklist.name);
  }
  const paths = sectionPaths(await sectionsOf(ctx.store.db, checklistIds));
  return topics.map((topic) => ({
    topic,
    checklistName: names.get(topic.checklistId) ?? '',
    sectionPath: (topic.sectionId !== null ? paths.get(topic.sectionId) : undefined) ?? topic.sectionKey.split(' / ').filter(Boolean),
  }));
}

/** Topic ids a scope names (`review --topics`), each a topic of the checklist (archived ones too); else refused naming the others. */
export async function checkTopicIds(ctx: AppContext, ids: readonly number[], checklistName: string): Promise<void> {
  const checklist = await namedChecklist(ctx, checklistName);
  const found = await topicsByIds(ctx.store.db, ids);
  const unknown = ids.filter((id) => found.get(id)?.checklistId !== checklist.id);
  if (unknown.length > 0) {
    const which = unknown.length === 1 ? `topic ${unknown[0]}` : `topics ${unknown.join(', ')}`;
    throw new NotFoundError(`topics: '${checklist.name}' has no ${which}; \`prepdeck search\` shows ids`);
  }
}

/** A topic by id only (archived ones included): what the web UI links to. */
export async function topicById(ctx: AppContext, id: number): Promise<TopicDetails> {
  const topic = await getTopic(ctx.store.db, id);
  if (!topic) throw new NotFoundError(`no topic with id ${id}`);
  return detailsOf(ctx, topic);
}

export interface TopicUpdate {
  state?: string | undefined;
  /** 1-4, or null to clear it. */
  confidence?: string | number | null | undefined;
  notes?: string | undefined;
}

/** Any of state, confidence and notes at once, in one transaction: all of it is recorded, or none. */
export async function updateTopic(ctx: AppContext, id: number, update: TopicUpdate): Promise<TopicDetails> {
  const state = update.state === undefined ? undefined : parseState(update.state);
  const confidence = update.confidence === undefined || update.confidence === null ? update.confidence : parseConfidence(update.confidence);
  if (update.notes !== undefined) checkNoNul(update.notes, 'the notes');
  const updated = await ctx.store.transaction(async (trx) => {
    const now = ctx.now();
    let topic = await getTopic(trx, id);
    if (!topic) throw new NotFoundError(`no topic with id ${id}`);
    if (state !== undefined) topic = (await setTopicState(trx, id, state, now, 'user')) ?? topic;
    if (confidence !== undefined) topic = (await setTopicConfidence(trx, id, confidence, now)) ?? topic;
    if (update.notes !== undefined) topic = (await setTopicNotes(trx, id, update.notes, now)) ?? topic;
    return topic;
  });
  return detailsOf(ctx, updated);
}

export interface MarkInput {
  state: string;
  confidence?: string | number | undefined;
}

export async function markTopic(ctx: AppContext, reference: string, input: MarkInput, checklistName?: string): Promise<Topic> {
  const state = parseState(input.state);
  const confidence = input.confidence === undefined ? undefined : parseConfidence(input.confidence);
  const topic = await resolveTopic(ctx, reference, checklistName);
  return ctx.store.transaction(async (trx) => {
    const now = ctx.now();
    let updated = (await setTopicState(trx, topic.id, state, now, 'user')) ?? topic;
    if (confidence !== undefined) updated = (await setTopicConfidence(trx, topic.id, confidence, now)) ?? updated;
    return updated;
  });
}

/** Replaces the topic's notes, or with `append` adds them as a new paragraph after the notes it has when it is written. */
export async function writeTopicNotes(
  ctx: AppContext,
  reference: string,
  notes: string,
  checklistName?: string,
  { append = false }: { append?: boolean } = {},
): Promise<Topic> {
  checkNoNul(notes, 'the notes');
  const topic = await resolveTopic(ctx, reference, checklistName);
  // Appending reads the notes in the write's transaction: two appends at once both land.
  const updated = await (append ? appendTopicNotes : setTopicNotes)(ctx.store.db, topic.id, notes, ctx.now());
  if (!updated) throw new NotFoundError(`no topic with id ${topic.id}`);
  return updated;
}

export async function searchTopics(ctx: AppContext, query: string, checklistName?: string): Promise<Topic[]> {
  if (query.trim() === '') throw new InvalidInputError('the search query is empty');
  checkNoNul(query, 'the search query');
  return searchStoredTopics(ctx.store.db, query.trim(), await checklistIdOf(ctx, checklistName));
}
