import { Hono } from 'hono';
import * as z from 'zod/mini';
import { computeAnalytics } from '../analytics/compute.js';
import type { AppDeps } from '../app/deps.js';
import { readQuery } from '../http/read-body.js';
import type { AgentEnv } from './agent-env.js';

const AnalyticsQuery = z.object({
  days: z.optional(
    z.pipe(z.string().check(z.regex(/^\d{1,3}$/, 'expected a whole number of days')), z.transform(Number)),
  ),
});

/** GET /analytics?days=30 */
export function agentAnalyticsRoutes(deps: AppDeps): Hono<AgentEnv> {
  const app = new Hono<AgentEnv>();
  app.get('/', async (c) => {
    const { days } = readQuery(c, AnalyticsQuery, 'Analytics query');
    return c.json(await computeAnalytics(deps.db, c.get('workspace'), Math.min(365, Math.max(1, days ?? 30))));
  });
  return app;
}
