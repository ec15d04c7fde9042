// The nearest of some names to what was typed, for "did you mean" lines: fuse.js's Bitap scoring, not a hand-kept distance.
import Fuse from 'fuse.js';

/** How far off a typo may be (fuse.js's 0-1 score) and still be suggested: `knwon` for `known` scores 0.4. */
const THRESHOLD = 0.45;

/** The candidate nearest to `typed`, or null when none is near enough to suggest. */
export function nearest(typed: string, candidates: readonly string[]): string | null {
  if (typed.trim() === '' || candidates.length === 0) return null;
  const [best] = new Fuse(candidates, { threshold: THRESHOLD, ignoreLocation: true }).search(typed, { limit: 1 });
  return best?.item ?? null;
}

/** ` (did you mean 'known'?)`, or nothing when nothing is near. */
export function didYouMean(typed: string, candidates: readonly string[]): string {
  const near = nearest(typed, candidates);
  return near === null ? '' : `; did you mean '${near}'?`;
}
