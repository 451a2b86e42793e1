import type { Availability, BusinessHours } from '../schemas/availability.js';
import { isWithinBusinessHours, nextOpening } from '../sla/business-hours.js';

/** Availability from the host's configured business hours, for adapters that do not report presence. */
export function availabilityFromHours(hours: BusinessHours, at: Date): Availability | undefined {
  try {
    if (isWithinBusinessHours(at, hours)) return { status: 'online', agentsOnline: 0, businessHours: hours };
    return {
      status: 'offline',
      agentsOnline: 0,
      nextOpenAt: nextOpening(at, hours).toISOString(),
      businessHours: hours,
    };
  } catch {
    return undefined; // unknown time zone or no opening hours at all: say nothing rather than guess
  }
}
