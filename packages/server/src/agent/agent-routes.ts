import { Hono } from 'hono';
import type { AppDeps } from '../app/deps.js';
import type { AgentEnv } from './agent-env.js';
import { requireAgent } from './agent-session.js';
import { agentListRoutes } from './agents-routes.js';
import { agentAnalyticsRoutes } from './analytics-routes.js';
import { authRoutes } from './auth-routes.js';
import { agentConversationRoutes } from './conversation-routes.js';
import { escalationRoutes } from './escalation-routes.js';
import { agentKbRoutes } from './kb-routes.js';
import { presenceRoutes } from './presence-routes.js';
import { queueRoutes } from './queue-routes.js';
import { agentTicketRoutes } from './ticket-routes.js';
import { agentUploadRoutes } from './upload-routes.js';
import { agentVisitorRoutes } from './visitor-routes.js';

/** /agent/api: cookie session + CSRF header for everything but login (auth routes guard themselves). */
export function agentRoutes(deps: AppDeps): Hono<AgentEnv> {
  const app = new Hono<AgentEnv>();
  const guard = requireAgent(deps);
  // `/x/*` also matches `/x`; a middleware on '*' here would cover /login too.
  for (const prefix of [
    '/queue',
    '/conversations',
    '/tickets',
    '/kb',
    '/analytics',
    '/presence',
    '/events',
    '/visitors',
    '/webhooks',
    '/agents',
    '/attachments',
  ])
    app.use(`${prefix}/*`, guard);
  app.route('/', authRoutes(deps));
  app.route('/queue', queueRoutes(deps));
  app.route('/conversations', agentConversationRoutes(deps));
  app.route('/tickets', agentTicketRoutes(deps));
  app.route('/kb', agentKbRoutes(deps));
  app.route('/analytics', agentAnalyticsRoutes(deps));
  app.route('/visitors', agentVisitorRoutes(deps));
  app.route('/agents', agentListRoutes(deps));
  app.route('/attachments', agentUploadRoutes(deps));
  app.route('/', presenceRoutes(deps));
  app.route('/', escalationRoutes(deps));
  return app;
}
