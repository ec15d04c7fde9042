// A line one page leaves for the next it navigates to (a topic removed: the checklist says so), shown once.

let left: { path: string; text: string } | null = null;

/** Leaves `text` for the page at `path` (its pathname), replacing any line not shown yet. */
export function leaveNotice(path: string, text: string): void {
  left = { path, text };
}

/** The line left for `path`, if any; read while rendering (twice in Strict Mode), so taken apart with `clearNotice`. */
export function noticeFor(path: string): string | null {
  return left?.path === path ? left.text : null;
}

/** Once shown: a later visit shows none. */
export function clearNotice(): void {
  left = null;
}
