import { IMPORT_PHASES, importChecklist, readChecklistFile, type ImportPhase, type ImportResult } from '../../app/import/import-checklist.js';
import { checklistNameOption } from '../checklist.js';
import type { TopicsMode } from '../../core/checklist/model.js';
import { printJson, printLines, type Colors } from '../output.js';
import { plural } from '../render.js';
import type { CommandContext } from '../program.js';
import { withApp } from '../session.js';
import { workedOnChecklist } from '../../app/checklists/current.js';

export interface ImportOptions {
  name?: string;
  topics?: TopicsMode | 'auto';
  dryRun?: boolean;
  backup?: boolean;
}

/** Shown only when an import runs past a second, on a terminal. */
const PROGRESS_DELAY_MS = 1000;

function phaseIndicator(file: string): { onPhase: (phase: ImportPhase) => void; done: () => void } {
  const started = Date.now();
  let shown = false;
  let current: ImportPhase = 'parsing';
  const draw = () => {
    const step = IMPORT_PHASES.indexOf(current) + 1;
    const bar = '█'.repeat(step * 5) + '░'.repeat((IMPORT_PHASES.length - step) * 5);
    process.stderr.write(`\rimporting ${file} ${bar} ${current} (${step}/${IMPORT_PHASES.length})  `);
    shown = true;
  };
  const timer = process.stderr.isTTY ? setInterval(() => Date.now() - started >= PROGRESS_DELAY_MS && draw(), 250) : null;
  return {
    onPhase: (phase) => {
      current = phase;
      if (shown) draw();
    },
    done: () => {
      if (timer) clearInterval(timer);
      if (shown) process.stderr.write('\r\x1b[2K');
    },
  };
}

/**
 * `listDuplicates: false` says how many there are in a line (sync shows them at every run; import lists them).
 * `linkedFile` names the file this import made the checklist's own (one uploaded in the browser, or imported from elsewhere).
 */
export function renderImport(result: ImportResult, c: Colors, { listDuplicates = true }: { listDuplicates?: boolean } = {}): string[] {
  const { counts, changes, linkedFile } = result;
  const verb = result.dryRun ? 'would import' : result.created ? 'imported' : 're-imported';
  const linked = result.dryRun
    ? `would be linked to ${linkedFile} (\`prepdeck sync\` and Write to file would use this file)`
    : `linked to ${linkedFile} (\`prepdeck sync\` and Write to file use this file now)`;
  const outcome = !result.unchanged ? verb : linkedFile === null ? 'unchanged' : `the same text, ${linked}`;
  const lines = [
    `${c.bold(result.checklist.title)} (${result.checklist.name}): ${outcome}`,
    ...(linkedFile !== null && !result.unchanged ? [`  ${linked}`] : []),
    `  ${result.topicsMode.reason}`,
    `  ${[plural(counts.sections, 'section'), plural(counts.topics, 'topic'), plural(counts.goals, 'goal'), plural(counts.books, 'book')].join(', ')}, ${plural(counts.resources, 'resource')} (${plural(counts.resourceBullets, 'link-only bullet')}), ${plural(counts.notes, 'notes block')}${counts.cards > 0 ? `, ${plural(counts.cards, 'question card')}` : ''}`,
  ];
  if (!result.created && !result.unchanged) {
    lines.push(
      `  ${changes.added.length} added, ${changes.renamed.length} renamed, ${changes.moved.length} moved, ${changes.archived.length} archived, ${changes.restored.length} restored, ${changes.unchanged} unchanged${editsClause(changes)}`,
    );
    for (const r of changes.renamed) lines.push(`    renamed #${r.id}: ${r.from} → ${r.to}`);
    for (const m of changes.moved) lines.push(movedLine(m));
    for (const a of changes.archived) lines.push(`    archived #${a.id}: ${a.title}`);
    for (const a of changes.added.slice(0, 20)) lines.push(`    added: ${a.title}${a.section ? c.dim(` (${a.section})`) : ''}`);
    if (changes.added.length > 20) lines.push(c.dim(`    … and ${changes.added.length - 20} more added`));
    for (const d of changes.details.slice(0, 20)) lines.push(`    details changed #${d.id}: ${d.title}`);
    if (changes.details.length > 20) lines.push(c.dim(`    … and ${changes.details.length - 20} more topics' details`));
    for (const n of changes.sectionNotes.slice(0, 20)) lines.push(`    notes changed: ${n.section || '(top of the file)'}`);
    if (changes.sectionNotes.length > 20) lines.push(c.dim(`    … and ${changes.sectionNotes.length - 20} more sections' notes`));
    const { cards } = changes;
    if (cards.added + cards.edited + cards.archived > 0) {
      lines.push(`  question cards: ${cards.added} added, ${cards.edited} edited, ${cards.archived} archived (their reviews kept)`);
    }
  }
  if (result.duplicates.length > 0 && !listDuplicates) {
    lines.push(c.dim(`  ${plural(result.duplicates.length, 'likely duplicate')} (\`prepdeck import FILE --dry-run\` lists them)`));
  } else if (result.duplicates.length > 0) {
    lines.push(`  ${plural(result.duplicates.length, 'likely duplicate')} (kept apart; merge them in the file if they are the same):`);
    for (const d of result.duplicates) {
      lines.push(`    ${d.text}: ${d.occurrences.map((o) => `${o.section || 'top'} (line ${o.line})`).join(', ')}`);
    }
  }
  for (const warning of result.warnings) lines.push(c.yellow(`  warning: ${warning}`));
  return lines;
}

