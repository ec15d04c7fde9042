// Shared set-up for the edge-case tests: a checklist imported from text, a temp directory.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppContext } from '../../src/app/context.js';
import { checklistFromUpload, importChecklist } from '../../src/app/import/import-checklist.js';

export const START = '2026-11-20T09:00:00.000Z';

export const load = (ctx: AppContext, text: string, name = 'plan.md') => importChecklist(ctx, { file: checklistFromUpload(text, name) });

export function tempDir(): { dir: string; done: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'prepdeck-edge-'));
  return { dir, done: () => rmSync(dir, { recursive: true, force: true }) };
}
