import { LivePage } from '@helpline/core';
import { Hono } from 'hono';
import type { AppDeps } from '../app/deps.js';
import { SHARES_PAGE_SQL } from '../conversations/conversation-store.js';
import { readJson } from '../http/read-body.js';
import { redactLivePage } from '../privacy/typed-text.js';
import { widgetAuth } from './widget-auth.js';
import type { WidgetEnv } from './widget-env.js';

/**
 * POST /v1/page: the page the visitor is on now, for the agents of their open conversations. Taken only
 * while one of them was started with diagnostics (the visitor shared their context with it); otherwise
 * answered 204 and dropped, so a client that sends it anyway shares nothing.
 */
export function pageRoutes(deps: AppDeps): Hono<WidgetEnv> {
  const app = new Hono<WidgetEnv>();
  app.post('/page', widgetAuth(deps, { session: true }), async (c) => {
    const workspace = c.get('workspace');
    const visitor = c.get('visitor');
    const page = { ...redactLivePage(await readJson(c, LivePage, 'Page')), at: new Date().toISOString() };
    // Built in SQL from text parameters: text takes any string the body had (a lone surrogate becomes
    // U+FFFD), where a JSON parameter would be refused by jsonb.
    const [shared] = await deps.db.query<{ id: string }>(
      `update visitors set live_page = jsonb_build_object('path', $3::text, 'title', $4::text, 'at', $5::text)
       where workspace_id = $1 and id = $2
         and exists (select 1 from conversations where workspace_id = $1 and visitor_pk = $2
                     and status = 'open' and ${SHARES_PAGE_SQL})
       returning id`,
      [workspace.id, visitor.id, page.path, page.title, page.at],
    );
    if (shared)
      await deps.hub.publishEphemeral({
        workspaceId: workspace.id,
        visitorPk: visitor.id,
        audience: 'agents',
        payload: { type: 'page', visitorId: visitor.id, page },
      });
    return c.body(null, 204);
  });
  return app;
}
