import { type Availability, isWithinBusinessHours, nextOpening } from '@helpline/core';
import type { Queryable } from '../db/database.js';
import type { Workspace } from '../workspace/settings.js';

/** An agent counts as online while their inbox reported presence in the last few minutes. */
export const PRESENCE_WINDOW_SQL = "online and last_seen_at > now() - interval '3 minutes'";

export async function currentAvailability(
  db: Queryable,
  workspace: Workspace,
  now = new Date(),
): Promise<Availability> {
  const [row] = await db.query<{ count: string | number }>(
    `select count(*) as count from agents where workspace_id = $1 and ${PRESENCE_WINDOW_SQL}`,
    [workspace.id],
  );
  const agentsOnline = Number(row?.count ?? 0);
  const hours = workspace.settings.businessHours;
  const open = !hours || isWithinBusinessHours(now, hours);
  return {
    status: open ? (agentsOnline > 0 ? 'online' : 'away') : 'offline',
    agentsOnline,
    expectedReplyMinutes: workspace.settings.expectedReplyMinutes,
    ...(hours && !open ? { nextOpenAt: nextOpening(now, hours).toISOString() } : {}),
    ...(hours ? { businessHours: hours } : {}),
  };
}
