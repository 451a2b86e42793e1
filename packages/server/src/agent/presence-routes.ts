import { Hono } from 'hono';
import * as z from 'zod/mini';
import type { AppDeps } from '../app/deps.js';
import { currentAvailability } from '../availability/availability.js';
import { readJson } from '../http/read-body.js';
import { eventStream, lastEventIdOf } from '../realtime/sse.js';
import { streamKey } from '../realtime/stream-end.js';
import type { Workspace } from '../workspace/settings.js';
import type { AgentEnv } from './agent-env.js';

const Presence = z.object({ online: z.boolean() });

/** Agent presence (what the widget's availability counts) and the agents' SSE stream. */
export function presenceRoutes(deps: AppDeps): Hono<AgentEnv> {
  const app = new Hono<AgentEnv>();

  async function setPresence(workspace: Workspace, agentId: string, online: boolean): Promise<void> {
    const before = await currentAvailability(deps.db, workspace);
    await deps.db.query('update agents set online = $3, last_seen_at = now() where workspace_id = $1 and id = $2', [
      workspace.id,
      agentId,
      online,
    ]);
    const after = await currentAvailability(deps.db, workspace);
    if (before.status !== after.status || before.agentsOnline !== after.agentsOnline) {
      await deps.hub.publish(deps.db, {
        workspaceId: workspace.id,
        visitorPk: null,
        audience: 'all',
        payload: { type: 'presence', availability: after },
      });
    }
  }

  app.post('/presence', async (c) => {
    const { online } = await readJson(c, Presence, 'Presence');
    await setPresence(c.get('workspace'), c.get('agent').id, online);
    return c.body(null, 204);
  });

  app.get('/events', (c) => {
    const workspace = c.get('workspace');
    const agentId = c.get('agent').id;
    const session = c.get('agentSession');
    // An open inbox keeps its agent's presence fresh without extra requests — while its sign-in
    // lasts: once logged out, the stream ends instead, and stops vouching for the agent.
    const touch = async () => {
      const touched = await deps.db.query(
        `update agents set last_seen_at = now() where workspace_id = $1 and id = $2
           and exists (select 1 from agent_sessions where token_hash = $3 and expires_at > now()) returning id`,
        [workspace.id, agentId, session.tokenHash],
      );
      return touched.length > 0 ? undefined : 'logged_out';
    };
    return eventStream(
      c,
      {
        hub: deps.hub,
        filter: { workspaceId: workspace.id, agents: true },
        heartbeatMs: deps.config.heartbeatSeconds * 1000,
        streams: deps.streams,
        credential: {
          keys: [streamKey.agentSession(session.tokenHash)],
          cap: deps.config.streams.perAgentSession,
          expiresAt: session.expiresAt,
        },
        maxAgeMs: deps.config.streams.maxAgeSeconds * 1000,
        recheck: touch,
        onHeartbeat: touch,
      },
      lastEventIdOf(c),
    );
  });
  return app;
}
