import { Hono } from 'hono';
import type { AppDeps } from '../app/deps.js';
import { currentAvailability } from '../availability/availability.js';
import { widgetAuth } from './widget-auth.js';
import type { WidgetEnv } from './widget-env.js';

/** GET /v1/availability: is anyone there, and if not, when. */
export function availabilityRoutes(deps: AppDeps): Hono<WidgetEnv> {
  const app = new Hono<WidgetEnv>();
  app.get('/availability', widgetAuth(deps, { session: true }), async (c) =>
    c.json(await currentAvailability(deps.db, c.get('workspace'))),
  );
  return app;
}
