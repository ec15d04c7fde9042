// A new round's default start in the Add round form (web/src/interviews/format.ts): tomorrow at 10:00 on the clock of
// the zone the form starts with (the hunt's), not on the browser's.
import { describe, expect, it } from 'vitest';
import { defaultLocalStart } from '../../web/src/interviews/format.js';

describe('defaultLocalStart', () => {
  it("is tomorrow at 10:00 in the hunt's zone, a day past the browser's when the zone's day has already turned", () => {
    // 23:30 on Dec 6 in UTC is 08:30 on Dec 7 in Tokyo: tomorrow there is Dec 8, not 1 h 30 min from now.
    const lateInUtc = Date.parse('2026-12-06T23:30:00Z');
    expect(defaultLocalStart('Asia/Tokyo', lateInUtc)).toBe('2026-12-08T10:00');
    expect(defaultLocalStart('UTC', lateInUtc)).toBe('2026-12-07T10:00');
    expect(defaultLocalStart('America/Los_Angeles', lateInUtc)).toBe('2026-12-07T10:00');
    expect(defaultLocalStart('UTC', Date.parse('2026-12-31T12:00:00Z'))).toBe('2027-01-01T10:00');
  });
});
