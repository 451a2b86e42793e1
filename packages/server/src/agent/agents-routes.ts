import { Hono } from 'hono';
import type { AppDeps } from '../app/deps.js';
import type { AgentEnv } from './agent-env.js';

/** GET /agents: the workspace's agents, to assign a conversation to one of them. */
export function agentListRoutes(deps: AppDeps): Hono<AgentEnv> {
  const app = new Hono<AgentEnv>();
  app.get('/', async (c) => {
    const rows = await deps.db.query<{ id: string; name: string; email: string }>(
      'select id, name, email from agents where workspace_id = $1 order by lower(name), id',
      [c.get('workspace').id],
    );
    return c.json(rows.map(({ id, name, email }) => ({ id, name, email })));
  });
  return app;
}
