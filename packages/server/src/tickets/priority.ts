import type { Severity, Ticket } from '@helpline/core';

type Priority = NonNullable<Ticket['priority']>;

const LEVELS: readonly Priority[] = ['low', 'normal', 'high', 'urgent'];
const BY_SEVERITY: Readonly<Record<Severity, Priority>> = { P0: 'urgent', P1: 'high', P2: 'normal', P3: 'low' };

/** Priority follows severity; customers on a priority plan (enterprise by default) get one level more. */
export function ticketPriority(
  severity: Severity,
  plan: string | undefined,
  priorityPlans: readonly string[],
): Priority {
  const base = LEVELS.indexOf(BY_SEVERITY[severity]);
  const bumped = plan && priorityPlans.includes(plan.toLowerCase()) ? Math.min(base + 1, LEVELS.length - 1) : base;
  return LEVELS[bumped] ?? 'normal';
}
