import { ValidationError } from '../errors/validation-error.js';
import { type BusinessHoursInput, checkHours, openIntervals } from './open-intervals.js';

const MINUTE_MS = 60_000;

/**
 * `start` plus `minutes` of business time: the clock only runs while the team is open, so 30 minutes
 * from Friday 16:45 with 9–17 hours lands on Monday 09:15. Without hours, or with 24/7 coverage,
 * it is plain addition. Zone math goes through Intl, so midnight, weekends and DST are exact.
 */
export function addBusinessMinutes(start: Date, minutes: number, hours?: BusinessHoursInput): Date {
  if (!Number.isFinite(minutes) || minutes < 0) {
    const issue = `minutes: expected a finite number ≥ 0, got ${String(minutes)}`;
    throw new ValidationError('invalid_input', `addBusinessMinutes: ${issue}`, [issue], 'minutes');
  }
  const from = start.getTime();
  const checked = hours === undefined ? undefined : checkHours(hours);
  if (!checked || checked.alwaysOpen || minutes === 0) return new Date(from + minutes * MINUTE_MS);
  let remaining = minutes * MINUTE_MS;
  let cursor = from;
  const intervals = openIntervals(from, checked);
  for (;;) {
    const interval = intervals.next().value;
    if (interval.close <= cursor) continue;
    const counted = Math.max(cursor, interval.open);
    const available = interval.close - counted;
    if (remaining <= available) return new Date(counted + remaining);
    remaining -= available;
    cursor = interval.close;
  }
}