/**
 * `moved #12 yield: python → databases`; a topic that stays in its section went under another topic (or one
 * above it was renamed): the section twice would say nothing.
 */
export function movedLine(moved: ImportResult['changes']['moved'][number]): string {
  const where = moved.from === moved.to ? `to another place in ${moved.to || 'the top of the file'}` : `${moved.from} → ${moved.to}`;
  return `    moved #${moved.id} ${moved.title}: ${where}`;
}

/**
 * `; changed: 1 topic's details; rewritten from the file: 3 line positions`, or nothing: details, notes and rewrites
 * are said only when the file changed them, which most imports do not.
 */
export function editsClause(changes: ImportResult['changes']): string {
  const edited = [
    ...(changes.details.length > 0 ? [`${plural(changes.details.length, "topic's", "topics'")} details`] : []),
    ...(changes.sectionNotes.length > 0 ? [`${plural(changes.sectionNotes.length, "section's", "sections'")} notes`] : []),
  ];
  const rewritten = rewritePhrases(changes.rewrites);
  return `${edited.length > 0 ? `; changed: ${edited.join(', ')}` : ''}${rewritten.length > 0 ? `; rewritten from the file: ${rewritten.join(', ')}` : ''}`;
}

/** What else the import rewrites from the file, in words: "3 line positions", "the front matter". */
function rewritePhrases(rewrites: ImportResult['changes']['rewrites']): string[] {
  return [
    ...(rewrites.lines > 0 ? [plural(rewrites.lines, 'line position')] : []),
    ...(rewrites.headings > 0 ? [plural(rewrites.headings, 'heading')] : []),
    ...(rewrites.titles > 0 ? [`${plural(rewrites.titles, 'title')} (links or emphasis)`] : []),
    ...(rewrites.nesting > 0 ? [`${rewrites.nesting} re-nested`] : []),
    ...(rewrites.markers > 0 ? [plural(rewrites.markers, 'task box', 'task boxes')] : []),
    ...(rewrites.links > 0 ? [plural(rewrites.links, 'link')] : []),
    ...(rewrites.frontMatter ? ['the front matter'] : []),
    ...(rewrites.title ? ['the title'] : []),
  ];
}

/** Why an import did not take over from the checklist worked on (`workedOn`), and how to pick it; nothing when it did. */
function notCurrentLine(result: ImportResult, workedOn: string | null): string[] {
  if (result.current || workedOn === null) return [];
  const pick = `(\`prepdeck use ${result.checklist.name}\` picks it)`;
  return [
    result.dryRun
      ? `  would not be made the current checklist, as it has no topics to study: commands would still work on '${workedOn}'`
      : `  not made the current checklist, as it has no topics to study: commands still work on '${workedOn}' ${pick}`,
  ];
}

export async function importCommand(ctx: CommandContext, file: string, given: ImportOptions): Promise<void> {
  const options = { ...given, name: checklistNameOption(ctx, given) };
  // Loaded only for a backup: its validation (typebox, some 700 modules) would add a third of a second to every import.
  if (options.backup) return (await import('./import-backup.js')).restoreCommand(ctx, file, options);
  // Read and check the file first: a refused file must not even create the database.
  const checked = await readChecklistFile(file);
  const indicator = phaseIndicator(file);
  try {
    const { result, workedOn } = await withApp(ctx, async (app) => {
      const imported = await importChecklist(app, {
        file: checked,
        name: options.name,
        topics: options.topics,
        dryRun: options.dryRun,
        onPhase: indicator.onPhase,
        makeCurrent: true,
      });
      // Not current: the checklist the commands still work on, for the line that says so.
      return { result: imported, workedOn: imported.current ? null : await workedOnChecklist(app) };
    });
    indicator.done();
    if (ctx.json) printJson(result);
    else printLines([...renderImport(result, ctx.color), ...notCurrentLine(result, workedOn)]);
  } finally {
    indicator.done();
  }
}
