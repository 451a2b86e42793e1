import { Contact } from '@helpline/core';
import { Hono } from 'hono';
import type { AppDeps } from '../app/deps.js';
import { readJson } from '../http/read-body.js';
import { redactContact } from '../privacy/typed-text.js';
import { widgetAuth } from './widget-auth.js';
import type { WidgetEnv } from './widget-env.js';

/**
 * POST /v1/contact: the email a visitor gives so replies reach them after they leave. Kept on their
 * visitor row apart from the host's `email`: it is only what they typed, so it names no one, links no
 * visitors and opens no history. Agents read it with the visitor (inbox, webhooks); a newer one replaces it.
 */
export function contactRoutes(deps: AppDeps): Hono<WidgetEnv> {
  const app = new Hono<WidgetEnv>();
  app.post('/contact', widgetAuth(deps, { session: true }), async (c) => {
    const workspace = c.get('workspace');
    const visitor = c.get('visitor');
    const contact = redactContact(await readJson(c, Contact, 'Contact'));
    const at = new Date().toISOString();
    // Built from text parameters, as the live page is: jsonb would refuse a lone surrogate text takes.
    await deps.db.query(
      `update visitors set contact = jsonb_strip_nulls(jsonb_build_object('email', $3::text, 'name', $4::text, 'at', $5::text))
       where workspace_id = $1 and id = $2`,
      [workspace.id, visitor.id, contact.email, contact.name ?? null, at],
    );
    // An agent with one of the visitor's threads open sees it at once.
    await deps.hub.publishEphemeral({
      workspaceId: workspace.id,
      visitorPk: visitor.id,
      audience: 'agents',
      payload: { type: 'contact', visitorId: visitor.id, contact: { ...contact, at } },
    });
    return c.body(null, 204);
  });
  return app;
}
