import { Hono } from 'hono';
import { type AppDeps, trackStream } from '../app/deps.js';
import { eventStream, lastEventIdOf } from '../realtime/sse.js';
import { widgetAuth } from './widget-auth.js';
import type { WidgetEnv } from './widget-env.js';

/** GET /v1/events: the visitor's realtime stream (SSE), resumable with Last-Event-ID. */
export function eventRoutes(deps: AppDeps): Hono<WidgetEnv> {
  const app = new Hono<WidgetEnv>();
  app.get('/', widgetAuth(deps, { session: true }), (c) =>
    eventStream(
      c,
      {
        hub: deps.hub,
        filter: { workspaceId: c.get('workspace').id, visitorPk: c.get('visitor').id },
        heartbeatMs: deps.config.heartbeatSeconds * 1000,
        track: trackStream(deps),
      },
      lastEventIdOf(c),
    ),
  );
  return app;
}
