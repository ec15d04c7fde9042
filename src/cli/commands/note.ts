import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { placeTopics, resolveTopic, writeTopicNotes } from '../../app/topics/topics.js';
import { cliTopicJson } from '../../app/topics/topic-json.js';
import type { TopicChangeJson } from '../../contract/topics.js';
import type { Topic } from '../../core/checklist/model.js';
import { InvalidInputError } from '../../core/errors.js';
import { printJson, printLines, UsageError } from '../output.js';
import type { CommandContext } from '../program.js';
import { withApp } from '../session.js';
import { elsewhereNote, topicScope, whereaboutsIn } from '../checklist.js';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Like `git commit`: the notes open in the user's editor, and what they save is kept. */
function editInEditor(current: string): string {
  const editor = process.env['VISUAL'] || process.env['EDITOR'];
  if (!editor) throw new InvalidInputError('no notes given: pass them as an argument, pipe them in, or set $EDITOR');
  const dir = mkdtempSync(join(tmpdir(), 'prepdeck-'));
  const file = join(dir, 'notes.md');
  try {
    writeFileSync(file, current);
    const result = spawnSync(`${editor} "${file}"`, { stdio: 'inherit', shell: true });
    if (result.status !== 0) throw new InvalidInputError(`the editor exited with status ${result.status}; notes left as they were`);
    return readFileSync(file, 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

interface NoteOptions {
  append?: boolean;
  clear?: boolean;
}

/** Empty input (`< /dev/null`, an editor saved empty) is a mistake far more often than a wish: only --clear erases. */
function checkedNotes(notes: string, reference: string): string {
  const trimmed = notes.replace(/\s+$/, '');
  if (trimmed.trim() === '') throw new InvalidInputError(`no notes given for '${reference}', so nothing changed; \`--clear\` erases them`);
  return trimmed;
}

/** The notes as an editor saves them: a trailing newline (or blank lines) is no change. */
const withoutTrailingSpace = (notes: string) => notes.replace(/\s+$/, '');

/** The notes to write, or null when they would not change (an editor closed as it opened, the same text again). */
export async function notesToWrite(current: Topic, text: string | undefined, options: NoteOptions, reference: string): Promise<string | null> {
  if (options.clear) return '';
  if (text === undefined && process.stdin.isTTY) {
    // Appending, the editor opens empty: the new paragraph alone, never the notes again after themselves.
    const opened = options.append ? '' : current.notes;
    const saved = editInEditor(opened);
    if (withoutTrailingSpace(saved) === withoutTrailingSpace(opened)) return null;
    return checkedNotes(saved, reference);
  }
  const notes = checkedNotes(text ?? (await readStdin()), reference);
  return !options.append && notes === current.notes ? null : notes;
}

export async function note(ctx: CommandContext, reference: string, text: string | undefined, options: NoteOptions): Promise<void> {
  if (options.clear && (text !== undefined || options.append)) throw new UsageError('--clear takes no notes and no --append: it erases them');
  const { topic, placed, changed, where } = await withApp(ctx, async (app) => {
    const current = await resolveTopic(app, reference, await topicScope(app, ctx, reference));
    // Where it sits, which its notes do not change.
    const [placed] = await placeTopics(app, [current]);
    const where = await whereaboutsIn(app, ctx, placed!.checklistName);
    const notes = await notesToWrite(current, text, options, reference);
    if (notes === null) return { topic: current, placed: placed!, changed: false, where };
    const written = await writeTopicNotes(app, String(current.id), notes, undefined, { append: options.append === true });
    return { topic: written, placed: placed!, changed: true, where };
  });
  if (ctx.json) {
    printJson({ topic: cliTopicJson({ ...placed, topic }), checklist: where.checklist } satisfies TopicChangeJson);
    return;
  }
  const done = !changed ? 'unchanged' : options.clear ? 'cleared' : `saved (${topic.notes.length} characters)`;
  printLines([`notes of #${topic.id} ${topic.text} ${done}${elsewhereNote(where, ctx.color)}`]);
}
