import {
  Author,
  Category,
  ContextAccount,
  Conversation,
  LivePage,
  Message,
  RealtimeEvent,
  Severity,
  Ticket,
  TicketStatus,
  Timestamp,
} from '@helpline/core';
import * as z from 'zod/mini';

/** Shapes of the server's agent API (/agent/api), built from the core wire schemas. */
export const Agent = z.object({ id: z.string(), name: z.string(), email: z.string() });
export type Agent = z.infer<typeof Agent>;
export const AgentList = z.array(Agent);

/** What a reply may carry: the server's caps, shown before a file is sent (the server checks again). */
export const UploadRules = z.object({ maxBytes: z.number(), types: z.array(z.string()), maxFiles: z.number() });
export type UploadRules = z.infer<typeof UploadRules>;

export const Session = z.object({ agent: Agent, csrfToken: z.string().check(z.minLength(1)), uploads: UploadRules });
export type Session = z.infer<typeof Session>;

export const VisitorContact = z.object({ email: z.string(), name: z.optional(z.string()), at: Timestamp });

export const VisitorSummary = z.object({
  id: z.string(),
  name: z.optional(z.string()),
  email: z.optional(z.string()),
  verified: z.boolean(),
  /** The email the visitor typed for replies: never checked, so shown apart from `email`. */
  contact: z.optional(VisitorContact),
});
export type VisitorSummary = z.infer<typeof VisitorSummary>;

export const Breach = z.enum(['ok', 'at_risk', 'breached']);
export type Breach = z.infer<typeof Breach>;

export const ConversationItem = z.object({
  conversation: Conversation,
  visitor: VisitorSummary,
  account: z.optional(ContextAccount),
  lastMessage: z.optional(Message),
  waitingSince: z.optional(Timestamp),
  slaDueAt: z.optional(Timestamp),
});
export type ConversationItem = z.infer<typeof ConversationItem>;

export const TicketItem = z.object({
  ticket: Ticket,
  visitor: VisitorSummary,
  account: z.optional(ContextAccount),
  slaDueAt: Timestamp,
  breach: Breach,
  /** Routing queue (absent from servers older than routing). */
  queue: z.optional(z.string()),
  /** The agent working it; absent while nobody is. */
  assignee: z.optional(Author),
});
export type TicketItem = z.infer<typeof TicketItem>;

export const ThreadKind = z.enum(['conversation', 'ticket']);
export type ThreadKind = z.infer<typeof ThreadKind>;

/**
 * Who now works a conversation or ticket (no assignee: nobody), and who gave it. The agents'
 * stream alone carries it: a visitor's widget is never told a ticket's owner.
 */
export const AssigneeEvent = z.object({
  type: z.literal('assignee'),
  kind: ThreadKind,
  id: z.string(),
  assignee: z.optional(Author),
  by: Author,
});
export type AssigneeEvent = z.infer<typeof AssigneeEvent>;

/** Where a visitor is now, while a conversation of theirs that shares their context is open. */
export const VisitorPage = z.extend(LivePage, { at: Timestamp });
export type VisitorPage = z.infer<typeof VisitorPage>;

/** The visitor `visitorId` (their id in `visitor`) moved to another page; agents' stream only. */
export const PageEvent = z.object({ type: z.literal('page'), visitorId: z.string(), page: VisitorPage });

/** What the agents' stream carries: the widget's events, and those only agents get. */
/** The visitor `visitorId` left an email for replies (or a new one); agents' stream only. */
export const ContactEvent = z.object({ type: z.literal('contact'), visitorId: z.string(), contact: VisitorContact });

export const AgentEvent = z.union([RealtimeEvent, AssigneeEvent, PageEvent, ContactEvent]);
export type AgentEvent = z.infer<typeof AgentEvent>;

export const Queue = z.object({ conversations: z.array(ConversationItem), tickets: z.array(TicketItem) });
export type Queue = z.infer<typeof Queue>;

/**
 * `context` stays unknown here and is parsed on its own: a snapshot the server kept but this
 * inbox cannot read must not hide the messages.
 */
export const ConversationThread = z.object({
  conversation: Conversation,
  messages: z.array(Message),
  context: z.optional(z.unknown()),
  visitor: z.optional(z.nullable(VisitorSummary)),
  /** When the visitor last read the conversation (their widget showed it). */
  visitorLastReadAt: z.optional(Timestamp),
  visitorPage: z.optional(VisitorPage),
});
export type ConversationThread = z.infer<typeof ConversationThread>;

