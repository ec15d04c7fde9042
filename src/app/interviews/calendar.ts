// Every round as an iCalendar event (RFC 5545), with ical-generator and the VTIMEZONE blocks of
// @touch4it/ical-timezones: DTSTART/DTEND in the round's own zone, and a stable UID per round, so that importing
// the file again updates the same events instead of adding copies.
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { type ICalDayJsStub } from 'ical-generator';
import type { RoundJson } from '../../contract/interviews.js';
import { wallClock } from '../../core/review/study-day.js';
import type { AppContext } from '../context.js';
import { listRounds } from './rounds.js';

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

/** The calendar of every round. */
export async function roundsCalendar(ctx: AppContext): Promise<string> {
  const { rounds } = await listRounds(ctx);
  const calendar = ical({
    prodId: { company: 'prepdeck', product: 'prepdeck', language: 'EN' },
    name: 'prepdeck interviews',
    timezone: { name: null, generator: getVtimezoneComponent },
  });
  for (const round of [...rounds].reverse()) {
    const start = Date.parse(round.startsAt);
    calendar.createEvent({
      id: `round-${round.id}@prepdeck`,
      start: zoned(start, round.timeZone),
      end: zoned(start + round.durationMinutes * 60_000, round.timeZone),
      timezone: round.timeZone,
      stamp: zoned(Date.parse(round.updatedAt), null),
      summary: eventSummary(round),
      description: description(round),
      ...(round.link !== '' ? { url: round.link } : {}),
    });
  }
  return calendar.toString();
}
