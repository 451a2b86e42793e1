import { type Availability, isWithinBusinessHours, nextOpening } from '@helpline/core';
import type { Runtime } from './runtime.js';

/** Online while the business hours say open (or always, without hours), unless overridden. */
export function computeAvailability(runtime: Runtime): Availability {
  const hours = runtime.options.businessHours;
  const now = runtime.now();
  const open = hours ? isWithinBusinessHours(now, hours) : true;
  const status = runtime.availabilityOverride ?? (open ? 'online' : 'offline');
  return {
    status,
    agentsOnline: status === 'online' ? 1 : 0,
    ...(status === 'online' ? { expectedReplyMinutes: 2 } : {}),
    ...(hours && !open ? { nextOpenAt: nextOpening(now, hours).toISOString() } : {}),
    ...(hours ? { businessHours: hours } : {}),
  };
}
