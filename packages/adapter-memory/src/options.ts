import { AvailabilityStatus, BusinessHours, Id, TicketForm, Timestamp } from '@helpline/core';
import * as z from 'zod/mini';

const fn = <T>(what: string) => z.custom<T>((value) => typeof value === 'function', `a function ${what}`);

/** An article the memory backend serves; `routes` are the route patterns it is suggested on. */
export const ArticleSeed = z.object({
  id: Id,
  title: z.string().check(z.minLength(1)),
  /** Untrusted HTML; <h2> sections become the passages of instant answers. */
  html: z.string(),
  summary: z.optional(z.string()),
  category: z.optional(z.string()),
  /**
   * Route patterns, as in `help.register`: `:id` is one segment, `*` one or more (`/invoices/*`).
   * @default []
   */
  routes: z._default(z.array(z.string().check(z.regex(/^\//, 'a route pattern starting with /'))), []),
  updatedAt: z.optional(Timestamp),
});
/** An article as callers write it; readonly arrays (such as `as const` data) are fine. */
export type ArticleSeed = Omit<z.input<typeof ArticleSeed>, 'routes'> & { routes?: readonly string[] };

export const MemoryAdapterOptions = z.object({
  /** Knowledge base. @default [] — pass `demoArticles` for a ready-made invoicing help centre. */
  articles: z._default(z.array(ArticleSeed), []),
  /** Name shown on agent replies. @default 'Sam from Support' */
  agentName: z._default(z.string().check(z.minLength(1), z.maxLength(100)), 'Sam from Support'),
  /**
   * Scripted agent: gets each visitor message, returns the reply or null for none. The reply comes
   * `replyDelayMs` later, with a typing indicator first. @default polite canned replies
   */
  autoReply: z.optional(fn<(text: string) => string | null>('(text) => reply or null')),
  /** @default 1200 */
  replyDelayMs: z._default(z.number().check(z.int(), z.minimum(0), z.maximum(600_000)), 1200),
  /** Team hours: availability and SLA timers follow them. @default open around the clock */
  businessHours: z.optional(BusinessHours),
  /** Fixed availability, whatever the hours say. @default computed from businessHours */
  availability: z.optional(AvailabilityStatus),
  /** Ticket form. @default an "Affected area" select and an "Invoice number" for billing tickets */
  ticketForm: z.optional(TicketForm),
  /** Clock. @default () => new Date() */
  now: z.optional(fn<() => Date>('() => Date')),
  /** Random source in [0, 1) for ids and tokens. @default Math.random */
  random: z.optional(fn<() => number>('() => number')),
  /** Simulated round-trip delay of every call, in ms. @default 0 */
  latencyMs: z._default(z.number().check(z.int(), z.minimum(0), z.maximum(60_000)), 0),
});
export type MemoryAdapterOptions = Omit<z.input<typeof MemoryAdapterOptions>, 'articles'> & {
  articles?: readonly ArticleSeed[];
};
export type ResolvedOptions = z.infer<typeof MemoryAdapterOptions>;
