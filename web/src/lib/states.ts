// Topic states as the UI names them, and their keyboard shortcuts.
import type { TopicState } from '../../../src/core/checklist/model.js';

export type { TopicState };

export const STATES: readonly TopicState[] = ['new', 'learning', 'known', 'skipped'];

export const STATE_LABEL: Record<TopicState, string> = {
  new: 'New',
  learning: 'Learning',
  known: 'Known',
  skipped: 'Skipped',
};

/** One click on the state button walks the study path; skipping is a deliberate choice in the menu. */
export function nextState(state: TopicState): TopicState {
  if (state === 'new') return 'learning';
  if (state === 'learning') return 'known';
  return 'new';
}

/** 1-4 by position; n, l, s by initial; x for known because k moves up the list. */
export const STATE_KEYS: Record<string, TopicState> = {
  '1': 'new',
  '2': 'learning',
  '3': 'known',
  '4': 'skipped',
  n: 'new',
  l: 'learning',
  x: 'known',
  s: 'skipped',
};

export const CONFIDENCE_LABEL = ['', 'Shaky', 'Getting there', 'Solid', 'Could teach it'] as const;
