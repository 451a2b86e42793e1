import { CONVERSATION_COLUMNS, type ConversationRow } from '../conversations/conversation-store.js';
import type { Queryable } from '../db/database.js';
import { type AttachmentLinker, threadMessages } from '../messages/message-store.js';
import { endStreams, streamKey } from '../realtime/stream-end.js';
import { TICKET_COLUMNS, type TicketRow, toTicket } from '../tickets/ticket-store.js';
import { livePageOf, type Visitor, visitorById } from '../visitors/visitor-store.js';

/** Every table that points at a visitor without a cascading foreign key. */
const LOOSE_REFERENCES = ['realtime_events', 'analytics_events', 'answers'] as const;

/** GDPR access: everything stored about one visitor, as JSON. */
export async function exportVisitorData(db: Queryable, workspaceId: string, visitorPk: string, link: AttachmentLinker) {
  const visitor = await visitorById(db, workspaceId, visitorPk);
  if (!visitor) return undefined;
  const conversations = await db.query<ConversationRow>(
    `select ${CONVERSATION_COLUMNS} from conversations where workspace_id = $1 and visitor_pk = $2 order by created_at`,
    [workspaceId, visitorPk],
  );
  const tickets = await db.query<TicketRow>(
    `select ${TICKET_COLUMNS} from tickets where workspace_id = $1 and visitor_pk = $2 order by created_at`,
    [workspaceId, visitorPk],
  );
  const votes = await db.query<{ article_id: string; helpful: boolean; updated_at: Date }>(
    'select article_id, helpful, updated_at from article_votes where workspace_id = $1 and visitor_pk = $2',
    [workspaceId, visitorPk],
  );
  const events = await db.query<{
    type: string;
    article_id: string | null;
    query: string | null;
    path: string | null;
    created_at: Date;
  }>(
    'select type, article_id, query, path, created_at from analytics_events where workspace_id = $1 and visitor_pk = $2 order by id',
    [workspaceId, visitorPk],
  );
  return {
    exportedAt: new Date().toISOString(),
    visitor: profile(visitor),
    livePage: (await livePageOf(db, workspaceId, visitorPk)) ?? null,
    conversations: await Promise.all(
      conversations.map(async (row) => ({
        id: row.id,
        status: row.status,
        subject: row.subject,
        createdAt: new Date(row.created_at).toISOString(),
        context: row.context,
        csat: row.csat_score ? { score: row.csat_score, comment: row.csat_comment } : null,
        messages: await threadMessages(db, workspaceId, { conversationId: row.id }, link),
      })),
    ),
    tickets: await Promise.all(
      tickets.map(async (row) => ({
        ...toTicket(row, link),
        context: row.context,
        messages: await threadMessages(db, workspaceId, { ticketId: row.id }, link),
      })),
    ),
    articleVotes: votes.map((vote) => ({
      articleId: vote.article_id,
      helpful: vote.helpful,
      at: new Date(vote.updated_at).toISOString(),
    })),
    activity: events.map((event) => ({
      type: event.type,
      articleId: event.article_id,
      query: event.query,
      path: event.path,
      at: new Date(event.created_at).toISOString(),
    })),
  };
}

const profile = (visitor: Visitor) => ({
  id: visitor.id,
  visitorId: visitor.visitorId,
  userId: visitor.userId,
  name: visitor.name,
  email: visitor.email,
  verified: visitor.verified,
  account: visitor.account,
  // Typed by the visitor, unverified: exported as given, beside the host's `email`.
  contact: visitor.contact,
});

/**
 * GDPR erasure: the visitor row and, through cascades and the loose references, everything else;
 * the visitor's open event streams end when it commits.
 */
export async function eraseVisitor(tx: Queryable, workspaceId: string, visitorPk: string): Promise<boolean> {
  for (const table of LOOSE_REFERENCES)
    await tx.query(`delete from ${table} where workspace_id = $1 and visitor_pk = $2`, [workspaceId, visitorPk]);
  const deleted = await tx.query('delete from visitors where workspace_id = $1 and id = $2 returning id', [
    workspaceId,
    visitorPk,
  ]);
  if (deleted.length === 0) return false;
  await endStreams(tx, streamKey.visitor(workspaceId, visitorPk), 'visitor_gone');
  return true;
}

/**
 * When an anonymous visitor signs in (verified), their anonymous conversations, tickets, uploads,
 * votes and activity move to the verified user, as Intercom does: nothing asked before login is lost.
 * The anonymous visitor is gone, and so are its streams: the user's own stream carries the history now.
 */
export async function adoptAnonymousHistory(
  tx: Queryable,
  workspaceId: string,
  visitorId: string,
  userPk: string,
): Promise<void> {
  const [anonymous] = await tx.query<{ id: string }>(
    "select id from visitors where workspace_id = $1 and identity_key = 'visitor:' || $2 and not verified and id <> $3",
    [workspaceId, visitorId, userPk],
  );
  if (!anonymous) return;
  const move = [workspaceId, anonymous.id, userPk];
  for (const table of ['conversations', 'tickets', 'attachments', ...LOOSE_REFERENCES]) {
    await tx.query(`update ${table} set visitor_pk = $3 where workspace_id = $1 and visitor_pk = $2`, move);
  }
  // The user's own vote wins where both voted on the same article.
  await tx.query(
    `delete from article_votes where workspace_id = $1 and visitor_pk = $2
       and article_id in (select article_id from article_votes where workspace_id = $1 and visitor_pk = $3)`,
    move,
  );
  await tx.query('update article_votes set visitor_pk = $3 where workspace_id = $1 and visitor_pk = $2', move);
  await tx.query('delete from visitors where workspace_id = $1 and id = $2', [workspaceId, anonymous.id]);
  await endStreams(tx, streamKey.visitor(workspaceId, anonymous.id), 'visitor_gone');
}
