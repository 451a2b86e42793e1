import type { Queryable } from '../db/database.js';
import type { VerifiedSession } from './session-token.js';

/**
 * Session tokens are signed, not stored; a revoked one is remembered by id until it would have
 * expired anyway, so the list stays as small as the tokens still in circulation.
 */
export async function revokeSession(db: Queryable, session: VerifiedSession): Promise<void> {
  await db.query('delete from revoked_sessions where expires_at < now()');
  await db.query(
    'insert into revoked_sessions (token_id, workspace_id, expires_at) values ($1, $2, $3) on conflict (token_id) do nothing',
    [session.tokenId, session.workspaceId, session.expiresAt],
  );
}

export async function isSessionRevoked(db: Queryable, session: VerifiedSession): Promise<boolean> {
  const rows = await db.query('select 1 from revoked_sessions where token_id = $1 and workspace_id = $2', [
    session.tokenId,
    session.workspaceId,
  ]);
  return rows.length > 0;
}
