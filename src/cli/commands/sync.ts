import { readChecklistFile } from '../../app/import/import-checklist.js';
import { checklistNameOption } from '../checklist.js';
import { syncChecklist, type SyncResult } from '../../app/write-back/sync.js';
import { watchChecklist } from '../../app/write-back/watch.js';
import { backupFolder, resolveDatabaseLocation } from '../../app/location.js';
import { writeBackChecklist, type WriteBackReport } from '../../app/write-back/write-back.js';
import { PrepdeckError } from '../../core/errors.js';
import type { TopicsMode } from '../../core/checklist/model.js';
import type { SkippedAs } from '../../core/write-back/markers.js';
import { printJson, printLines, UsageError, type Colors } from '../output.js';
import type { CommandContext } from '../program.js';
import { plural } from '../render.js';
import { withApp } from '../session.js';
import { editsClause, movedLine, renderImport } from './import.js';

interface SyncOptions {
  name?: string;
  write?: boolean;
  all?: boolean;
  cards?: boolean;
  skipped?: SkippedAs;
  force?: boolean;
  topics?: TopicsMode | 'auto';
  dryRun?: boolean;
  watch?: boolean;
}

/** A sync runs again and again: the duplicates are counted, not listed each time. */
const BRIEF = { listDuplicates: false };

/** Edits listed one per line up to this many; the rest are counted. */
const MAX_LISTED = 20;

function checkOptions(options: SyncOptions): void {
  if (!options.write && (options.all || options.cards || options.force || options.skipped !== undefined)) {
    throw new UsageError(`--${options.all ? 'all' : options.cards ? 'cards' : options.force ? 'force' : 'skipped'} only applies with --write`);
  }
  if (options.watch && (options.write || options.dryRun)) {
    throw new UsageError(`--watch only brings the file's edits in; it can't be combined with --${options.write ? 'write' : 'dry-run'}`);
  }
}

function renderDiff(diff: string, c: Colors): string[] {
  return diff
    .replace(/\n$/, '')
    .split('\n')
    .map((line) => (line.startsWith('@@') ? c.cyan(line) : line.startsWith('-') ? c.red(line) : line.startsWith('+') ? c.green(line) : line));
}

function renderTicks(result: SyncResult['readIn']): string[] {
  return result.changes.retick.map((t) => `    ${t.state === 'known' ? 'ticked' : 'unticked'} in the file #${t.id} ${t.title}: now ${t.state}`);
}

export function renderWriteBack(file: string, report: WriteBackReport, c: Colors): string[] {
  const lines: string[] = [];
  for (const meanwhile of report.changedMeanwhile) {
    lines.push(c.yellow(`${file} changed while prepdeck was writing it; its new edits were brought in first:`));
    lines.push(...renderImport(meanwhile, c, BRIEF).map((l) => `  ${l}`), ...renderTicks(meanwhile));
  }
  const count = [
    ...(report.edits.length > 0 || (report.cards.length === 0 && report.topics.length === 0) ? [plural(report.edits.length, 'marker')] : []),
    ...(report.cards.length > 0 ? [plural(report.cards.length, 'card')] : []),
    ...(report.topics.length > 0 ? [plural(report.topics.length, 'topic')] : []),
  ].join(' and ');
  if (report.edits.length === 0 && report.cards.length === 0 && report.topics.length === 0) {
    lines.push(`${file}: every marker already matches; nothing to write`);
  } else if (report.dryRun) lines.push(...renderDiff(report.diff, c), `would write ${count} into ${file} (dry run: nothing written)`);
  else {
    lines.push(`wrote ${count} into ${file}`);
    for (const edit of report.edits.slice(0, MAX_LISTED)) {
      lines.push(
        `  line ${edit.line}: ${edit.from || '(none)'} → ${edit.to} ${edit.title}${edit.topicId === null ? '' : c.dim(` #${edit.topicId}`)}`,
      );
    }
    if (report.edits.length > MAX_LISTED) lines.push(c.dim(`  … and ${report.edits.length - MAX_LISTED} more`));
    for (const card of report.cards.slice(0, MAX_LISTED))
      lines.push(`  line ${card.line}: ${c.dim(`card ${card.cardId}`)} ${card.front} (under ${card.topic})`);
    if (report.cards.length > MAX_LISTED) lines.push(c.dim(`  … and ${report.cards.length - MAX_LISTED} more cards`));
    for (const topic of report.topics.slice(0, MAX_LISTED))
      lines.push(
        `  line ${topic.line}: ${topic.marker ? `${topic.marker} ` : ''}${topic.title}${c.dim(` #${topic.topicId}`)} (last in ${topic.section.join(' > ')})`,
      );
    if (report.topics.length > MAX_LISTED) lines.push(c.dim(`  … and ${report.topics.length - MAX_LISTED} more topics`));
    if (report.backup) lines.push(`  the previous version is kept in ${report.backup}`);
  }
  for (const warning of report.warnings) lines.push(c.yellow(`  warning: ${warning}`));
  return lines;
}

