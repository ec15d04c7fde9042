import { roundDetail } from '../../app/interviews/rounds.js';
import { placeTopics, showTopic } from '../../app/topics/topics.js';
import { topicShowJson } from '../../app/topics/topic-json.js';
import type { RoundDetailJson } from '../../contract/interviews.js';
import type { TopicReviewJson } from '../../contract/topics.js';
import { checklistTimeZone } from '../../app/review/settings.js';
import type { TopicEvent } from '../../core/checklist/model.js';
import { printJson, printLines, type Colors } from '../output.js';
import type { CommandContext } from '../program.js';
import { localTime, stateMark } from '../render.js';
import { sanitize } from '../review/markdown-text.js';
import { withApp } from '../session.js';
import { topicCardList } from '../../app/review/cards.js';
import { cardLine } from './card.js';
import { elsewhereNote, topicScope, whereaboutsIn } from '../checklist.js';

const MAX_VALUE_LENGTH = 60;

/** A value from the history on one line, safe for a terminal, shortened. */
function quoted(value: unknown): string {
  const text = sanitize(typeof value === 'string' ? value : JSON.stringify(value))
    .replace(/\s+/g, ' ')
    .trim();
  return `“${text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH - 1)}…` : text}”`;
}

/** Where a change came from when not from the user's own hand, in the Topic page's words. */
const SOURCE_TEXT: Record<string, string> = {
  review: 'by a review',
  undo: 'a review undone',
  file: 'from the file',
  import: 'from the file',
  sync: 'from the file',
  app: 'added in prepdeck',
};

/** One event of a topic's history in plain words: "state new → known (by a review)", "moved from A to B". */
export function historyText(event: TopicEvent, titles: ReadonlyMap<string, string>): string {
  const { from, to, source } = event.data;
  const section = (key: unknown) => (typeof key === 'string' ? (titles.get(key) ?? sanitize(key)) : '?');
  const value = (v: unknown) => (v === null || v === undefined || v === '' ? 'none' : sanitize(typeof v === 'string' ? v : JSON.stringify(v)));
  const by = typeof source === 'string' && SOURCE_TEXT[source] ? ` (${SOURCE_TEXT[source]})` : '';
  switch (event.type) {
    case 'created':
      return `created in ${section(event.data['section'])}${event.data['state'] ? `, ${value(event.data['state'])}` : ''}${by}`;
    case 'state':
      return `state ${value(from)} → ${value(to)}${by}`;
    case 'confidence':
      if (to === null || to === undefined) return 'confidence cleared';
      return from === null || from === undefined ? `confidence set to ${value(to)}` : `confidence ${value(from)} → ${value(to)}`;
    case 'notes':
      return to === '' || to === null || to === undefined ? 'notes cleared' : `notes ${quoted(to)}${by}`;
    case 'renamed':
      return `renamed from ${quoted(from)} to ${quoted(to)}`;
    case 'moved':
      return `moved from ${section(from)} to ${section(to)}`;
    case 'archived':
      return `archived: gone from the file${event.data['section'] ? ` (was in ${section(event.data['section'])})` : ''}`;
    case 'restored':
      return `restored${by || ': back in the file'}`;
    case 'card':
      return `card added: ${quoted(event.data['front'])}`;
    default:
      return event.type;
  }
}

const SCORES = ['', 'again', 'hard', 'good', 'easy'];

/**
 * The interview evidence among a topic's reviews, one line each: when it counts (in the checklist's zone), which round
 * of which application, the question and its score, as `--json` has it under `reviews`.
 */
export function evidenceLines(
  reviews: readonly TopicReviewJson[],
  rounds: ReadonlyMap<number, RoundDetailJson>,
  when: (iso: string) => string,
  c: Colors,
): string[] {
  const evidence = reviews.filter((review) => review.source === 'interview');
  if (evidence.length === 0) return [];
  return [
    '  interview evidence:',
    ...evidence.map((review) => {
      const detail = review.roundId === null ? undefined : rounds.get(review.roundId);
      const round = detail ? `round #${detail.round.id} (${detail.round.company}, ${detail.round.kind})` : `round #${review.roundId ?? '?'}`;
      const question = detail?.questions.find((q) => q.id === review.questionId);
      const asked = question ? ` q${question.id} ${quoted(question.text)}` : review.questionId !== null ? ` q${review.questionId}` : '';
      return `    ${when(review.at)}  ${round}${asked}: ${c.yellow(`scored ${review.rating} ${SCORES[review.rating] ?? ''}`.trimEnd())}`;
    }),
  ];
}

