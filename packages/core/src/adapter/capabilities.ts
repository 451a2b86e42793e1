import * as z from 'zod/mini';

/** What an adapter can do; the widget hides every view and control whose capability is false. */
export const Capabilities = z.object({
  kb: z._default(z.boolean(), false),
  answers: z._default(z.boolean(), false),
  chat: z._default(z.boolean(), false),
  realtime: z._default(z.boolean(), false),
  typing: z._default(z.boolean(), false),
  readReceipts: z._default(z.boolean(), false),
  attachments: z._default(z.boolean(), false),
  csat: z._default(z.boolean(), false),
  tickets: z._default(z.boolean(), false),
  ticketList: z._default(z.boolean(), false),
  formSchema: z._default(z.boolean(), false),
  availability: z._default(z.boolean(), false),
  analytics: z._default(z.boolean(), false),
  /** Agents see the page the visitor is on while a chat they shared their context with is open. */
  livePage: z._default(z.boolean(), false),
  /** Agent replies to a ticket count as unread until the visitor reads it (`unreadCount`, `markTicketRead`). */
  ticketRead: z._default(z.boolean(), false),
  /** The visitor can mark their ticket solved from the widget (`solveTicket`). */
  solveTicket: z._default(z.boolean(), false),
  /** The visitor can end (resolve) their conversation from the widget. */
  endChat: z._default(z.boolean(), false),
  /** A visitor the host has not named can leave an email for replies (`setContact`). */
  contact: z._default(z.boolean(), false),
});
export type Capabilities = z.infer<typeof Capabilities>;
export type Capability = keyof Capabilities;
