import { Hono } from 'hono';
import * as z from 'zod/mini';
import { computeAnalytics } from '../analytics/compute.js';
import type { AppDeps } from '../app/deps.js';
import { wholeNumberParam } from '../http/query-params.js';
import { readQuery } from '../http/read-body.js';
import type { AgentEnv } from './agent-env.js';

const AnalyticsQuery = z.object({
  days: z.optional(wholeNumberParam(1, 365)),
});

/** GET /analytics?days=30 */
export function agentAnalyticsRoutes(deps: AppDeps): Hono<AgentEnv> {
  const app = new Hono<AgentEnv>();
  app.get('/', async (c) => {
    const { days } = readQuery(c, AnalyticsQuery, 'Analytics query');
    return c.json(await computeAnalytics(deps.db, c.get('workspace'), days ?? 30));
  });
  return app;
}
