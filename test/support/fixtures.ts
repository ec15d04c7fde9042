// Where test inputs live. The user's own checklist sits in ../shared beside the repo: tests that
// read it run whenever it is there, and CI (CI=true) fails rather than skipping them.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const USER_FIXTURE = fileURLToPath(new URL('../../../shared/fixtures/job-interview-checklist.md', import.meta.url));
export const EXAMPLE_CHECKLIST = fileURLToPath(new URL('../../examples/interview-prep.md', import.meta.url));

export function fixturePath(name: string): string {
  return fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
}

export function readFixture(name: string): string {
  return readFileSync(fixturePath(name), 'utf8');
}

export const hasUserFixture = existsSync(USER_FIXTURE);
if (!hasUserFixture && process.env['CI'] === 'true') {
  throw new Error(`CI needs the user's checklist at ${USER_FIXTURE} (../shared/fixtures beside the clone)`);
}
if (!hasUserFixture) console.warn(`skipping tests of the user's checklist: ${USER_FIXTURE} is not there`);
