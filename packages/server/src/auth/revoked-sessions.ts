import type { Queryable } from '../db/database.js';
import { endStreams, streamKey } from '../realtime/stream-end.js';
import { toVisitor, VISITOR_COLUMNS, type Visitor, type VisitorRow } from '../visitors/visitor-store.js';
import type { VerifiedSession } from './session-token.js';

/**
 * Session tokens are signed, not stored; a revoked one is remembered by id until it would have
 * expired anyway, so the list stays as small as the tokens still in circulation. Its open event
 * streams end too, on every instance.
 */
export async function revokeSession(db: Queryable, session: VerifiedSession): Promise<void> {
  await db.query('delete from revoked_sessions where expires_at < now()');
  await db.query(
    'insert into revoked_sessions (token_id, workspace_id, expires_at) values ($1, $2, $3) on conflict (token_id) do nothing',
    [session.tokenId, session.workspaceId, session.expiresAt],
  );
  await endStreams(db, streamKey.visitorToken(session.tokenId), 'logged_out');
}

/**
 * The visitor a session token speaks for, and whether the token was revoked, in one statement:
 * every authenticated widget request needs both, and PGlite runs one statement at a time.
 */
export async function sessionVisitor(
  db: Queryable,
  session: VerifiedSession,
): Promise<{ revoked: boolean; visitor: Visitor | undefined }> {
  const [row] = await db.query<VisitorRow & { revoked: boolean }>(
    `select exists (select 1 from revoked_sessions where token_id = $3 and workspace_id = $1) as revoked, v.*
     from (select 1) as one
     left join (select ${VISITOR_COLUMNS} from visitors where workspace_id = $1 and id = $2) as v on true`,
    [session.workspaceId, session.visitorPk, session.tokenId],
  );
  return { revoked: row?.revoked === true, visitor: row?.id ? toVisitor(row) : undefined };
}
