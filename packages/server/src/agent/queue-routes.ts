import { Hono } from 'hono';
import * as z from 'zod/mini';
import type { AppDeps } from '../app/deps.js';
import { attachmentLinker } from '../app/links.js';
import { CONVERSATION_COLUMNS, type ConversationRow, toConversations } from '../conversations/conversation-store.js';
import { readQuery } from '../http/read-body.js';
import { breachState } from '../tickets/sla.js';
import { TICKET_COLUMNS, type TicketRow, ticketAssignee, toTicket } from '../tickets/ticket-store.js';
import { toVisitor, VISITOR_COLUMNS, visitorSummary } from '../visitors/visitor-store.js';
import type { AgentEnv } from './agent-env.js';

type VisitorRow = Parameters<typeof toVisitor>[0];

const QueueQuery = z.object({ view: z.optional(z.enum(['open', 'closed'])) });

/**
 * GET /queue: open conversations and tickets, most urgent first. A conversation waits from the
 * visitor's first message after the last agent reply; it is due `expectedReplyMinutes` later.
 * GET /queue?view=closed: the 200 most recently updated resolved conversations and solved or closed
 * tickets, so an agent can find one again (to read or reopen it); nothing is due on them.
 */
export function queueRoutes(deps: AppDeps): Hono<AgentEnv> {
  const app = new Hono<AgentEnv>();
  app.get('/', async (c) => {
    const workspace = c.get('workspace');
    const link = attachmentLinker(deps, c);
    const now = new Date();
    const closed = readQuery(c, QueueQuery, 'Queue query').view === 'closed';
    const conversationRows = await deps.db.query<ConversationRow>(
      `select ${CONVERSATION_COLUMNS} from conversations where workspace_id = $1 and status ${closed ? '=' : '<>'} 'resolved' order by updated_at desc limit 200`,
      [workspace.id],
    );
    const ticketRows = await deps.db.query<TicketRow>(
      closed
        ? `select ${TICKET_COLUMNS} from tickets where workspace_id = $1 and status in ('solved', 'closed') order by updated_at desc limit 200`
        : `select ${TICKET_COLUMNS} from tickets where workspace_id = $1 and status in ('new', 'open', 'pending') order by first_response_due_at limit 200`,
      [workspace.id],
    );
    const visitorRows = await deps.db.query<VisitorRow>(
      `select ${VISITOR_COLUMNS} from visitors where workspace_id = $1 and id in (select jsonb_array_elements_text($2::jsonb))`,
      [workspace.id, [...new Set([...conversationRows, ...ticketRows].map((row) => row.visitor_pk))]],
    );
    const visitors = new Map(visitorRows.map((row) => [row.id, toVisitor(row)]));
    const waiting = await deps.db.query<{ conversation_id: string; since: Date }>(
      `select m.conversation_id, min(m.created_at) as since from messages m
       where m.workspace_id = $1 and m.conversation_id in (select jsonb_array_elements_text($2::jsonb)) and m.author_type = 'user'
         and m.seq > coalesce((select max(seq) from messages a where a.conversation_id = m.conversation_id and a.author_type = 'agent'), 0)
       group by m.conversation_id`,
      [workspace.id, closed ? [] : conversationRows.map((row) => row.id)],
    );
    const conversations = await toConversations(deps.db, conversationRows, link);
    const replyMs = workspace.settings.expectedReplyMinutes * 60_000;
    const conversationItems = conversationRows.map((row, index) => {
      const visitor = visitors.get(row.visitor_pk);
      const since = waiting.find((entry) => entry.conversation_id === row.id)?.since;
      const conversation = conversations[index];
      return {
        conversation,
        visitor: visitor ? visitorSummary(visitor) : { id: row.visitor_pk, verified: false },
        ...((row.context?.account ?? visitor?.account) ? { account: row.context?.account ?? visitor?.account } : {}),
        ...(conversation?.lastMessage ? { lastMessage: conversation.lastMessage } : {}),
        ...(since
          ? {
              waitingSince: new Date(since).toISOString(),
              slaDueAt: new Date(new Date(since).getTime() + replyMs).toISOString(),
            }
          : {}),
      };
    });
    // Waiting conversations first by due time; those waiting on the visitor after them.
    if (!closed) conversationItems.sort((a, b) => (a.slaDueAt ?? '\uffff').localeCompare(b.slaDueAt ?? '\uffff'));
    const ticketItems = ticketRows.map((row) => {
      const visitor = visitors.get(row.visitor_pk);
      const due = new Date(row.first_response_due_at);
      return {
        ticket: toTicket(row, link),
        queue: row.queue,
        ...ticketAssignee(row),
        visitor: visitor ? visitorSummary(visitor) : { id: row.visitor_pk, verified: false },
        ...((row.context?.account ?? visitor?.account) ? { account: row.context?.account ?? visitor?.account } : {}),
        slaDueAt: due.toISOString(),
        breach: breachState(
          new Date(row.created_at),
          due,
          row.first_responded_at ? new Date(row.first_responded_at) : null,
          now,
        ),
        responded: row.first_responded_at !== null,
      };
    });
    // Tickets not answered yet first, each group by due time; closed ones stay newest first.
    if (!closed)
      ticketItems.sort((a, b) => Number(a.responded) - Number(b.responded) || a.slaDueAt.localeCompare(b.slaDueAt));
    const tickets = ticketItems.map(({ responded: _responded, ...item }) => item);
    return c.json({ conversations: conversationItems, tickets });
  });
  return app;
}
