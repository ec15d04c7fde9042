// `--kind` of `rounds` and `gaps`: a kind that names no round is a typo of the option's value, misuse (exit 2), in the
// app's own words (app/interviews/rounds.ts#refuseUnknownKind, which the API answers with a 400).
import type { AppContext } from '../../app/context.js';
import { refuseUnknownKind } from '../../app/interviews/rounds.js';
import { InvalidInputError } from '../../core/errors.js';
import { UsageError } from '../output.js';

export async function refuseUnknownKindOption(app: AppContext, kind: string | undefined, listed: number): Promise<void> {
  try {
    await refuseUnknownKind(app, kind, listed);
  } catch (error) {
    throw error instanceof InvalidInputError ? new UsageError(error.message.replace(/^kind:/u, '--kind:')) : error;
  }
}
