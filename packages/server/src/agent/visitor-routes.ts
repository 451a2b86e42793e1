import { Hono } from 'hono';
import type { AppDeps } from '../app/deps.js';
import { attachmentLinker } from '../app/links.js';
import { notFound } from '../http/api-error.js';
import { eraseVisitorAndFiles } from '../privacy/erase-visitor.js';
import { exportVisitorData } from '../privacy/visitor-data.js';
import type { AgentEnv } from './agent-env.js';

/** Data requests handled by an agent (GDPR access and erasure on the customer's behalf). */
export function agentVisitorRoutes(deps: AppDeps): Hono<AgentEnv> {
  const app = new Hono<AgentEnv>();
  app.get('/:id/export', async (c) => {
    const data = await exportVisitorData(deps.db, c.get('workspace').id, c.req.param('id'), attachmentLinker(deps, c));
    if (!data) throw notFound('Visitor');
    return c.json(data);
  });
  app.delete('/:id', async (c) => {
    const erased = await eraseVisitorAndFiles(deps, c.get('workspace').id, c.req.param('id'));
    if (!erased) throw notFound('Visitor');
    return c.body(null, 204);
  });
  return app;
}
