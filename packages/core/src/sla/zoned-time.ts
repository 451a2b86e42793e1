import { ValidationError } from '../errors/validation-error.js';

/** Wall-clock fields of an instant in a time zone; month is 1–12, weekday 0 = Sunday. */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number;
}

const DAY_MS = 86_400_000;
// Building a DateTimeFormat is the slow part of Intl; one per zone is reused.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      const issue = `timezone: ${JSON.stringify(timeZone)} is not an IANA time zone`;
      throw new ValidationError('invalid_input', `Business hours: ${issue}`, [issue], 'timezone');
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Throws a ValidationError naming `timezone` when the zone is unknown to Intl. */
export function assertTimeZone(timeZone: string): void {
  formatterFor(timeZone);
}

export function wallTimeAt(instant: number, timeZone: string): WallTime {
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const year = fields.year ?? 1970;
  const month = fields.month ?? 1;
  const day = fields.day ?? 1;
  return {
    year,
    month,
    day,
    hour: fields.hour ?? 0,
    minute: fields.minute ?? 0,
    second: fields.second ?? 0,
    weekday: new Date(Date.UTC(year, month - 1, day)).getUTCDay(),
  };
}

/** Milliseconds the zone is ahead of UTC at `instant`. */
function offsetAt(instant: number, timeZone: string): number {
  const wall = wallTimeAt(instant, timeZone);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return asUtc - (instant - (((instant % 1000) + 1000) % 1000));
}

/**
 * The instant a wall-clock time happens in `timeZone`. Days overflow like Date.UTC (day 32 is the
 * next month). Around DST: a repeated time resolves to its first occurrence, a skipped time (spring
 * forward) to the instant just as far past the gap, as a wall clock that jumps forward would show.
 */
export function instantOfWallTime(
  wall: { year: number; month: number; day: number; hour: number; minute: number },
  timeZone: string,
): number {
  const local = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  const before = offsetAt(local - DAY_MS, timeZone);
  const after = offsetAt(local + DAY_MS, timeZone);
  const candidates = [local - before, local - after].filter(
    (candidate) => offsetAt(candidate, timeZone) === local - candidate,
  );
  return candidates.length > 0 ? Math.min(...candidates) : local - before;
}
