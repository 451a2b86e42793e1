import { BusinessHours, isValidationError, isWithinBusinessHours, nextOpening, parseWith } from '@helpline/core';
import { describe, expect, it } from 'vitest';

const weekdays = {
  '1': [['09:00', '17:00']],
  '2': [['09:00', '17:00']],
  '3': [['09:00', '17:00']],
  '4': [['09:00', '17:00']],
  '5': [['09:00', '17:00']],
} as const;
const newYork = parseWith(BusinessHours, { timezone: 'America/New_York', days: weekdays }, 'hours');
const at = (iso: string) => new Date(iso);

describe('isWithinBusinessHours', () => {
  it('reads opening hours in the team time zone, not UTC', () => {
    // 2026-11-27 is a Friday; New York is UTC-5 in November.
    expect(isWithinBusinessHours(at('2026-11-27T14:00:00Z'), newYork)).toBe(true);
    expect(isWithinBusinessHours(at('2026-11-27T13:59:00Z'), newYork)).toBe(false);
    expect(isWithinBusinessHours(at('2026-11-27T21:59:00Z'), newYork)).toBe(true);
  });

  it('treats closing time as closed', () => {
    expect(isWithinBusinessHours(at('2026-11-27T22:00:00Z'), newYork)).toBe(false);
  });

  it('is closed on weekend days without hours', () => {
    expect(isWithinBusinessHours(at('2026-11-28T15:00:00Z'), newYork)).toBe(false);
    expect(isWithinBusinessHours(at('2026-11-29T15:00:00Z'), newYork)).toBe(false);
  });

  it('follows the summer offset after DST starts', () => {
    // Monday 2026-03-09 is after the 8 March spring-forward: 09:00 EDT is 13:00Z.
    expect(isWithinBusinessHours(at('2026-03-09T13:00:00Z'), newYork)).toBe(true);
    expect(isWithinBusinessHours(at('2026-03-09T12:59:00Z'), newYork)).toBe(false);
  });

  it('keeps a range that runs past midnight open into the next day', () => {
    const nights = { timezone: 'UTC', days: { '1': [['22:00', '06:00']] } } as const;
    expect(isWithinBusinessHours(at('2026-11-30T23:00:00Z'), nights)).toBe(true);
    expect(isWithinBusinessHours(at('2026-12-01T05:59:00Z'), nights)).toBe(true);
    expect(isWithinBusinessHours(at('2026-12-01T06:00:00Z'), nights)).toBe(false);
    expect(isWithinBusinessHours(at('2026-11-30T21:00:00Z'), nights)).toBe(false);
  });

  it('is always open with 24/7 coverage', () => {
    expect(isWithinBusinessHours(at('2026-11-28T03:00:00Z'), { ...newYork, alwaysOpen: true })).toBe(true);
  });

  it('names the time zone when it is unknown', () => {
    try {
      isWithinBusinessHours(at('2026-11-27T14:00:00Z'), { timezone: 'Mars/Olympus', days: weekdays });
      expect.unreachable();
    } catch (error) {
      expect(isValidationError(error)).toBe(true);
      expect((error as { field?: string }).field).toBe('timezone');
    }
  });

  it('names a malformed opening time', () => {
    const hours = { timezone: 'UTC', days: { '1': [['9:00', '17:00']] } } as const;
    expect(() => isWithinBusinessHours(at('2026-11-30T10:00:00Z'), hours)).toThrow(/days\.1\.0\.0/);
  });

  it('refuses a schedule that is never open instead of searching forever', () => {
    expect(() => isWithinBusinessHours(at('2026-11-27T14:00:00Z'), { timezone: 'UTC', days: {} })).toThrow(
      /days: no weekday/,
    );
  });
});

describe('nextOpening', () => {
  it('is the given instant while open', () => {
    expect(nextOpening(at('2026-11-27T15:30:00Z'), newYork).toISOString()).toBe('2026-11-27T15:30:00.000Z');
  });

  it('skips the weekend to Monday morning in the team time zone', () => {
    expect(nextOpening(at('2026-11-27T23:00:00Z'), newYork).toISOString()).toBe('2026-11-30T14:00:00.000Z');
  });

  it('is later the same day before opening', () => {
    expect(nextOpening(at('2026-11-30T03:00:00Z'), newYork).toISOString()).toBe('2026-11-30T14:00:00.000Z');
  });

  it('lands on the first occurrence of an opening time repeated when DST ends', () => {
    // 1 November 2026: New York clocks go from 02:00 EDT back to 01:00 EST; 01:30 happens twice.
    const sunday = { timezone: 'America/New_York', days: { '0': [['01:30', '03:00']] } } as const;
    expect(nextOpening(at('2026-11-01T04:00:00Z'), sunday).toISOString()).toBe('2026-11-01T05:30:00.000Z');
  });

  it('opens just past the gap when the opening time is skipped by DST', () => {
    // 8 March 2026: 02:00 EST jumps to 03:00 EDT, so 02:30 never happens.
    const sunday = { timezone: 'America/New_York', days: { '0': [['02:30', '05:00']] } } as const;
    expect(nextOpening(at('2026-03-08T05:00:00Z'), sunday).toISOString()).toBe('2026-03-08T07:30:00.000Z');
  });
});