export async function show(ctx: CommandContext, reference: string): Promise<void> {
  const { details, placed, cards, titles, timeZone, rounds, where } = await withApp(ctx, async (app) => {
    const shown = await showTopic(app, reference, await topicScope(app, ctx, reference));
    const placed = (await placeTopics(app, [shown.topic]))[0]!;
    const where = await whereaboutsIn(app, ctx, placed.checklistName);
    const rounds = new Map<number, RoundDetailJson>();
    // The JSON holds no cards (`card list --json` does).
    if (ctx.json) return { details: shown, placed, cards: [], titles: new Map<string, string>(), timeZone: 'UTC', rounds, where };
    // Goals and books have no cards.
    const cards = shown.topic.kind === 'topic' ? (await topicCardList(app, shown.topic.id)).cards : [];
    const titles = new Map(Object.entries(shown.sectionTitles));
    for (const review of shown.reviews) {
      if (review.source === 'interview' && review.roundId !== null && !rounds.has(review.roundId))
        rounds.set(review.roundId, await roundDetail(app, review.roundId));
    }
    return { details: shown, placed, cards, titles, timeZone: await checklistTimeZone(app, placed.checklistName), rounds, where };
  });
  if (ctx.json) {
    printJson(topicShowJson(details, placed));
    return;
  }
  const { topic, resources, history } = details;
  const c = ctx.color;
  const when = (iso: string) => localTime(iso, timeZone);
  const lines = [
    `${stateMark(topic.state, c)} ${c.bold(topic.text)} ${c.dim(`#${topic.id}`)}${elsewhereNote(where, c)}`,
    `  section:    ${placed.sectionPath.join(' / ') || '(top)'}`,
    `  kind:       ${topic.kind}`,
    `  state:      ${topic.state}${topic.confidence !== null ? `, confidence ${topic.confidence}/4` : ''}`,
    topic.origin === 'app'
      ? `  source:     added in prepdeck, not in the file yet (\`prepdeck sync FILE --write\` writes it there): ${topic.title}`
      : `  source:     line ${topic.lines.start}${topic.lines.end > topic.lines.start ? `-${topic.lines.end}` : ''}: ${topic.title}`,
  ];
  if (topic.archivedAt) lines.push(c.yellow(`  archived:   ${when(topic.archivedAt)} (gone from the file)`));
  if (topic.details) lines.push('  details:', ...topic.details.split('\n').map((l) => `    ${l}`));
  if (resources.length > 0) {
    lines.push('  resources:');
    for (const r of resources)
      lines.push(
        `    ${r.clickable ? c.cyan('↗') : c.dim('✗')} ${r.title}${r.title !== r.url ? ` ${c.dim(r.url)}` : ''}${r.clickable ? '' : c.dim(' (not a web link)')}`,
      );
  }
  lines.push(topic.notes ? '  notes:' : c.dim('  notes:      none (add with `prepdeck note`)'));
  if (topic.notes) lines.push(...topic.notes.split('\n').map((l) => (l ? `    ${l}` : '')));
  if (cards.length > 0) lines.push('  cards:', ...cards.map((card) => `    ${cardLine(card, c, when)}`));
  lines.push(...evidenceLines(details.reviews, rounds, when, c));
  lines.push(`  history (${timeZone}):`, ...history.map((e) => `    ${when(e.at)}  ${historyText(e, titles)}`));
  printLines(lines);
}
