// Finding one thing a user names on the command line: by id, or by a fragment of its text.
import { AmbiguousError, NotFoundError } from '../errors.js';
import { searchText } from '../import/identity.js';

export interface ReferenceCandidate {
  id: number;
  /** What the fragment is matched against (company and role, a criterion's text). */
  text: string;
  /** How it is listed when the reference is ambiguous. */
  label: string;
  /** Archived ones match only when no active one does. */
  archived: boolean;
}

const ID = /^\d+$/u;

/**
 * The id `ref` names: an id itself, or the one candidate whose text holds every word of it (any case, any
 * script; "acme backend" finds "Acme" with the role "Backend engineer"). A text equal to `ref` wins over
 * texts that only contain it. `what` names the kind of thing in the messages, one and many ("criterion", "criteria").
 */
export function matchReference(
  ref: string,
  candidates: readonly ReferenceCandidate[],
  what: { one: string; many: string },
  listHint: string,
): number {
  const trimmed = ref.trim();
  if (ID.test(trimmed)) {
    const byId = candidates.find((c) => c.id === Number(trimmed));
    if (byId) return byId.id;
  }
  const words = searchText(trimmed)
    .split(/\s+/u)
    .filter((word) => word !== '');
  if (words.length === 0) throw new NotFoundError(`name the ${what.one} by its id or a word of it; ${listHint}`);
  const matching = candidates.filter((c) => {
    const text = searchText(c.text);
    return words.every((word) => text.includes(word));
  });
  const active = matching.filter((c) => !c.archived);
  const pool = active.length > 0 ? active : matching;
  if (pool.length === 0) throw new NotFoundError(`no ${what.one} matches '${trimmed}'; ${listHint}`);
  if (pool.length === 1) return pool[0]!.id;
  const whole = words.join(' ');
  const exact = pool.filter((c) => searchText(c.text).split(/\s+/u).join(' ') === whole);
  if (exact.length === 1) return exact[0]!.id;
  throw new AmbiguousError(
    `'${trimmed}' matches ${pool.length} ${what.many}; name one by its id`,
    pool.map((c) => ({ id: c.id, label: c.label })),
  );
}
