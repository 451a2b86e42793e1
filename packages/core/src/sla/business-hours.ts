import { type BusinessHoursInput, checkHours, openIntervals } from './open-intervals.js';

/** Whether the team is open at `date`; always true for 24/7 coverage. */
export function isWithinBusinessHours(date: Date, hours: BusinessHoursInput): boolean {
  const checked = checkHours(hours);
  if (checked.alwaysOpen) return true;
  const at = date.getTime();
  const intervals = openIntervals(at, checked);
  for (;;) {
    const interval = intervals.next().value;
    if (interval.open > at) return false;
    if (interval.close > at) return true;
  }
}

/** When the team is next open: `date` itself while open, otherwise the next opening instant. */
export function nextOpening(date: Date, hours: BusinessHoursInput): Date {
  const checked = checkHours(hours);
  if (checked.alwaysOpen) return new Date(date.getTime());
  const at = date.getTime();
  const intervals = openIntervals(at, checked);
  for (;;) {
    const interval = intervals.next().value;
    if (interval.close > at) return new Date(Math.max(at, interval.open));
  }
}
