import { DEFAULT_FIRST_RESPONSE_MINUTES, firstResponseDue, type Severity } from '@helpline/core';
import type { WorkspaceSettings } from '../workspace/settings.js';

/** Minutes of first-response target per severity for a workspace (defaults overridden by settings). */
export function firstResponseTargets(settings: WorkspaceSettings): Record<Severity, number> {
  return { ...DEFAULT_FIRST_RESPONSE_MINUTES, ...settings.firstResponseMinutes };
}

/** Due date of the first reply; plans with 24/7 coverage ignore business hours. */
export function ticketDueAt(
  createdAt: Date,
  severity: Severity,
  settings: WorkspaceSettings,
  plan: string | undefined,
): Date {
  const alwaysOn = plan !== undefined && settings.alwaysOnPlans.includes(plan.toLowerCase());
  return firstResponseDue(createdAt, severity, {
    ...(settings.businessHours && !alwaysOn ? { hours: settings.businessHours } : {}),
    minutes: firstResponseTargets(settings),
  });
}

export type Breach = 'ok' | 'at_risk' | 'breached';

/** Breached past due; at risk in the last quarter of the target window (or the last 15 minutes). */
export function breachState(createdAt: Date, dueAt: Date, respondedAt: Date | null, now: Date): Breach {
  const end = respondedAt ?? now;
  if (end.getTime() > dueAt.getTime()) return 'breached';
  if (respondedAt) return 'ok';
  const window = dueAt.getTime() - createdAt.getTime();
  const left = dueAt.getTime() - now.getTime();
  return left <= Math.max(window / 4, 0) || left <= 15 * 60_000 ? 'at_risk' : 'ok';
}
