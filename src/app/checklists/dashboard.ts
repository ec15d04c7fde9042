// The dashboard of one checklist: progress overall and per section, activity per day, likely duplicates.
import type { DashboardJson, DuplicateJson, SectionProgressJson } from '../../contract/checklists.js';
import { findDuplicates } from '../../core/checklist/duplicates.js';
import type { Topic } from '../../core/checklist/model.js';
import { sectionPaths, walkSections, type ChecklistTree, type TopicNode } from '../../core/checklist/tree.js';
import { addDays, countsByStudyDate, studyDayOn } from '../../core/review/study-day.js';
import { activityByMinute } from '../../store/checklists/activity.js';
import { loadTree } from './checklists.js';
import type { AppContext } from '../context.js';
import { reviewRules } from '../review/settings.js';

/** How far back the activity heatmap looks. */
const ACTIVITY_DAYS = 365;

export async function loadDashboard(ctx: AppContext, name: string): Promise<DashboardJson> {
  const { checklist, tree } = await loadTree(ctx, name);
  // Study days, as the reviews heatmap counts them: a change at 1 a.m. belongs to the evening before.
  const { today, timeZone, settings } = await reviewRules(ctx, checklist);
  const first = addDays(today.date, -ACTIVITY_DAYS + 1);
  const minutes = await activityByMinute(ctx.store.db, checklist.id, studyDayOn(first, timeZone, settings.dayStartsAt).start);
  return {
    name: checklist.name,
    title: checklist.title,
    progress: tree.overall,
    sections: sectionLines(tree),
    today: today.date,
    activity: countsByStudyDate(minutes, timeZone, settings.dayStartsAt).filter((day) => day.date >= first),
    duplicates: duplicatesIn(tree),
  };
}

function sectionLines(tree: ChecklistTree): SectionProgressJson[] {
  const lines: SectionProgressJson[] = [];
  for (const { node, depth } of walkSections(tree.root)) {
    if (depth === 0) continue;
    const { id, title, text, pathKey, role } = node.section;
    lines.push({ id, title, text, pathKey, depth, role, progress: node.progress });
  }
  return lines;
}

/** Study topics that say the same words, each with the section path it sits in (and its parent topics), as the user wrote it. */
function duplicatesIn(tree: ChecklistTree): DuplicateJson[] {
  const sections = [...walkSections(tree.root)].map(({ node }) => node);
  const paths = sectionPaths(sections.map((node) => node.section));
  const placed: Array<{ topic: Topic; section: string }> = [];
  // A sub-item's place names the topics it sits under too, as the import's report does: `Python / Core / asyncio`.
  const visit = (node: TopicNode, section: string) => {
    if (node.topic.kind === 'topic') placed.push({ topic: node.topic, section });
    for (const child of node.children) visit(child, [section, node.topic.text].filter(Boolean).join(' / '));
  };
  for (const node of sections) {
    for (const topic of node.topics) visit(topic, (paths.get(node.section.id) ?? []).join(' / '));
  }
  return findDuplicates(placed, (p) => p.topic.text).map((group) => ({
    text: group.members[0]!.topic.text,
    topics: group.members.map(({ topic, section }) => ({ id: topic.id, title: topic.text, section })),
  }));
}
