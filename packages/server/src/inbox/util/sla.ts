import type { Breach } from '../api/schemas.js';
import { strings } from '../strings.js';
import { formatDuration } from './duration.js';

const QUARTER = 4;
const AT_RISK_MS = 15 * 60_000;

export interface SlaStatus {
  state: Breach;
  /** "At risk · due in 12m", "Breached · overdue by 1h 05m". */
  label: string;
  /** Remaining time (negative when overdue), for sorting and display. */
  remainingMs: number;
}

/**
 * Live SLA state at `now`, matching the server's rule (breached past due; at risk in the last
 * quarter of the window or the last 15 minutes) so labels move without refetching the queue.
 */
export function slaStatus(dueAt: string, startedAt: string | undefined, now: number): SlaStatus {
  const due = Date.parse(dueAt);
  const remainingMs = due - now;
  const start = startedAt === undefined ? Number.NaN : Date.parse(startedAt);
  const window = Number.isNaN(start) ? 0 : due - start;
  const state: Breach =
    remainingMs < 0
      ? 'breached'
      : remainingMs <= Math.max(window / QUARTER, 0) || remainingMs <= AT_RISK_MS
        ? 'at_risk'
        : 'ok';
  const when =
    remainingMs < 0 ? strings.sla.overdue(formatDuration(remainingMs)) : strings.sla.dueIn(formatDuration(remainingMs));
  const name = state === 'breached' ? strings.sla.breached : state === 'at_risk' ? strings.sla.atRisk : strings.sla.ok;
  return { state, label: `${name} · ${when}`, remainingMs };
}
