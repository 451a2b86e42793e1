import { addBusinessMinutes, isValidationError } from '@helpline/core';
import { describe, expect, it } from 'vitest';

const nineToFive = {
  '1': [['09:00', '17:00']],
  '2': [['09:00', '17:00']],
  '3': [['09:00', '17:00']],
  '4': [['09:00', '17:00']],
  '5': [['09:00', '17:00']],
} as const;
const iso = (date: Date) => date.toISOString();
const at = (value: string) => new Date(value);

describe('addBusinessMinutes', () => {
  it('is plain addition without business hours', () => {
    expect(iso(addBusinessMinutes(at('2026-11-28T23:50:00Z'), 30))).toBe('2026-11-29T00:20:00.000Z');
  });

  it('is plain addition with 24/7 coverage', () => {
    const hours = { timezone: 'UTC', days: nineToFive, alwaysOpen: true };
    expect(iso(addBusinessMinutes(at('2026-11-28T23:50:00Z'), 30, hours))).toBe('2026-11-29T00:20:00.000Z');
  });

  it('counts only open time within one day', () => {
    const hours = { timezone: 'UTC', days: nineToFive };
    expect(iso(addBusinessMinutes(at('2026-11-30T10:00:00Z'), 90, hours))).toBe('2026-11-30T11:30:00.000Z');
  });

  it('pauses overnight and resumes at the next opening', () => {
    const hours = { timezone: 'UTC', days: nineToFive };
    expect(iso(addBusinessMinutes(at('2026-11-30T16:30:00Z'), 60, hours))).toBe('2026-12-01T09:30:00.000Z');
  });

  it('pauses over the weekend in the team time zone', () => {
    // Friday 16:30 in Tokyo (07:30Z) plus an hour: 30 minutes Friday, 30 minutes Monday from 09:00 JST.
    const hours = { timezone: 'Asia/Tokyo', days: nineToFive };
    expect(iso(addBusinessMinutes(at('2026-11-27T07:30:00Z'), 60, hours))).toBe('2026-11-30T00:30:00.000Z');
  });

  it('starts the clock at opening when created while closed', () => {
    const hours = { timezone: 'UTC', days: nineToFive };
    expect(iso(addBusinessMinutes(at('2026-11-28T12:00:00Z'), 15, hours))).toBe('2026-11-30T09:15:00.000Z');
  });

  it('pauses over a lunch break between two ranges of one day', () => {
    const hours = {
      timezone: 'UTC',
      days: {
        '1': [
          ['13:00', '17:00'],
          ['09:00', '12:00'],
        ],
      },
    } as const;
    expect(iso(addBusinessMinutes(at('2026-11-30T11:30:00Z'), 60, hours))).toBe('2026-11-30T13:30:00.000Z');
  });

  it('spans several days for long targets', () => {
    // 24 business hours at 8 a day from Monday 09:00 ends at Wednesday 17:00.
    const hours = { timezone: 'UTC', days: nineToFive };
    expect(iso(addBusinessMinutes(at('2026-11-30T09:00:00Z'), 1440, hours))).toBe('2026-12-02T17:00:00.000Z');
  });

  it('follows the offset change across a DST weekend', () => {
    // Friday 6 March 16:00 EST (21:00Z) + 2h: one hour Friday, then Monday 9 March 09:00 EDT (13:00Z) + 1h.
    const hours = { timezone: 'America/New_York', days: nineToFive };
    expect(iso(addBusinessMinutes(at('2026-03-06T21:00:00Z'), 120, hours))).toBe('2026-03-09T14:00:00.000Z');
  });

  it('counts real minutes on the night clocks spring forward', () => {
    // Sunday 01:00–05:00 on 8 March 2026 lasts three real hours, so a fourth hour waits a week.
    const hours = { timezone: 'America/New_York', days: { '0': [['01:00', '05:00']] } } as const;
    expect(iso(addBusinessMinutes(at('2026-03-08T06:00:00Z'), 240, hours))).toBe('2026-03-15T06:00:00.000Z');
  });

  it('counts real minutes on the night clocks fall back', () => {
    // Sunday 00:00–04:00 on 1 November 2026 lasts five real hours.
    const hours = { timezone: 'America/New_York', days: { '0': [['00:00', '04:00']] } } as const;
    expect(iso(addBusinessMinutes(at('2026-11-01T04:00:00Z'), 300, hours))).toBe('2026-11-01T09:00:00.000Z');
  });

  it('runs through midnight inside an overnight range', () => {
    const hours = { timezone: 'Europe/Berlin', days: { '1': [['22:00', '06:00']] } } as const;
    // Monday 30 November 23:00 CET (22:00Z) + 3h = Tuesday 02:00 CET (01:00Z).
    expect(iso(addBusinessMinutes(at('2026-11-30T22:00:00Z'), 180, hours))).toBe('2026-12-01T01:00:00.000Z');
  });

  it('rejects negative and non-finite minutes, naming the argument', () => {
    for (const minutes of [-1, Number.NaN, Number.POSITIVE_INFINITY]) {
      try {
        addBusinessMinutes(at('2026-11-30T10:00:00Z'), minutes);
        expect.unreachable();
      } catch (error) {
        expect(isValidationError(error)).toBe(true);
        expect((error as { field?: string }).field).toBe('minutes');
      }
    }
  });
});
