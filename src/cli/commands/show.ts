import { placeTopics, showTopic } from '../../app/topics/topics.js';
import { printJson, printLines } from '../output.js';
import type { CommandContext } from '../program.js';
import { historyLine, stateMark } from '../render.js';
import { withApp } from '../session.js';
import { topicCardList } from '../../app/review/cards.js';
import { cardLine } from './card.js';
import { topicScope } from '../checklist.js';

export async function show(ctx: CommandContext, reference: string): Promise<void> {
  const { details, placed, cards } = await withApp(ctx, async (app) => {
    const shown = await showTopic(app, reference, await topicScope(app, ctx, reference));
    // Goals and books have no cards.
    const cards = shown.topic.kind === 'topic' ? (await topicCardList(app, shown.topic.id)).cards : [];
    return { details: shown, placed: (await placeTopics(app, [shown.topic]))[0]!, cards };
  });
  if (ctx.json) {
    printJson(details);
    return;
  }
  const { topic, resources, history } = details;
  const c = ctx.color;
  const lines = [
    `${stateMark(topic.state, c)} ${c.bold(topic.text)} ${c.dim(`#${topic.id}`)}`,
    `  section:    ${placed.sectionPath.join(' / ') || '(top)'}`,
    `  kind:       ${topic.kind}`,
    `  state:      ${topic.state}${topic.confidence !== null ? `, confidence ${topic.confidence}/4` : ''}`,
    topic.origin === 'app'
      ? `  source:     added in prepdeck, not in the file yet (\`prepdeck sync FILE --write\` writes it there): ${topic.title}`
      : `  source:     line ${topic.lines.start}${topic.lines.end > topic.lines.start ? `-${topic.lines.end}` : ''}: ${topic.title}`,
  ];
  if (topic.archivedAt) lines.push(c.yellow(`  archived:   ${topic.archivedAt} (gone from the file)`));
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
  if (cards.length > 0) lines.push('  cards:', ...cards.map((card) => `    ${cardLine(card, c)}`));
  lines.push('  history:', ...history.map((e) => `    ${historyLine(e)}`));
  printLines(lines);
}
