import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../../src/core/errors.js';
import { localStartOf, resolveLocalStart } from '../../../src/core/interviews/local-time.js';

const ZONES = [
  'UTC',
  'Europe/Berlin',
  'Europe/Lisbon',
  'America/New_York',
  'America/Sao_Paulo',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'Pacific/Apia',
  'America/St_Johns',
  'Africa/Casablanca',
];

describe('a round’s local start and its instant', () => {
  it('reads a wall-clock time in its zone', () => {
    expect(resolveLocalStart('2026-12-20T15:00', 'Europe/Berlin')).toEqual({ startsAt: '2026-12-20T14:00:00.000Z', notice: null });
    expect(resolveLocalStart('2026-07-01T09:30', 'America/New_York')).toEqual({ startsAt: '2026-07-01T13:30:00.000Z', notice: null });
    expect(localStartOf('2026-12-20T14:00:00.000Z', 'Europe/Berlin')).toBe('2026-12-20T15:00');
  });

  it('refuses a zone that does not exist naming timeZone, and an impossible date naming localStart', () => {
    expect(() => resolveLocalStart('2026-12-20T15:00', 'Mars/Olympus')).toThrow(/^timeZone: 'Mars\/Olympus' is not a time zone/);
    expect(() => resolveLocalStart('2026-02-30T15:00', 'Europe/Berlin')).toThrow(/^localStart: '2026-02-30T15:00' is not a date/);
    expect(() => resolveLocalStart('2026-12-20T24:00', 'Europe/Berlin')).toThrow(InvalidInputError);
    expect(() => resolveLocalStart('2026-12-20T15:60', 'Europe/Berlin')).toThrow(/^localStart: /);
    expect(() => resolveLocalStart('tomorrow', 'Europe/Berlin')).toThrow(/^localStart: /);
  });

  it('takes the first instant after a spring-forward gap and says which', () => {
    // Lisbon springs forward at 01:00 WET to 02:00 WEST: 01:00-01:59 do not exist there (02:30 does).
    const lisbon = resolveLocalStart('2027-03-28T01:30', 'Europe/Lisbon');
    expect(lisbon.startsAt).toBe('2027-03-28T01:00:00.000Z');
    expect(lisbon.notice).toBe(
      '01:30 on 2027-03-28 does not exist in Europe/Lisbon (the clocks skip it); the first time after the gap was taken: 02:00 WEST',
    );
    expect(resolveLocalStart('2027-03-28T02:30', 'Europe/Lisbon')).toEqual({ startsAt: '2027-03-28T01:30:00.000Z', notice: null });
    // Berlin skips 02:00-02:59 on the same day.
    const berlin = resolveLocalStart('2027-03-28T02:30', 'Europe/Berlin');
    expect(berlin.startsAt).toBe('2027-03-28T01:00:00.000Z');
    expect(berlin.notice).toMatch(/taken: 03:00 CEST$/);
    // A zone with no name for its offset says the offset; New York has its own names.
    expect(resolveLocalStart('2027-10-03T02:30', 'Australia/Sydney').notice).toMatch(/taken: 03:00 GMT\+11$/);
    expect(resolveLocalStart('2027-03-14T02:30', 'America/New_York').notice).toMatch(/taken: 03:00 EDT$/);
  });

  it('takes the earlier of a repeated hour when clocks go back, and says so', () => {
    const repeated = resolveLocalStart('2027-10-31T01:30', 'Europe/Lisbon');
    expect(repeated.startsAt).toBe('2027-10-31T00:30:00.000Z');
    expect(repeated.notice).toBe(
      '01:30 on 2027-10-31 happens twice in Europe/Lisbon (the clocks go back); the earlier was taken: 01:30 WEST, not 01:30 WET',
    );
    expect(resolveLocalStart('2027-10-31T02:30', 'Europe/Berlin').notice).toMatch(/the earlier was taken: 02:30 CEST, not 02:30 CET$/);
  });

  it('round-trips local → instant → local outside gaps, across many zones', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: Date.UTC(1990, 0, 1) / 60_000, max: Date.UTC(2060, 0, 1) / 60_000 }),
        (timeZone, minutes) => {
          const local = new Date(minutes * 60_000).toISOString().slice(0, 16);
          const { startsAt, notice } = resolveLocalStart(local, timeZone);
          if (notice?.includes('does not exist')) {
            // In a gap the instant taken reads later than what was typed.
            expect(localStartOf(startsAt, timeZone) > local).toBe(true);
          } else {
            expect(localStartOf(startsAt, timeZone)).toBe(local);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('round-trips instant → local → instant except for the later of a repeated hour', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: Date.UTC(1990, 0, 1) / 60_000, max: Date.UTC(2060, 0, 1) / 60_000 }),
        (timeZone, minutes) => {
          const instant = new Date(minutes * 60_000).toISOString();
          const { startsAt, notice } = resolveLocalStart(localStartOf(instant, timeZone), timeZone);
          if (notice === null) expect(startsAt).toBe(instant);
          else expect(Date.parse(startsAt)).toBeLessThanOrEqual(Date.parse(instant));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
