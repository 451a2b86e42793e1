import * as z from 'zod/mini';
import { atLeast, matches, pair, Timestamp, whole } from './common.js';

const Clock = z.string().check(matches(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time of day such as 09:00'));

/**
 * Opening hours by weekday (0 = Sunday) as [open, close) local times in `timezone`; a weekday left
 * out is closed, and a range whose close is not after its open runs past midnight.
 */
const Day = z.optional(z.array(pair(Clock)));
const WEEKDAY = /^[0-6]$/;
type Days = Partial<Record<'0' | '1' | '2' | '3' | '4' | '5' | '6', [string, string][]>>;

export const BusinessHours = z.object({
  timezone: z.string().check(z.minLength(1)),
  // Weekdays spelled out, other keys passed through to the check that refuses them (its type says
  // what the check guarantees): a record keyed by an enum would cost every first open ~0.8 KB gzip.
  days: z
    .looseObject({ 0: Day, 1: Day, 2: Day, 3: Day, 4: Day, 5: Day, 6: Day })
    .check(
      z.refine(
        (days) => Object.keys(days).every((day) => WEEKDAY.test(day)),
        'days are keyed "0" (Sunday) to "6" (Saturday)',
      ),
    ) as unknown as z.ZodMiniType<Days, Days>,
  /** Plans that get 24/7 coverage ignore `days`. */
  alwaysOpen: z._default(z.boolean(), false),
});
export type BusinessHours = z.infer<typeof BusinessHours>;

export const AvailabilityStatus = z.enum(['online', 'away', 'offline']);
export type AvailabilityStatus = z.infer<typeof AvailabilityStatus>;

export const Availability = z.object({
  status: AvailabilityStatus,
  agentsOnline: z._default(z.number().check(whole(), atLeast(0)), 0),
  /** Typical first reply while open, in minutes. */
  expectedReplyMinutes: z.optional(z.number().check(atLeast(0))),
  /** When the team is next open, when it is closed now. */
  nextOpenAt: z.optional(Timestamp),
  businessHours: z.optional(BusinessHours),
});
export type Availability = z.infer<typeof Availability>;
