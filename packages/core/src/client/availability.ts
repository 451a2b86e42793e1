import type { Availability, BusinessHours } from '../schemas/availability.js';

/** Weekday (0 = Sunday) and HH:MM of `at` in `timeZone`. */
function localTime(at: Date, timeZone: string): { day: string; time: string } | undefined {
  try {
    const parts = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(at);
    const get = (type: string) => parts.find((part) => part.type === type)?.value ?? '';
    const day = String(['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(get('weekday')));
    return { day, time: `${get('hour')}:${get('minute')}` };
  } catch {
    return undefined; // an unknown time zone: say nothing rather than guess
  }
}

/** Availability from the host's configured business hours, for adapters that do not report presence. */
export function availabilityFromHours(hours: BusinessHours, at: Date): Availability | undefined {
  if (hours.alwaysOpen) return { status: 'online', agentsOnline: 0, businessHours: hours };
  const local = localTime(at, hours.timezone);
  if (local === undefined) return undefined;
  const ranges = hours.days[local.day as keyof BusinessHours['days']] ?? [];
  const open = ranges.some(([from, to]) => local.time >= from && local.time < to);
  return { status: open ? 'online' : 'offline', agentsOnline: 0, businessHours: hours };
}
