// `prepdeck note` with $EDITOR: an editor closed as it opened writes nothing; appending opens it empty.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { notesToWrite } from '../../src/cli/commands/note.js';
import type { Topic } from '../../src/core/checklist/model.js';

const topic = (notes: string) => ({ id: 171, text: 'descriptors', notes }) as Topic;

describe('notes written in $EDITOR', () => {
  let wasTTY: boolean | undefined;
  beforeEach(() => {
    // The editor opens only at a terminal.
    wasTTY = process.stdin.isTTY;
    process.stdin.isTTY = true;
  });
  afterEach(() => {
    process.stdin.isTTY = wasTTY as boolean;
    vi.unstubAllEnvs();
  });

  it('closed without a change (or with only a trailing newline added), writes nothing', async () => {
    vi.stubEnv('VISUAL', '');
    vi.stubEnv('EDITOR', 'true');
    expect(await notesToWrite(topic('the protocol: get, set, delete'), undefined, {}, '171')).toBeNull();
    expect(await notesToWrite(topic(''), undefined, {}, '171')).toBeNull();
    expect(await notesToWrite(topic('x'), undefined, { append: true }, '171')).toBeNull();
    vi.stubEnv('EDITOR', `sh -c 'echo >> "$0"'`);
    expect(await notesToWrite(topic('the protocol'), undefined, {}, '171')).toBeNull();
  });

  it('saves what the editor saved; appending, only the new paragraph, never the notes again', async () => {
    vi.stubEnv('VISUAL', '');
    vi.stubEnv('EDITOR', `sh -c 'printf "and __set_name__\\n" >> "$0"'`);
    expect(await notesToWrite(topic('the protocol\n'), undefined, {}, '171')).toBe('the protocol\nand __set_name__');
    expect(await notesToWrite(topic('the protocol'), undefined, { append: true }, '171')).toBe('and __set_name__');
    // Saved empty, the notes are not erased: only --clear does that.
    vi.stubEnv('EDITOR', `sh -c ': > "$0"'`);
    await expect(notesToWrite(topic('the protocol'), undefined, {}, '171')).rejects.toThrow(/no notes given for '171', so nothing changed/);
  });

  it('given as an argument, the same notes again are no change; appended, they are', async () => {
    expect(await notesToWrite(topic('same'), 'same', {}, '171')).toBeNull();
    expect(await notesToWrite(topic('same'), 'same', { append: true }, '171')).toBe('same');
    expect(await notesToWrite(topic('same'), undefined, { clear: true }, '171')).toBe('');
  });
});
