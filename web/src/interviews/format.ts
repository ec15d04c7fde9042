// How rounds read on screen: their kind, when they are (in the round's zone and in the browser's; lib/dates.ts writes them).
import { useEffect, useState } from 'react';
import type { RoundJson, RoundOutcome } from '../../../src/contract/interviews.js';
import type { ROUND_KINDS as ROUND_KIND_LIST } from '../../../src/contract/vocabulary.js';
import { addDays, browserZone, formatDateTime, formatTime, knownZone, localDateOf } from '../lib/dates.js';

// The contract's lists are values the web may not import, only their types: each map names every word of its
// list, so the type-check fails when the contract adds one.
type RoundKindKey = (typeof ROUND_KIND_LIST)[number];
export const KIND_LABEL: Record<RoundKindKey, string> = {
  recruiter: 'Recruiter',
  technical: 'Technical',
  coding: 'Coding',
  'system-design': 'System design',
  behavioural: 'Behavioural',
  'take-home': 'Take-home',
  onsite: 'Onsite loop',
  'hiring-manager': 'Hiring manager',
  other: 'Other',
};
export const ROUND_KINDS = Object.keys(KIND_LABEL) as RoundKindKey[];

/** A kind's label; the user's own kinds (`pair-programming`) read as words. */
export function kindLabel(kind: string): string {
  if (kind in KIND_LABEL) return KIND_LABEL[kind as RoundKindKey];
  const words = kind.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** What the user types as a kind (`Pair programming`) as the key the API takes (`pair-programming`). */
export function kindKey(text: string): string {
  const known = ROUND_KINDS.find((k) => k === text || KIND_LABEL[k].toLowerCase() === text.trim().toLowerCase());
  if (known) return known;
  return text
    .trim()
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
}

export const OUTCOME_LABEL: Record<RoundOutcome, string> = { unknown: 'Outcome unknown', passed: 'Passed', failed: 'Failed' };
export const OUTCOMES = Object.keys(OUTCOME_LABEL) as RoundOutcome[];

export const SCORE_LABEL = { 1: 'Again', 2: 'Hard', 3: 'Good', 4: 'Easy' } as const;
export type Score = keyof typeof SCORE_LABEL;
export const SCORES = [1, 2, 3, 4] as const;

/** `Europe/Berlin` → `Berlin`, `America/Argentina/Buenos_Aires` → `Buenos Aires`. */
function zoneCity(zone: string): string {
  return (zone.split('/').pop() ?? zone).replace(/_/g, ' ');
}

/**
 * "Sun, Dec 20, 3:00 PM Berlin · 2:00 PM your time": the round in its own zone and, when the browser's zone reads
 * the instant otherwise, in the browser's (with its day when that differs too). Written by lib/dates.ts, in the
 * user's locale.
 */
export function roundWhen(round: Pick<RoundJson, 'startsAt' | 'timeZone'>, zone = browserZone()): { there: string; here: string | null } {
  if (!knownZone(round.timeZone)) return { there: `${formatDateTime(round.startsAt, { zone, weekday: true })} (${round.timeZone})`, here: null };
  const there = formatDateTime(round.startsAt, { zone: round.timeZone, weekday: true });
  if (there === formatDateTime(round.startsAt, { zone, weekday: true })) return { there: `${there} ${zoneCity(round.timeZone)}`, here: null };
  const sameDay = localDateOf(round.startsAt, round.timeZone) === localDateOf(round.startsAt, zone);
  const here = sameDay ? formatTime(round.startsAt, { zone }) : formatDateTime(round.startsAt, { zone, weekday: true });
  return { there: `${there} ${zoneCity(round.timeZone)}`, here: `${here} your time` };
}

/** The time now, ticking every `everyMs` (a countdown's minute). */
export function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), everyMs);
    return () => window.clearInterval(timer);
  }, [everyMs]);
  return now;
}

/** Every IANA zone the browser knows, for the zone picker. */
export function timeZones(): string[] {
  const supported = (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf;
  const zones = supported ? supported('timeZone') : [];
  return zones.includes('UTC') ? zones : [...zones, 'UTC'];
}

/**
 * A new round's local start as the form's datetime-local value takes it: tomorrow at 10:00 in its zone (the hunt's),
 * whose tomorrow may be the browser's today.
 */
export function defaultLocalStart(zone: string, now: number = Date.now()): string {
  return `${addDays(localDateOf(now, zone), 1)}T10:00`;
}

export function percent(ratio: number | null): string {
  return ratio === null ? '—' : `${Math.round(ratio * 100)}%`;
}

export const roundHref = (id: number, checklist: string | null) => (checklist ? `/rounds/${id}?c=${encodeURIComponent(checklist)}` : `/rounds/${id}`);

/** ASCII punctuation, what a backslash escapes in CommonMark. */
const ESCAPED = String.raw`\\([!-/:-@[-\x60{-~])`;
/** A code span: a run of backticks (the whole run), its text, and a closing run of the same length. */
const CODE_SPAN = String.raw`(?<!\x60)(\x60+)(?!\x60)([^]*?[^\x60])\2(?!\x60)`;
const KEPT = /\uE000(\d+)\uE001/g;

/**
 * A topic's inline Markdown title as plain text, for inside a link (a title's own links would nest in it):
 * `[text](url)` and `<url>` keep their text, emphasis and code marks go, escapes keep their character. Escapes and
 * code spans are read first, left to right as CommonMark does, and set aside, so that `\_\_slots\_\_` is
 * `__slots__` (not emphasis) and a code span's text stays as written.
 */
export function plainTitle(markdown: string): string {
  const kept: string[] = [];
  const keep = (text: string) => `\uE000${kept.push(text) - 1}\uE001`;
  let text = markdown.replace(new RegExp(`${ESCAPED}|${CODE_SPAN}`, 'g'), (_, escaped?: string, _ticks?: string, code?: string) => {
    if (escaped !== undefined) return keep(escaped);
    const inner = (code ?? '').replace(/\n/g, ' ');
    return keep(/^ .*[^ ].* $/s.test(inner) ? inner.slice(1, -1) : inner);
  });
  text = text.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/<((?:https?:|mailto:)[^>\s]+)>/gi, '$1');
  // Emphasis nests (`***both***`, `**a _b_**`): peel a layer at a time until none is left.
  for (let before = ''; before !== text;) {
    before = text;
    text = text.replace(/(\*\*|\*|~~)(?=\S)([^]*?\S)\1/g, '$2').replace(/(^|[^\p{L}\p{N}])(__?)(?=\S)([^]*?\S)\2(?![\p{L}\p{N}])/gu, '$1$3');
  }
  return text.replace(KEPT, (_, i: string) => kept[Number(i)] ?? '').trim();
}
