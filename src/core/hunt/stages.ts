// The hunt's stages: keys for new ones, their order, and what a move of an application allows.
import { ConflictError, InvalidInputError } from '../errors.js';

export interface Stage {
  key: string;
  label: string;
  outcome: boolean;
}

const KEY_LENGTH = 40;

/**
 * A key for a new stage labelled `label`: its Latin letters and digits in lower case, made unique in `taken`;
 * `fallback` when it has none (a competency's key is made the same way).
 */
export function stageKeyFor(label: string, taken: readonly string[], fallback = 'stage'): string {
  const slug =
    label
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/gu, '-')
      .replace(/^-+|-+$/gu, '')
      .slice(0, KEY_LENGTH)
      .replace(/-+$/u, '') || fallback;
  const used = new Set(taken);
  if (!used.has(slug)) return slug;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const key = slug.slice(0, KEY_LENGTH - suffix.length).replace(/-+$/u, '') + suffix;
    if (!used.has(key)) return key;
  }
}

/** Refuses an unknown stage key, naming `field` and listing the known ones. */
export function checkStage(stages: readonly Stage[], key: string, field: string): Stage {
  const stage = stages.find((s) => s.key === key);
  if (!stage) throw new InvalidInputError(`${field}: there is no stage '${key}'; use one of: ${stages.map((s) => s.key).join(', ')}`);
  return stage;
}

/**
 * Checks a move of an application now in `current` to `to`. `from` is the stage the mover saw: when it has
 * changed since, the move was meant for another state and is refused rather than silently applied. A jump over
 * stages or a move back is allowed: the history records it.
 */
export function checkMove(stages: readonly Stage[], current: string, move: { to: string; from?: string | undefined }): Stage {
  const target = checkStage(stages, move.to, 'to');
  if (move.from !== undefined && move.from !== current) {
    throw new ConflictError(
      `the application moved to ${labelOf(stages, current)} meanwhile: reload it (the move was made from ${labelOf(stages, move.from)})`,
    );
  }
  if (move.to === current) throw new InvalidInputError(`to: the application is already in ${target.label}`);
  return target;
}

function labelOf(stages: readonly Stage[], key: string): string {
  return stages.find((s) => s.key === key)?.label ?? key;
}

/** `keys` with `key` moved to index `position` (past the end: last). */
export function reorder(keys: readonly string[], key: string, position: number): string[] {
  const rest = keys.filter((k) => k !== key);
  const index = Math.max(0, Math.min(position, rest.length));
  return [...rest.slice(0, index), key, ...rest.slice(index)];
}

/** Where a new stage goes: before `before` (refused naming `before` when unknown), or last. */
export function insertionIndex(stages: readonly Stage[], before: string | undefined): number {
  if (before === undefined) return stages.length;
  checkStage(stages, before, 'before');
  return stages.findIndex((s) => s.key === before);
}
