// Adding a topic in prepdeck: a question asked in an interview touched nothing in the checklist, so the user adds a
// topic to a section of their choosing. It is studied at once; the next `sync --write` puts it into the file.
import type { Kysely } from 'kysely';
import { addedTopicFate, readAddedTopic } from '../../core/checklist/added-topic.js';
import { chooseChecklist } from '../../core/checklist/current.js';
import { sectionPaths } from '../../core/checklist/tree.js';
import { NotFoundError } from '../../core/errors.js';
import type { TopicDetailJson } from '../../contract/topics.js';
import { checklistStamps, findChecklistByName } from '../../store/checklists/checklists.js';
import { readCurrentChecklist } from '../../store/checklists/current.js';
import type { Database } from '../../store/schema.js';
import { insertAppTopic, restoreAsAppTopic, topicsUnderSection } from '../../store/topics/added.js';
import { sectionsOf } from '../../store/topics/topics.js';
import { namedChecklist } from '../checklists/current.js';
import type { AppContext } from '../context.js';
import { sectionForField } from '../nearest.js';
import { topicDetailJson, type PlacedTopic } from './topic-json.js';
import { topicById } from './topics.js';

export interface AddTopicInput {
  /** The checklist's name; the current one (as the CLI chooses it) when left out. */
  checklist?: string | undefined;
  /** A section's title or path of titles (`Python > Core`), in any case and script. */
  section: string;
  /** One line of inline Markdown. */
  title: string;
  /**
   * The title as typed on a command line: the characters meant, not Markdown emphasis (`__slots__`); where Markdown
   * would drop some, they are escaped in the title (core/checklist/added-topic.ts#readAddedTopic).
   */
  asTyped?: boolean | undefined;
}

/**
 * Adds a study topic to a section: last in it, state new, its topic card due at once, a `created` event (source
 * app), origin `app` until a write-back writes it into the file. An archived topic of the same identity in that
 * section comes back instead (state, notes, card and history kept); an active one refuses it, naming it.
 */
export async function addTopic(ctx: AppContext, input: AddTopicInput): Promise<TopicDetailJson> {
  // An unknown name is refused before the write lock, with the nearest name there is.
  if (input.checklist !== undefined) await namedChecklist(ctx, input.checklist);
  const placed = await ctx.store.transaction((trx) => addTopicInTransaction(trx, input, ctx.now()));
  // A topic brought back from the archive keeps its card, and so its reviews and history.
  return topicDetailJson(await topicById(ctx, placed.topic.id), placed);
}

/**
 * `addTopic` inside a caller's write transaction (`trx`), for a change that adds a topic as one of its parts (an
 * interview question with a new topic): a refusal of any part then leaves nothing written. Reads through `trx` only.
 */
export async function addTopicInTransaction(trx: Kysely<Database>, input: AddTopicInput, now: string): Promise<PlacedTopic> {
  const name = input.checklist ?? chooseChecklist(await checklistStamps(trx), await readCurrentChecklist(trx)).name;
  const checklist = await findChecklistByName(trx, name);
  if (!checklist) throw new NotFoundError(`no checklist named '${name}' (\`prepdeck checklists\` lists them)`);
  const sections = await sectionsOf(trx, [checklist.id]);
  const paths = sectionPaths(sections);
  const named = sections.filter((section) => section.parentId !== null).map((section) => ({ ...section, path: paths.get(section.id)! }));
  // A section the request names that isn't there is bad input, not a missing resource; several it may mean are listed.
  const section = sectionForField(named, input.section, { checklist: checklist.name, field: 'section', listCandidates: true });
  const target = { pathKey: section.pathKey, path: section.path, role: section.role };
  const reading = readAddedTopic(input.title, target, checklist.topicsMode, { asTyped: input.asTyped === true });
  const { restore } = addedTopicFate(reading, target, await topicsUnderSection(trx, checklist.id, section.pathKey));
  const place = { checklistId: checklist.id, sectionId: section.id, sectionKey: section.pathKey, ...reading };
  const topic = restore === null ? await insertAppTopic(trx, place, now) : await restoreAsAppTopic(trx, restore, place, now);
  return { topic, checklistName: checklist.name, sectionPath: section.path };
}
