// The file writer: a file the user made read-only is refused unless forced, temp files a killed prepdeck left are
// cleaned, and a folder that can't be written is one line saying so (issue "Hardening" #10, #11, #12).
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fingerprintOf, FileNotWritableError, replaceFile } from '../../../src/app/write-back/file-writer.js';
import { ConflictError } from '../../../src/core/errors.js';
import { makeUnwritable } from './read-only.js';

describe('the file writer', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'prepdeck-writer-'));
    file = join(dir, 'plan.md');
    writeFileSync(file, 'old\n');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const replace = async (options: { force?: boolean } = {}) =>
    replaceFile(file, Buffer.from('new\n'), { expected: await fingerprintOf(file, readFileSync(file)), label: 'plan.md', ...options });

  it('refuses a file the user made read-only, whoever runs it (the mode bits decide), and writes it with force, still read-only', async () => {
    chmodSync(file, 0o444);
    const refused = replace();
    await expect(refused).rejects.toThrow(FileNotWritableError);
    await expect(refused).rejects.toThrow(ConflictError);
    await expect(refused).rejects.toThrow(
      /^plan\.md is read-only, so prepdeck leaves it as it is; make it writable \(chmod u\+w\), or give --force to write it anyway; nothing was written$/,
    );
    expect(readFileSync(file, 'utf8')).toBe('old\n');
    expect(await replace({ force: true })).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe('new\n');
    expect(statSync(file).mode & 0o777).toBe(0o444);
  });

  it("removes the temp files of a prepdeck process that is gone, and no one else's", async () => {
    const gone = spawnSync(process.execPath, ['-e', '']).pid;
    const leftByKill = `.plan.md.prepdeck-${gone}-0a1b2c3d.tmp`;
    const otherFile = `.notes.md.prepdeck-${gone}-deadbeef.tmp`;
    const running = `.plan.md.prepdeck-${process.ppid}-00ff00ff.tmp`;
    const editors = ['.plan.md.swp', 'plan.md~'];
    for (const name of [leftByKill, otherFile, running, ...editors]) writeFileSync(join(dir, name), 'x'.repeat(1024));
    expect(await replace()).toBe(true);
    expect(readdirSync(dir).sort()).toEqual([running, ...editors, 'plan.md'].sort());
  });

  it('fails with one line when the folder is not writable, and leaves the file and the folder as they were', async ({ skip }) => {
    const unwritable = makeUnwritable(dir);
    if ('skip' in unwritable) return skip(unwritable.skip);
    try {
      const attempt = replace();
      await expect(attempt).rejects.toThrow(FileNotWritableError);
      await expect(attempt).rejects.toThrow(
        /^cannot write plan\.md: permission denied \(E(ACCES|PERM)\); prepdeck writes the new version beside it, in .+, and renames it over the file: make that folder writable; nothing was written$/,
      );
    } finally {
      unwritable.undo();
    }
    expect(readdirSync(dir)).toEqual(['plan.md']);
    expect(readFileSync(file, 'utf8')).toBe('old\n');
  });
});
