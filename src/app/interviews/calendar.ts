// Every round as an iCalendar event (RFC 5545), with ical-generator and the VTIMEZONE blocks of
// @touch4it/ical-timezones: DTSTART/DTEND in the round's own zone, and a stable UID per round with a SEQUENCE that
// grows with each change, so that importing the file again updates the same events instead of adding copies; a round
// of an application closed or archived before it is CANCELLED.
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalEventStatus, type ICalDayJsStub } from 'ical-generator';
import type { RoundJson } from '../../contract/interviews.js';
import { wallClock } from '../../core/review/study-day.js';
import type { AppContext } from '../context.js';
import { readHunt } from '../../store/hunt/hunt.js';
import { readRounds } from '../../store/interviews/rounds.js';
import { roundJsons } from './round-json.js';
import { calledOffRounds } from './rounds.js';

/**
 * An instant as ical-generator formats a zoned time: given a plain Date and a zone it would write the Date in the
 * machine's own zone under the round's TZID; this writes the wall clock Intl gives in the zone asked for.
 */
function zoned(ms: number, timeZone: string | null): ICalDayJsStub {
  const wall = new Date(timeZone === null ? ms : wallClock(ms, timeZone)).toISOString();
  const digits = wall.replace(/[-:]/g, '');
  return {
    format: (format?: string) => (format === 'YYYYMMDD' ? digits.slice(0, 8) : format === 'HHmmss' ? digits.slice(9, 15) : wall),
    isValid: () => true,
    toDate: () => new Date(ms),
    toJSON: () => new Date(ms).toISOString(),
    tz: (zone?: string) => zoned(ms, zone ?? null),
    utc: () => zoned(ms, null),
  };
}

/** "Acme — Backend engineer (technical)". */
function eventSummary(round: RoundJson): string {
  return `${round.company}${round.role ? ` — ${round.role}` : ''} (${round.kind})`;
}

function description(round: RoundJson): string {
  const parts: string[] = [];
  if (round.sections.length > 0) parts.push(`Sections: ${round.sections.map((section) => section.path.join(' > ')).join('; ')}`);
  if (round.interviewers.length > 0) parts.push(`Interviewers: ${round.interviewers.map((person) => person.name).join(', ')}`);
  if (round.prepNotes.trim() !== '') parts.push(`Preparation:\n${round.prepNotes.trim()}`);
  return parts.join('\n\n');
}

/**
 * The event's SEQUENCE: the seconds from the round's creation to its last change (an edit, or its application closing
 * before it), so that each change numbers higher than the one before without a counter stored.
 */
export function eventSequence(createdAt: string, lastChange: string): number {
  return Math.max(0, Math.floor((Date.parse(lastChange) - Date.parse(createdAt)) / 1000));
}

/** The calendar of every round; the text ends with a CRLF, as every line of it (RFC 5545, 3.1). */
export async function roundsCalendar(ctx: AppContext): Promise<string> {
  const rows = await readRounds(ctx.store.db, {});
  const { stages } = await readHunt(ctx.store.db);
  const rounds = roundJsons(rows);
  const off = await calledOffRounds(ctx.store.db, rows, stages);
  const calendar = ical({
    prodId: { company: 'prepdeck', product: 'prepdeck', language: 'EN' },
    name: 'prepdeck interviews',
    timezone: { name: null, generator: getVtimezoneComponent },
  });
  for (const [i, round] of [...rounds.entries()].reverse()) {
    const start = Date.parse(round.startsAt);
    const row = rows.rounds[i]!;
    // Its application's changes count too, whether they called the round off or back on, and so does a question logged
    // (a round with one took place): a calendar takes an event again only with a higher SEQUENCE, and one lowered at a
    // reopening would leave the round cancelled there.
    const lastAsked = rows.counts.get(round.id)?.lastAskedAt ?? round.createdAt;
    const lastChange = [round.updatedAt, row.application_updated_at, row.application_stage_changed_at, lastAsked].reduce((a, b) => (b > a ? b : a));
    calendar.createEvent({
      id: `round-${round.id}@prepdeck`,
      sequence: eventSequence(round.createdAt, lastChange),
      start: zoned(start, round.timeZone),
      end: zoned(start + round.durationMinutes * 60_000, round.timeZone),
      timezone: round.timeZone,
      stamp: zoned(Date.parse(lastChange), null),
      summary: eventSummary(round),
      description: description(round),
      ...(off.has(round.id) ? { status: ICalEventStatus.CANCELLED } : {}),
      ...(round.link !== '' ? { url: round.link } : {}),
    });
  }
  const text = calendar.toString();
  return text.endsWith('\r\n') ? text : `${text}\r\n`;
}
