import { Hono } from 'hono';
import type { AppDeps } from '../app/deps.js';
import { attachmentLinker } from '../app/links.js';
import { notFound } from '../http/api-error.js';
import { eraseVisitorAndFiles } from '../privacy/erase-visitor.js';
import { exportVisitorData } from '../privacy/visitor-data.js';
import { widgetAuth } from './widget-auth.js';
import type { WidgetEnv } from './widget-env.js';

/** GET /v1/me/export and DELETE /v1/me: the visitor's own data access and erasure (GDPR). */
export function privacyRoutes(deps: AppDeps): Hono<WidgetEnv> {
  const app = new Hono<WidgetEnv>();
  app.use('*', widgetAuth(deps, { session: true }));
  app.get('/export', async (c) => {
    const data = await exportVisitorData(
      deps.db,
      c.get('workspace').id,
      c.get('visitor').id,
      attachmentLinker(deps, c),
    );
    if (!data) throw notFound('Visitor');
    c.header('Content-Disposition', 'attachment; filename="helpline-data.json"');
    return c.json(data);
  });
  app.delete('/', async (c) => {
    await eraseVisitorAndFiles(deps, c.get('workspace').id, c.get('visitor').id);
    return c.body(null, 204);
  });
  return app;
}
