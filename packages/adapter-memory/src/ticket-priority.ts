import type { Severity, Ticket } from '@helpline/core';

type Priority = NonNullable<Ticket['priority']>;

const LEVELS: readonly Priority[] = ['low', 'normal', 'high', 'urgent'];
const BY_SEVERITY: Record<Severity, number> = { P0: 3, P1: 2, P2: 1, P3: 0 };

/** Plans whose contracts buy faster handling: their tickets go one priority step up. */
const PRIORITY_PLANS = /enterprise|business|premium|scale/i;
/** Plans with 24/7 coverage: their SLA clock does not pause outside business hours. */
const ROUND_THE_CLOCK_PLANS = /enterprise/i;

export function ticketPriority(severity: Severity, plan: string | undefined): Priority {
  const bump = plan !== undefined && PRIORITY_PLANS.test(plan) ? 1 : 0;
  return LEVELS[Math.min(LEVELS.length - 1, BY_SEVERITY[severity] + bump)] ?? 'normal';
}

export function hasRoundTheClockCoverage(plan: string | undefined): boolean {
  return plan !== undefined && ROUND_THE_CLOCK_PLANS.test(plan);
}
