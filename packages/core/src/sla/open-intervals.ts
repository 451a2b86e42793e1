import { ValidationError } from '../errors/validation-error.js';
import { BusinessHours } from '../schemas/availability.js';
import { parseWith } from '../validation/parse.js';
import { assertTimeZone, instantOfWallTime, wallTimeAt } from './zoned-time.js';

type Weekday = keyof BusinessHours['days'];
type ClockRange = NonNullable<BusinessHours['days'][Weekday]>[number];

/** Business hours as callers write them: `alwaysOpen` may be left out, arrays may be readonly. */
export interface BusinessHoursInput {
  readonly timezone: string;
  readonly days: { readonly [day in Weekday]?: readonly Readonly<ClockRange>[] };
  readonly alwaysOpen?: boolean;
}

export interface OpenInterval {
  open: number;
  close: number;
}

const minutesOf = (clock: string): number => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));

/**
 * Parses business hours (clock format, weekday keys), checks that Intl knows the time zone and
 * that the team is open at some point, so walking the intervals below always ends.
 */
export function checkHours(hours: BusinessHoursInput): BusinessHours {
  const parsed = parseWith(BusinessHours, hours, 'Business hours');
  assertTimeZone(parsed.timezone);
  if (!parsed.alwaysOpen && Object.values(parsed.days).every((ranges) => !ranges?.length)) {
    const issue = 'days: no weekday has opening hours, so the team is never open';
    throw new ValidationError('invalid_input', `Business hours: ${issue}`, [issue], 'days');
  }
  return parsed;
}

/**
 * Every opening interval from the local day before `from` onwards, ordered by opening instant.
 * A range whose close is not after its open runs past midnight (["22:00", "06:00"]), so
 * ["00:00", "00:00"] is the whole day. Endless for hours that passed `checkHours`: callers stop
 * when they have what they need.
 */
export function* openIntervals(from: number, hours: BusinessHours): Generator<OpenInterval, never> {
  const start = wallTimeAt(from, hours.timezone);
  for (let offset = -1; ; offset++) {
    // Calendar arithmetic on a UTC date: never touched by DST.
    const date = new Date(Date.UTC(start.year, start.month - 1, start.day + offset));
    const weekday = String(date.getUTCDay()) as Weekday;
    const ranges = [...(hours.days[weekday] ?? [])].sort((a, b) => minutesOf(a[0]) - minutesOf(b[0]));
    for (const [openClock, closeClock] of ranges) {
      const openMinutes = minutesOf(openClock);
      let closeMinutes = minutesOf(closeClock);
      if (closeMinutes <= openMinutes) closeMinutes += 24 * 60;
      const day = { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
      yield {
        open: instantOfWallTime({ ...day, hour: 0, minute: openMinutes }, hours.timezone),
        close: instantOfWallTime({ ...day, hour: 0, minute: closeMinutes }, hours.timezone),
      };
    }
  }
}
