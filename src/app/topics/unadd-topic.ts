// Removing a topic added in prepdeck before a write-back puts it into the file (`prepdeck unadd`, DELETE
// /api/topics/:id): a typo, or a topic not wanted after all. A topic of the file is removed in the file.
import { checkRemovable, usersWork } from '../../core/checklist/removed-topic.js';
import { sectionPaths } from '../../core/checklist/tree.js';
import { NotFoundError } from '../../core/errors.js';
import type { TopicRemovalJson } from '../../contract/topics.js';
import { deleteAppTopic, topicHoldings } from '../../store/topics/added.js';
import { getTopic, sectionsOf } from '../../store/topics/topics.js';
import type { AppContext } from '../context.js';

export interface UnaddOptions {
  /** Say what removing it takes, and remove nothing. */
  dryRun?: boolean | undefined;
  /**
   * Remove it only when nothing of the user's goes with it (reviews, question/answer cards, notes, interview
   * questions' links); else remove nothing, and the answer (`dryRun: true`) says what would have gone.
   */
  keepUsersWork?: boolean | undefined;
}

/**
 * Removes a topic added in prepdeck with its cards, their reviews, its history and its links (an interview question
 * keeps its text and its other topics), in one transaction; a topic of the file is refused, saying where to remove it.
 */
export async function unaddTopic(ctx: AppContext, id: number, options: UnaddOptions = {}): Promise<TopicRemovalJson> {
  return ctx.store.transaction(async (trx) => {
    const topic = await getTopic(trx, id);
    if (!topic) throw new NotFoundError(`no topic with id ${id}`);
    checkRemovable(topic);
    const { cards, qaCards, reviews, questions } = await topicHoldings(trx, id);
    const notes = topic.notes.trim() !== '';
    const dryRun = options.dryRun === true || (options.keepUsersWork === true && usersWork({ qaCards, reviews, questions, notes }).length > 0);
    const paths = sectionPaths(await sectionsOf(trx, [topic.checklistId]));
    const section = (topic.sectionId !== null ? paths.get(topic.sectionId) : undefined) ?? topic.sectionKey.split(' / ').filter(Boolean);
    if (!dryRun) await deleteAppTopic(trx, topic);
    return { removed: { id: topic.id, title: topic.title, section }, cards, qaCards, reviews, questions, notes, dryRun };
  });
}
