import { DEFAULT_FIRST_RESPONSE_MINUTES, type Severity } from '../schemas/ticket.js';
import { addBusinessMinutes } from './add-business-minutes.js';
import type { BusinessHoursInput } from './open-intervals.js';

export interface FirstResponseOptions {
  /** Team hours; the SLA clock pauses while closed. Absent means 24/7. */
  hours?: BusinessHoursInput;
  /** Per-severity targets in minutes overriding DEFAULT_FIRST_RESPONSE_MINUTES (e.g. a plan's tighter SLA). */
  minutes?: Partial<Record<Severity, number>>;
}

/** When the first agent reply to a ticket of `severity` created at `createdAt` is due. */
export function firstResponseDue(createdAt: Date, severity: Severity, options: FirstResponseOptions = {}): Date {
  const minutes = options.minutes?.[severity] ?? DEFAULT_FIRST_RESPONSE_MINUTES[severity];
  return addBusinessMinutes(createdAt, minutes, options.hours);
}
