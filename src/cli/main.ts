#!/usr/bin/env node
// The bin. `--version` answers before anything heavy loads, so the CLI starts as fast as node itself.
import { readVersion } from './version.js';

// `prepdeck list | head` closes the pipe early: the reader has what it wanted, so stop quietly, like ls does.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  process.stdout.write(`${readVersion()}\n`);
} else {
  const { run } = await import('./program.js');
  process.exitCode = await run(process.argv);
}
