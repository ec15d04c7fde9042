import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveTopic, writeTopicNotes } from '../../app/topics/topics.js';
import { InvalidInputError } from '../../core/errors.js';
import { printJson, printLines, UsageError } from '../output.js';
import type { CommandContext } from '../program.js';
import { withApp } from '../session.js';
import { topicScope } from '../checklist.js';

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

export async function note(ctx: CommandContext, reference: string, text: string | undefined, options: NoteOptions): Promise<void> {
  if (options.clear && (text !== undefined || options.append)) throw new UsageError('--clear takes no notes and no --append: it erases them');
  const topic = await withApp(ctx, async (app) => {
    const current = await resolveTopic(app, reference, await topicScope(app, ctx, reference));
    const notes = options.clear ? '' : checkedNotes(text ?? (process.stdin.isTTY ? editInEditor(current.notes) : await readStdin()), reference);
    return writeTopicNotes(app, String(current.id), notes, undefined, { append: options.append === true });
  });
  if (ctx.json) printJson({ topic });
  else if (options.clear) printLines([`notes of #${topic.id} ${topic.text} cleared`]);
  else printLines([`notes of #${topic.id} ${topic.text} saved (${topic.notes.length} characters)`]);
}
