import * as z from 'zod/mini';
import { Attachment } from './attachment.js';
import { atLeast, CustomFields, Id, IdempotencyKey, matches, positive, Timestamp, whole } from './common.js';
import { Message } from './conversation.js';
import { Category, Severity } from './severity.js';

export { Category, DEFAULT_FIRST_RESPONSE_MINUTES, Severity } from './severity.js';

export const TicketStatus = z.enum(['new', 'open', 'pending', 'solved', 'closed']);
export type TicketStatus = z.infer<typeof TicketStatus>;

export const Ticket = z.object({
  id: Id,
  /** Human-facing reference such as "HL-1042"; falls back to `id`. */
  reference: z.optional(z.string()),
  subject: z.string().check(z.minLength(1)),
  description: z._default(z.string(), ''),
  severity: Severity,
  category: Category,
  status: TicketStatus,
  priority: z.optional(z.enum(['low', 'normal', 'high', 'urgent'])),
  fields: z._default(CustomFields, {}),
  attachments: z._default(z.array(Attachment), []),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  firstResponseDueAt: z.optional(Timestamp),
  firstRespondedAt: z.optional(Timestamp),
  /**
   * Agent replies since the visitor last read the ticket (capability `ticketRead`). Absent where the
   * sender does not count them (a live `ticket` event): the count known before stands.
   */
  unreadCount: z.optional(z.number().check(whole(), atLeast(0))),
});
export type Ticket = z.infer<typeof Ticket>;

export const Tickets = z.array(Ticket);

export const TicketThread = z.object({ ticket: Ticket, messages: z.array(Message) });
export type TicketThread = z.infer<typeof TicketThread>;

export const FormFieldType = z.enum(['text', 'textarea', 'number', 'email', 'url', 'select', 'checkbox']);
export type FormFieldType = z.infer<typeof FormFieldType>;

/** A backend-defined custom field; the widget renders and validates it from this description. */
export const FormField = z.object({
  id: z
    .string()
    .check(z.minLength(1), z.maxLength(100), matches(/^[a-zA-Z0-9_.-]+$/, 'letters, digits, _ . and - only')),
  label: z.string().check(z.minLength(1)),
  type: FormFieldType,
  required: z._default(z.boolean(), false),
  help: z.optional(z.string()),
  placeholder: z.optional(z.string()),
  options: z.optional(z.array(z.object({ value: z.string(), label: z.string() }))),
  maxLength: z.optional(z.number().check(whole(), positive())),
  min: z.optional(z.number()),
  max: z.optional(z.number()),
  /** Only show the field for these categories; absent means always. */
  categories: z.optional(z.array(Category)),
});
export type FormField = z.infer<typeof FormField>;

export const TicketForm = z.object({
  fields: z._default(z.array(FormField), []),
  categories: z._default(z.array(Category), ['outage', 'billing_access', 'how_to', 'bug', 'feature_request']),
  severities: z._default(z.array(Severity), ['P0', 'P1', 'P2', 'P3']),
  /** First-response target per severity in minutes, as this backend computes it. */
  firstResponseMinutes: z.optional(z.object({ P0: z.number(), P1: z.number(), P2: z.number(), P3: z.number() })),
  /**
   * A visitor the host has not named must leave an email with a ticket (the widget's Email field is
   * required; `setContact` first): the backend has no other way to answer them, as with Zendesk's
   * anonymous requests. Only meaningful with the `contact` capability.
   */
  contactRequired: z.optional(z.boolean()),
  attachments: z._default(z.object({ maxBytes: z.number(), types: z.array(z.string()) }), {
    maxBytes: 10 * 1024 * 1024,
    types: ['image/*', 'application/pdf', 'text/plain'],
  }),
});
export type TicketForm = z.infer<typeof TicketForm>;

export const TicketInput = z.object({
  subject: z.string().check(z.trim(), z.minLength(3), z.maxLength(200)),
  description: z.string().check(z.maxLength(20_000)),
  severity: Severity,
  category: Category,
  fields: z._default(CustomFields, {}),
  attachmentIds: z._default(z.array(Id), []),
  idempotencyKey: IdempotencyKey,
});
export type TicketInput = z.infer<typeof TicketInput>;
