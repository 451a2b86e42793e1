import { Hono } from 'hono';
import type { AppDeps } from '../app/deps.js';
import { sessionVisitor } from '../auth/revoked-sessions.js';
import { eventStream, lastEventIdOf } from '../realtime/sse.js';
import { streamKey } from '../realtime/stream-end.js';
import { widgetAuth } from './widget-auth.js';
import type { WidgetEnv } from './widget-env.js';

/**
 * GET /v1/events: the visitor's realtime stream (SSE), resumable with Last-Event-ID. It ends when
 * its token is revoked or expires and when its visitor is erased, on whichever instance that happens.
 */
export function eventRoutes(deps: AppDeps): Hono<WidgetEnv> {
  const app = new Hono<WidgetEnv>();
  app.get('/', widgetAuth(deps, { session: true }), (c) => {
    const session = c.get('session');
    const workspaceId = c.get('workspace').id;
    const visitorPk = c.get('visitor').id;
    return eventStream(
      c,
      {
        hub: deps.hub,
        filter: { workspaceId, visitorPk },
        heartbeatMs: deps.config.heartbeatSeconds * 1000,
        streams: deps.streams,
        credential: {
          keys: [streamKey.visitorToken(session.tokenId), streamKey.visitor(workspaceId, visitorPk)],
          cap: deps.config.streams.perVisitorToken,
          expiresAt: session.expiresAt,
        },
        maxAgeMs: deps.config.streams.maxAgeSeconds * 1000,
        recheck: async () => {
          const { revoked, visitor } = await sessionVisitor(deps.db, session);
          return revoked ? 'logged_out' : visitor ? undefined : 'visitor_gone';
        },
      },
      lastEventIdOf(c),
    );
  });
  return app;
}
