// The nearest of some names to what was typed, for "did you mean" lines: fuse.js's Bitap scoring, not a hand-kept distance.
import Fuse from 'fuse.js';
import { findSection, type NamedSection } from '../core/checklist/section-ref.js';
import { AmbiguousError, InvalidInputError, NotFoundError } from '../core/errors.js';
import { normalizeText } from '../core/import/identity.js';
import { unknownState } from '../core/validate.js';
import { STATE_WORDS } from '../contract/vocabulary.js';

/** How far off a typo may be (fuse.js's 0-1 score) and still be suggested: `knwon` for `known` scores 0.4. */
const THRESHOLD = 0.45;

/**
 * How many of the typed characters a suggestion may get wrong (fuse.js's errors): two, a transposition (`knwon`), and
 * more only in longer words. Without it, fuse.js's score (errors over the length) would let four of nine characters
 * go wrong, and `Nosection` suggest `Collections` for sharing `ection`.
 */
const allowedErrors = (length: number): number => Math.max(2, Math.floor(length / 5));

/** Whether `candidate` is near `typed` in the sense of `allowedErrors`: fuse.js's score unweighted by the candidate's words is errors over length. */
function isNear(typed: string, candidate: string): boolean {
  const [match] = new Fuse([candidate], { threshold: 1, ignoreLocation: true, ignoreFieldNorm: true, includeScore: true }).search(typed);
  return match?.score !== undefined && match.score * typed.length <= allowedErrors(typed.length) + 1e-9;
}

/** The candidate nearest to `typed`, or null when none is near enough to suggest. */
export function nearest(typed: string, candidates: readonly string[]): string | null {
  if (typed.trim() === '' || candidates.length === 0) return null;
  // Best first, as fuse.js ranks them; the first that is near, so a far one ranked best never hides a near one.
  const found = new Fuse(candidates, { threshold: THRESHOLD, ignoreLocation: true }).search(typed);
  return found.find(({ item }) => isNear(typed, item))?.item ?? null;
}

/** Markdown's emphasis and code punctuation, which a title typed from memory leaves out (`slots` for `__slots__`). */
const MARKDOWN_PUNCTUATION = /[_*`]+/gu;

/**
 * What a typed reference is compared with: a title's words without Markdown's punctuation (`_`, `*`, backticks),
 * normalised as titles compare: `__slots__ and memory` is `slots and memory`, and `snake_case` is `snake case`. A key
 * for lookups, not the title as shown (the web's interviews/format.ts#plainTitle reads the Markdown for that).
 */
export function titleLookupKey(text: string): string {
  return normalizeText(text.replace(MARKDOWN_PUNCTUATION, ' '));
}

/** The title nearest to `typed`, compared without Markdown's punctuation (`slots and memroy` is near `__slots__ and memory`). */
export function nearestTitle(typed: string, titles: readonly string[]): string | null {
  const byPlain = new Map<string, string>();
  for (const title of titles) if (!byPlain.has(titleLookupKey(title))) byPlain.set(titleLookupKey(title), title);
  const near = nearest(titleLookupKey(typed), [...byPlain.keys()]);
  return near === null ? null : byPlain.get(near)!;
}

/** ` (did you mean 'known'?)`, or nothing when nothing is near. */
export function didYouMean(typed: string, candidates: readonly string[]): string {
  const near = nearest(typed, candidates);
  return near === null ? '' : `; did you mean '${near}'?`;
}

/** A state refused in the one wording (core/validate.ts#unknownState), naming the nearest word a state may be written as. */
export function stateRefusal(value: string): string {
  return unknownState(value, nearest(value, STATE_WORDS));
}

/** Titles as a section reference reads them: split at `>` or `/` (`Python/Core`), joined as paths are shown. */
const pathWords = (parts: readonly string[]): string =>
  parts
    .flatMap((part) => part.split(/\s*(?:>|\/)\s*/u))
    .map((part) => part.trim())
    .filter(Boolean)
    .join(' > ');

/**
 * The section nearest to `ref`, written as the user would write it to name that section: its title, or its path
 * when another section has the same title; always its path when `ref` is a path (`Pyton > Core`). Null when none is near.
 */
function nearestSection(sections: readonly NamedSection[], ref: string): string | null {
  const typed = pathWords([ref]);
  const titleOf = (section: NamedSection) => normalizeText(section.path.at(-1) ?? '');
  const titled = new Map<string, number>();
  for (const section of sections) titled.set(titleOf(section), (titled.get(titleOf(section)) ?? 0) + 1);
  // Keyed by the words fuse.js compares, `CI/CD` as `CI > CD` as the typed reference is read.
  const byWords = new Map<string, string>();
  for (const section of sections) {
    const shown = typed.includes(' > ') || titled.get(titleOf(section))! > 1 ? section.path.join(' > ') : (section.path.at(-1) ?? '');
    byWords.set(pathWords([shown]), shown);
  }
  const near = nearest(typed, [...byWords.keys()]);
  return near === null ? null : byWords.get(near)!;
}

/**
 * The section `ref` names in `sections` of the checklist `checklist` (core/checklist/section-ref.ts#findSection), for
 * the request's field `field`: one that names none is bad input naming the field, with the nearest section
 * suggested in the same line; an ambiguous one too, unless `listCandidates` keeps its AmbiguousError (a 409 listing
 * the sections to pick from).
 */
export function sectionForField<S extends NamedSection>(
  sections: readonly S[],
  ref: string,
  where: { checklist: string; field: string; listCandidates?: boolean },
): S {
  try {
    return findSection(sections, ref, `'${where.checklist}'`);
  } catch (error) {
    if (error instanceof NotFoundError) {
      const near = nearestSection(sections, ref);
      const message = near === null ? error.message : `no section of '${where.checklist}' is named '${ref}'; did you mean '${near}'?`;
      throw new InvalidInputError(`${where.field}: ${message}`);
    }
    if (error instanceof AmbiguousError && !where.listCandidates) throw new InvalidInputError(`${where.field}: ${error.message}`);
    throw error;
  }
}