/** One line per file change while watching (plus what changed, indented). */
function renderChange(result: SyncResult, c: Colors): string[] {
  const { changes } = result.readIn;
  const time = new Date().toTimeString().slice(0, 8);
  const counts = [
    `${changes.added.length} added`,
    `${changes.renamed.length} renamed`,
    `${changes.moved.length} moved`,
    `${changes.archived.length} archived`,
    `${changes.restored.length} restored`,
    `${plural(changes.retick.length, 'tick')} followed`,
  ].join(', ');
  const lines = [`${c.dim(time)} ${result.file} changed: ${counts}${editsClause(changes)}`];
  for (const r of changes.renamed) lines.push(`    renamed #${r.id}: ${r.from} → ${r.to}`);
  for (const m of changes.moved) lines.push(movedLine(m));
  for (const a of changes.archived) lines.push(`    archived #${a.id}: ${a.title}`);
  for (const a of changes.restored) lines.push(`    restored #${a.id}: ${a.title}`);
  for (const a of changes.added) lines.push(`    added: ${a.title}`);
  return [...lines, ...renderTicks(result.readIn)];
}

export async function sync(ctx: CommandContext, file: string, options: SyncOptions): Promise<void> {
  checkOptions(options);
  const name = checklistNameOption(ctx, options);
  // Read and check the file first: a refused file must not even create the database.
  const checked = await readChecklistFile(file);
  const input = { path: file, file: checked, name, topics: options.topics, dryRun: options.dryRun };
  // No check for 'no checklist yet' first: 'FILE was never imported; run `prepdeck import FILE` first' says more.
  await withApp(ctx, async (app) => {
    if (options.write) {
      const result = await writeBackChecklist(app, {
        ...input,
        all: options.all,
        cards: options.cards,
        skipped: options.skipped,
        force: options.force,
        backupDir: backupFolder(resolveDatabaseLocation({ flag: ctx.dbFlag, env: process.env }), process.env),
      });
      if (ctx.json) printJson(result);
      else
        printLines([
          ...renderImport(result.readIn, ctx.color, BRIEF),
          ...renderTicks(result.readIn),
          ...renderWriteBack(file, result.writeBack, ctx.color),
        ]);
      return;
    }
    const result = await syncChecklist(app, input);
    if (!options.watch) {
      if (ctx.json) printJson(result);
      else printLines([...renderImport(result.readIn, ctx.color, BRIEF), ...renderTicks(result.readIn)]);
      return;
    }
    // Watching: one JSON object per line, so that a script can read each change as it comes.
    if (ctx.json) printLines([JSON.stringify(result)]);
    else printLines([...renderImport(result.readIn, ctx.color, BRIEF), ...renderTicks(result.readIn)]);
    const stop = new AbortController();
    const onSignal = () => stop.abort();
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    try {
      await watchChecklist(
        app,
        { ...input, file: undefined },
        {
          onReady: () => process.stderr.write(ctx.color.dim(`watching ${file} for changes; Ctrl+C stops\n`)),
          onChange: (change) => printLines(ctx.json ? [JSON.stringify(change)] : renderChange(change, ctx.color)),
          onError: (error) => {
            const message = error instanceof PrepdeckError ? error.message : error instanceof Error ? error.message : String(error);
            process.stderr.write(`${ctx.color.yellow('prepdeck: warning:')} ${message}; still watching\n`);
          },
        },
        stop.signal,
      );
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    }
  });
}
