// Counts in words: "1 topic", "2 topics", "1 entry", "3 entries".

/** `n` with the singular or plural noun; the plural defaults to the noun plus "s". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${noun(n, one, many)}`;
}

/** The noun alone, for when the number is styled apart from it. */
export function noun(n: number, one: string, many = `${one}s`): string {
  return n === 1 ? one : many;
}
