import { Identity, type Session } from '@helpline/core';
import { Hono } from 'hono';
import type { AppDeps } from '../app/deps.js';
import { verifyIdentity } from '../auth/identity.js';
import { revokeSession } from '../auth/revoked-sessions.js';
import { issueSessionToken } from '../auth/session-token.js';
import { ApiError } from '../http/api-error.js';
import { readJson } from '../http/read-body.js';
import { adoptAnonymousHistory } from '../privacy/visitor-data.js';
import { upsertVisitor } from '../visitors/visitor-store.js';
import { widgetAuth } from './widget-auth.js';
import type { WidgetEnv } from './widget-env.js';

/**
 * POST /v1/session: identity in, bearer token out. Forged or expired proofs are 401.
 * DELETE /v1/session: logout; the token used is refused from then on (the visitor's other
 * sessions, e.g. on another device, stay valid). Ending a session twice, or one whose anonymous
 * visitor was merged into a signed-in user meanwhile, is still 204: the token is no use either way.
 */
export function sessionRoutes(deps: AppDeps): Hono<WidgetEnv> {
  const app = new Hono<WidgetEnv>();
  app.post('/', widgetAuth(deps, { session: false }), async (c) => {
    const workspace = c.get('workspace');
    const identity = await readJson(c, Identity, 'Session request');
    const proof = await verifyIdentity(identity, workspace.secret);
    if ('rejected' in proof) {
      const field = proof.rejected.split(':')[0];
      throw new ApiError(401, 'unauthorized', `Identity verification failed: ${proof.rejected}`, field);
    }
    // Anonymous visitors are welcome; a name, email or account they claim is not, unless proven.
    const claims = identity.user !== undefined || identity.account !== undefined;
    if (!proof.verified && claims && !workspace.settings.allowUnverified) {
      throw new ApiError(
        401,
        'unauthorized',
        'This workspace requires verified identities: user and account details need verification.userHash or verification.jwt',
        'verification',
      );
    }
    const visitor = await deps.db.transaction(async (tx) => {
      if (!proof.verified) return upsertVisitor(tx, workspace.id, { identity, verified: false });
      const user = await upsertVisitor(tx, workspace.id, {
        identity,
        verified: true,
        userId: proof.userId,
        name: proof.name,
        email: proof.email,
        account: proof.account,
      });
      await adoptAnonymousHistory(tx, workspace.id, identity.visitorId, user.id);
      return user;
    });
    const { token, expiresAt } = await issueSessionToken(
      deps.serverSecret,
      { workspaceId: workspace.id, visitorPk: visitor.id, visitorId: identity.visitorId },
      deps.config.sessionTtlSeconds,
    );
    const session: Session = {
      visitorId: identity.visitorId,
      verified: visitor.verified,
      token,
      expiresAt: expiresAt.toISOString(),
    };
    return c.json(session);
  });
  app.delete('/', widgetAuth(deps, { session: true, ending: true }), async (c) => {
    await revokeSession(deps.db, c.get('session'));
    return c.body(null, 204);
  });
  return app;
}
