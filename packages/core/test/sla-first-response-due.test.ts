import { DEFAULT_FIRST_RESPONSE_MINUTES, firstResponseDue } from '@helpline/core';
import { describe, expect, it } from 'vitest';

const created = new Date('2026-11-30T10:00:00Z'); // a Monday
const weekdays = {
  '1': [['09:00', '17:00']],
  '2': [['09:00', '17:00']],
  '3': [['09:00', '17:00']],
  '4': [['09:00', '17:00']],
  '5': [['09:00', '17:00']],
} as const;

describe('firstResponseDue', () => {
  it('uses the default targets around the clock without hours', () => {
    expect(firstResponseDue(created, 'P0').toISOString()).toBe('2026-11-30T10:15:00.000Z');
    expect(firstResponseDue(created, 'P3').getTime() - created.getTime()).toBe(
      DEFAULT_FIRST_RESPONSE_MINUTES.P3 * 60_000,
    );
  });

  it('orders targets by severity', () => {
    const due = (['P0', 'P1', 'P2', 'P3'] as const).map((severity) => firstResponseDue(created, severity).getTime());
    expect([...due].sort((a, b) => a - b)).toEqual(due);
    expect(new Set(due).size).toBe(4);
  });

  it('pauses the clock outside business hours', () => {
    // P2 = 4 business hours from Monday 15:00 UTC: 2 hours Monday, 2 hours Tuesday from 09:00.
    const due = firstResponseDue(new Date('2026-11-30T15:00:00Z'), 'P2', {
      hours: { timezone: 'UTC', days: weekdays },
    });
    expect(due.toISOString()).toBe('2026-12-01T11:00:00.000Z');
  });

  it('takes per-severity overrides and keeps defaults for the rest', () => {
    const options = { minutes: { P0: 5 } };
    expect(firstResponseDue(created, 'P0', options).toISOString()).toBe('2026-11-30T10:05:00.000Z');
    expect(firstResponseDue(created, 'P1', options).toISOString()).toBe('2026-11-30T11:00:00.000Z');
  });
});
