// Which section a user means when they name one: by its whole path (`Python > Core`, `Python/Core`) or by its title
// alone (`Databases`), in any case and script. A round names the sections it is about this way, and a topic added in
// prepdeck names the section it goes into.
import { AmbiguousError, NotFoundError } from '../errors.js';
import { normalizeText } from '../import/identity.js';

/** A section as a reference is matched against: its id, and its titles from the top level down. */
export interface NamedSection {
  id: number;
  path: readonly string[];
}

/** `Python > Core`, `Python / Core` and `python/core` alike: normalized titles joined by ` / `. */
function loosePath(parts: readonly string[]): string {
  return parts
    .flatMap((part) => part.split(/\s*(?:>|\/)\s*/u))
    .map((part) => normalizeText(part))
    .filter(Boolean)
    .join(' / ');
}

const shown = (section: NamedSection) => section.path.join(' > ');

/**
 * The section `ref` names: the one whose whole path it is; else the one whose title it is (the shallowest, when a
 * nested section has the same title as a top-level one, as `Other` and `Python > Core > Other` do); else the only
 * one whose path holds it. NotFoundError when none does, AmbiguousError (listing them) when several do equally.
 */
export function findSection<S extends NamedSection>(sections: readonly S[], ref: string, where: string): S {
  const wanted = loosePath([ref]);
  if (wanted === '') throw new NotFoundError(`a section is named by its title or path; '${ref}' names none`);
  const paths = sections.map((section) => ({ section, loose: loosePath(section.path) }));
  const exact = paths.filter(({ loose }) => loose === wanted);
  if (exact.length === 1) return exact[0]!.section;

  const titled = paths.filter(({ section }) => loosePath(section.path.slice(-1)) === wanted).map(({ section }) => section);
  if (titled.length > 0) {
    const depth = Math.min(...titled.map((section) => section.path.length));
    const shallowest = titled.filter((section) => section.path.length === depth);
    if (shallowest.length === 1) return shallowest[0]!;
    throw ambiguous(ref, shallowest);
  }
  const holding = paths.filter(({ loose }) => loose.includes(wanted)).map(({ section }) => section);
  if (holding.length === 1) return holding[0]!;
  if (holding.length > 1) throw ambiguous(ref, holding);
  throw new NotFoundError(`no section of ${where} is named '${ref}'; ${someSections(sections)}`);
}

/** How many top-level sections a refusal names when none is near what was typed. */
const SECTIONS_NAMED = 8;

/** `its top-level sections are Python, Databases, Go (\`prepdeck list\` shows them all)`: where to look, in the same line. */
function someSections(sections: readonly NamedSection[]): string {
  const top = sections.filter((section) => section.path.length === 1).map((section) => section.path[0]!);
  const hint = '`prepdeck list` shows them all';
  if (top.length === 0) return hint;
  // `and 1 more` would take the room of the one it stands for.
  const shown = top.length > SECTIONS_NAMED + 1 ? SECTIONS_NAMED : top.length;
  const named = top.slice(0, shown).join(', ');
  const more = top.length > shown ? ` and ${top.length - shown} more` : '';
  return `its top-level sections are ${named}${more} (${hint})`;
}

function ambiguous(ref: string, sections: readonly NamedSection[]): AmbiguousError {
  return new AmbiguousError(
    `'${ref}' names ${sections.length} sections (${sections.map(shown).join('; ')}); write its path, e.g. '${shown(sections[0]!)}'`,
    sections.map((section) => ({ id: section.id, label: shown(section) })),
  );
}
