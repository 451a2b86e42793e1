import type { MiddlewareHandler } from 'hono';
import type { AppDeps } from '../app/deps.js';
import { sessionVisitor } from '../auth/revoked-sessions.js';
import { verifySessionToken } from '../auth/session-token.js';
import { ApiError } from '../http/api-error.js';
import { clientIp } from '../http/client-ip.js';
import { workspaceById, workspaceByKey } from '../workspace/workspace-store.js';
import type { WidgetEnv } from './widget-env.js';

function tooMany(retryAfterSeconds: number, who: string): ApiError {
  return new ApiError(
    429,
    'rate_limited',
    `Too many requests from this ${who}; retry in ${retryAfterSeconds} s`,
    undefined,
    {
      'Retry-After': String(retryAfterSeconds),
    },
  );
}

/** Per-IP token bucket, before anything touches the database. */
export function ipRateLimit(deps: AppDeps): MiddlewareHandler {
  return async (c, next) => {
    const result = deps.limits.ip.take(clientIp(c, deps.config.trustProxy));
    if (!result.ok) throw tooMany(result.retryAfterSeconds, 'address');
    await next();
  };
}

const bearer = (header: string | undefined): string | undefined => /^Bearer\s+(\S+)$/i.exec(header ?? '')?.[1];

/**
 * `X-Helpline-Key` (or ?key= where headers cannot be set) names the workspace. With `session`, a
 * Bearer token (?token= only on the event stream, for EventSource) bound to that workspace is
 * required too; a stream may omit the key since its token already names the workspace.
 */
export function widgetAuth(
  deps: AppDeps,
  options: {
    session: boolean;
    /** Ending the session: one already ended, or whose visitor is gone, may end again. */
    ending?: boolean;
  },
): MiddlewareHandler<WidgetEnv> {
  return async (c, next) => {
    const key = c.req.header('X-Helpline-Key') ?? c.req.query('key');
    // Only EventSource cannot send headers; elsewhere a token in the URL would end up in access logs.
    const stream = c.req.path === '/v1/events';
    const token = bearer(c.req.header('Authorization')) ?? (stream ? c.req.query('token') : undefined);
    const claims = options.session && token ? await verifySessionToken(deps.serverSecret, token) : undefined;
    const workspace = key
      ? await workspaceByKey(deps.db, key)
      : claims && stream
        ? await workspaceById(deps.db, claims.workspaceId)
        : undefined;
    if (!workspace) {
      throw new ApiError(
        401,
        'unauthorized',
        key ? 'Unknown widget key' : 'Missing X-Helpline-Key header',
        'X-Helpline-Key',
      );
    }
    c.set('workspace', workspace);
    if (options.session) {
      if (!token)
        throw new ApiError(401, 'unauthorized', 'Missing Authorization: Bearer <session token>', 'Authorization');
      if (!claims || claims.workspaceId !== workspace.id)
        throw new ApiError(401, 'unauthorized', 'Invalid or expired session token', 'Authorization');
      c.set('session', claims);
      if (options.ending) return next();
      const { revoked, visitor } = await sessionVisitor(deps.db, claims);
      if (revoked) throw new ApiError(401, 'unauthorized', 'This session has ended (logged out)', 'Authorization');
      if (!visitor) throw new ApiError(401, 'unauthorized', 'Session visitor no longer exists', 'Authorization');
      const limited = deps.limits.visitor.take(visitor.id);
      if (!limited.ok) throw tooMany(limited.retryAfterSeconds, 'visitor');
      c.set('visitor', visitor);
    }
    await next();
  };
}
