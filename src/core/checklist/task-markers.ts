// A topic's state as a task marker in its file, and back. GFM has two markers, `[ ]` and `[x]`; Obsidian's Tasks
// plugin (and the editors that follow it) adds `[/]` for a task in progress and `[-]` for one cancelled, which say
// learning and skipped. prepdeck reads all four, and writes the last two only into a file that already uses them:
// GitHub and most editors show `[-]` as text, not as a box.
import type { TaskMarker, TopicState } from './model.js';

type Marker = Exclude<TaskMarker, 'none'>;

/** The character between the brackets, as prepdeck writes it (an `X` is read as `x`). */
const CHARACTER: Record<Marker, string> = { open: ' ', done: 'x', started: '/', cancelled: '-' };

/** A task marker at the start of an item's text: its character in group 1. */
export const TASK_MARKER = /^\[([ xX/-])\](?=[ \t]|$)/;

/** The marker a character between brackets stands for (one TASK_MARKER matched). */
export function markerOfCharacter(character: string): Marker {
  switch (character) {
    case ' ':
      return 'open';
    case '/':
      return 'started';
    case '-':
      return 'cancelled';
    default:
      return 'done';
  }
}

/** `[ ]`, `[x]`, `[/]` or `[-]`; '' for none. */
export function markerText(marker: TaskMarker): '' | `[${string}]` {
  return marker === 'none' ? '' : `[${CHARACTER[marker]}]`;
}

const STATE_SAID: Record<TaskMarker, TopicState | null> = { none: null, open: null, done: 'known', started: 'learning', cancelled: 'skipped' };

/** The state a marker says of its topic, or null for `[ ]` and no marker, which say none of their own. */
export function stateOfMarker(marker: TaskMarker): TopicState | null {
  return STATE_SAID[marker];
}

/** Whether a file writes `[/]` or `[-]` anywhere: only such a file gets them written. */
export function usesObsidianMarkers(markers: Iterable<TaskMarker>): boolean {
  for (const marker of markers) if (marker === 'started' || marker === 'cancelled') return true;
  return false;
}

/**
 * The marker that says `state` where a file has a marker: `[x]` for known; in a file that uses Obsidian's markers
 * `[/]` for learning and `[-]` for skipped; `[ ]` otherwise.
 */
export function markerOfState(state: TopicState, obsidian: boolean): Marker {
  if (state === 'known') return 'done';
  if (obsidian && state === 'learning') return 'started';
  if (obsidian && state === 'skipped') return 'cancelled';
  return 'open';
}