export const HistoryEntry = z.object({
  at: Timestamp,
  field: z.string(),
  from: z.nullable(z.string()),
  to: z.nullable(z.string()),
  by: z.string(),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

export const TicketDetail = z.object({
  ticket: Ticket,
  queue: z.optional(z.string()),
  assignee: z.optional(Author),
  messages: z.array(Message),
  context: z.optional(z.unknown()),
  visitor: z.optional(z.nullable(VisitorSummary)),
  history: z._default(z.array(HistoryEntry), []),
});
export type TicketDetail = z.infer<typeof TicketDetail>;

export const TicketPatch = z.object({
  status: z.optional(TicketStatus),
  severity: z.optional(Severity),
  category: z.optional(Category),
});
export type TicketPatch = z.infer<typeof TicketPatch>;

/** A ticket given to an agent (or to nobody: no assignee). */
export const AssignedTicket = z.object({ ticket: Ticket, assignee: z.optional(Author) });
export type AssignedTicket = z.infer<typeof AssignedTicket>;

export const ArticleSummary = z.object({
  id: z.string(),
  title: z.string(),
  slug: z.string(),
  category: z.optional(z.nullable(z.string())),
  routes: z._default(z.array(z.string()), []),
  published: z.boolean(),
  updatedAt: Timestamp,
});
export type ArticleSummary = z.infer<typeof ArticleSummary>;
export const ArticleSummaries = z.array(ArticleSummary);

export const ArticleSource = z.extend(ArticleSummary, { markdown: z.string() });
export type ArticleSource = z.infer<typeof ArticleSource>;

export const ArticleEdit = z.object({
  title: z.string(),
  slug: z.string(),
  markdown: z.string(),
  category: z.optional(z.string()),
  routes: z.array(z.string()),
  published: z.boolean(),
});
export type ArticleEdit = z.infer<typeof ArticleEdit>;

export const Preview = z.object({ html: z.string() });

const Ratio = z.nullable(z.number());

export const AnalyticsDay = z.object({
  day: z.string(),
  helpSessions: z.number(),
  deflected: z.number(),
  deflectionRate: Ratio,
  articleViews: z.number(),
  helpful: z.number(),
  notHelpful: z.number(),
  questions: z.number(),
  answersSolved: z.number(),
  answersEscalated: z.number(),
  conversations: z.number(),
  tickets: z.number(),
});
export type AnalyticsDay = z.infer<typeof AnalyticsDay>;

export const Analytics = z.object({
  deflectionRate: Ratio,
  helpSessions: z.number(),
  escalations: z.number(),
  answers: z.optional(
    z.object({ questions: z.number(), solved: z.number(), escalated: z.number(), selfServiceRate: Ratio }),
  ),
  series: z._default(z.array(AnalyticsDay), []),
  articles: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      views: z.number(),
      helpful: z.number(),
      notHelpful: z.number(),
      helpfulness: Ratio,
      ticketsAfterView: z.number(),
      attachRate: Ratio,
      needsUpdate: z.boolean(),
      flags: z._default(z.array(z.enum(['attach_rate', 'not_helpful'])), []),
    }),
  ),
  csat: z.object({ responses: z.number(), satisfied: z.number(), score: Ratio }),
  firstResponse: z.array(
    z.object({
      severity: Severity,
      count: z.number(),
      medianMinutes: Ratio,
      targetMinutes: z.number(),
      breaches: z.number(),
    }),
  ),
});
export type Analytics = z.infer<typeof Analytics>;

export const Escalated = z.object({ escalationId: z.string(), endpoints: z.number() });
export type Escalated = z.infer<typeof Escalated>;

export const WebhookLog = z.object({
  endpoints: z.array(z.object({ id: z.string(), format: z.string(), events: z.array(z.string()), host: z.string() })),
  deliveries: z.array(
    z.object({
      id: z.string(),
      endpointId: z.string(),
      payloadId: z.string(),
      event: z.enum(['escalation', 'p0_ticket']),
      source: z.object({ kind: z.enum(['ticket', 'conversation']), id: z.string(), reference: z.optional(z.string()) }),
      attempt: z.number(),
      status: z.number(),
      ok: z.boolean(),
      error: z.optional(z.string()),
      at: Timestamp,
    }),
  ),
});
export type WebhookLog = z.infer<typeof WebhookLog>;

export const ErrorBody = z.object({
  error: z.object({ code: z.string(), message: z.string(), field: z.optional(z.string()) }),
});
