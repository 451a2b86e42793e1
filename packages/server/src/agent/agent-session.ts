import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppDeps } from '../app/deps.js';
import { ApiError } from '../http/api-error.js';
import { isSecureRequest } from '../http/secure-request.js';
import { endStreams, streamKey } from '../realtime/stream-end.js';
import { workspaceById } from '../workspace/workspace-store.js';
import type { AgentEnv, AgentIdentity } from './agent-env.js';

export const SESSION_COOKIE = 'helpline_agent';
const SESSION_HOURS = 12;
const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

// Only a hash of the cookie is stored: a leaked database does not hand out live sessions.
const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** Creates a session row and sets the HttpOnly, SameSite=Strict cookie; returns the CSRF token. */
export async function openAgentSession(
  deps: AppDeps,
  c: Context,
  agentId: string,
  workspaceId: string,
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + SESSION_HOURS * 3600_000);
  await deps.db.query('delete from agent_sessions where expires_at < now()');
  await deps.db.query(
    'insert into agent_sessions (token_hash, agent_id, workspace_id, csrf_token, expires_at) values ($1, $2, $3, $4, $5)',
    [hashToken(token), agentId, workspaceId, csrfToken, expiresAt],
  );
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Strict',
    path: '/',
    secure: isSecureRequest(c, deps.config),
    expires: expiresAt,
  });
  return csrfToken;
}

export async function closeAgentSession(deps: AppDeps, c: Context): Promise<void> {
  const token = getCookie(c, SESSION_COOKIE);
  if (token) {
    const tokenHash = hashToken(token);
    await deps.db.query('delete from agent_sessions where token_hash = $1', [tokenHash]);
    await endStreams(deps.db, streamKey.agentSession(tokenHash), 'logged_out');
  }
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
}

function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Cookie session required; mutating requests also need the session's X-CSRF-Token header. */
export function requireAgent(deps: AppDeps): MiddlewareHandler<AgentEnv> {
  return async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE);
    if (!token) throw new ApiError(401, 'unauthorized', 'Not signed in');
    const tokenHash = hashToken(token);
    const [row] = await deps.db.query<
      AgentIdentity & { workspace_id: string; csrf_token: string; expires_at: Date | string }
    >(
      `select a.id, a.name, a.email, s.workspace_id, s.csrf_token, s.expires_at from agent_sessions s join agents a on a.id = s.agent_id
       where s.token_hash = $1 and s.expires_at > now()`,
      [tokenHash],
    );
    if (!row) throw new ApiError(401, 'unauthorized', 'Session expired: sign in again');
    if (MUTATING.has(c.req.method)) {
      const header = c.req.header('X-CSRF-Token');
      if (!header || !sameToken(header, row.csrf_token))
        throw new ApiError(403, 'forbidden', 'X-CSRF-Token: missing or wrong', 'X-CSRF-Token');
    }
    const workspace = await workspaceById(deps.db, row.workspace_id);
    if (!workspace) throw new ApiError(401, 'unauthorized', 'Workspace no longer exists');
    c.set('agent', { id: row.id, name: row.name, email: row.email });
    c.set('workspace', workspace);
    c.set('csrfToken', row.csrf_token);
    c.set('agentSession', { tokenHash, expiresAt: new Date(row.expires_at) });
    await next();
  };
}
