import type { Context } from 'hono';
import * as z from 'zod/mini';
import type { AppDeps } from '../app/deps.js';
import { ApiError } from '../http/api-error.js';
import { readJson } from '../http/read-body.js';
import type { AgentEnv } from './agent-env.js';

const AssigneeChange = z.object({ agentId: z.nullable(z.string().check(z.minLength(1), z.maxLength(100))) });

/**
 * The agent a conversation or ticket is given to — one of this workspace's, never another's — or
 * null for nobody.
 */
export async function readAssignee(deps: AppDeps, c: Context<AgentEnv>): Promise<{ id: string; name: string } | null> {
  const { agentId } = await readJson(c, AssigneeChange, 'Assignee');
  if (agentId === null) return null;
  const [found] = await deps.db.query<{ id: string; name: string }>(
    'select id, name from agents where workspace_id = $1 and id = $2',
    [c.get('workspace').id, agentId],
  );
  if (!found) throw new ApiError(400, 'invalid_input', 'Assignee: agentId: no such agent here', 'agentId');
  return found;
}

/**
 * Tells the other agents who now works a thread, so a view of it they have open follows. Agents
 * only: a visitor's widget is never sent agent ids this way (a ticket's owner is not theirs to see).
 */
export async function publishAssignee(
  deps: AppDeps,
  event: {
    workspaceId: string;
    visitorPk: string;
    kind: 'conversation' | 'ticket';
    id: string;
    assignee: { id: string; name: string | null } | null;
    /** Who gave it: the inbox says so unless it was the agent themselves. */
    by: { id: string; name: string };
  },
): Promise<void> {
  const { assignee, by } = event;
  await deps.hub.publish(deps.db, {
    workspaceId: event.workspaceId,
    visitorPk: event.visitorPk,
    audience: 'agents',
    payload: {
      type: 'assignee',
      kind: event.kind,
      id: event.id,
      ...(assignee
        ? { assignee: { type: 'agent', id: assignee.id, ...(assignee.name ? { name: assignee.name } : {}) } }
        : {}),
      by: { type: 'agent', id: by.id, name: by.name },
    },
  });
}
