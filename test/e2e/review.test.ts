// `prepdeck review` end to end: the built bin, spawned without a terminal (the error, --json, --help) and,
// where util-linux `script` is there to give it one, under a real pseudo-terminal with keys typed into it.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReviewQueueJson } from '../../src/contract/review.js';
import { BIN, cliEnv, cliFor, type Cli } from './run-cli.js';

const CHECKLIST = `# Python
## Data model
- descriptors

  Built on \`__get__\` and \`__set__\`.
  - [HOWTO](https://docs.python.org/3/howto/descriptor.html)
- metaclasses
# Базы данных
- индексы и B-деревья
# Goals
- full remote
`;
const NO_TERMINAL = 'prepdeck: error: review needs a terminal to show cards and read keys; use --json to list what is due\n';

const SCRIPT = '/usr/bin/script';
/** util-linux `script` gives the CLI a pseudo-terminal; without it (or where it can't make one) that test is skipped. */
const hasPty = existsSync(SCRIPT) && spawnSync(SCRIPT, ['-qec', 'true', '/dev/null'], { stdio: 'ignore', timeout: 10_000 }).status === 0;

const STYLES = /\u001b\[[0-9;?]*[A-Za-z]/g;

/** The CLI under a pseudo-terminal: keys go in through `script`'s standard input, the screen comes out of its standard output. */
function inTerminal(cli: Cli, args: string[]) {
  const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  const command = [process.execPath, BIN, ...args].map(quote).join(' ');
  const child = spawn(SCRIPT, ['-qec', command, '/dev/null'], {
    env: cliEnv(cli.location, cli.home),
    cwd: cli.home,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let screen = '';
  child.stdout.on('data', (chunk: Buffer) => (screen += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (screen += chunk.toString('utf8')));
  const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  const exited = new Promise<number | null>((resolve) =>
    child.on('close', (code) => {
      clearTimeout(killer);
      resolve(code);
    }),
  );
  child.stdin.on('error', () => undefined);
  const text = () => screen.replace(STYLES, '').replace(/\r/g, '');
  return {
    text,
    exited,
    /** Waits for the screen to show `expected` (counting from `from`), then types `keys`. */
    async waitThenType(expected: RegExp, keys: string | null, from = 0): Promise<number> {
      const deadline = Date.now() + 15_000;
      while (!expected.test(text().slice(from))) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${expected}; the terminal shows:\n${text()}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const at = text().length;
      if (keys !== null) child.stdin.write(keys);
      return at;
    },
    close: () => child.stdin.end(),
  };
}

describe('prepdeck review', { timeout: 60_000 }, () => {
  let cli: Cli;
  beforeAll(async () => {
    cli = cliFor();
    writeFileSync(join(cli.home, 'prep.md'), CHECKLIST);
    const imported = await cli.run(['import', 'prep.md']);
    expect(imported.code, imported.stderr).toBe(0);
  }, 60_000);
  afterAll(() => cli?.dispose());

  it('without a terminal it fails with one line saying to use --json, and exit 1', async () => {
    const result = await cli.run(['review']);
    expect(result).toEqual({ code: 1, stdout: '', stderr: NO_TERMINAL });
  });

  it('without a terminal it fails before touching the database', async () => {
    const other = cliFor();
    try {
      expect(await other.run(['review'])).toMatchObject({ code: 1, stderr: NO_TERMINAL });
      expect(existsSync(other.location)).toBe(false);
    } finally {
      other.dispose();
    }
  });

  it('--json lists what is due, no terminal needed: counts, then each card with its topic, resources and four rating previews', async () => {
    const queue = await cli.json<ReviewQueueJson>(['review']);
    expect(queue).toMatchObject({
      checklist: 'prep',
      remaining: { new: 3, learning: 0, review: 0 },
      doneToday: { new: 0, review: 0 },
      nextDueAt: null,
    });
    expect(queue.day.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(queue.cards.map((c) => c.topic?.text)).toEqual(['descriptors', 'metaclasses', 'индексы и B-деревья']);
    const [first] = queue.cards;
    expect(first!.card).toMatchObject({ kind: 'topic', state: 'new', front: 'descriptors' });
    expect(first!.topic).toMatchObject({ section: ['Python', 'Data model'], details: 'Built on `__get__` and `__set__`.' });
    expect(first!.resources).toEqual([{ url: 'https://docs.python.org/3/howto/descriptor.html', title: 'HOWTO', clickable: true }]);
    expect(first!.ratings.map((r) => [r.rating, r.interval])).toEqual([
      [1, '1m'],
      [2, '6m'],
      [3, '10m'],
      [4, expect.stringMatching(/^\d+d$/)],
    ]);
  });

  it('--section scopes to sections whose path contains it, any case, any script; --limit caps the list', async () => {
    const scoped = await cli.json<ReviewQueueJson>(['review', '--section', 'БАЗЫ']);
    expect(scoped.cards.map((c) => c.topic?.text)).toEqual(['индексы и B-деревья']);
    expect(scoped.remaining.new).toBe(1);
    const limited = await cli.json<ReviewQueueJson>(['review', '--limit', '1', '-c', 'prep']);
    expect(limited.cards).toHaveLength(1);
    const missing = await cli.run(['review', '--section', 'kubernetes', '--json']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no section of 'prep' matches 'kubernetes'/);
  });

  it('a --limit that is not a whole number from 1 to 500 is misuse: exit 2', async () => {
    for (const bad of ['0', 'ten', '501']) {
      const result = await cli.run(['review', '--limit', bad]);
      expect(result.code, bad).toBe(2);
      expect(result.stderr).toMatch(/--limit must be a whole number from 1 to 500/);
    }
  });

  it('--help says what the keys do and gives examples', async () => {
    const help = await cli.run(['review', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/--section <fragment>/);
    expect(help.stdout).toMatch(/--limit <n>/);
    expect(help.stdout).toMatch(
      /Keys: space or enter shows the answer · 1 again · 2 hard · 3 good · 4 easy · u undoes the last answer · ↑ ↓ PgUp PgDn scroll/,
    );
    expect(help.stdout).toMatch(/Examples:\n {2}\$ prepdeck review\n/);
    expect(help.stdout).toContain('$ prepdeck review --json');
  });

  it('--plan --json with nothing planned now says why in planSummary, as the text does; without --plan it is null', async () => {
    const planned = await cli.json<ReviewQueueJson>(['review', '--plan']);
    expect(planned).toMatchObject({ cards: [], planSummary: 'No target yet: set the date of an interview to plan for.' });
    expect((await cli.json<ReviewQueueJson>(['review'])).planSummary).toBeNull();
  });

  it.skipIf(!hasPty)('--plan with nothing planned now says why (here, no target yet) instead of "no card is scheduled"', async () => {
    const term = inTerminal(cli, ['review', '--plan']);
    await term.waitThenType(
      /No target yet: set the date of an interview to plan for\.\n`prepdeck review` studies what is due today, plan or not\./,
      null,
    );
    term.close();
    expect(await term.exited).toBe(0);
    expect(term.text()).not.toContain('No card is scheduled yet');
  });

  it.skipIf(!hasPty)(
    'in a real terminal: the card, space to reveal, 3 to rate, u to undo it, q to quit with a summary; the answer is saved',
    async () => {
      const term = inTerminal(cli, ['review']);
      let at = await term.waitThenType(/Explain: descriptors[\s\S]*space show answer/, ' ');
      at = await term.waitThenType(/1 Again 1m · 2 Hard 6m · 3 Good 10m[\s\S]*1 again · 2 hard · 3 good · 4 easy · u undo · q quit/, '3', at);
      at = await term.waitThenType(/✓ Good · next in 10m[\s\S]*Explain: metaclasses/, 'u', at);
      at = await term.waitThenType(/↶ Undid Good on descriptors[\s\S]*Explain: descriptors/, ' ', at);
      at = await term.waitThenType(/1 Again 1m · 2 Hard 6m · 3 Good 10m/, '3', at);
      at = await term.waitThenType(/✓ Good · next in 10m[\s\S]*Explain: metaclasses/, 'q', at);
      await term.waitThenType(/Reviewed 1 card in \d+s: 0 again · 0 hard · 1 good · 0 easy/, null, at);
      term.close();
      expect(await term.exited).toBe(0);
      expect(term.text()).toContain('prep  3 new · 0 learning · 0 review');
      expect(term.text()).toContain('Built on __get__ and __set__.');
      const queue = await cli.json<ReviewQueueJson>(['review']);
      expect(queue.doneToday).toEqual({ new: 1, review: 0 });
      expect(queue.remaining).toEqual({ new: 2, learning: 1, review: 0 });
    },
  );
});
